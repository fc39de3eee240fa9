"""Events written to the outbox in the same transaction as the change they announce."""

from __future__ import annotations

import enum
from datetime import datetime
from uuid import UUID

import msgspec

from service.domain.disclosure_notice import DisclosureNotice
from service.domain.organizations import Scope


class EventType(enum.StrEnum):
    MEMBER_CREATED = "member.created"
    MEMBER_UPDATED = "member.updated"
    MEMBER_ERASED = "member.erased"
    ORGANIZATION_CREATED = "organization.created"
    API_KEY_CREATED = "api_key.created"
    API_KEY_REVOKED = "api_key.revoked"
    NETWORK_CREATED = "network.created"
    NETWORK_UPDATED = "network.updated"
    NETWORK_ARCHIVED = "network.archived"
    NETWORK_ORGANIZATION_INVITED = "network.organization_invited"
    NETWORK_ORGANIZATION_JOINED = "network.organization_joined"
    NETWORK_ORGANIZATION_DECLINED = "network.organization_declined"
    NETWORK_ORGANIZATION_LEFT = "network.organization_left"
    NETWORK_MEMBERSHIP_ADDED = "network.membership_added"
    NETWORK_MEMBERSHIP_CHANGED = "network.membership_changed"
    NETWORK_MEMBERSHIP_REMOVED = "network.membership_removed"
    CONSENT_GRANTED = "consent.granted"
    CONSENT_REVOKED = "consent.revoked"
    CONSENT_EXPIRED = "consent.expired"
    RECOVERY_RESTARTED = "recovery.restarted"
    MILESTONE_REACHED = "milestone.reached"
    MILESTONE_CHEERED = "milestone.cheered"
    PLEDGE_CREATED = "pledge.created"
    PLEDGE_CHECKED_IN = "pledge.checked_in"
    PLEDGE_MISSED = "pledge.missed"
    REFERRAL_CREATED = "referral.created"
    REFERRAL_STATUS_CHANGED = "referral.status_changed"
    WEBHOOK_ENDPOINT_DISABLED = "webhook_endpoint.disabled"
    INCIDENT_OPENED = "incident.opened"
    INCIDENT_CLOSED = "incident.closed"
    POST_CREATED = "post.created"
    POST_REPLIED = "post.replied"
    POST_REPORTED = "post.reported"
    POST_HIDDEN = "post.hidden"
    POST_CRISIS_FLAGGED = "post.crisis_flagged"
    REACH_OUT_OPENED = "reach_out.opened"
    REACH_OUT_ANSWERED = "reach_out.answered"
    REACH_OUT_ESCALATED = "reach_out.escalated"
    REACH_OUT_CLOSED = "reach_out.closed"
    MEETING_SCHEDULED = "meeting.scheduled"
    MEETING_CANCELLED = "meeting.cancelled"
    ATTENDANCE_RECORDED = "attendance.recorded"
    MEMBER_DISENGAGEMENT_SIGNAL = "member.disengagement_signal"
    MEMBER_REENGAGED = "member.reengaged"


# The key scope an event type needs, in the feed and on a webhook endpoint: a key sees the
# events of the kinds of data it may read (a key with webhooks:manage alone gets only its
# endpoints' own events, never members' or keys').
EVENT_SCOPES: dict[EventType, Scope] = {
    EventType.MEMBER_CREATED: Scope.MEMBERS_READ,
    EventType.MEMBER_UPDATED: Scope.MEMBERS_READ,
    EventType.MEMBER_ERASED: Scope.MEMBERS_READ,
    EventType.ORGANIZATION_CREATED: Scope.KEYS_MANAGE,
    EventType.API_KEY_CREATED: Scope.KEYS_MANAGE,
    EventType.API_KEY_REVOKED: Scope.KEYS_MANAGE,
    EventType.NETWORK_CREATED: Scope.NETWORKS_READ,
    EventType.NETWORK_UPDATED: Scope.NETWORKS_READ,
    EventType.NETWORK_ARCHIVED: Scope.NETWORKS_READ,
    EventType.NETWORK_ORGANIZATION_INVITED: Scope.NETWORKS_READ,
    EventType.NETWORK_ORGANIZATION_JOINED: Scope.NETWORKS_READ,
    EventType.NETWORK_ORGANIZATION_DECLINED: Scope.NETWORKS_READ,
    EventType.NETWORK_ORGANIZATION_LEFT: Scope.NETWORKS_READ,
    EventType.NETWORK_MEMBERSHIP_ADDED: Scope.NETWORKS_READ,
    EventType.NETWORK_MEMBERSHIP_CHANGED: Scope.NETWORKS_READ,
    EventType.NETWORK_MEMBERSHIP_REMOVED: Scope.NETWORKS_READ,
    EventType.CONSENT_GRANTED: Scope.CONSENTS_READ,
    EventType.CONSENT_REVOKED: Scope.CONSENTS_READ,
    EventType.CONSENT_EXPIRED: Scope.CONSENTS_READ,
    EventType.RECOVERY_RESTARTED: Scope.MEMBERS_READ,
    EventType.MILESTONE_REACHED: Scope.MEMBERS_READ,
    EventType.MILESTONE_CHEERED: Scope.MEMBERS_READ,
    EventType.PLEDGE_CREATED: Scope.MEMBERS_READ,
    EventType.PLEDGE_CHECKED_IN: Scope.MEMBERS_READ,
    EventType.PLEDGE_MISSED: Scope.MEMBERS_READ,
    EventType.REFERRAL_CREATED: Scope.REFERRALS_READ,
    EventType.REFERRAL_STATUS_CHANGED: Scope.REFERRALS_READ,
    EventType.WEBHOOK_ENDPOINT_DISABLED: Scope.WEBHOOKS_MANAGE,
    EventType.INCIDENT_OPENED: Scope.KEYS_MANAGE,
    EventType.INCIDENT_CLOSED: Scope.KEYS_MANAGE,
    EventType.POST_CREATED: Scope.NETWORKS_READ,
    EventType.POST_REPLIED: Scope.NETWORKS_READ,
    EventType.POST_REPORTED: Scope.NETWORKS_READ,
    EventType.POST_HIDDEN: Scope.NETWORKS_READ,
    EventType.POST_CRISIS_FLAGGED: Scope.NETWORKS_READ,
    EventType.REACH_OUT_OPENED: Scope.MEMBERS_READ,
    EventType.REACH_OUT_ANSWERED: Scope.MEMBERS_READ,
    EventType.REACH_OUT_ESCALATED: Scope.MEMBERS_READ,
    EventType.REACH_OUT_CLOSED: Scope.MEMBERS_READ,
    EventType.MEETING_SCHEDULED: Scope.NETWORKS_READ,
    EventType.MEETING_CANCELLED: Scope.NETWORKS_READ,
    EventType.ATTENDANCE_RECORDED: Scope.MEMBERS_READ,
    EventType.MEMBER_DISENGAGEMENT_SIGNAL: Scope.MEMBERS_READ,
    EventType.MEMBER_REENGAGED: Scope.MEMBERS_READ,
}


