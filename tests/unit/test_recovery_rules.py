"""Recovery journeys: streaks agree with a day-by-day reference, in the member's own zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain.errors import InvalidField
from service.domain.local_time import local_today
from service.domain.members import Member
from service.domain.recovery import (
    ClosedPeriod,
    NoJourney,
    check_start_after_history,
    journey,
    restart,
)

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
START = date(2025, 1, 1)


def _member(start: date | None) -> Member:
    return Member(
        id=UUID(int=7),
        organization_id=UUID(int=1),
        display_name="M",
        timezone="UTC",
        external_ref=None,
        recovery_started_on=start,
        contact=None,
        version=1,
        created_at=NOW,
        updated_at=NOW,
    )


@given(
    gaps=st.lists(st.integers(min_value=0, max_value=60), max_size=8),
    tail=st.integers(min_value=0, max_value=60),
)
def test_streaks_agree_with_counting_day_by_day(gaps: list[int], tail: int) -> None:
    member = _member(START)
    day = START
    closed: list[ClosedPeriod] = []
    for n, gap in enumerate(gaps):
        day = day + timedelta(days=gap)
        period, member = restart(
            member, restarted_on=day, note=None, period_id=UUID(int=n + 1), today=day, now=NOW
        )
        closed.append(period)
    today = day + timedelta(days=tail)
    got = journey(member.recovery_started_on, closed, today)

    # Reference: count each day from the first start to today; every one is in recovery,
    # and a restart day begins a new run.
    restart_days = {p.ended_on for p in closed}
    runs: list[int] = []
    current = 0
    cursor = START
    while cursor < today:
        if cursor in restart_days and cursor != START:
            runs.append(current)
            current = 0
        current += 1
        cursor += timedelta(days=1)
    expected_total = (today - START).days
    assert got.total_days_in_recovery == expected_total
    current_start = member.recovery_started_on
    assert current_start is not None
    assert got.current_streak_days == (today - current_start).days
    assert got.longest_streak_days == max([current, *runs])
    assert got.current_streak_days == (current if today > current_start else 0)
    assert got.restarts == len(gaps)
    assert got.longest_streak_days >= got.current_streak_days
    assert got.total_days_in_recovery >= got.longest_streak_days


def test_today_is_the_members_local_date() -> None:
    late_evening_utc = datetime(2026, 3, 8, 23, 30, tzinfo=UTC)
    assert local_today(late_evening_utc, "Pacific/Kiritimati") == date(2026, 3, 9)
    assert local_today(late_evening_utc, "Pacific/Pago_Pago") == date(2026, 3, 8)
    # The night New York springs forward: still the same local date.
    assert local_today(datetime(2026, 3, 8, 7, 30, tzinfo=UTC), "America/New_York") == date(
        2026, 3, 8
    )


def test_restart_rules() -> None:
    with pytest.raises(NoJourney):
        restart(
            _member(None),
            restarted_on=START,
            note=None,
            period_id=UUID(int=1),
            today=START,
            now=NOW,
        )
    with pytest.raises(InvalidField):
        restart(
            _member(START),
            restarted_on=START - timedelta(days=1),
            note=None,
            period_id=UUID(int=1),
            today=START,
            now=NOW,
        )
    closed, renewed = restart(
        _member(START),
        restarted_on=START + timedelta(days=9),
        note="n",
        period_id=UUID(int=1),
        today=START + timedelta(days=9),
        now=NOW,
    )
    assert closed.days == 9
    assert renewed.version == 2
    assert msgspec.structs.replace(renewed, version=1, recovery_started_on=START) == _member(START)
    with pytest.raises(InvalidField):
        check_start_after_history(START, [closed])
    check_start_after_history(START + timedelta(days=9), [closed])
