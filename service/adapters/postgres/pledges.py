"""Pledges and check-ins inside a unit of work."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from asyncpg import Record

from service.adapters.postgres.session import Session
from service.adapters.postgres.sql import Columns, struct_from_row, struct_to_columns
from service.domain.pledges import CheckIn, Pledge

PLEDGE = Columns(
    "id",
    "member_id",
    "organization_id",
    "text",
    "cadence",
    "network_id",
    "supporter_member_id",
    "starts_on",
    "ends_on",
    "status",
    "version",
    "created_at",
    "updated_at",
)
PLEDGE_COLUMNS = PLEDGE.list
CHECK_IN_COLUMNS = (
    "id, pledge_id, period_start, outcome, note, recorded_at, by_sweep, superseded_at"
)


def pledge_from_row(row: Record) -> Pledge:
    return struct_from_row(Pledge, row)


def check_in_from_row(row: Record) -> CheckIn:
    return struct_from_row(CheckIn, row)


_PLEDGE = f"SELECT {PLEDGE_COLUMNS} FROM pledges WHERE id = $1 AND organization_id = $2"  # noqa: S608

# A new pledge with the sweep's own row for it, due at once (the sweep finds the first period
# to look at): one statement.
_ADD = f"""
WITH pledge AS (
    INSERT INTO pledges ({PLEDGE_COLUMNS}) VALUES ({PLEDGE.values}) RETURNING id
)
INSERT INTO pledge_sweep_schedule (pledge_id, sweep_at) SELECT id, '-infinity' FROM pledge
"""  # noqa: S608

# A pledge's new status; an ended pledge has no periods left to sweep, so its schedule goes.
_SAVE = """
WITH saved AS (
    UPDATE pledges SET status = $2, version = $3, updated_at = $4 WHERE id = $1
    RETURNING id, status
)
DELETE FROM pledge_sweep_schedule
WHERE pledge_id IN (SELECT id FROM saved WHERE status <> 'active')
"""


class PostgresPledgeRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, pledge: Pledge) -> None:
        await self._connection.execute(_ADD, *PLEDGE.params(struct_to_columns(pledge)))

    async def get(self, organization_id: UUID, pledge_id: UUID) -> Pledge | None:
        row = await self._connection.fetchrow(_PLEDGE, pledge_id, organization_id)
        return None if row is None else pledge_from_row(row)

    async def get_for_update(self, organization_id: UUID, pledge_id: UUID) -> Pledge | None:
        row = await self._connection.fetchrow(_PLEDGE + " FOR UPDATE", pledge_id, organization_id)
        return None if row is None else pledge_from_row(row)

    async def save(self, pledge: Pledge) -> None:
        await self._connection.execute(
            _SAVE, pledge.id, pledge.status.value, pledge.version, pledge.updated_at
        )

    async def check_ins(self, pledge_id: UUID) -> list[CheckIn]:
        rows = await self._connection.fetch(
            f"SELECT {CHECK_IN_COLUMNS} FROM check_ins "  # noqa: S608
            "WHERE pledge_id = $1 ORDER BY period_start, recorded_at",
            pledge_id,
        )
        return [check_in_from_row(r) for r in rows]

    async def add_check_in(self, check_in: CheckIn) -> None:
        await self._connection.execute(
            f"INSERT INTO check_ins ({CHECK_IN_COLUMNS}) "  # noqa: S608
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            check_in.id,
            check_in.pledge_id,
            check_in.period_start,
            check_in.outcome.value,
            check_in.note,
            check_in.recorded_at,
            check_in.by_sweep,
            check_in.superseded_at,
        )

    async def supersede(self, check_in: CheckIn) -> None:
        await self._connection.execute(
            "UPDATE check_ins SET superseded_at = $2 WHERE id = $1",
            check_in.id,
            check_in.superseded_at,
        )

    async def due_for_sweep(self, now: datetime, limit: int) -> list[tuple[Pledge, str]]:
        """Active pledges to look at, with the member's zone; claimed (SKIP LOCKED) with their
        schedule rows. The pledge row is locked (so that a check-in for the same period waits
        for the sweep, or the sweep skips a pledge being checked in), never written."""
        rows = await self._connection.fetch(
            f"SELECT {PLEDGE.of('p')}, "  # noqa: S608
            "m.timezone FROM pledge_sweep_schedule s "
            "JOIN pledges p ON p.id = s.pledge_id JOIN members m ON m.id = p.member_id "
            "WHERE s.sweep_at <= $1 AND p.status = 'active' AND m.erased_at IS NULL "
            "ORDER BY s.sweep_at LIMIT $2 FOR UPDATE OF s, p SKIP LOCKED",
            now,
            limit,
        )
        return [(pledge_from_row(r), r["timezone"]) for r in rows]

    async def schedule_sweep(self, pledge_id: UUID, at: datetime) -> None:
        await self._connection.execute(
            "UPDATE pledge_sweep_schedule SET sweep_at = $2 WHERE pledge_id = $1", pledge_id, at
        )
