"""Which events about a member reach another organization: in its feed (sees_member_event)
and, for a webhook delivery queued earlier, at send time (still_sees_member_event). Built on
consent.py's scopes and consents; consent_sql.py states the same for the database."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from service.domain.consent import (
    MEMBER_EVENT_SCOPES,
    RECOVERY_READ,
    Consent,
    DataScope,
    Reader,
    ReadScopes,
    read_access,
)
from service.domain.events import Event, EventType
from service.domain.members import Member


def _only(scope: DataScope) -> ReadScopes:
    return ReadScopes(needed=frozenset({scope}), shown=frozenset({scope}))


def still_sees_member_event(
    viewer: Reader,
    member: Member,
    event_type: EventType,
    consents: Iterable[Consent],
    now: datetime,
) -> bool:
    """Whether an event of `event_type` about `member` may go to the viewer now (a webhook
    delivery queued earlier is sent only if so; consent_sql.still_allowed states it for the
    database): the home organization; anyone else under a consent in force now covering the
    event's kind of data (MEMBER_EVENT_SCOPES), never about an erased member. Kinds of event
    no scope covers are not about data of the member's and follow their own rules."""
    scope = MEMBER_EVENT_SCOPES.get(event_type)
    if scope is None or viewer.organization_id == member.organization_id:
        return True
    if member.erased_at is not None:
        return False
    return read_access(viewer, member, consents, _only(scope), now) is not None


def sees_member_event(
    viewer: Reader,
    member: Member,
    event_type: EventType,
    occurred_at: datetime,
    consents: Iterable[Consent],
    now: datetime,
) -> bool:
    """Whether an event of `event_type` about `member`, which happened at `occurred_at`, shows
    in the viewer's feed (the SQL states it again in consent_sql.visible_to, and a property
    test holds the two together). The home organization sees it. Anyone else needs a consent
    covering the event's kind of data (MEMBER_EVENT_SCOPES) both when it happened and now: a
    revocation, an expiry or the member's erasure acts at once, on events already read too. A
    kind of member event no scope covers never crosses. An event about a post also needs
    what a read of the post needs beyond the consent (taking part in its network; moderating
    there, for a report or a hiding), and one about attendance taking part in its network:
    consent_sql._network_audience states both; consent_sql._reach_out_event_audience states
    a reach-out's (an active supporter of the reader's in a circle asked)."""
    scope = MEMBER_EVENT_SCOPES.get(event_type)
    if viewer.organization_id == member.organization_id:
        return True
    if scope is None:
        return False
    consents = list(consents)
    then = read_access(viewer, member, consents, _only(scope), occurred_at)
    return then is not None and still_sees_member_event(viewer, member, event_type, consents, now)


def shows_milestone_period(
    viewer: Reader, member: Member, consents: Iterable[Consent], now: datetime
) -> bool:
    """Whether a milestone event's key, which names the start of its recovery period (restart
    history), shows to the viewer: the home organization, or a consent in force now covering
    `recovery` (consent_sql.shown_data strips it otherwise; label and dates stay)."""
    return read_access(viewer, member, consents, RECOVERY_READ, now) is not None


# Milestone events name a milestone by a key that holds its period's start (restart history).
MILESTONE_EVENTS = frozenset({EventType.MILESTONE_REACHED, EventType.MILESTONE_CHEERED})


def shows_member(sent: Event) -> bool:
    """Whether an event as sent carries data of a member: a member event (scopes_shown), or a
    referral event that kept the person referred (the receiver gets it only under a consent in
    force, referral_sight)."""
    return bool(scopes_shown(sent)) or (
        sent.subject_type == "referral" and "member_id" in sent.data
    )


def scopes_shown(sent: Event) -> frozenset[DataScope]:
    """The scopes of a member's data that an event shows as it was sent: its kind's
    (MEMBER_EVENT_SCOPES), and `recovery` too when it is a milestone event that kept its key
    (see shows_milestone_period). None for events that carry no data of a member's."""
    scope = MEMBER_EVENT_SCOPES.get(sent.type)
    if scope is None:
        return frozenset()
    if sent.type in MILESTONE_EVENTS and "milestone_key" in sent.data:
        return frozenset({scope, DataScope.RECOVERY})
    return frozenset({scope})
