"""Milestone dates: calendar months, local midnights, DST, time zone moves."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.domain.errors import InvalidField
from service.domain.members import NewMember, register_member
from service.domain.milestones import (
    DEFAULT_LADDER,
    Ladder,
    Rung,
    Unit,
    add_months,
    due_at,
    next_milestone,
    reached,
    validate_ladder,
)

MEMBER = register_member(
    NewMember(display_name="Sam", timezone="UTC"),
    member_id=UUID(int=7),
    organization_id=UUID(int=1),
    now=datetime(2018, 1, 1, tzinfo=UTC),
)

ZONES = [
    "UTC",
    "America/New_York",
    "Europe/London",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "America/Los_Angeles",
]


def reference_add_months(day: date, months: int) -> date:
    """Step one month at a time, remembering the wanted day of the month."""
    year, month = day.year, day.month
    for _ in range(months):
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@given(
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)),
    months=st.integers(min_value=0, max_value=240),
)
def test_calendar_months_agree_with_a_reference(day: date, months: int) -> None:
    assert add_months(day, months) == reference_add_months(day, months)


def test_a_month_after_31_january_is_the_last_day_of_february() -> None:
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)


@settings(max_examples=200)
@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    zone=st.sampled_from(ZONES),
    first=st.integers(min_value=0, max_value=4000),
    later=st.integers(min_value=0, max_value=4000),
)
def test_milestones_are_monotonic_unique_and_on_local_dates(
    start: date, zone: str, first: int, later: int
) -> None:
    base = datetime.combine(start, datetime.min.time(), ZoneInfo(zone)).astimezone(UTC)
    t1 = base + timedelta(days=first)
    t2 = t1 + timedelta(days=later)
    early = reached(DEFAULT_LADDER, start, zone, t1)
    late = reached(DEFAULT_LADDER, start, zone, t2)
    assert late[: len(early)] == early  # nothing reached is ever taken back
    keys = [r.rung.key for r in late]
    assert len(keys) == len(set(keys))  # never twice
    assert [r.due_at for r in late] == sorted(r.due_at for r in late)
    local = ZoneInfo(zone)
    for item in late:
        assert item.due_at <= t2
        if item.rung.unit is Unit.DAYS:
            assert item.due_at.astimezone(local).date() == start + timedelta(days=item.rung.amount)
        if item.rung.unit is Unit.MONTHS:
            assert item.due_at.astimezone(local).date() == reference_add_months(
                start, item.rung.amount
            )
    upcoming = next_milestone(DEFAULT_LADDER, start, zone, t2)
    assert upcoming is not None
    assert upcoming.due_at > t2
    assert upcoming.rung.key not in keys


def test_24_hours_are_elapsed_time_across_a_dst_change() -> None:
    # New York springs forward on 8 March 2026: 24 hours from local midnight end at 01:00 EDT.
    due = due_at(Rung(unit=Unit.HOURS, amount=24), date(2026, 3, 8), "America/New_York")
    assert due == datetime(2026, 3, 9, 5, 0, tzinfo=UTC)
    assert due.astimezone(ZoneInfo("America/New_York")).hour == 1
    # Days are local dates, whatever the offset did: 30 days across London's October change.
    due30 = due_at(Rung(unit=Unit.DAYS, amount=30), date(2026, 10, 10), "Europe/London")
    assert due30.astimezone(ZoneInfo("Europe/London")) == datetime(
        2026, 11, 9, tzinfo=ZoneInfo("Europe/London")
    )


def test_a_move_across_the_date_line_shifts_dates_but_keeps_the_order() -> None:
    start = date(2026, 1, 1)
    east = reached(DEFAULT_LADDER, start, "Pacific/Kiritimati", datetime(2026, 7, 2, tzinfo=UTC))
    west = reached(DEFAULT_LADDER, start, "Pacific/Pago_Pago", datetime(2026, 7, 2, tzinfo=UTC))
    # Kiritimati (UTC+14) reaches each local date 25 hours before Pago Pago (UTC-11).
    assert [r.rung.key for r in west] == [r.rung.key for r in east][: len(west)]
    assert east[-1].rung.key == "6m"


def test_the_ladder_repeats_every_year_after_18_months() -> None:
    items = reached(DEFAULT_LADDER, date(2020, 1, 1), "UTC", datetime(2026, 1, 2, tzinfo=UTC))
    labels = [r.rung.label for r in items]
    assert labels[:5] == ["24 hours", "7 days", "30 days", "60 days", "90 days"]
    assert labels[5:] == [
        "6 months",
        "9 months",
        "1 year",
        "18 months",
        "2 years",
        "3 years",
        "4 years",
        "5 years",
        "6 years",
    ]


def test_ladder_validation() -> None:
    with pytest.raises(InvalidField):
        validate_ladder(Ladder(rungs=()))
    with pytest.raises(InvalidField):
        validate_ladder(Ladder(rungs=(Rung(unit=Unit.DAYS, amount=7),) * 2))
    assert validate_ladder(DEFAULT_LADDER) is DEFAULT_LADDER


def test_24_hours_count_from_the_start_time_when_known() -> None:
    # 22:00 EST on 7 March 2026; New York springs forward that night: 24 elapsed hours end at
    # 23:00 EDT on 8 March, not at 22:00.
    due = due_at(
        Rung(unit=Unit.HOURS, amount=24), date(2026, 3, 7), "America/New_York", time(22, 0)
    )
    assert due == datetime(2026, 3, 9, 3, 0, tzinfo=UTC)
    assert due.astimezone(ZoneInfo("America/New_York")).hour == 23
    # Day and month rungs stay on local dates whatever the start time.
    week = due_at(Rung(unit=Unit.DAYS, amount=7), date(2026, 3, 7), "America/New_York", time(22))
    assert week.astimezone(ZoneInfo("America/New_York")).date() == date(2026, 3, 14)


@settings(max_examples=300, deadline=None)
@given(
    start=st.dates(min_value=date(2018, 1, 1), max_value=date(2026, 6, 1)),
    first_zone=st.sampled_from(ZONES),
    second_zone=st.sampled_from(ZONES),
    swept_after=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=2000)),
    viewed_after=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)),
    ladder=st.sampled_from(
        [
            DEFAULT_LADDER,
            Ladder(rungs=(Rung(unit=Unit.HOURS, amount=24), Rung(unit=Unit.DAYS, amount=1))),
            Ladder(rungs=(Rung(unit=Unit.MONTHS, amount=1),), then_every_months=1),
        ]
    ),
)
def test_next_is_never_reached_and_always_later_after_a_move(
    start: date,
    first_zone: str,
    second_zone: str,
    swept_after: timedelta,
    viewed_after: timedelta,
    ladder: Ladder,
) -> None:
    """A sweep announces in one zone; the member moves; a read later never offers an
    announced milestone as next, and next is later than every reached one of the period."""
    from service.usecases.milestones import compute_reached, upcoming

    started = datetime.combine(start, time(0), ZoneInfo(first_zone))
    swept = started + swept_after
    announced = [
        (item.period_started_on, item.rung.key, item.due_at)
        for item in reached(ladder, start, first_zone, swept)
    ]
    member = msgspec.structs.replace(
        MEMBER, timezone=second_zone, recovery_started_on=start, recovery_started_time=None
    )
    now = swept + viewed_after
    seen = compute_reached(ladder, member, [], announced, now)
    following = upcoming(ladder, member, seen, now)
    assert {key for _, key, _ in announced} <= {r.rung.key for r in seen}
    if following is not None:
        assert following.rung.key not in {r.rung.key for r in seen}
        assert all(following.due_at > r.due_at for r in seen)
        assert following.due_at > now


def test_the_kolkata_to_los_angeles_move_from_outside() -> None:
    """Found from outside: the 30-day milestone, announced in Kolkata, came back as next."""
    from service.usecases.milestones import compute_reached, upcoming

    start = date(2026, 10, 1)
    swept = datetime(2026, 10, 30, 20, 0, tzinfo=UTC)  # 31 Oct 01:30 in Kolkata
    announced = [
        (i.period_started_on, i.rung.key, i.due_at)
        for i in reached(DEFAULT_LADDER, start, "Asia/Kolkata", swept)
    ]
    assert "30d" in {key for _, key, _ in announced}
    member = msgspec.structs.replace(
        MEMBER, timezone="America/Los_Angeles", recovery_started_on=start
    )
    seen = compute_reached(DEFAULT_LADDER, member, [], announced, swept)
    following = upcoming(DEFAULT_LADDER, member, seen, swept)
    assert "30d" in {r.rung.key for r in seen}
    assert following is not None
    assert following.rung.key == "60d"
