"""Sobriety milestones: a ladder of rungs counted from the start of a recovery period, in
calendar terms in the member's own time zone. Reads compute them; only the announcement
(milestone.reached, once per rung and period) is stored."""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import msgspec

from service.domain.errors import InvalidField
from service.domain.local_time import local_midnight

UTC = ZoneInfo("UTC")


class Unit(enum.StrEnum):
    HOURS = "hours"
    DAYS = "days"
    MONTHS = "months"


class Rung(msgspec.Struct, frozen=True, kw_only=True):
    unit: Unit
    amount: int

    @property
    def key(self) -> str:
        return f"{self.amount}{self.unit.value[0]}"

    @property
    def label(self) -> str:
        if self.unit is Unit.MONTHS and self.amount % 12 == 0:
            years = self.amount // 12
            return "1 year" if years == 1 else f"{years} years"
        singular = self.unit.value[:-1]
        return f"{self.amount} {singular if self.amount == 1 else self.unit.value}"


class Ladder(msgspec.Struct, frozen=True, kw_only=True):
    """The rungs, then (optionally) one more every `then_every_months` months for ever."""

    rungs: tuple[Rung, ...]
    then_every_months: int | None = 12


DEFAULT_LADDER = Ladder(
    rungs=(
        Rung(unit=Unit.HOURS, amount=24),
        Rung(unit=Unit.DAYS, amount=7),
        Rung(unit=Unit.DAYS, amount=30),
        Rung(unit=Unit.DAYS, amount=60),
        Rung(unit=Unit.DAYS, amount=90),
        Rung(unit=Unit.MONTHS, amount=6),
        Rung(unit=Unit.MONTHS, amount=9),
        Rung(unit=Unit.MONTHS, amount=12),
        Rung(unit=Unit.MONTHS, amount=18),
    ),
    then_every_months=12,
)

MAX_RUNGS = 50


def validate_ladder(ladder: Ladder) -> Ladder:
    if not ladder.rungs or len(ladder.rungs) > MAX_RUNGS:
        raise InvalidField("rungs", f"A ladder has 1 to {MAX_RUNGS} rungs.")
    limits = {Unit.HOURS: 24 * 366, Unit.DAYS: 366 * 5, Unit.MONTHS: 12 * 100}
    for rung in ladder.rungs:
        if not 1 <= rung.amount <= limits[rung.unit]:
            raise InvalidField("rungs", f"{rung.amount} {rung.unit.value} is out of range.")
    if len({r.key for r in ladder.rungs}) != len(ladder.rungs):
        raise InvalidField("rungs", "Each rung appears once.")
    if ladder.then_every_months is not None and not 1 <= ladder.then_every_months <= 120:
        raise InvalidField("then_every_months", "Repeat every 1 to 120 months.")
    return ladder


def add_months(day: date, months: int) -> date:
    """Calendar months: the same day of the month, or the month's last day if it has fewer
    (a month after 31 January is the last day of February)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def due_at(
    rung: Rung, started_on: date, timezone: str, started_time: time | None = None
) -> datetime:
    """When the rung is reached: hours are elapsed time from the start (its local time, or
    the start day's local midnight); days and months are local calendar dates, reached at
    their local midnight."""
    zone = ZoneInfo(timezone)
    if rung.unit is Unit.HOURS:
        start = datetime.combine(started_on, started_time or time(0), zone).astimezone(UTC)
        return start + timedelta(hours=rung.amount)
    if rung.unit is Unit.DAYS:
        return local_midnight(started_on + timedelta(days=rung.amount), timezone)
    return local_midnight(add_months(started_on, rung.amount), timezone)


class Reached(msgspec.Struct, frozen=True, kw_only=True):
    rung: Rung
    period_started_on: date
    due_at: datetime


def reached(
    ladder: Ladder,
    started_on: date,
    timezone: str,
    until: datetime,
    started_time: time | None = None,
) -> list[Reached]:
    """Every rung reached from `started_on` up to `until`, in order of due time."""
    found: list[Reached] = []
    ordered_fixed = sorted(
        ladder.rungs, key=lambda r: due_at(r, started_on, timezone, started_time)
    )
    for rung in ordered_fixed:
        when = due_at(rung, started_on, timezone, started_time)
        if when <= until:
            found.append(Reached(rung=rung, period_started_on=started_on, due_at=when))
    fixed = {r.key for r in ladder.rungs}
    for rung in _repeats(ladder):
        if rung.key in fixed:
            continue
        when = due_at(rung, started_on, timezone, started_time)
        if when > until:
            break
        found.append(Reached(rung=rung, period_started_on=started_on, due_at=when))
    return sorted(found, key=lambda r: r.due_at)


def _repeats(ladder: Ladder) -> Iterator[Rung]:
    if not ladder.then_every_months:
        return
    top = max((r.amount for r in ladder.rungs if r.unit is Unit.MONTHS), default=0)
    every = ladder.then_every_months
    months = (top // every + 1) * every
    while True:
        yield Rung(unit=Unit.MONTHS, amount=months)
        months += every


def next_milestone(
    ladder: Ladder,
    started_on: date,
    timezone: str,
    after: datetime,
    started_time: time | None = None,
    *,
    skipping: frozenset[str] = frozenset(),
) -> Reached | None:
    """The first rung due after `after` whose key is not in `skipping`, or None if the ladder
    has no more."""
    candidates = [
        Reached(
            rung=r,
            period_started_on=started_on,
            due_at=due_at(r, started_on, timezone, started_time),
        )
        for r in ladder.rungs
    ]
    for rung in _repeats(ladder):
        when = due_at(rung, started_on, timezone, started_time)
        candidates.append(Reached(rung=rung, period_started_on=started_on, due_at=when))
        if when > after and rung.key not in skipping:
            break
    upcoming = [c for c in candidates if c.due_at > after and c.rung.key not in skipping]
    return min(upcoming, key=lambda c: c.due_at) if upcoming else None


class CustomMilestone(msgspec.Struct, frozen=True, kw_only=True):
    """A milestone the member's organization records ("first meeting chaired")."""

    id: UUID
    member_id: UUID
    title: str
    achieved_on: date
    created_at: datetime


class Cheer(msgspec.Struct, frozen=True, kw_only=True):
    """A short encouragement from a network member on a milestone."""

    id: UUID
    member_id: UUID
    milestone_key: str
    author_member_id: UUID
    author_organization_id: UUID
    message: str
    created_at: datetime


def milestone_key(period_started_on: date, rung: Rung) -> str:
    """Stable id of an automatic milestone: the period it belongs to and its rung."""
    return f"{period_started_on.isoformat()}.{rung.key}"


CURRENT_PERIOD = "current"


def current_key(rung: Rung) -> str:
    """A milestone of the current period, named without the period's start date: how a viewer
    who may not see the recovery start knows it (`current.30d`)."""
    return f"{CURRENT_PERIOD}.{rung.key}"


def resolve_key(key: str, current_period_started_on: date | None) -> str:
    """The stable key a viewer's key stands for (`current.<rung>` is the current period's)."""
    period, _, rung = key.partition(".")
    if period == CURRENT_PERIOD and current_period_started_on is not None and rung:
        return f"{current_period_started_on.isoformat()}.{rung}"
    return key
