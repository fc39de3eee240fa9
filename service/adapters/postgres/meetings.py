"""Meetings of a network, their cancelled occurrences, and attendance with its corrections."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import msgspec
from asyncpg import Record

from service.adapters.postgres.consent_sql import consents_in_force
from service.adapters.postgres.networks import moderates_sql, takes_part_sql
from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.session import Session
from service.domain.accounting import Viewing
from service.domain.consent import DataScope
from service.domain.errors import MemberErased
from service.domain.meetings import (
    Attendance,
    AttendanceCorrection,
    AttendanceRecord,
    AttendanceStatus,
    Meeting,
    Recorder,
    Repeat,
    SeenAttendance,
    Weekday,
    summarise,
)
from service.domain.paging import Page, PageRequest, page_from_rows

_MEETING_COLUMNS = (
    "m.id, m.network_id, m.organization_id, m.title, m.timezone, m.local_time, "
    "m.duration_minutes, m.repeat, m.starts_on, m.weekdays, m.ends_on, m.version, "
    "ARRAY(SELECT x.local_date FROM meeting_cancellations x WHERE x.meeting_id = m.id "
    "ORDER BY x.local_date) AS cancelled_dates"
)
_MEETINGS = "'" + DataScope.MEETINGS.value + "'"
_COVERS_MEETINGS = f"{_MEETINGS} = ANY(c.effective_scopes)"
_ATTENDANCE_COLUMNS = (
    "meeting_id, local_date, member_id, status, recorded_by_organization_id, recorded_at, version"
)


def meeting_from_row(row: Record) -> Meeting:
    return Meeting(
        id=row["id"],
        network_id=row["network_id"],
        organization_id=row["organization_id"],
        title=row["title"],
        timezone=row["timezone"],
        local_time=row["local_time"],
        duration_minutes=row["duration_minutes"],
        repeat=Repeat(row["repeat"]),
        starts_on=row["starts_on"],
        weekdays=frozenset(Weekday(d) for d in row["weekdays"]),
        ends_on=row["ends_on"],
        cancelled_dates=frozenset(row["cancelled_dates"]),
        version=row["version"],
    )


def attendance_from_row(row: Record) -> Attendance:
    return Attendance(
        meeting_id=row["meeting_id"],
        local_date=row["local_date"],
        member_id=row["member_id"],
        status=AttendanceStatus(row["status"]),
        recorded_by_organization_id=row["recorded_by_organization_id"],
        recorded_at=row["recorded_at"],
        version=row["version"],
    )


class _Correction(msgspec.Struct, frozen=True):
    meeting_id: UUID
    local_date: date
    member_id: UUID
    version: int
    status: AttendanceStatus
    recorded_by_organization_id: UUID
    recorded_at: datetime
    replaced_at: datetime


class _Record(msgspec.Struct, frozen=True):
    meeting_id: UUID
    local_date: date
    member_id: UUID
    status: AttendanceStatus
    recorded_by_organization_id: UUID
    recorded_at: datetime
    version: int
    network_id: UUID


_RECORDS = msgspec.json.Decoder(list[_Record])
_CORRECTIONS = msgspec.json.Decoder(list[_Correction])

# A member's attendance as the viewer may see it: the home organization's, or another's under
# a consent in force covering `meetings` (recorded as a disclosure in the same statement); the
# last $4 records, newest first, with the corrections of those, and every status newest first
# (for the run of meetings attended). $1 member, $2 viewer, $3 now, $5 operation, $6 request
# id, $7 caller's request id, $8 key.
_ATTENDANCE_SEEN = f"""
WITH seen AS (
    SELECT t.id, t.organization_id, t.erased_at,
           CASE WHEN t.organization_id = $2 THEN '{{}}'::uuid[]
                ELSE {consents_in_force("t.id", "$2", "$3", _COVERS_MEETINGS)}
           END AS consent_ids
    FROM members t
    WHERE t.id = $1 AND (t.organization_id = $2 OR t.erased_at IS NULL)
), shown AS (
    SELECT * FROM seen WHERE organization_id = $2 OR cardinality(consent_ids) > 0
), logged AS (
    INSERT INTO disclosures (member_id, organization_id, recipient_organization_id, consent_ids,
                             scopes, operation, request_id, disclosed_at, client_request_id,
                             key_id)
    SELECT s.id, s.organization_id, $2, s.consent_ids, ARRAY[{_MEETINGS}], $5, $6, $3, $7,
           $8::uuid
    FROM shown s WHERE s.organization_id <> $2
), recent AS (
    SELECT a.meeting_id, a.local_date, a.member_id, a.status, a.recorded_by_organization_id,
           a.recorded_at, a.version, m.network_id, m.local_time AS meeting_time
    FROM attendance a JOIN meetings m ON m.id = a.meeting_id
    WHERE a.member_id = $1 AND EXISTS (SELECT 1 FROM shown)
      -- Another organization sees the records of networks it takes part in (the rate and the
      -- run count every meeting: figures, not where the member goes).
      AND (EXISTS (SELECT 1 FROM shown WHERE organization_id = $2)
           OR {takes_part_sql("m.network_id", "$2")})
    ORDER BY a.local_date DESC, m.local_time DESC, a.meeting_id DESC
    LIMIT $4
)
SELECT s.consent_ids, s.erased_at,
       (SELECT coalesce(json_agg(r ORDER BY r.local_date DESC, r.meeting_time DESC,
                                              r.meeting_id DESC), '[]') FROM recent r)::text
           AS records,
       (SELECT coalesce(json_agg(k ORDER BY k.version), '[]')
        FROM attendance_corrections k JOIN recent r USING (meeting_id, local_date, member_id)
       )::text AS corrections,
       ARRAY(SELECT a.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id
             WHERE a.member_id = $1
             ORDER BY a.local_date DESC, m.local_time DESC, a.meeting_id DESC) AS statuses
