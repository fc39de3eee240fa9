"""Meetings of a group or circle, and attendance (issue #14). A meeting is one-off, or weekly
on given weekdays, at a local time in a stated IANA time zone, with an optional last date;
single occurrences can be cancelled. Every occurrence keeps its local time across daylight
saving changes. Where the local time does not exist or exists twice, one documented rule
decides (`instant_of`).

Attendance is recorded per member per occurrence; a correction replaces the status and keeps
what it replaced. What is derived for a member: the attendance rate over their last N
recorded occurrences, and their current run of meetings attended."""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import msgspec

from service.domain.errors import InvalidField

MAX_OCCURRENCES_LISTED = 366
# The dates a meeting may be scheduled on, and occurrences listed for: wide enough for any
# real meeting, narrow enough that every local time has an instant.
FIRST_DATE = date(1970, 1, 1)
LAST_DATE = date(2199, 12, 31)
MAX_TITLE_CHARACTERS = 120


class Repeat(enum.StrEnum):
    ONCE = "once"
    WEEKLY = "weekly"


class Weekday(enum.StrEnum):
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def number(self) -> int:
        """Monday 0 ... Sunday 6, as date.weekday()."""
        return list(Weekday).index(self)


class Meeting(msgspec.Struct, frozen=True, kw_only=True):
    id: UUID
    network_id: UUID
    organization_id: UUID  # the organization that scheduled it
    title: str
    timezone: str  # IANA
    local_time: time
    duration_minutes: int
    repeat: Repeat
    starts_on: date  # the one date of a one-off meeting; the first possible date of a weekly one
    weekdays: frozenset[Weekday] = frozenset()  # weekly only
    ends_on: date | None = None
    cancelled_dates: frozenset[date] = frozenset()
    version: int = 1


class Occurrence(msgspec.Struct, frozen=True, kw_only=True):
    meeting_id: UUID
    local_date: date
    starts_at: datetime  # UTC
    # The local time did not exist that day (clocks went forward over it): it starts at the
    # same instant the local time would have been, later on the wall clock by the gap.
    shifted: bool = False


def instant_of(day: date, at: time, timezone: str) -> tuple[datetime, bool] | None:
    """The instant local `day` at `at` names in `timezone`, and whether the wall clock shows
    another time then. The rule:
    - a local time that occurs twice (clocks go back) is the first of the two;
    - a local time that never occurs (clocks go forward over it) is moved later by the length
      of the gap: 02:30 on a day that jumps from 02:00 to 03:00 is 03:30, 00:30 on a day
      that jumps from midnight to 01:00 is 01:30, 02:15 on a day that jumps half an hour
      (Australia/Lord_Howe) is 02:45;
    - on a date the zone skipped altogether (Pacific/Apia, 30 December 2011) there is none.
    This is what PEP 495's `fold=0` gives; a day is skipped when even its midnight falls on
    another date."""
    zone = ZoneInfo(timezone)
    instant, shown = _first_instant(day, at, zone)
    if shown.date() != day and _first_instant(day, time(0), zone)[1].date() != day:
        return None
    return instant, shown != datetime.combine(day, at)


