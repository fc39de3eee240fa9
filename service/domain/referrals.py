"""Referrals: a clinic refers a person into peer support and follows it to its outcome.

The status machine uses the names of FHIR R4 Task.status. Each transition belongs to one side:
the receiving organization answers and reports progress, the sender may only withdraw a
referral nobody has answered yet, and only the expiry sweep (the system) lets one expire."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta
from uuid import UUID

import msgspec

from service.domain.errors import Conflict, DomainError, InvalidField
from service.domain.records import new_record, next_version


class ReferralStatus(enum.StrEnum):
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    FAILED = "failed"


class Urgency(enum.StrEnum):
    """FHIR request priority."""

    ROUTINE = "routine"
    URGENT = "urgent"
    ASAP = "asap"
    STAT = "stat"


class Side(enum.StrEnum):
    SENDER = "sender"
    RECEIVER = "receiver"
    SYSTEM = "system"


# From each status: the statuses it may move to, and the side that may move it there.
TRANSITIONS: dict[ReferralStatus, dict[ReferralStatus, Side]] = {
    ReferralStatus.REQUESTED: {
        ReferralStatus.ACCEPTED: Side.RECEIVER,
        ReferralStatus.REJECTED: Side.RECEIVER,
        ReferralStatus.CANCELLED: Side.SENDER,
        ReferralStatus.EXPIRED: Side.SYSTEM,
    },
    ReferralStatus.ACCEPTED: {ReferralStatus.IN_PROGRESS: Side.RECEIVER},
    ReferralStatus.IN_PROGRESS: {
        ReferralStatus.COMPLETED: Side.RECEIVER,
        ReferralStatus.FAILED: Side.RECEIVER,
    },
}

TERMINAL: frozenset[ReferralStatus] = frozenset(s for s in ReferralStatus if s not in TRANSITIONS)


class IllegalTransition(DomainError):
    """The referral cannot move to that status from where it is, or not by this side.
    `allowed` names the statuses this side may move it to now (possibly none)."""

    def __init__(
        self, current: ReferralStatus, wanted: ReferralStatus, allowed: list[ReferralStatus]
    ) -> None:
        options = ", ".join(s.value for s in allowed) or "none"
        super().__init__(
            f"A {current.value} referral cannot become {wanted.value} by this organization; "
            f"allowed now: {options}."
        )
        self.allowed = allowed


class ReferralConflict(Conflict):
    """The transition is allowed by the table, but the referral's circumstances changed (its
    consent ended, the receiver left the network...)."""


class DuplicateReferral(DomainError):
    """The sender already made a referral with this external_ref."""

    def __init__(self, external_ref: str, existing_id: UUID) -> None:
        super().__init__(
            f"This organization already made referral {existing_id} with external_ref "
            f"{external_ref!r}."
        )
        self.existing_id = existing_id


class Referral(msgspec.Struct, frozen=True, kw_only=True):
    id: UUID
    sender_organization_id: UUID
    receiver_organization_id: UUID
    member_id: UUID
    network_id: UUID | None
    consent_id: UUID
    reason: str
    urgency: Urgency
    external_ref: str | None
    status: ReferralStatus
    # An unanswered referral expires at this instant (the sweep moves it to `expired`).
    answer_by: datetime
    version: int
    created_at: datetime
    updated_at: datetime

    def side_of(self, organization_id: UUID) -> Side | None:
        if organization_id == self.sender_organization_id:
            return Side.SENDER
        if organization_id == self.receiver_organization_id:
            return Side.RECEIVER
        return None


class StatusChange(msgspec.Struct, frozen=True, kw_only=True):
    """One line of a referral's history: who moved it, when, from where to where, and why."""

    id: UUID
    referral_id: UUID
    to_status: ReferralStatus
    actor_organization_id: UUID | None  # None: the system (the expiry sweep)
    at: datetime
    from_status: ReferralStatus | None = None  # None: the referral was made
    reason: str | None = None


class NewReferral(msgspec.Struct, frozen=True, kw_only=True):
    receiver_organization_id: UUID
    network_id: UUID | None
    reason: str
    urgency: Urgency
    external_ref: str | None


def allowed_for(status: ReferralStatus, side: Side) -> list[ReferralStatus]:
    return [to for to, who in TRANSITIONS.get(status, {}).items() if who is side]


def create_referral(
    new: NewReferral,
    *,
    referral_id: UUID,
    change_id: UUID,
    sender_organization_id: UUID,
    member_id: UUID,
    consent_id: UUID,
    answer_within: timedelta,
    now: datetime,
) -> tuple[Referral, StatusChange]:
    if new.receiver_organization_id == sender_organization_id:
        raise InvalidField("receiver_organization_id", "A referral goes to another organization.")
    if not new.reason.strip():
        raise InvalidField("reason", "Say why the person is referred.")
    referral = new_record(
        Referral,
        new,
        id=referral_id,
        sender_organization_id=sender_organization_id,
        member_id=member_id,
        consent_id=consent_id,
        reason=new.reason.strip(),
        status=ReferralStatus.REQUESTED,
        answer_by=now + answer_within,
        created_at=now,
        updated_at=now,
    )
    change = StatusChange(
        id=change_id,
        referral_id=referral_id,
        to_status=ReferralStatus.REQUESTED,
        actor_organization_id=sender_organization_id,
        at=now,
    )
    return referral, change


def transition(
    referral: Referral,
    to: ReferralStatus,
    *,
    side: Side,
    actor_organization_id: UUID | None,
    reason: str | None,
    change_id: UUID,
    now: datetime,
) -> tuple[Referral, StatusChange]:
    """Move the referral, or IllegalTransition naming what this side may do instead. Once
    its answer time has passed, an unanswered referral can only expire (the sweep will)."""
    if is_overdue(referral, now) and side is not Side.SYSTEM:
        raise IllegalTransition(referral.status, to, [])
    if TRANSITIONS.get(referral.status, {}).get(to) is not side:
        raise IllegalTransition(referral.status, to, allowed_for(referral.status, side))
    moved = next_version(referral, status=to, updated_at=now)
    change = StatusChange(
        id=change_id,
        referral_id=referral.id,
        from_status=referral.status,
        to_status=to,
        actor_organization_id=actor_organization_id,
        reason=reason.strip() if reason and reason.strip() else None,
        at=now,
    )
    return moved, change


def is_overdue(referral: Referral, now: datetime) -> bool:
    return referral.status is ReferralStatus.REQUESTED and referral.answer_by <= now
