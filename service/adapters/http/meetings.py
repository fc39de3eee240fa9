"""Meetings of a network (/v1/networks/{id}/meetings, /v1/meetings) and attendance at them
(/v1/meetings/{id}/attendance/..., /v1/members/{id}/attendance)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated
from uuid import UUID

import msgspec
from litestar import Response, get, post, put
from litestar.params import JSONBody, PathParameter, QueryParameter
from msgspec import Meta

from service.adapters.http.disclosure_schemas import DisclosureNoticeView
from service.adapters.http.idempotency import Created, IdempotencyKey, create_idempotently, etag
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.paging import Paging, list_of
from service.adapters.http.schemas import PRINTABLE
from service.domain.disclosure_notice import notice_for_consents
from service.domain.errors import InvalidField
from service.domain.meetings import (
    MAX_DAYS_LISTED,
    MAX_TITLE_CHARACTERS,
    AttendanceRecord,
    AttendanceStatus,
    Meeting,
    Occurrence,
    Repeat,
    SeenAttendance,
    Weekday,
    last_day,
    local_today,
    occurrences,
)
from service.domain.organizations import Scope
from service.usecases import meetings as usecases

NetworkId = Annotated[UUID, PathParameter(description="The network's id.")]
MeetingId = Annotated[UUID, PathParameter(description="The meeting's id.")]
MemberId = Annotated[UUID, PathParameter(description="The member's id.")]
_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
LocalDate = Annotated[
    str,
    PathParameter(
        description="The occurrence's local date (YYYY-MM-DD) in the meeting's time zone.",
        pattern=_DATE_PATTERN,
        schema_extra={"format": "date"},
    ),
]
LocalTime = Annotated[
    str,
    Meta(
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
        description="The local time it starts, HH:MM, in `timezone`: the same wall-clock time "
        "all year. A time the clocks skip moves later by the gap; a time that occurs twice is "
        "the first.",
        examples=["19:00"],
    ),
]
MeetingZone = Annotated[
    str,
    Meta(
        min_length=1,
        max_length=64,
        pattern=PRINTABLE,
        description="The IANA time zone the meeting keeps its local time in, e.g. "
        "`America/Chicago` (422 for a name the server does not know).",
        examples=["America/Chicago"],
        extra_json_schema={"extra": {"format": "iana-time-zone"}},
    ),
]
# How many days from `from` a read lists occurrences for, by default.
DEFAULT_DAYS = 28


def _parse_date(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidField(name, f"{value!r} is not a real date.") from None


class MeetingCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A meeting of the network: one-off (`once`, on `starts_on`) or `weekly` on `weekdays`
    from `starts_on`, until `ends_on` if given, at `local_time` in `timezone`."""

    title: Annotated[str, Meta(min_length=1, max_length=MAX_TITLE_CHARACTERS, pattern=PRINTABLE)]
    timezone: MeetingZone
    local_time: LocalTime
    duration_minutes: Annotated[int, Meta(ge=5, le=1440)] = 60
    repeat: Repeat = Repeat.ONCE
    starts_on: date
    weekdays: Annotated[list[Weekday], Meta(max_length=7)] = msgspec.field(default_factory=list)
    ends_on: date | None = None


