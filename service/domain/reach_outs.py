"""Reach-outs (issue #14): a member asks their circles for support now. The home organization
opens one on the member's behalf; supporters answer through their own organizations; nobody
answering in time escalates it, once, to the home organization; it closes with an outcome, or
by itself after a day. Time comes in as an argument; nothing here reads a clock.

A reach-out is not an emergency service: it asks peers, and tells the home organization when
peers do not answer. The crisis resources an organization configures go out with every
reach-out it opens, so that the person is never left with nothing to call."""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from uuid import UUID

import msgspec

from service.domain.errors import Conflict, InvalidField
from service.domain.text import CONTROL_CHARACTERS

MAX_MESSAGE_CHARACTERS = 500
MAX_CIRCLES = 20
MAX_RESOURCES = 10
# An open reach-out closes by itself, as `expired`, a day after it was opened.
EXPIRES_AFTER = timedelta(hours=24)


class ReachOutUrgency(enum.StrEnum):
    NOW = "now"
    TODAY = "today"


class ResponseKind(enum.StrEnum):
    ON_MY_WAY = "on_my_way"
    CALLING = "calling"
    MESSAGED = "messaged"
    CANNOT_NOW = "cannot_now"  # said, and kept, but not an answer: it does not stop escalation

    @property
    def answers(self) -> bool:
        return self is not ResponseKind.CANNOT_NOW


class ReachOutOutcome(enum.StrEnum):
    SUPPORTED = "supported"
    NO_LONGER_NEEDED = "no_longer_needed"
    REFERRED = "referred"
    EMERGENCY_SERVICES = "emergency_services"
    EXPIRED = "expired"  # only by itself, never chosen


CLOSING_OUTCOMES = frozenset(ReachOutOutcome) - {ReachOutOutcome.EXPIRED}


class ReachOutConflict(Conflict):
    """The change does not fit the reach-out's state (it is closed)."""


class EscalationWindows(msgspec.Struct, frozen=True, kw_only=True):
    """How long an organization's reach-outs wait for a first answer before they escalate to
    it, by urgency. The defaults: 10 minutes for `now`, 2 hours for `today`."""

    now: timedelta = timedelta(minutes=10)
    today: timedelta = timedelta(hours=2)

    def of(self, urgency: ReachOutUrgency) -> timedelta:
        return self.now if urgency is ReachOutUrgency.NOW else self.today


class CrisisResource(msgspec.Struct, frozen=True, kw_only=True):
    """Somewhere a person can call at once, such as a national crisis line."""

    name: str
    phone: str


class ReachOut(msgspec.Struct, frozen=True, kw_only=True):
    id: UUID
    member_id: UUID
    organization_id: UUID  # the member's home organization, which opened it
    urgency: ReachOutUrgency
    message: str | None
    circle_ids: tuple[UUID, ...]  # the circles asked, around the member
    opened_at: datetime
    escalates_at: datetime  # opened_at plus the organization's window for its urgency
    first_answered_at: datetime | None = None
    escalated_at: datetime | None = None
    closed_at: datetime | None = None
    outcome: ReachOutOutcome | None = None
    # The home organization's crisis resources when it opened the reach-out, kept with it.
    crisis_resources: tuple[CrisisResource, ...] = ()
    version: int = 1

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def expires_at(self) -> datetime:
        return self.opened_at + EXPIRES_AFTER

    @property
    def time_to_first_answer(self) -> timedelta | None:
        return None if self.first_answered_at is None else self.first_answered_at - self.opened_at


class Response(msgspec.Struct, frozen=True, kw_only=True):
    id: UUID
    reach_out_id: UUID
    supporter_member_id: UUID  # a supporter in one of the circles asked
    organization_id: UUID  # the supporter's organization, which answered for them
    kind: ResponseKind
    at: datetime


_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{1,30}$")


def _check_message(message: str | None) -> str | None:
    if message is None:
        return None
    if not message.strip():
        raise InvalidField("message", "Leave the message out, or write something.")
    if len(message) > MAX_MESSAGE_CHARACTERS:
        raise InvalidField("message", f"At most {MAX_MESSAGE_CHARACTERS} characters.")
    if CONTROL_CHARACTERS.search(message):
        raise InvalidField("message", "No control characters or line breaks.")
    return message