def _first_instant(day: date, at: time, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The instant local `day` `at` names by PEP 495's fold=0 (UTC), and what the wall clock
    shows then."""
    instant = datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)
    return instant, instant.astimezone(zone).replace(tzinfo=None)


def _check_timezone(timezone: str) -> str:
    try:
        ZoneInfo(timezone)
    except (ValueError, KeyError, OSError):
        raise InvalidField("timezone", "Use an IANA time zone, such as Europe/Paris.") from None
    return timezone


def schedule(
    *,
    meeting_id: UUID,
    network_id: UUID,
    organization_id: UUID,
    title: str,
    timezone: str,
    local_time: time,
    duration_minutes: int,
    repeat: Repeat,
    starts_on: date,
    weekdays: Sequence[Weekday] = (),
    ends_on: date | None = None,
) -> Meeting:
    """A meeting as scheduled: a weekly one names its weekdays (a one-off one none), and its
    last date, if any, is not before its first."""
    if not title.strip() or len(title) > MAX_TITLE_CHARACTERS:
        raise InvalidField("title", f"A title of at most {MAX_TITLE_CHARACTERS} characters.")
    if not 5 <= duration_minutes <= 24 * 60:
        raise InvalidField("duration_minutes", "Between 5 minutes and a day.")
    if local_time.tzinfo is not None or local_time.second or local_time.microsecond:
        raise InvalidField("local_time", "A local time to the minute, without an offset.")
    days = frozenset(weekdays)
    if len(days) != len(weekdays):
        raise InvalidField("weekdays", "Each weekday once.")
    if repeat is Repeat.WEEKLY and not days:
        raise InvalidField("weekdays", "A weekly meeting names its weekdays.")
    if repeat is Repeat.ONCE and (days or ends_on is not None):
        raise InvalidField("weekdays", "A one-off meeting has no weekdays and no last date.")
    if ends_on is not None and ends_on < starts_on:
        raise InvalidField("ends_on", "Not before `starts_on`.")
    for field, day in (("starts_on", starts_on), ("ends_on", ends_on)):
        if day is not None and not FIRST_DATE <= day <= LAST_DATE:
            raise InvalidField(field, f"Between {FIRST_DATE} and {LAST_DATE}.")
    return Meeting(
        id=meeting_id,
        network_id=network_id,
        organization_id=organization_id,
        title=title,
        timezone=_check_timezone(timezone),
        local_time=local_time,
        duration_minutes=duration_minutes,
        repeat=repeat,
        starts_on=starts_on,
        weekdays=days,
        ends_on=ends_on,
    )


def _dates(meeting: Meeting, first: date, last: date) -> Iterator[date]:
    if meeting.repeat is Repeat.ONCE:
        if first <= meeting.starts_on <= last:
            yield meeting.starts_on
        return
    start = max(first, meeting.starts_on)
    end = last if meeting.ends_on is None else min(last, meeting.ends_on)
    numbers = {d.number for d in meeting.weekdays}
    day = start
    while day <= end:
        if day.weekday() in numbers:
            yield day
        day += timedelta(days=1)


MAX_DAYS_LISTED = 366


def last_day(first: date, days: int) -> date:
    """The last local date of a stretch of `days` days from `first` (1 to 366)."""
    if not 1 <= days <= MAX_DAYS_LISTED:
        raise InvalidField("days", f"Between 1 and {MAX_DAYS_LISTED}.")
    if not FIRST_DATE <= first <= LAST_DATE:
        raise InvalidField("start_on", f"Between {FIRST_DATE} and {LAST_DATE}.")
    return first + timedelta(days=days - 1)


def local_today(meeting: Meeting, now: datetime) -> date:
    """Today's date in the meeting's time zone."""
    return now.astimezone(ZoneInfo(meeting.timezone)).date()


def occurs_on(meeting: Meeting, day: date) -> bool:
    """Whether the meeting is scheduled on local `day` (cancelled or not)."""
    return any(True for _ in _dates(meeting, day, day))


def occurrences(meeting: Meeting, first: date, last: date) -> list[Occurrence]:
    """The meeting's occurrences on local dates `first` to `last`, in order: neither the
    cancelled ones nor those on a date its zone skipped."""
    found: list[Occurrence] = []
    for day in _dates(meeting, first, last):
        if day in meeting.cancelled_dates:
            continue
        resolved = instant_of(day, meeting.local_time, meeting.timezone)
        if resolved is None:
            continue
        instant, shifted = resolved
        found.append(
            Occurrence(meeting_id=meeting.id, local_date=day, starts_at=instant, shifted=shifted)
        )
        if len(found) >= MAX_OCCURRENCES_LISTED:
            break
    return found


def _check_bounds(field: str, day: date) -> None:
    if not FIRST_DATE <= day <= LAST_DATE:
        raise InvalidField(field, f"Between {FIRST_DATE} and {LAST_DATE}.")


def cancel_occurrence(meeting: Meeting, day: date) -> Meeting:
    """Cancel the occurrence on local `day` (it must be one of the meeting's dates)."""
    _check_bounds("local_date", day)
    if not occurs_on(meeting, day):
        raise InvalidField("date", "The meeting does not take place on that date.")
    if day in meeting.cancelled_dates:
        return meeting
    return msgspec.structs.replace(
        meeting, cancelled_dates=meeting.cancelled_dates | {day}, version=meeting.version + 1
    )


class AttendanceStatus(enum.StrEnum):
    ATTENDED = "attended"
    EXCUSED = "excused"  # neither counts against the rate nor breaks a run
    ABSENT = "absent"


class Recorder(enum.StrEnum):
    """Who records a member's attendance: the member's own organization, or one that
    moderates the network (which records what it saw, and reads nothing of the member's
    without a consent)."""

    OWN = "own"
    MODERATOR = "moderator"


class Attendance(msgspec.Struct, frozen=True, kw_only=True):
    meeting_id: UUID
    local_date: date
    member_id: UUID
    status: AttendanceStatus
    recorded_by_organization_id: UUID
    recorded_at: datetime
    version: int = 1


class AttendanceCorrection(msgspec.Struct, frozen=True, kw_only=True):
    """What a correction replaced, and when: kept, never rewritten."""

    replaced: Attendance
    replaced_at: datetime


def record_attendance(
    current: Attendance | None,
    *,
    meeting: Meeting,
    local_date: date,
    member_id: UUID,
    status: AttendanceStatus,
    organization_id: UUID,
    now: datetime,
) -> tuple[Attendance, AttendanceCorrection | None]:
    """The member's attendance at one occurrence: the first record, or a correction of it
    (which keeps what it replaced). Only a past or present occurrence that took place (not
    cancelled, on a date that exists) can be attended or missed."""
    _check_bounds("local_date", local_date)
    if not occurs_on(meeting, local_date) or local_date in meeting.cancelled_dates:
        raise InvalidField("local_date", "The meeting did not take place on that date.")
    resolved = instant_of(local_date, meeting.local_time, meeting.timezone)
    if resolved is None or resolved[0] > now:
        raise InvalidField("local_date", "Record attendance once the meeting has begun.")
    recorded = Attendance(
        meeting_id=meeting.id,
        local_date=local_date,
        member_id=member_id,
        status=status,
        recorded_by_organization_id=organization_id,
        recorded_at=now,
        version=1 if current is None else current.version + 1,
    )
    if current is None:
        return recorded, None
    return recorded, AttendanceCorrection(replaced=current, replaced_at=now)


class AttendanceSummary(msgspec.Struct, frozen=True, kw_only=True):
    """Over the member's last `considered` recorded occurrences (newest first): the share
    attended of those attended or missed (None when all were excused, or none recorded), and
    the run of meetings attended up to the latest, excused ones passed over."""

    considered: int
    attended: int
    absent: int
    excused: int
    rate: float | None
    current_run: int


def summarise(statuses_newest_first: Sequence[AttendanceStatus], last: int) -> AttendanceSummary:
    recent = list(statuses_newest_first[:last])
    attended = recent.count(AttendanceStatus.ATTENDED)
    absent = recent.count(AttendanceStatus.ABSENT)
    run = 0
    for status in statuses_newest_first:
        if status is AttendanceStatus.ABSENT:
            break
        if status is AttendanceStatus.ATTENDED:
            run += 1
    counted = attended + absent
    return AttendanceSummary(
        considered=len(recent),
        attended=attended,
        absent=absent,
        excused=recent.count(AttendanceStatus.EXCUSED),
        rate=None if counted == 0 else attended / counted,
        current_run=run,
    )


def missed_in_a_row(statuses_newest_first: Sequence[AttendanceStatus]) -> int:
    """How many of the latest occurrences in a row were missed (excused ones passed over)."""
    missed = 0
    for status in statuses_newest_first:
        if status is AttendanceStatus.ATTENDED:
            break
        if status is AttendanceStatus.ABSENT:
            missed += 1
    return missed


class AttendanceRecord(msgspec.Struct, frozen=True, kw_only=True):
    """A member's attendance at one occurrence, with the corrections that replaced earlier
    records of it (oldest first)."""

    attendance: Attendance
    network_id: UUID
    corrections: tuple[AttendanceCorrection, ...] = ()


class SeenAttendance(msgspec.Struct, frozen=True, kw_only=True):
    """A member's attendance as one organization may see it: the home organization, or one
    with a consent from the member in force covering `meetings` (`consent_ids`, what its
    notice names). Newest first, the last `considered` recorded occurrences."""

    member_id: UUID
    records: tuple[AttendanceRecord, ...]
    summary: AttendanceSummary
    consent_ids: tuple[UUID, ...] = ()
