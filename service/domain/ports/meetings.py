"""Ports: Meetings and attendance."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from service.domain.accounting import Viewing
from service.domain.meetings import (
    Attendance,
    AttendanceCorrection,
    Meeting,
    Recorder,
    SeenAttendance,
)
from service.domain.paging import Page, PageRequest


class MeetingRepository(Protocol):
    async def takes_part(self, network_id: UUID, organization_id: UUID) -> bool:
        """The organization takes an active part in the open network."""
        ...

    async def add(self, meeting: Meeting, now: datetime) -> None:
        """Store a newly scheduled meeting."""
        ...

    async def get_for_update(self, viewer: UUID, meeting_id: UUID) -> Meeting | None:
        """The meeting (with its cancelled dates), locked, if the viewer takes an active part
        in its network; else None."""
        ...

    async def cancel(self, meeting: Meeting, local_date: date, now: datetime) -> None:
        """Keep the occurrence on `local_date` as cancelled, and the meeting's new version."""
        ...

    async def recorder(
        self, meeting: Meeting, member_id: UUID, organization_id: UUID
    ) -> Recorder | None:
        """As whom the organization records the member's attendance at the meeting: the
        member (not erased) holds an active membership of the meeting's open network, and the
        organization is the member's own or moderates the network (its creator, or an active
        coordinator of its own). None: it may not."""
        ...

    async def attendance_for_update(
        self, meeting_id: UUID, local_date: date, member_id: UUID
    ) -> Attendance | None:
        """The member's current attendance record for the occurrence, locked; None if none."""
        ...

    async def corrections(
        self, meeting_id: UUID, local_date: date, member_id: UUID
    ) -> list[AttendanceCorrection]:
        """What corrections of the member's attendance at the occurrence replaced, oldest
        first."""
        ...

    async def save_attendance(
        self, attendance: Attendance, correction: AttendanceCorrection | None
    ) -> None:
        """Store the first record, or a correction (keeping what it replaced)."""
        ...


class MeetingQueries(Protocol):
    async def list(self, viewer: UUID, network_id: UUID, page: PageRequest) -> Page[Meeting] | None:
        """The network's meetings, if the viewer takes part in the network (else None)."""
        ...

    async def get(self, viewer: UUID, meeting_id: UUID) -> Meeting | None:
        """The meeting if the viewer takes part in its network."""
        ...

    async def attendance(
        self, viewing: Viewing, member_id: UUID, last: int
    ) -> SeenAttendance | None:
        """The member's last `last` attendance records, newest first, with their summary: the
        home organization's, or another's under a consent in force covering `meetings` (that
        read recorded as a disclosure, in the same statement). None otherwise."""
        ...
