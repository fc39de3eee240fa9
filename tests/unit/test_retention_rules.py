"""The retention of the logs that grow, and their monthly slices (service.domain.retention)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from service.domain.retention import (
    MONTHS_AHEAD,
    RETENTION,
    GrowingLog,
    Month,
    may_drop,
    months_wanted,
)

instants = st.datetimes(
    min_value=datetime(2001, 1, 1), max_value=datetime(2090, 12, 31), timezones=st.just(UTC)
)


def _month_holding(instant: datetime) -> Month:
    return Month.of(instant.astimezone(UTC).date())


def test_the_stated_retentions() -> None:
    assert RETENTION[GrowingLog.EVENTS] == timedelta(days=365)
    assert RETENTION[GrowingLog.DELIVERIES] == timedelta(days=90)
    # At least the three years 42 CFR Part 2 asks for; six, as HIPAA's accounting covers.
    assert RETENTION[GrowingLog.DISCLOSURES] >= timedelta(days=6 * 365)


def test_months_roll_over_the_year() -> None:
    assert Month(2026, 11).plus(1) == Month(2026, 12)
    assert Month(2026, 12).plus(1) == Month(2027, 1)
    assert Month(2026, 1).plus(-1) == Month(2025, 12)
    assert Month(2026, 12).end() == date(2027, 1, 1)


def test_this_month_and_three_ahead_are_wanted() -> None:
    wanted = months_wanted(datetime(2026, 11, 30, 23, 59, tzinfo=UTC))
    assert wanted == [Month(2026, 11), Month(2026, 12), Month(2027, 1), Month(2027, 2)]
    assert MONTHS_AHEAD == 3


def test_the_month_is_the_utc_one() -> None:
    # 20:00 on 30 November in Santiago is already December in UTC.
    santiago = timezone(timedelta(hours=-4))
    assert months_wanted(datetime(2026, 11, 30, 21, 0, tzinfo=santiago))[0] == Month(2026, 12)


@given(instants, instants, st.sampled_from(list(GrowingLog)))
def test_no_slice_holding_a_row_inside_the_retention_may_go(
    written: datetime, now: datetime, log: GrowingLog
) -> None:
    if written >= now - RETENTION[log]:
        assert not may_drop(_month_holding(written), log, now)


@given(instants, st.sampled_from(list(GrowingLog)))
def test_a_slice_goes_within_a_month_of_its_last_row_leaving_the_retention(
    now: datetime, log: GrowingLog
) -> None:
    # A row written just before the retention began: its month may go once it has ended
    # before the retention's first day, at most about a month later.
    written = now - RETENTION[log] - timedelta(days=32)
    assert may_drop(_month_holding(written), log, now)


@given(instants)
def test_the_slice_written_to_now_and_those_ahead_are_wanted_and_kept(now: datetime) -> None:
    wanted = months_wanted(now)
    assert wanted[0] == _month_holding(now)
    assert len(wanted) == MONTHS_AHEAD + 1
    assert all(later == earlier.plus(1) for earlier, later in pairwise(wanted))
    assert not any(may_drop(month, log, now) for month in wanted for log in GrowingLog)