class OccurrenceCancel(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    local_date: date


class AttendanceUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    status: AttendanceStatus


class OccurrenceView(msgspec.Struct, kw_only=True):
    """One occurrence: its local date, when it starts and ends (UTC), and whether the wall
    clock shows another time than the meeting's (its local time was skipped that day)."""

    local_date: date
    starts_at: datetime
    ends_at: datetime
    shifted: bool

    @classmethod
    def of(cls, occurrence: Occurrence, duration_minutes: int) -> OccurrenceView:
        return cls(
            local_date=occurrence.local_date,
            starts_at=occurrence.starts_at,
            ends_at=occurrence.starts_at + timedelta(minutes=duration_minutes),
            shifted=occurrence.shifted,
        )


class MeetingView(msgspec.Struct, kw_only=True):
    """A meeting of a network, with its occurrences over the days asked (by default the next
    28 from today in its time zone; cancelled ones and days its zone skipped left out)."""

    id: UUID
    network_id: UUID
    organization_id: UUID
    title: str
    timezone: str
    local_time: str
    duration_minutes: int
    repeat: Repeat
    starts_on: date
    weekdays: list[Weekday]
    ends_on: date | None
    cancelled_dates: list[date]
    occurrences: list[OccurrenceView]
    version: int

    @classmethod
    def of(cls, meeting: Meeting, shown: list[Occurrence]) -> MeetingView:
        return cls(
            id=meeting.id,
            network_id=meeting.network_id,
            organization_id=meeting.organization_id,
            title=meeting.title,
            timezone=meeting.timezone,
            local_time=meeting.local_time.strftime("%H:%M"),
            duration_minutes=meeting.duration_minutes,
            repeat=meeting.repeat,
            starts_on=meeting.starts_on,
            weekdays=sorted(meeting.weekdays, key=lambda d: d.number),
            ends_on=meeting.ends_on,
            cancelled_dates=sorted(meeting.cancelled_dates),
            occurrences=[OccurrenceView.of(o, meeting.duration_minutes) for o in shown],
            version=meeting.version,
        )

    @classmethod
    def upcoming(cls, meeting: Meeting, now: datetime) -> MeetingView:
        today = local_today(meeting, now)
        return cls.of(meeting, occurrences(meeting, today, last_day(today, DEFAULT_DAYS)))


class MeetingList(msgspec.Struct, kw_only=True):
    data: list[MeetingView]
    next_cursor: str | None


class CorrectionView(msgspec.Struct, kw_only=True):
    """An earlier record a correction replaced: what it said, who recorded it, when, and
    when it was replaced."""

    status: AttendanceStatus
    recorded_by_organization_id: UUID
    recorded_at: datetime
    replaced_at: datetime


class AttendanceView(msgspec.Struct, kw_only=True):
    """A member's attendance at one occurrence, with the records it corrected (oldest
    first)."""

    meeting_id: UUID
    network_id: UUID
    local_date: date
    member_id: UUID
    status: AttendanceStatus
    recorded_by_organization_id: UUID
    recorded_at: datetime
    version: int
    corrections: list[CorrectionView]

    @classmethod
    def of(cls, record: AttendanceRecord) -> AttendanceView:
        a = record.attendance
        return cls(
            meeting_id=a.meeting_id,
            network_id=record.network_id,
            local_date=a.local_date,
            member_id=a.member_id,
            status=a.status,
            recorded_by_organization_id=a.recorded_by_organization_id,
            recorded_at=a.recorded_at,
            version=a.version,
            corrections=[
                CorrectionView(
                    status=c.replaced.status,
                    recorded_by_organization_id=c.replaced.recorded_by_organization_id,
                    recorded_at=c.replaced.recorded_at,
                    replaced_at=c.replaced_at,
                )
                for c in record.corrections
            ],
        )


class MemberAttendanceView(msgspec.Struct, kw_only=True):
    """A member's attendance at their last `considered` recorded occurrences (newest first)
    and what follows from it: the share attended of those attended or missed (`rate`, null
    when none counts), and the current run of meetings attended (excused ones neither count
    nor break it). Accountability, like pledges: never a judgement."""

    member_id: UUID
    considered: int
    attended: int
    absent: int
    excused: int
    rate: float | None
    current_run: int
    data: list[AttendanceView]
    disclosure: DisclosureNoticeView | None = None

    @classmethod
    def of(cls, seen: SeenAttendance) -> MemberAttendanceView:
        s = seen.summary
        return cls(
            member_id=seen.member_id,
            considered=s.considered,
            attended=s.attended,
            absent=s.absent,
            excused=s.excused,
            rate=s.rate,
            current_run=s.current_run,
            data=[AttendanceView.of(r) for r in seen.records],
            disclosure=DisclosureNoticeView.of(notice_for_consents(seen.consent_ids)),
        )


class NetworkMeetingController(ApiController):
    path = "/v1/networks/{network_id:uuid}/meetings"
    tags = ["meetings"]

    @operation(
        post,
        "scheduleMeeting",
        Scope.NETWORKS_WRITE,
        errors=(409, 410, 413, 422),
        etag=True,
        created=True,
    )
    async def schedule(
        self,
        request: HttpRequest,
        network_id: NetworkId,
        data: JSONBody[MeetingCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[MeetingView]:
        """Schedule a meeting of a network the caller takes part in

        One-off or weekly on given weekdays, at a local time in an IANA time zone: every
        occurrence keeps its local time across daylight saving changes. A local time the
        clocks skip that day moves later by the gap (02:30 on a day that jumps from 02:00 to
        03:00 is 03:30); one that occurs twice is the first; a date the zone skipped
        altogether has no occurrence. `meeting.scheduled` goes to every organization taking
        part."""
        act = acting(request)
        command = usecases.ScheduleMeeting(
            organization_id=act.organization_id,
            network_id=network_id,
            title=data.title,
            timezone=data.timezone,
            local_time=time.fromisoformat(data.local_time),
            duration_minutes=data.duration_minutes,
            repeat=data.repeat,
            starts_on=data.starts_on,
            weekdays=tuple(data.weekdays),
            ends_on=data.ends_on,
        )
        now = act.clock.now()
        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.schedule_meeting(command, uow, receipt),
            present=lambda meeting: Created.of(
                MeetingView.upcoming(meeting, now),
                version=meeting.version,
                location=f"/v1/meetings/{meeting.id}",
                resource_id=meeting.id,
            ),
        )

    @operation(get, "listMeetings", Scope.NETWORKS_READ)
    async def list_meetings(
        self, request: HttpRequest, network_id: NetworkId, page: Paging
    ) -> MeetingList:
        """The network's meetings, each with its occurrences of the next 28 days

        Any organization taking part in the network; 404 for anyone else."""
        act = acting(request)
        found = await usecases.list_meetings(
            act.organization_id, network_id, page, act.services.meetings
        )
        now = act.clock.now()
        return list_of(MeetingList, found, lambda m: MeetingView.upcoming(m, now))


_FROM = Annotated[
    date | None,
    QueryParameter(
        required=False,
        description="The first local date to list occurrences for (default: today in the "
        "meeting's time zone).",
    ),
]
_DAYS = Annotated[
    int,
    QueryParameter(
        ge=1, le=MAX_DAYS_LISTED, description="How many days of occurrences to list (1 to 366)."
    ),
]


class MeetingController(ApiController):
    path = "/v1/meetings/{meeting_id:uuid}"
    tags = ["meetings"]

    @operation(get, "getMeeting", Scope.NETWORKS_READ, errors=(422,), etag=True)
    async def get_meeting(
        self,
        request: HttpRequest,
        meeting_id: MeetingId,
        start_on: _FROM = None,
        days: _DAYS = DEFAULT_DAYS,
    ) -> Response[MeetingView]:
        """Read a meeting with its occurrences over a stretch of days

        Any organization taking part in its network; 404 for anyone else. Cancelled
        occurrences and dates its zone skipped are left out of `occurrences`."""
        act = acting(request)
        meeting, shown = await usecases.get_meeting(
            act.organization_id, meeting_id, start_on, days, act.clock.now(), act.services.meetings
        )
        return Response(MeetingView.of(meeting, shown), headers={"ETag": etag(meeting.version)})

    @operation(
        post,
        "cancelMeetingOccurrence",
        Scope.NETWORKS_WRITE,
        errors=(413, 422),
        path="/cancellations",
        etag=True,
        status_code=200,
    )
    async def cancel(
        self, request: HttpRequest, meeting_id: MeetingId, data: JSONBody[OccurrenceCancel]
    ) -> Response[MeetingView]:
        """Cancel one occurrence of a meeting

        By the organization that scheduled it (404 for anyone else, nothing changed). The
        date must be one of the meeting's; cancelling it again changes nothing.
        `meeting.cancelled` goes to every organization taking part."""
        act = acting(request)
        meeting = await usecases.cancel_occurrence(
            act.organization_id, meeting_id, data.local_date, act.uow()
        )
        view = MeetingView.upcoming(meeting, act.clock.now())
        return Response(view, headers={"ETag": etag(meeting.version)})

    @operation(
        put,
        "recordAttendance",
        Scope.NETWORKS_WRITE,
        errors=(413, 422),
        path="/attendance/{local_date:str}/{member_id:uuid}",
    )
    async def record(
        self,
        request: HttpRequest,
        meeting_id: MeetingId,
        local_date: LocalDate,
        member_id: MemberId,
        data: JSONBody[AttendanceUpdate],
    ) -> AttendanceView:
        """Record a member's attendance at one occurrence, or correct it

        `attended`, `excused` or `absent`, once the occurrence has begun (not a cancelled
        one). By the member's own organization, or by the one that moderates the network
        (its creator, or the organization of an active coordinator), for an active member of
        the network: 404 for anyone else, nothing changed. A correction keeps what it replaced
        (`corrections`, shown to the member's own organization; a moderator sees only what it
        recorded). The member's own organization sending the same status again changes
        nothing. `attendance.recorded` goes out under the member's consent covering
        `meetings`."""
        act = acting(request)
        recorded = await usecases.record_attendance(
            usecases.RecordAttendance(
                organization_id=act.organization_id,
                meeting_id=meeting_id,
                local_date=_parse_date("local_date", local_date),
                member_id=member_id,
                status=data.status,
            ),
            act.uow(),
        )
        return AttendanceView.of(recorded)


_LAST = Annotated[
    int,
    QueryParameter(
        ge=1, le=100, description="How many of the latest recorded occurrences to consider."
    ),
]


class MemberAttendanceController(ApiController):
    path = "/v1/members/{member_id:uuid}/attendance"
    tags = ["meetings"]

    @operation(get, "getMemberAttendance", Scope.MEMBERS_READ)
    async def attendance(
        self, request: HttpRequest, member_id: MemberId, last: _LAST = 10
    ) -> MemberAttendanceView:
        """A member's attendance at meetings: the latest occurrences, rate and run

        The home organization; another only under a consent from the member in force covering
        `meetings` (404 otherwise), that read recorded in the member's accounting of
        disclosures. Another organization sees the records of meetings in networks it takes
        part in; the rate and the run count every meeting."""
        act = acting(request)
        seen = await usecases.member_attendance(
            act.viewing(), member_id, last, act.services.meetings
        )
        return MemberAttendanceView.of(seen)
