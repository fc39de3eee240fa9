"""Referrals (/v1/referrals): the closed loop from a clinic to a peer organization."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from litestar import Response, get, post
from litestar.params import JSONBody, PathParameter, QueryParameter
from msgspec import Meta

from service.adapters.http.consent_schemas import ConsentCreate
from service.adapters.http.idempotency import (
    Created,
    IdempotencyKey,
    IfMatch,
    create_idempotently,
    etag,
    expected_version,
)
from service.adapters.http.operations import Acting, ApiController, HttpRequest, acting, operation
from service.adapters.http.paging import Cursor, Limit, list_of, page_request
from service.adapters.http.schemas import PRINTABLE, ExternalRef, MemberCreate
from service.domain.organizations import Scope
from service.domain.paging import DEFAULT_PAGE_SIZE
from service.domain.referral_sight import SeenReferral, referral_seen_by
from service.domain.referrals import (
    NewReferral,
    Referral,
    ReferralStatus,
    StatusChange,
    Urgency,
    allowed_for,
)
from service.usecases import referral_transitions
from service.usecases import referrals as usecases

ReferralId = Annotated[UUID, PathParameter(description="The referral's id.")]
ReasonText = Annotated[str, Meta(min_length=1, max_length=2000, pattern=PRINTABLE)]
Direction = Annotated[
    Literal["sent", "received"],
    QueryParameter(description="The referrals the caller sent, or those it received."),
]
StatusFilter = Annotated[
    ReferralStatus | None,
    QueryParameter(required=False, description="Only referrals in this status."),
]


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
        )


class ReferralList(msgspec.Struct, kw_only=True):
    data: list[ReferralView]
    next_cursor: str | None


class StatusChangeView(msgspec.Struct, kw_only=True):
    """`actor_organization_id` is null when the service itself acted (expiry)."""

    from_status: ReferralStatus | None
    to_status: ReferralStatus
    actor_organization_id: UUID | None
    reason: str | None
    at: datetime

    @classmethod
    def of(cls, change: StatusChange) -> StatusChangeView:
        return cls(
            from_status=change.from_status,
            to_status=change.to_status,
            actor_organization_id=change.actor_organization_id,
            reason=change.reason,
            at=change.at,
        )


class ReferralHistory(msgspec.Struct, kw_only=True):
    data: list[StatusChangeView]


def _answer_within(act: Acting) -> timedelta:
    return timedelta(hours=act.services.settings.referral_answer_hours)


class ReferralController(ApiController):
    path = "/v1/referrals"
    tags = ["referrals"]

    @operation(
        post,
        "createReferral",
        Scope.REFERRALS_WRITE,
        errors=(409, 410, 413, 422),
        etag=True,
        created=True,
    )
    async def create(
        self,
        request: HttpRequest,
        data: JSONBody[ReferralCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[ReferralView]:
        """Refer a person to another organization (optionally into a network)

        Status `requested`; the receiver is told by a `referral.created` event. An
        `external_ref` already used by the caller is a 409 with `existing_id`; the same
        `Idempotency-Key` replays the first response. Unanswered referrals expire after
        `SN_REFERRAL_ANSWER_HOURS` (default 14 days)."""
        act = acting(request)
        caller = act.caller
        organization_id = act.organization_id
        command = usecases.CreateReferral(
            organization_id=organization_id,
            key_id=caller.key_id,
            referral=NewReferral(
                receiver_organization_id=data.receiver_organization_id,
                network_id=data.network_id,
                reason=data.reason,
                urgency=data.urgency,
                external_ref=data.external_ref,
            ),
            member_id=data.member_id,
            new_member=None if data.member is None else data.member.to_domain(),
            consent_id=data.consent_id,
            consent_terms=None if data.consent is None else data.consent.to_domain(),
        )
        answer_within = _answer_within(act)

        def present(referral: Referral) -> Created[ReferralView]:
            view = ReferralView.of(referral_seen_by(referral, organization_id, ()), organization_id)
            location = f"/v1/referrals/{referral.id}"
            return Created.of(view, version=referral.version, location=location)

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.create_referral(
                command, uow, act.clock, act.ids, answer_within, receipt=receipt
            ),
            present=present,
        )

    @operation(get, "listReferrals", Scope.REFERRALS_READ)
    async def list_referrals(
        self,
        request: HttpRequest,
        direction: Direction,
        status: StatusFilter = None,
        limit: Limit = DEFAULT_PAGE_SIZE,
        cursor: Cursor = None,
    ) -> ReferralList:
        """The referrals the caller sent, or received (oldest first)"""
        act = acting(request)
        viewer = act.organization_id
        page = await usecases.list_referrals(
            act.viewing(),
            sent=direction == "sent",
            status=status,
            page=page_request(limit, cursor),
            queries=act.services.referrals,
        )
        return list_of(ReferralList, page, lambda r: ReferralView.of(r, viewer))

    @operation(get, "getReferral", Scope.REFERRALS_READ, path="/{referral_id:uuid}", etag=True)
    async def get_referral(
        self, request: HttpRequest, referral_id: ReferralId
    ) -> Response[ReferralView]:
        """Read a referral (its sender or its receiver)"""
        act = acting(request)
        seen = await usecases.get_referral(act.viewing(), referral_id, act.services.referrals)
        view = ReferralView.of(seen, act.organization_id)
        return Response(view, headers={"ETag": etag(seen.referral.version)})

    @operation(get, "getReferralHistory", Scope.REFERRALS_READ, path="/{referral_id:uuid}/history")
    async def history(self, request: HttpRequest, referral_id: ReferralId) -> ReferralHistory:
        """Every status change of a referral: who, when, from what to what, and why"""
        act = acting(request)
        changes = await usecases.referral_history(
            act.viewing(), referral_id, act.services.referrals
        )
        return ReferralHistory(data=[StatusChangeView.of(c) for c in changes])

    @operation(
        post,
        "transitionReferral",
        Scope.REFERRALS_WRITE,
        errors=(409, 412, 413, 422, 428),
        path="/{referral_id:uuid}/transitions",
        etag=True,
        status_code=200,
    )
    async def transition(
        self,
        request: HttpRequest,
        referral_id: ReferralId,
        data: JSONBody[ReferralTransition],
        if_match: IfMatch = None,
    ) -> Response[ReferralView]:
        """Move a referral along the closed loop

        The receiver: `accepted` or `rejected` (from `requested`), `in_progress` (from
        `accepted`), `completed` or `failed` (from `in_progress`). The sender: `cancelled` (from
        `requested`). Anything else is a 409 whose `allowed` lists what the caller may do now.
        Accepting a referral into a network makes the person an active member of it. Both sides
        get a `referral.status_changed` event."""
        act = acting(request)
        organization_id = act.organization_id
        seen = await referral_transitions.transition_referral(
            referral_transitions.TransitionReferral(
                organization_id=organization_id,
                referral_id=referral_id,
                to=data.status,
                reason=data.reason,
                expected_version=expected_version(if_match),
                viewing=act.viewing(),
            ),
            act.uow(),
            act.clock,
            act.ids,
        )
        view = ReferralView.of(seen, organization_id)
        return Response(view, headers={"ETag": etag(seen.referral.version)})
