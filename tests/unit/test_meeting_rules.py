"""The meeting calendar (issue #14): local times kept across daylight saving changes, in zones
whose clocks move at midnight (America/Santiago, America/Havana), by half an hour
(Australia/Lord_Howe), or skipped a whole day (Pacific/Apia, 2011); and attendance."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain.errors import InvalidField
from service.domain.meetings import (
    Attendance,
    AttendanceCorrection,
    AttendanceStatus,
    Meeting,
    Repeat,
    Weekday,
    cancel_occurrence,
    instant_of,
    missed_in_a_row,
    occurrences,
    record_attendance,
    schedule,
    summarise,
)

ZONES = ["America/Santiago", "America/Havana", "Australia/Lord_Howe", "Pacific/Apia"]
GROUP, ORG, MEMBER = UUID(int=1), UUID(int=2), UUID(int=3)


def _weekly(zone: str, at: time, *days: Weekday, starts_on: date, **fields: object) -> Meeting:
    return schedule(
        meeting_id=UUID(int=10),
        network_id=GROUP,
        organization_id=ORG,
        title="Tuesday circle",
        timezone=zone,
        local_time=at,
        duration_minutes=60,
        repeat=Repeat.WEEKLY,
        starts_on=starts_on,
        weekdays=days,
        **fields,  # type: ignore[arg-type]
    )


def _utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected", "shifted"),
    [
        # Santiago: clocks go from 00:00 to 01:00 (11 September 2022); 00:30 is 01:30.
        ("America/Santiago", date(2022, 9, 11), time(0, 30), _utc(2022, 9, 11, 4, 30), True),
        # ... and back from 00:00 to 23:00 of the 2nd (3 April 2022): the first 23:30.
        ("America/Santiago", date(2022, 4, 2), time(23, 30), _utc(2022, 4, 3, 2, 30), False),
        # Havana: forward from 00:00 to 01:00, back from 01:00 to 00:00 (2023).
        ("America/Havana", date(2023, 3, 12), time(0, 30), _utc(2023, 3, 12, 5, 30), True),
        ("America/Havana", date(2023, 11, 5), time(0, 30), _utc(2023, 11, 5, 4, 30), False),
        # Lord Howe moves half an hour: 02:00 to 02:30, then 02:00 back to 01:30 (2023).
        ("Australia/Lord_Howe", date(2023, 10, 1), time(2, 15), _utc(2023, 9, 30, 15, 45), True),
        ("Australia/Lord_Howe", date(2023, 4, 2), time(1, 45), _utc(2023, 4, 1, 14, 45), False),
        # Apia skipped 30 December 2011: nothing that day; the days around it are there.
        ("Pacific/Apia", date(2011, 12, 29), time(19), _utc(2011, 12, 30, 5), False),
        ("Pacific/Apia", date(2011, 12, 31), time(19), _utc(2011, 12, 31, 5), False),
    ],
)
def test_a_local_time_names_one_instant_by_the_documented_rule(
    zone: str, day: date, at: time, expected: datetime, shifted: bool
) -> None:
    assert instant_of(day, at, zone) == (expected, shifted)


def test_a_day_the_zone_skipped_has_no_instant_at_all() -> None:
    for hour in (0, 12, 23):
        assert instant_of(date(2011, 12, 30), time(hour), "Pacific/Apia") is None


_DAYS = st.dates(min_value=date(2005, 1, 1), max_value=date(2035, 12, 31))
_TIMES = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@given(st.sampled_from(ZONES), _DAYS, _TIMES)
def test_the_instant_shows_the_local_time_or_the_first_time_after_a_gap(
    zone: str, day: date, at: time
) -> None:
    resolved = instant_of(day, at, zone)
    tz = ZoneInfo(zone)
    wall = datetime.combine(day, at)
    if resolved is None:
        # Only a day whose midnight itself is gone.
        midnight = datetime.combine(day, time(0)).replace(tzinfo=tz).astimezone(UTC)
        assert midnight.astimezone(tz).date() != day
        return
    instant, shifted = resolved
    shown = instant.astimezone(tz).replace(tzinfo=None)
    if not shifted:
        assert shown == wall
        # Of two instants with that local time, the first.
        other = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
        assert instant <= other
    else:
        # Later on the wall clock by the gap, at most a day's worth of clock change.
        assert timedelta(0) < shown - wall <= timedelta(hours=24)
        # No instant shows `wall`: the time was skipped.
        assert all(
            (instant + timedelta(minutes=m)).astimezone(tz).replace(tzinfo=None) != wall
            for m in range(-180, 1, 15)
        )


def test_a_weekly_meeting_keeps_its_local_time_through_the_year() -> None:
    meeting = _weekly("America/Santiago", time(19), Weekday.TUESDAY, starts_on=date(2022, 1, 1))
    found = occurrences(meeting, date(2022, 1, 1), date(2022, 12, 31))
    assert len(found) == 52
    santiago = ZoneInfo("America/Santiago")
    assert {o.starts_at.astimezone(santiago).time() for o in found} == {time(19)}
    assert {o.starts_at.astimezone(santiago).utcoffset() for o in found} == {
        timedelta(hours=-3),
        timedelta(hours=-4),
    }
    assert all(o.local_date.weekday() == 1 for o in found)


def test_apia_s_skipped_friday_has_no_meeting_and_the_next_week_does() -> None:
    meeting = _weekly("Pacific/Apia", time(19), Weekday.FRIDAY, starts_on=date(2011, 12, 1))
    fridays = [o.local_date for o in occurrences(meeting, date(2011, 12, 20), date(2012, 1, 10))]
    assert fridays == [date(2011, 12, 23), date(2012, 1, 6)]


def test_a_midnight_meeting_on_santiago_s_spring_day_starts_an_hour_later_on_the_wall() -> None:
    meeting = _weekly("America/Santiago", time(0, 30), Weekday.SUNDAY, starts_on=date(2022, 9, 1))
    found = occurrences(meeting, date(2022, 9, 4), date(2022, 9, 18))
    assert [(o.local_date.day, o.shifted) for o in found] == [(4, False), (11, True), (18, False)]


def test_cancelled_occurrences_and_last_dates() -> None:
    meeting = _weekly(
        "Europe/Paris",
        time(18),
        Weekday.MONDAY,
        Weekday.THURSDAY,
        starts_on=date(2026, 11, 2),
        ends_on=date(2026, 11, 19),
    )
    dates = [o.local_date.day for o in occurrences(meeting, date(2026, 11, 1), date(2026, 12, 31))]
    assert dates == [2, 5, 9, 12, 16, 19]
    cancelled = cancel_occurrence(meeting, date(2026, 11, 12))
    assert cancelled.version == 2
    dates = [
        o.local_date.day for o in occurrences(cancelled, date(2026, 11, 1), date(2026, 11, 30))
    ]
    assert dates == [2, 5, 9, 16, 19]
    with pytest.raises(InvalidField):
        cancel_occurrence(meeting, date(2026, 11, 10))  # a Tuesday


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"weekdays": ()}, "weekdays"),
        ({"weekdays": (Weekday.MONDAY, Weekday.MONDAY)}, "weekdays"),
        ({"ends_on": date(2026, 1, 1)}, "ends_on"),
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"title": " "}, "title"),
        ({"local_time": time(18, 0, 30)}, "local_time"),
    ],
)
def test_a_meeting_that_cannot_be_scheduled_is_refused_by_name(
    fields: dict[str, object], field: str
) -> None:
    arguments: dict[str, object] = {
        "meeting_id": UUID(int=10),
        "network_id": GROUP,
        "organization_id": ORG,
        "title": "Circle",
        "timezone": "Europe/Paris",
        "local_time": time(18),
        "duration_minutes": 60,
        "repeat": Repeat.WEEKLY,
        "starts_on": date(2026, 2, 1),
        "weekdays": (Weekday.MONDAY,),
    }
    arguments.update(fields)
    with pytest.raises(InvalidField) as refused:
        schedule(**arguments)  # type: ignore[arg-type]
    assert refused.value.field == field


def test_attendance_is_recorded_once_begun_and_a_correction_keeps_what_it_replaced() -> None:
    meeting = _weekly("Europe/Paris", time(18), Weekday.MONDAY, starts_on=date(2026, 11, 2))
    before = datetime(2026, 11, 30, 16, 59, tzinfo=UTC)  # 17:59 in Paris

    def record(
        current: Attendance | None, day: int, status: AttendanceStatus, now: datetime = before
    ) -> tuple[Attendance, AttendanceCorrection | None]:
        return record_attendance(
            current,
            meeting=meeting,
            local_date=date(2026, 11, day),
            member_id=MEMBER,
            status=status,
            organization_id=ORG,
            now=now,
        )

    with pytest.raises(InvalidField):
        record(None, 30, AttendanceStatus.ATTENDED)  # begins at 18:00, a minute from now
    first, replaced = record(None, 23, AttendanceStatus.ABSENT)
    assert (first.version, replaced) == (1, None)
    corrected, replaced = record(first, 23, AttendanceStatus.EXCUSED, before + timedelta(5))
    assert (corrected.status, corrected.version) == (AttendanceStatus.EXCUSED, 2)
    assert replaced is not None
    assert replaced.replaced == first
    with pytest.raises(InvalidField):
        record(None, 24, AttendanceStatus.ATTENDED)  # not a Monday


_STATUSES = st.lists(st.sampled_from(list(AttendanceStatus)), max_size=30)


@given(_STATUSES, st.integers(min_value=1, max_value=30))
def test_the_rate_and_the_run_follow_their_definitions(
    newest_first: list[AttendanceStatus], last: int
) -> None:
    summary = summarise(newest_first, last)
    recent = newest_first[:last]
    attended = sum(1 for s in recent if s == "attended")
    absent = sum(1 for s in recent if s == "absent")
    assert summary.rate == (attended / (attended + absent) if attended + absent else None)
    # The run: attended meetings since the latest absence, excused ones passed over.
    absent_at = [i for i, s in enumerate(newest_first) if s is AttendanceStatus.ABSENT]
    since_absence = newest_first[: absent_at[0]] if absent_at else newest_first
    assert summary.current_run == since_absence.count(AttendanceStatus.ATTENDED)
    without_excused = [s for s in newest_first if s != "excused"]
    leading_absent = len(without_excused) - len(
        "".join("a" if s == "attended" else "x" for s in without_excused).lstrip("x")
    )
    assert missed_in_a_row(newest_first) == leading_absent