def event_types_for(scopes: frozenset[Scope]) -> frozenset[EventType]:
    """The kinds of event a key with `scopes` may receive."""
    return frozenset(t for t, needed in EVENT_SCOPES.items() if needed in scopes)


class Event(msgspec.Struct, frozen=True, kw_only=True):
    """An immutable fact. `data` is thin: ids and the names of changed fields, never the values,
    so that the feed and webhooks can filter what each organization may see."""

    id: UUID
    type: EventType
    organization_id: UUID
    subject_type: str
    subject_id: UUID
    occurred_at: datetime
    data: dict[str, str | int | list[str]]


class FeedPosition(msgspec.Struct, frozen=True, kw_only=True, order=True):
    """Where an event stands in the feed: (transaction id, outbox position)."""

    txid: int = 0
    position: int = 0


class FeedEvent(msgspec.Struct, frozen=True, kw_only=True):
    at: FeedPosition
    event: Event
    # The consents that let the event's data about another organization's member reach the
    # reader (none for anything else): what its notice names.
    notice_consents: tuple[UUID, ...] = ()


# The largest position a cursor holds (a bigint in PostgreSQL).
LAST_POSITION = 2**63 - 1


class FeedRead(msgspec.Struct, frozen=True, kw_only=True):
    """One read of the feed: the events found, and the transaction horizon below which every
    transaction had ended when it read (the snapshot's xmin): an event below it that was not
    found was looked at and is not the reader's."""

    events: list[FeedEvent]
    horizon: int


def next_position(after: FeedPosition, read: FeedRead, limit: int) -> FeedPosition:
    """Where the next read starts. A full page: after its last event. A short one looked at
    everything below the horizon: after all of it, so that the next poll does not walk again
    what this one walked (events that come later have a transaction id at or above the
    horizon). Never backwards."""
    last = read.events[-1].at if read.events else after
    if len(read.events) >= limit or read.horizon <= 0:
        return last
    return max(last, FeedPosition(txid=read.horizon - 1, position=LAST_POSITION))


class EventView(msgspec.Struct, kw_only=True):
    """An immutable event as partners receive it, in the feed and in webhook deliveries (one
    wire shape for both); `data` is thin (ids and the names of changed fields)."""

    id: UUID
    type: str
    occurred_at: datetime
    organization_id: UUID
    subject_type: str
    subject_id: UUID
    data: dict[str, str | int | list[str]]
    # With data about another organization's member: the 42 CFR 2.32 notice, the consents
    # that allowed it, the DS4P labels (see disclosure_notice.py); null otherwise.
    disclosure: DisclosureNotice | None = None

    @classmethod
    def of(cls, event: Event, notice: DisclosureNotice | None = None) -> EventView:
        return cls(
            id=event.id,
            type=event.type.value,
            occurred_at=event.occurred_at,
            organization_id=event.organization_id,
            subject_type=event.subject_type,
            subject_id=event.subject_id,
            data=event.data,
            disclosure=notice,
        )


def new_event(
    event_type: EventType,
    *,
    organization_id: UUID,
    subject_type: str,
    subject_id: UUID,
    event_id: UUID,
    now: datetime,
    data: dict[str, str | int | list[str]],
) -> Event:
    return Event(
        id=event_id,
        type=event_type,
        organization_id=organization_id,
        subject_type=subject_type,
        subject_id=subject_id,
        occurred_at=now,
        data=data,
    )
