"""Meetings of a network: schedule, list, read with occurrences, cancel one occurrence; a
member's attendance: record or correct, read with what is derived from it."""

from __future__ import annotations

from datetime import date, datetime, time
from uuid import UUID

import msgspec

from service.domain import meetings as rules
from service.domain.accounting import Viewing
from service.domain.errors import NotFound, found
from service.domain.event_payloads import attendance_event, meeting_event
from service.domain.events import EventType
from service.domain.meetings import (
    AttendanceRecord,
    AttendanceStatus,
    Meeting,
    Occurrence,
    Recorder,
    Repeat,
    SeenAttendance,
    Weekday,
)
from service.domain.paging import Page, PageRequest
from service.domain.ports import MeetingQueries, Receipt, UnitOfWork, no_receipt


class ScheduleMeeting(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    network_id: UUID
    title: str
    timezone: str
    local_time: time
    duration_minutes: int
    repeat: Repeat
    starts_on: date
    weekdays: tuple[Weekday, ...] = ()
    ends_on: date | None = None


async def schedule_meeting(
    command: ScheduleMeeting, uow: UnitOfWork, receipt: Receipt[Meeting] = no_receipt
) -> Meeting:
    """Schedule a meeting of a network the caller takes an active part in;
    `meeting.scheduled` goes to every organization taking part."""
    now = uow.clock.now()
    async with uow:
        if not await uow.meetings.takes_part(command.network_id, command.organization_id):
            raise NotFound("network", command.network_id)
        meeting = rules.schedule(
            meeting_id=uow.ids.new_id(),
            network_id=command.network_id,
            organization_id=command.organization_id,
            title=command.title,
            timezone=command.timezone,
            local_time=command.local_time,
            duration_minutes=command.duration_minutes,
            repeat=command.repeat,
            starts_on=command.starts_on,
            weekdays=command.weekdays,
            ends_on=command.ends_on,
        )
        await uow.meetings.add(meeting, now)
        await uow.outbox.append(
            meeting_event(
                EventType.MEETING_SCHEDULED,
                meeting,
                command.organization_id,
                uow.ids.new_id(),
                now,
                repeat=meeting.repeat.value,
            )
        )
        await receipt(uow, meeting)
        await uow.commit()
    return meeting


async def list_meetings(
    viewer: UUID, network_id: UUID, page: PageRequest, queries: MeetingQueries
) -> Page[Meeting]:
    """The meetings of a network the viewer takes part in."""
    return found(await queries.list(viewer, network_id, page), "network", network_id)


async def get_meeting(
    viewer: UUID,
    meeting_id: UUID,
    first: date | None,
    days: int,
    now: datetime,
    queries: MeetingQueries,
) -> tuple[Meeting, list[Occurrence]]:
    """A meeting of a network the viewer takes part in, with its occurrences over `days`
    local dates from `first` (default: today in its zone; cancelled ones and days its zone
    skipped left out)."""
    meeting = found(await queries.get(viewer, meeting_id), "meeting", meeting_id)
    start = rules.local_today(meeting, now) if first is None else first
    return meeting, rules.occurrences(meeting, start, rules.last_day(start, days))


async def cancel_occurrence(
    organization_id: UUID, meeting_id: UUID, local_date: date, uow: UnitOfWork
) -> Meeting:
    """Cancel one occurrence, by the organization that scheduled the meeting;
    `meeting.cancelled` goes to every organization taking part. Cancelling it again changes
    nothing."""
    now = uow.clock.now()
    async with uow:
        meeting = await uow.meetings.get_for_update(organization_id, meeting_id)
        if meeting is None or meeting.organization_id != organization_id:
            raise NotFound("meeting", meeting_id)
        cancelled = rules.cancel_occurrence(meeting, local_date)
        if cancelled is not meeting:
            await uow.meetings.cancel(cancelled, local_date, now)
            await uow.outbox.append(
                meeting_event(
                    EventType.MEETING_CANCELLED,
                    cancelled,
                    organization_id,
                    uow.ids.new_id(),
                    now,
                    local_date=local_date.isoformat(),
                )
            )
        await uow.commit()
    return cancelled


class RecordAttendance(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    meeting_id: UUID
    local_date: date
    member_id: UUID
    status: AttendanceStatus


async def record_attendance(command: RecordAttendance, uow: UnitOfWork) -> AttendanceRecord:
    """Record (or correct) a member's attendance at an occurrence that has begun: by the
    member's own organization, or by one that moderates the network (its creator, or an
    active coordinator's organization), for an active member of the network. A correction
    keeps what it replaced; the member's own organization sees what it replaced, a moderator
    only what it recorded. `attendance.recorded` goes out under the one consent rule."""
    now = uow.clock.now()
    async with uow:
        meeting = await uow.meetings.get_for_update(command.organization_id, command.meeting_id)
        if meeting is None:
            raise NotFound("meeting", command.meeting_id)
        recorder = await uow.meetings.recorder(meeting, command.member_id, command.organization_id)
        if recorder is None:
            raise NotFound("member", command.member_id)
        own = recorder is Recorder.OWN
        current = await uow.meetings.attendance_for_update(
            meeting.id, command.local_date, command.member_id
        )
        earlier = (
            await uow.meetings.corrections(meeting.id, command.local_date, command.member_id)
            if own
            else []
        )
        # A moderator records what it saw, and learns nothing of the member's record from the
        # answer: no earlier records, and no "unchanged" (which would tell the current one).
        if own and current is not None and current.status is command.status:
            return AttendanceRecord(
                attendance=current, network_id=meeting.network_id, corrections=tuple(earlier)
            )
        recorded, correction = rules.record_attendance(
            current,
            meeting=meeting,
            local_date=command.local_date,
            member_id=command.member_id,
            status=command.status,
            organization_id=command.organization_id,
            now=now,
        )
        await uow.meetings.save_attendance(recorded, correction)
        await uow.outbox.append(
            attendance_event(recorded, meeting.network_id, uow.ids.new_id(), now)
        )
        await uow.commit()
    shown = (*earlier, *(() if correction is None else (correction,))) if own else ()
    return AttendanceRecord(attendance=recorded, network_id=meeting.network_id, corrections=shown)


async def member_attendance(
    viewing: Viewing, member_id: UUID, last: int, queries: MeetingQueries
) -> SeenAttendance:
    """The member's attendance at their last `last` recorded occurrences, newest first, with
    their rate and current run: the home organization's, or another's under a consent
    covering `meetings` (recorded as a disclosure)."""
    return found(await queries.attendance(viewing, member_id, last), "member", member_id)
