"""The request and response bodies of referrals."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

from service.adapters.http.consent_schemas import ConsentCreate
from service.adapters.http.disclosure_schemas import DisclosureNoticeView
from service.adapters.http.schemas import PRINTABLE, ExternalRef, MemberCreate
from service.adapters.http.views import CopiedView
from service.domain.disclosure_notice import notice_for_consents
from service.domain.referral_sight import SeenReferral
from service.domain.referrals import (
    ReferralStatus,
    Urgency,
    allowed_for,
)

ReasonText = Annotated[str, Meta(min_length=1, max_length=2000, pattern=PRINTABLE)]


class ReferralCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The person: `member_id` (one of the caller's members) or `member` (a new pseudonymous
    one). The consent that allows the referral: `consent_id` (already recorded, to the
    receiving organization) or `consent` (recorded with the referral; its recipient is the
    receiving organization). A consent with `end_event: referral_closed` ends when the
    referral does."""

    receiver_organization_id: UUID
    reason: ReasonText
    urgency: Urgency = Urgency.ROUTINE
    network_id: UUID | None = None
    member_id: UUID | None = None
    member: MemberCreate | None = None
    consent_id: UUID | None = None
    consent: ConsentCreate | None = None
    external_ref: ExternalRef | None = None


class ReferralTransition(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    status: ReferralStatus
    reason: Annotated[str, Meta(max_length=1000, pattern=PRINTABLE)] | None = None


_MEMBERS_DATA = (
    "The member's data: the receiver sees it only while a consent from the member to it is in "
    "force (null otherwise), and each read that shows it is in the member's accounting of "
    "disclosures."
)


class ReferralView(msgspec.Struct, kw_only=True):
    """A referral as either side sees it. `allowed_transitions`: what the caller may move it
    to now. `external_ref` is the sender's own reference and shows to the sender only. The
    person referred (`member_id`) and the `reason` are the member's data: the receiver sees
    them only while a consent from the member to it is in force (null otherwise), and each read
    that shows them is recorded in the member's accounting of disclosures."""

    id: UUID
    sender_organization_id: UUID
    receiver_organization_id: UUID
    member_id: Annotated[UUID | None, Meta(description=_MEMBERS_DATA)]
    network_id: UUID | None
    consent_id: UUID
    reason: Annotated[str | None, Meta(description=_MEMBERS_DATA)]
    urgency: Urgency
    external_ref: str | None
    status: ReferralStatus
    answer_by: datetime
    allowed_transitions: list[ReferralStatus]
    version: int
    created_at: datetime
    updated_at: datetime
    disclosure: DisclosureNoticeView | None = None

    @classmethod
    def of(cls, seen: SeenReferral, viewer: UUID) -> ReferralView:
        referral = seen.referral
        side = referral.side_of(viewer)
        return cls(
            id=referral.id,
            sender_organization_id=referral.sender_organization_id,
            receiver_organization_id=referral.receiver_organization_id,
            member_id=referral.member_id if seen.shows_person else None,
            network_id=referral.network_id,
            consent_id=referral.consent_id,
            reason=referral.reason if seen.shows_person else None,
            urgency=referral.urgency,
            external_ref=referral.external_ref
            if viewer == referral.sender_organization_id
            else None,
            status=referral.status,
            answer_by=referral.answer_by,
            allowed_transitions=[] if side is None else allowed_for(referral.status, side),
            version=referral.version,
            created_at=referral.created_at,
            updated_at=referral.updated_at,
            disclosure=DisclosureNoticeView.of(notice_for_consents(seen.consent_ids)),
        )


class ReferralList(msgspec.Struct, kw_only=True):
    data: list[ReferralView]
    next_cursor: str | None


class StatusChangeView(CopiedView, kw_only=True):
    """`actor_organization_id` is null when the service itself acted (expiry)."""

    from_status: ReferralStatus | None
    to_status: ReferralStatus
    actor_organization_id: UUID | None
    reason: str | None
    at: datetime


class ReferralHistory(msgspec.Struct, kw_only=True):
    data: list[StatusChangeView]
