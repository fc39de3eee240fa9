"""Milestone announcements, ladders, custom milestones and cheers, inside a unit of work."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import msgspec
from asyncpg import Record

from service.adapters.postgres.members import MEMBER, member_from_row
from service.adapters.postgres.session import Session
from service.adapters.postgres.sql import struct_from_row
from service.domain.members import Member
from service.domain.milestones import DEFAULT_LADDER, Cheer, CustomMilestone, Ladder

# Members whose next milestone is due, or whose schedule must be worked out again (a new
# member, a restart, another time zone: migration 0034 makes them due at once), by the due
# index alone. The member row is locked (so that two workers never take the same member) and
# never written.
DUE_MEMBERS = f"""
SELECT {MEMBER.of("m")}, o.milestone_ladder
FROM milestone_schedule s
JOIN members m ON m.id = s.member_id
JOIN organizations o ON o.id = m.organization_id
WHERE s.due_at <= $1 AND m.recovery_started_on IS NOT NULL AND m.erased_at IS NULL
ORDER BY s.due_at
LIMIT $2
FOR UPDATE OF m SKIP LOCKED
"""  # noqa: S608


ANNOUNCED = (
    "SELECT period_started_on, rung_key, due_at FROM milestone_announcements WHERE member_id = $1"
)


def ladder_from(raw: str | None) -> Ladder:
    return DEFAULT_LADDER if raw is None else msgspec.json.decode(raw, type=Ladder)


def custom_from_row(row: Record) -> CustomMilestone:
    return struct_from_row(CustomMilestone, row)


def cheer_from_row(row: Record) -> Cheer:
    return struct_from_row(Cheer, row)


class PostgresMilestoneRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def due_members(self, now: datetime, limit: int) -> list[tuple[Member, Ladder]]:
        rows = await self._connection.fetch(DUE_MEMBERS, now, limit)
        return [(member_from_row(r), ladder_from(r["milestone_ladder"])) for r in rows]

    async def announce(
        self,
        member_id: UUID,
        period_started_on: date,
        items: list[tuple[str, datetime]],
        now: datetime,
    ) -> set[str]:
        # One statement for all of a member's rungs: a journey years long has dozens.
        rows = await self._connection.fetch(
            "INSERT INTO milestone_announcements "
            "(member_id, period_started_on, rung_key, due_at, announced_at) "
            "SELECT $1, $2, k, d, $5 FROM unnest($3::text[], $4::timestamptz[]) AS u(k, d) "
            "ON CONFLICT DO NOTHING RETURNING rung_key",
            member_id,
            period_started_on,
            [key for key, _ in items],
            [due for _, due in items],
            now,
        )
        return {r["rung_key"] for r in rows}

    async def schedule(self, member: Member, next_at: datetime | None) -> None:
        await self._connection.execute(
            "INSERT INTO milestone_schedule (member_id, member_version, due_at) "
            "VALUES ($1, $2, coalesce($3, 'infinity'::timestamptz)) "
            "ON CONFLICT (member_id) DO UPDATE SET "
            "member_version = EXCLUDED.member_version, due_at = EXCLUDED.due_at",
            member.id,
            member.version,
            next_at,
        )

    async def ladder(self, organization_id: UUID) -> Ladder:
        raw = await self._connection.fetchval(
            "SELECT milestone_ladder FROM organizations WHERE id = $1", organization_id
        )
        return ladder_from(raw)

    async def set_ladder(self, organization_id: UUID, ladder: Ladder | None) -> None:
        await self._connection.execute(
            "UPDATE organizations SET milestone_ladder = $2::jsonb WHERE id = $1",
            organization_id,
            None if ladder is None else msgspec.json.encode(ladder).decode(),
        )
        # Every member's next milestone may have moved: let the sweep work it out again.
        await self._connection.execute(
            "UPDATE milestone_schedule SET due_at = '-infinity' WHERE member_id IN "
            "(SELECT id FROM members WHERE organization_id = $1)",
            organization_id,
        )

    async def add_custom(self, milestone: CustomMilestone, organization_id: UUID) -> None:
        await self._connection.execute(
            "INSERT INTO custom_milestones "
            "(id, member_id, organization_id, title, achieved_on, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6)",
            milestone.id,
            milestone.member_id,
            organization_id,
            milestone.title,
            milestone.achieved_on,
            milestone.created_at,
        )

    async def custom(self, member_id: UUID, milestone_id: UUID) -> CustomMilestone | None:
        row = await self._connection.fetchrow(
            "SELECT id, member_id, title, achieved_on, created_at FROM custom_milestones "
            "WHERE id = $1 AND member_id = $2",
            milestone_id,
            member_id,
        )
        return None if row is None else custom_from_row(row)

    async def announced_keys(self, member_id: UUID) -> list[tuple[date, str, datetime]]:
        rows = await self._connection.fetch(ANNOUNCED, member_id)
        return [(r["period_started_on"], r["rung_key"], r["due_at"]) for r in rows]

    async def add_cheer(self, cheer: Cheer) -> None:
        await self._connection.execute(
            "INSERT INTO cheers (id, member_id, milestone_key, author_member_id, "
            "author_organization_id, message, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            cheer.id,
            cheer.member_id,
            cheer.milestone_key,
            cheer.author_member_id,
            cheer.author_organization_id,
            cheer.message,
            cheer.created_at,
        )
