"""Restrictions (42 CFR 2.26): a member asks that some of their data (scopes) not go to some
recipients (none named: to anyone) or for some purposes (none named: for any). The home
organization agrees, denies, or ends an agreed one. An agreed restriction takes its scopes away
from every consent it matches, for as long as it holds."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, datetime
from uuid import UUID

import msgspec

from service.domain.consent import Consent, DataScope
from service.domain.consent_form import PurposeCode
from service.domain.errors import Conflict, InvalidField
from service.domain.records import new_record, next_version


class RestrictionStatus(enum.StrEnum):
    REQUESTED = "requested"
    AGREED = "agreed"
    DENIED = "denied"
    ENDED = "ended"


class NewRestriction(msgspec.Struct, frozen=True, kw_only=True):
    scopes: frozenset[DataScope]
    recipient_organization_ids: frozenset[UUID] = frozenset()
    purpose_codes: frozenset[PurposeCode] = frozenset()
    requested_on: date


class Restriction(NewRestriction, frozen=True, kw_only=True):
    """What the member asked for (the fields of NewRestriction), and what became of it."""

    id: UUID
    member_id: UUID
    organization_id: UUID
    status: RestrictionStatus
    decided_at: datetime | None
    ended_at: datetime | None
    created_at: datetime
    version: int

    def matches(self, consent: Consent) -> bool:
        """Whether it limits this consent: to one of its recipients (or any), for one of its
        purposes (or any). A consent that states no coded purpose (one recorded before purposes
        were coded) may serve any of them: the restriction holds for it. So does a consent that
        may reach organizations it does not name (a class of them, or an intermediary's
        participants): it could reach a restricted recipient, and a restriction limits the
        consent as a whole."""
        recipients, purposes = self.recipient_organization_ids, self.purpose_codes
        return (
            not recipients
            or consent.recipient_organization_id in recipients
            or consent.reaches_unnamed
            or bool(consent.participant_organization_ids & recipients)
        ) and (not purposes or consent.purpose_code is None or consent.purpose_code in purposes)


def request_restriction(
    new: NewRestriction,
    *,
    restriction_id: UUID,
    member_id: UUID,
    organization_id: UUID,
    today: date,
    now: datetime,
) -> Restriction:
    if not new.scopes:
        raise InvalidField("scopes", "Name the data the restriction keeps back.")
    if new.requested_on > today:
        raise InvalidField("requested_on", "A request cannot be made in the future.")
    return new_record(
        Restriction,
        new,
        id=restriction_id,
        member_id=member_id,
        organization_id=organization_id,
        status=RestrictionStatus.REQUESTED,
        decided_at=None,
        ended_at=None,
        created_at=now,
    )


def decide(restriction: Restriction, *, agree: bool, now: datetime) -> Restriction:
    """The home organization agrees or denies a requested restriction, once."""
    if restriction.status is not RestrictionStatus.REQUESTED:
        raise Conflict("restriction-decided", "This restriction was already decided.")
    status = RestrictionStatus.AGREED if agree else RestrictionStatus.DENIED
    return next_version(restriction, status=status, decided_at=now)


def end(restriction: Restriction, now: datetime) -> Restriction:
    """An agreed restriction ends (the member withdrew it, or the organization ended it)."""
    if restriction.status is not RestrictionStatus.AGREED:
        raise Conflict("restriction-not-agreed", "Only an agreed restriction can end.")
    return next_version(restriction, status=RestrictionStatus.ENDED, ended_at=now)


def restricted_scopes(consent: Consent, agreed: Iterable[Restriction]) -> frozenset[DataScope]:
    """What the member's agreed restrictions take away from this consent."""
    taken: set[DataScope] = set()
    for restriction in agreed:
        if restriction.status is RestrictionStatus.AGREED and restriction.matches(consent):
            taken |= restriction.scopes
    return frozenset(taken & consent.scopes)
