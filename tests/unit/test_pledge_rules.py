"""Pledge periods, check-in rules, and streaks against a reference computed from raw check-ins."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain.errors import InvalidField
from service.domain.pledges import (
    Cadence,
    CheckIn,
    Outcome,
    Pledge,
    PledgeConflict,
    PledgeStatus,
    due_for_missed,
    outcomes,
    parse_period,
    record_check_in,
    stats,
)

START = date(2026, 11, 2)  # a Monday
GRACE = timedelta(hours=24)


def _pledge(cadence: Cadence = Cadence.DAILY, ends_on: date | None = None) -> Pledge:
    now = datetime(2026, 11, 1, tzinfo=UTC)
    return Pledge(
        id=UUID(int=1),
        member_id=UUID(int=2),
        organization_id=UUID(int=3),
        text="No use today",
        cadence=cadence,
        network_id=None,
        supporter_member_id=None,
        starts_on=START,
        ends_on=ends_on,
        status=PledgeStatus.ACTIVE,
        version=1,
        created_at=now,
        updated_at=now,
    )


def _at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _check(
    pledge: Pledge, existing: list[CheckIn], key: str, now: datetime, **kw: object
) -> CheckIn:
    made, _ = record_check_in(
        pledge,
        existing,
        period_key=key,
        outcome=kw.get("outcome", Outcome.KEPT),  # type: ignore[arg-type]
        note=None,
        correction=bool(kw.get("correction", False)),
        check_in_id=UUID(int=100 + len(existing)),
        timezone="UTC",
        grace=GRACE,
        now=now,
    )
    return made


def test_late_duplicate_corrected_and_out_of_range_check_ins() -> None:
    pledge = _pledge()
    first = _check(pledge, [], "2026-11-02", _at(START))
    # Late, within the grace window: accepted.
    late = _check(pledge, [first], "2026-11-03", _at(START + timedelta(days=2), 6))
    with pytest.raises(PledgeConflict) as duplicate:
        _check(pledge, [first, late], "2026-11-02", _at(START, 20))
    assert duplicate.value.reason == "already-checked-in"
    corrected, superseded = record_check_in(
        pledge,
        [first],
        period_key="2026-11-02",
        outcome=Outcome.PARTIAL,
        note="honest update",
        correction=True,
        check_in_id=UUID(int=9),
        timezone="UTC",
        grace=GRACE,
        now=_at(START, 21),
    )
    assert superseded is not None
    assert superseded.superseded_at is not None
    assert corrected.outcome is Outcome.PARTIAL
    with pytest.raises(PledgeConflict) as too_late:
        _check(pledge, [], "2026-11-02", _at(START + timedelta(days=3)))
    assert too_late.value.reason == "grace-window-passed"
    for key in ("2026-11-01", "2026-13-01", "next week"):
        with pytest.raises(InvalidField):
            _check(pledge, [], key, _at(START))
    with pytest.raises(InvalidField):
        _check(pledge, [], "2026-11-09", _at(START))  # not begun yet


def test_weekly_periods_are_iso_weeks() -> None:
    pledge = _pledge(Cadence.WEEKLY)
    assert parse_period(pledge, "2026-W45").start == START
    with pytest.raises(InvalidField):
        parse_period(pledge, "2026-W44")  # before the pledge
    made = _check(pledge, [], "2026-W45", _at(START + timedelta(days=6)))
    assert made.period_start == START


outcome_or_none = st.sampled_from([Outcome.KEPT, Outcome.PARTIAL, Outcome.MISSED, None])


@given(raw=st.lists(outcome_or_none, min_size=0, max_size=60))
def test_streaks_and_kept_rate_agree_with_a_reference(raw: list[Outcome | None]) -> None:
    """`raw[i]` is what was checked in for day i (None: nothing); now is the end of the last
    day plus the grace window, so every period is settled."""
    pledge = _pledge()
    check_ins = [
        CheckIn(
            id=UUID(int=i + 10),
            pledge_id=pledge.id,
            period_start=START + timedelta(days=i),
            outcome=o,
            note=None,
            recorded_at=_at(START + timedelta(days=i)),
        )
        for i, o in enumerate(raw)
        if o is not None
    ]
    now = _at(START + timedelta(days=len(raw))) + GRACE
    got = stats(outcomes(pledge, check_ins, timezone="UTC", grace=GRACE, now=now))
    # Reference: unchecked days count as missed; runs of kept days make streaks.
    settled = [o if o is not None else Outcome.MISSED for o in raw]
    # Today's period (index len(raw)) is still open and does not count.
    longest = current = 0
    for o in settled:
        current = current + 1 if o is Outcome.KEPT else 0
        longest = max(longest, current)
    assert got.longest_streak == longest
    assert got.current_streak == current
    recent = settled[-30:]
    expected_rate = None if not recent else sum(o is Outcome.KEPT for o in recent) / len(recent)
    assert got.kept_rate == expected_rate
    # The sweep records exactly the unchecked settled days, once.
    missed = due_for_missed(pledge, check_ins, timezone="UTC", grace=GRACE, now=now)
    assert [p.start for p in missed] == [
        START + timedelta(days=i) for i, o in enumerate(raw) if o is None
    ]


def test_a_pledge_that_ended_has_no_more_periods() -> None:
    pledge = _pledge(ends_on=START + timedelta(days=2))
    now = _at(START + timedelta(days=30))
    assert len(outcomes(pledge, [], timezone="UTC", grace=GRACE, now=now)) == 3
    with pytest.raises(InvalidField):
        _check(pledge, [], "2026-11-05", now)