def open_reach_out(
    *,
    reach_out_id: UUID,
    member_id: UUID,
    organization_id: UUID,
    urgency: ReachOutUrgency,
    message: str | None,
    circles_asked: Sequence[UUID] | None,
    member_circles: Iterable[UUID],
    windows: EscalationWindows,
    now: datetime,
    resources: Sequence[CrisisResource] = (),
) -> ReachOut:
    """A reach-out to the circles the member is the focus of: the ones named (each must be
    one of them), or all of them when none is named. A member with no circle can still reach
    out: the home organization is always told, and escalation follows."""
    own = tuple(sorted(set(member_circles)))
    if circles_asked is None:
        asked = own
    else:
        asked = tuple(sorted(set(circles_asked)))
        if len(circles_asked) > MAX_CIRCLES:
            raise InvalidField("circle_ids", f"At most {MAX_CIRCLES} circles.")
        if len(asked) != len(circles_asked):
            raise InvalidField("circle_ids", "Each circle once.")
        if not set(asked) <= set(own):
            raise InvalidField("circle_ids", "Name circles around this member.")
    return ReachOut(
        id=reach_out_id,
        member_id=member_id,
        organization_id=organization_id,
        urgency=urgency,
        message=_check_message(message),
        circle_ids=asked,
        opened_at=now,
        escalates_at=now + windows.of(urgency),
        crisis_resources=tuple(resources),
    )


def respond(reach_out: ReachOut, response: Response) -> tuple[ReachOut, bool]:
    """The reach-out as the response leaves it, and whether this is its first answer (which
    is announced, its delay kept). A response to a closed reach-out is refused: the person
    has been supported, or it is too late to say so."""
    if not reach_out.is_open:
        raise ReachOutConflict("reach-out-closed", "The reach-out is closed.")
    if not response.kind.answers or reach_out.first_answered_at is not None:
        return reach_out, False
    answered = msgspec.structs.replace(
        reach_out, first_answered_at=response.at, version=reach_out.version + 1
    )
    return answered, True


def due_for_escalation(reach_out: ReachOut, now: datetime) -> bool:
    """Open, unanswered, not escalated yet, and its window has run out: escalate it, once."""
    return (
        reach_out.is_open
        and reach_out.first_answered_at is None
        and reach_out.escalated_at is None
        and now >= reach_out.escalates_at
    )


def escalate(reach_out: ReachOut, now: datetime) -> ReachOut:
    if not due_for_escalation(reach_out, now):
        raise ValueError("not due for escalation: the sweep asks due_for_escalation() first")
    return msgspec.structs.replace(reach_out, escalated_at=now, version=reach_out.version + 1)


def close(reach_out: ReachOut, outcome: ReachOutOutcome, now: datetime) -> ReachOut:
    """Closed by the home organization with how it ended (never `expired`: that is the
    reach-out's own ending)."""
    if outcome not in CLOSING_OUTCOMES:
        raise InvalidField("outcome", "A reach-out expires by itself; choose how it ended.")
    if not reach_out.is_open:
        raise ReachOutConflict("reach-out-closed", "The reach-out is closed.")
    return msgspec.structs.replace(
        reach_out, closed_at=now, outcome=outcome, version=reach_out.version + 1
    )


def due_to_expire(reach_out: ReachOut, now: datetime) -> bool:
    return reach_out.is_open and now >= reach_out.expires_at


def expire(reach_out: ReachOut, now: datetime) -> ReachOut:
    """Closed by itself a day after it opened, at the instant it was due (not when a sweep
    got to it)."""
    if not due_to_expire(reach_out, now):
        raise ValueError("not due to expire: the sweep asks due_to_expire() first")
    return msgspec.structs.replace(
        reach_out,
        closed_at=reach_out.expires_at,
        outcome=ReachOutOutcome.EXPIRED,
        version=reach_out.version + 1,
    )


