"""Pledges and check-ins. A pledge's periods are the member's local dates (daily), ISO weeks
(weekly) or its whole span (once); one check-in counts per period. Time comes in as an
argument; every date is in the member's time zone."""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta
from uuid import UUID

import msgspec

from service.domain.errors import Conflict, InvalidField
from service.domain.local_time import local_midnight, local_today


class Cadence(enum.StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    ONCE = "once"


class PledgeStatus(enum.StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"


class Outcome(enum.StrEnum):
    KEPT = "kept"
    PARTIAL = "partial"
    MISSED = "missed"


class PledgeConflict(Conflict):
    """The check-in or change does not fit the pledge's current state."""


class Pledge(msgspec.Struct, frozen=True, kw_only=True):
    id: UUID
    member_id: UUID
    organization_id: UUID
    text: str
    cadence: Cadence
    network_id: UUID | None
    supporter_member_id: UUID | None
    starts_on: date
    ends_on: date | None
    status: PledgeStatus
    version: int
    created_at: datetime
    updated_at: datetime


class CheckIn(msgspec.Struct, frozen=True, kw_only=True):
    id: UUID
    pledge_id: UUID
    period_start: date
    outcome: Outcome
    note: str | None
    recorded_at: datetime
    by_sweep: bool = False
    superseded_at: datetime | None = None


class Period(msgspec.Struct, frozen=True, kw_only=True):
    """[start, end): local dates; `end` is the first day after the period."""

    start: date
    end: date

    def key(self, cadence: Cadence) -> str:
        if cadence is Cadence.WEEKLY:
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        return self.start.isoformat()


def period_containing(pledge: Pledge, day: date) -> Period | None:
    """The pledge's period that contains `day`, if the pledge spans it."""
    last = pledge.ends_on
    if day < pledge.starts_on or (last is not None and day > last):
        return None
    if pledge.cadence is Cadence.DAILY:
        return Period(start=day, end=day + timedelta(days=1))
    if pledge.cadence is Cadence.WEEKLY:
        monday = day - timedelta(days=day.weekday())
        return Period(start=monday, end=monday + timedelta(days=7))
    end = (last or pledge.starts_on) + timedelta(days=1)
    return Period(start=pledge.starts_on, end=end)


def parse_period(pledge: Pledge, key: str) -> Period:
    """`YYYY-MM-DD` for daily, `YYYY-Www` for weekly, `once` (or the start date) for once."""
    try:
        if pledge.cadence is Cadence.WEEKLY:
            year, week = key.split("-W")
            day = date.fromisocalendar(int(year), int(week), 1)
        elif pledge.cadence is Cadence.ONCE and key == "once":
            day = pledge.starts_on
        else:
            day = date.fromisoformat(key)
    except ValueError:
        raise InvalidField(
            "period", f"{key!r} is not a period of a {pledge.cadence} pledge."
        ) from None
    found = period_containing(
        pledge, max(day, pledge.starts_on) if pledge.cadence is Cadence.WEEKLY else day
    )
    if found is None or (pledge.cadence is not Cadence.ONCE and found.key(pledge.cadence) != key):
        raise InvalidField("period", f"{key!r} is outside the pledge.")
    return found


def periods_until(pledge: Pledge, today: date) -> list[Period]:
    """Every period from the start up to the one containing `today` (or the last one)."""
    found: list[Period] = []
    day = pledge.starts_on
    last = pledge.ends_on
    while day <= today and (last is None or day <= last):
        period = period_containing(pledge, day)
        assert period is not None
        found.append(period)
        day = period.end
        if pledge.cadence is Cadence.ONCE:
            break
    return found


def record_check_in(
    pledge: Pledge,
    existing: list[CheckIn],
    *,
    period_key: str,
    outcome: Outcome,
    note: str | None,
    correction: bool,
    check_in_id: UUID,
    timezone: str,
    grace: timedelta,
    now: datetime,
) -> tuple[CheckIn, CheckIn | None]:
    """The new check-in, and the one it supersedes when it is a correction."""
    if pledge.status is not PledgeStatus.ACTIVE:
        raise PledgeConflict("pledge-not-active", f"The pledge is {pledge.status.value}.")
    period = parse_period(pledge, period_key)
    opens = local_midnight(period.start, timezone)
    closes = local_midnight(period.end, timezone) + grace
    if now < opens:
        raise InvalidField("period", "That period has not begun yet.")
    current = next(
        (c for c in existing if c.period_start == period.start and c.superseded_at is None), None
    )
    if current is not None and not correction:
        raise PledgeConflict(
            "already-checked-in",
            "This period already has a check-in; send `correction: true` to replace it.",
        )
    if current is None and now > closes:
        raise PledgeConflict(
            "grace-window-passed", "The period ended and its grace window has passed."
        )
    made = CheckIn(
        id=check_in_id,
        pledge_id=pledge.id,
        period_start=period.start,
        outcome=outcome,
        note=note,
        recorded_at=now,
    )
    superseded = None if current is None else msgspec.structs.replace(current, superseded_at=now)
    return made, superseded


class PledgeStats(msgspec.Struct, frozen=True, kw_only=True):
    current_streak: int
    longest_streak: int
    kept_rate: float | None  # over the last 30 settled periods; None before any
    settled_periods: int


def outcomes(
    pledge: Pledge, check_ins: list[CheckIn], *, timezone: str, grace: timedelta, now: datetime
) -> list[tuple[Period, Outcome | None]]:
    """Each period so far with its outcome: the check-in's, `missed` once the grace window has
    passed without one, None while it can still be checked in."""
    today = local_today(now, timezone)
    latest = {c.period_start: c.outcome for c in check_ins if c.superseded_at is None}
    result: list[tuple[Period, Outcome | None]] = []
    for period in periods_until(pledge, today):
        if period.start in latest:
            result.append((period, latest[period.start]))
        elif now > local_midnight(period.end, timezone) + grace:
            result.append((period, Outcome.MISSED))
        else:
            result.append((period, None))
    return result


def stats(settled_and_open: list[tuple[Period, Outcome | None]]) -> PledgeStats:
    settled = [o for _, o in settled_and_open if o is not None]
    # Open periods at the end do not break a streak: the member may still check in.
    while settled_and_open and settled_and_open[-1][1] is None:
        settled_and_open = settled_and_open[:-1]
    run = longest = 0
    for _, outcome in settled_and_open:
        if outcome is Outcome.KEPT:
            run += 1
            longest = max(longest, run)
        elif outcome is not None:
            run = 0
    recent = settled[-30:]
    return PledgeStats(
        current_streak=run,
        longest_streak=longest,
        kept_rate=None if not recent else sum(o is Outcome.KEPT for o in recent) / len(recent),
        settled_periods=len(settled),
    )


def due_for_missed(
    pledge: Pledge, check_ins: list[CheckIn], *, timezone: str, grace: timedelta, now: datetime
) -> list[Period]:
    """Periods whose grace window has passed with no check-in: the sweep records them missed."""
    today = local_today(now, timezone)
    checked = {c.period_start for c in check_ins}
    return [
        p
        for p in periods_until(pledge, today)
        if p.start not in checked and now > local_midnight(p.end, timezone) + grace
    ]