FROM shown s
"""  # noqa: S608


class PostgresMeetingRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def takes_part(self, network_id: UUID, organization_id: UUID) -> bool:
        found: bool = await self._connection.fetchval(
            f"SELECT EXISTS (SELECT 1 FROM networks n WHERE n.id = $1 AND n.status = 'active' "  # noqa: S608
            f"AND {takes_part_sql('n.id', '$2')})",
            network_id,
            organization_id,
        )
        return found

    async def add(self, meeting: Meeting, now: datetime) -> None:
        m = meeting
        await self._connection.execute(
            "INSERT INTO meetings (id, network_id, organization_id, title, timezone, local_time, "
            "duration_minutes, repeat, starts_on, weekdays, ends_on, version, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            m.id,
            m.network_id,
            m.organization_id,
            m.title,
            m.timezone,
            m.local_time,
            m.duration_minutes,
            m.repeat.value,
            m.starts_on,
            sorted(d.value for d in m.weekdays),
            m.ends_on,
            m.version,
            now,
        )

    async def get_for_update(self, viewer: UUID, meeting_id: UUID) -> Meeting | None:
        row = await self._connection.fetchrow(
            f"SELECT {_MEETING_COLUMNS} FROM meetings m "  # noqa: S608
            f"WHERE m.id = $1 AND {takes_part_sql('m.network_id', '$2')} FOR UPDATE OF m",
            meeting_id,
            viewer,
        )
        return None if row is None else meeting_from_row(row)

    async def cancel(self, meeting: Meeting, local_date: date, now: datetime) -> None:
        await self._connection.execute(
            "INSERT INTO meeting_cancellations (meeting_id, local_date, cancelled_at) "
            "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            meeting.id,
            local_date,
            now,
        )
        await self._connection.execute(
            "UPDATE meetings SET version = $2 WHERE id = $1", meeting.id, meeting.version
        )

    async def recorder(
        self, meeting: Meeting, member_id: UUID, organization_id: UUID
    ) -> Recorder | None:
        row = await self._connection.fetchrow(
            f"""SELECT ms.member_organization_id = $3 AS own,
                       {moderates_sql("$1", "$3")} AS moderates
                FROM network_memberships ms
                JOIN networks n ON n.id = ms.network_id AND n.status = 'active'
                JOIN members m ON m.id = ms.member_id AND m.erased_at IS NULL
                WHERE ms.network_id = $1 AND ms.member_id = $2 AND ms.status = 'active'""",  # noqa: S608
            meeting.network_id,
            member_id,
            organization_id,
        )
        if row is None:
            return None
        if row["own"]:
            return Recorder.OWN
        return Recorder.MODERATOR if row["moderates"] else None

    async def attendance_for_update(
        self, meeting_id: UUID, local_date: date, member_id: UUID
    ) -> Attendance | None:
        row = await self._connection.fetchrow(
            f"SELECT {_ATTENDANCE_COLUMNS} FROM attendance "  # noqa: S608
            "WHERE meeting_id = $1 AND local_date = $2 AND member_id = $3 FOR UPDATE",
            meeting_id,
            local_date,
            member_id,
        )
        return None if row is None else attendance_from_row(row)

    async def corrections(
        self, meeting_id: UUID, local_date: date, member_id: UUID
    ) -> list[AttendanceCorrection]:
        rows = await self._connection.fetch(
            "SELECT meeting_id, local_date, member_id, version, status, "
            "recorded_by_organization_id, recorded_at, replaced_at FROM attendance_corrections "
            "WHERE meeting_id = $1 AND local_date = $2 AND member_id = $3 ORDER BY version",
            meeting_id,
            local_date,
            member_id,
        )
        return [
            AttendanceCorrection(replaced=attendance_from_row(r), replaced_at=r["replaced_at"])
            for r in rows
        ]

    async def save_attendance(
        self, attendance: Attendance, correction: AttendanceCorrection | None
    ) -> None:
        a = attendance
        if correction is not None:
            r = correction.replaced
            await self._connection.execute(
                "INSERT INTO attendance_corrections (meeting_id, local_date, member_id, version, "
                "status, recorded_by_organization_id, recorded_at, replaced_at) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                r.meeting_id,
                r.local_date,
                r.member_id,
                r.version,
                r.status.value,
                r.recorded_by_organization_id,
                r.recorded_at,
                correction.replaced_at,
            )
        await self._connection.execute(
            f"INSERT INTO attendance ({_ATTENDANCE_COLUMNS}) "  # noqa: S608
            "VALUES ($1, $2, $3, $4, $5, $6, $7) "
            "ON CONFLICT (meeting_id, local_date, member_id) DO UPDATE SET "
            "status = excluded.status, "
            "recorded_by_organization_id = excluded.recorded_by_organization_id, "
            "recorded_at = excluded.recorded_at, version = excluded.version",
            a.meeting_id,
            a.local_date,
            a.member_id,
            a.status.value,
            a.recorded_by_organization_id,
            a.recorded_at,
            a.version,
        )


class PostgresMeetingQueries:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def list(self, viewer: UUID, network_id: UUID, page: PageRequest) -> Page[Meeting] | None:
        # One statement: whether the viewer takes part, and the page if so.
        rows = await self._pool.fetch(
            f"SELECT {takes_part_sql('$1', '$4')} AS visible, page.* "  # noqa: S608
            f"FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT {_MEETING_COLUMNS} FROM meetings m "
            "WHERE m.network_id = $1 AND ($2::uuid IS NULL OR m.id > $2) "
            f"AND {takes_part_sql('$1', '$4')} ORDER BY m.id LIMIT $3) page ON true",
            network_id,
            page.after,
            page.limit + 1,
            viewer,
        )
        if not rows[0]["visible"]:
            return None
        rows = [r for r in rows if r["id"] is not None]
        return page_from_rows([meeting_from_row(r) for r in rows], page, lambda m: m.id)

    async def get(self, viewer: UUID, meeting_id: UUID) -> Meeting | None:
        row = await self._pool.fetchrow(
            f"SELECT {_MEETING_COLUMNS} FROM meetings m "  # noqa: S608
            f"WHERE m.id = $1 AND {takes_part_sql('m.network_id', '$2')}",
            meeting_id,
            viewer,
        )
        return None if row is None else meeting_from_row(row)

    async def attendance(
        self, viewing: Viewing, member_id: UUID, last: int
    ) -> SeenAttendance | None:
        row = await self._pool.fetchrow(
            _ATTENDANCE_SEEN,
            member_id,
            viewing.organization_id,
            viewing.now,
            last,
            viewing.operation,
            viewing.request_id,
            viewing.client_request_id,
            viewing.key_id,
        )
        if row is None:
            return None
        if row["erased_at"] is not None:  # only its home organization finds it
            raise MemberErased(member_id, row["erased_at"])
        corrections: dict[tuple[UUID, date, UUID], list[AttendanceCorrection]] = {}
        for k in _CORRECTIONS.decode(row["corrections"]):
            replaced = Attendance(
                meeting_id=k.meeting_id,
                local_date=k.local_date,
                member_id=k.member_id,
                status=k.status,
                recorded_by_organization_id=k.recorded_by_organization_id,
                recorded_at=k.recorded_at,
                version=k.version,
            )
            key = (k.meeting_id, k.local_date, k.member_id)
            corrections.setdefault(key, []).append(
                AttendanceCorrection(replaced=replaced, replaced_at=k.replaced_at)
            )
        records = tuple(
            AttendanceRecord(
                attendance=Attendance(
                    meeting_id=r.meeting_id,
                    local_date=r.local_date,
                    member_id=r.member_id,
                    status=r.status,
                    recorded_by_organization_id=r.recorded_by_organization_id,
                    recorded_at=r.recorded_at,
                    version=r.version,
                ),
                network_id=r.network_id,
                corrections=tuple(corrections.get((r.meeting_id, r.local_date, r.member_id), ())),
            )
            for r in _RECORDS.decode(row["records"])
        )
        statuses = [AttendanceStatus(s) for s in row["statuses"]]
        return SeenAttendance(
            member_id=member_id,
            records=records,
            summary=summarise(statuses, last),
            consent_ids=tuple(row["consent_ids"]),
        )