def validate_resources(resources: Sequence[CrisisResource]) -> tuple[CrisisResource, ...]:
    """An organization's crisis resources: named, with a number a phone can dial."""
    if len(resources) > MAX_RESOURCES:
        raise InvalidField("resources", f"At most {MAX_RESOURCES} resources.")
    for resource in resources:
        if (
            not resource.name.strip()
            or len(resource.name) > 100
            or CONTROL_CHARACTERS.search(resource.name)
        ):
            raise InvalidField("resources", "Each resource needs a name of at most 100 characters.")
        if not _PHONE.match(resource.phone):
            raise InvalidField("resources", f"Not a phone number: {resource.phone!r}.")
    return tuple(resources)


# An escalation window: at least a minute (a sweep must find it), at most half the day a
# reach-out stays open (escalating after it expired would tell nobody anything).
MIN_WINDOW = timedelta(minutes=1)
MAX_WINDOW = timedelta(hours=12)


def validate_windows(windows: EscalationWindows) -> EscalationWindows:
    for field, window in (
        ("escalate_now_after_seconds", windows.now),
        ("escalate_today_after_seconds", windows.today),
    ):
        if not MIN_WINDOW <= window <= MAX_WINDOW:
            raise InvalidField(field, "Between 60 seconds and 12 hours.")
    if windows.now > windows.today:
        raise InvalidField(
            "escalate_now_after_seconds", "A `now` reach-out escalates no later than a `today` one."
        )
    return windows


class ReachOutSettings(msgspec.Struct, frozen=True, kw_only=True):
    """An organization's escalation windows and the crisis resources that go out with every
    reach-out it opens. `version` 0: never set, the defaults."""

    windows: EscalationWindows = EscalationWindows()
    resources: tuple[CrisisResource, ...] = ()
    version: int = 0


def replace_settings(
    current: ReachOutSettings, windows: EscalationWindows, resources: Sequence[CrisisResource]
) -> ReachOutSettings:
    return ReachOutSettings(
        windows=validate_windows(windows),
        resources=validate_resources(resources),
        version=current.version + 1,
    )


class SeenResponse(msgspec.Struct, frozen=True, kw_only=True):
    """A response as an organization sees it: which supporter answered only for the
    supporter's own organization (who they are is that organization's to tell); which
    organization answered for it and for the member's home organization (another organization
    learns that someone answered, not who supports the member elsewhere)."""

    id: UUID
    kind: ResponseKind
    at: datetime
    organization_id: UUID | None
    supporter_member_id: UUID | None


def response_seen_by(response: Response, viewer: UUID, home: UUID) -> SeenResponse:
    own = response.organization_id == viewer
    return SeenResponse(
        id=response.id,
        kind=response.kind,
        at=response.at,
        organization_id=response.organization_id if own or viewer == home else None,
        supporter_member_id=response.supporter_member_id if own else None,
    )


class SeenReachOut(msgspec.Struct, frozen=True, kw_only=True):
    """A reach-out as one organization may see it: the home organization, or one with an
    active supporter in a circle asked under a consent covering `reach_outs` (`consent_ids`,
    what its notice names). `asked`: the viewer's own members asked to respond."""

    reach_out: ReachOut
    responses: tuple[SeenResponse, ...]
    asked: tuple[UUID, ...]
    consent_ids: tuple[UUID, ...] = ()


class ResponseTimes(msgspec.Struct, frozen=True, kw_only=True):
    """Over a period: how fast reach-outs were first answered (the nearest-rank percentiles of
    those answered), and how many were never answered or escalated."""

    opened: int
    answered: int
    unanswered: int
    escalated: int
    p50: timedelta | None
    p90: timedelta | None


def percentile(sorted_values: Sequence[timedelta], fraction: float) -> timedelta | None:
    """The nearest-rank percentile: the smallest value at or above `fraction` of them."""
    if not sorted_values:
        return None
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def response_times(reach_outs: Iterable[ReachOut]) -> ResponseTimes:
    listed = list(reach_outs)
    delays = sorted(d for r in listed if (d := r.time_to_first_answer) is not None)
    return ResponseTimes(
        opened=len(listed),
        answered=len(delays),
        unanswered=sum(1 for r in listed if r.first_answered_at is None),
        escalated=sum(1 for r in listed if r.escalated_at is not None),
        p50=percentile(delays, 0.5),
        p90=percentile(delays, 0.9),
    )
