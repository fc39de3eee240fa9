"""The milestone sweep's schedule follows the members table (migration 0034), so the sweep
reads the due rows alone, not every member, however many there are. In a database of its
own, so that no running service sweeps it meanwhile."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import asyncpg

from service.adapters.postgres.milestones import DUE_MEMBERS
from service.adapters.postgres.pool import open_pool
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.system import SystemClock, UuidV7Source
from service.usecases.milestones import announce_due_milestones
from tests.support.builders import organization_row
from tests.support.plans import explain, rows_read

MEMBERS = 2000
NEG_INFINITY = "-infinity"


async def _members(
    connection: asyncpg.Connection, organization: UUID, count: int, started: bool = True
) -> list[UUID]:
    rows = await connection.fetch(
        "INSERT INTO members (id, organization_id, display_name, timezone, recovery_started_on, "
        "version, created_at, updated_at) "
        "SELECT gen_random_uuid(), $1, 'M', 'UTC', "
        "CASE WHEN $3 THEN current_date - 40 END, 1, now() - interval '50 days', now() "
        "FROM generate_series(1, $2) RETURNING id",
        organization,
        count,
        started,
    )
    return [r["id"] for r in rows]


async def _sweep_until_done(dsn: str) -> int:
    pool = await open_pool(dsn, min_size=1, max_size=2)
    looked_at = 0
    try:
        while found := await announce_due_milestones(
            PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
        ):
            looked_at += found
    finally:
        await pool.close()
    return looked_at


async def _due(connection: asyncpg.Connection, member: UUID) -> str | None:
    value: str | None = await connection.fetchval(
        "SELECT due_at::text FROM milestone_schedule WHERE member_id = $1", member
    )
    return value


async def test_the_sweep_reads_what_is_due_not_every_member(
    own_dsn: str, connection: asyncpg.Connection
) -> None:
    organization = await organization_row(connection, "Clinic", "clinic")
    await _members(connection, organization, MEMBERS)
    assert await _sweep_until_done(own_dsn) >= MEMBERS
    await connection.execute("ANALYZE members, milestone_schedule")
    async with connection.transaction():
        plan = await explain(connection, DUE_MEMBERS, datetime.now(UTC), 25)
    # Nothing is due: the old statement compared every member with its schedule row.
    assert rows_read(plan, "members") == 0
    assert rows_read(plan, "milestone_schedule") == 0
    assert await _sweep_until_done(own_dsn) == 0


async def test_the_schedule_follows_what_decides_a_members_milestones(
    own_dsn: str, connection: asyncpg.Connection
) -> None:
    organization = await organization_row(connection, "Clinic", "clinic")
    member, other = await _members(connection, organization, 2)
    [not_started] = await _members(connection, organization, 1, started=False)
    # Recorded with a recovery start: due at once; without one, nothing to schedule.
    assert await _due(connection, member) == NEG_INFINITY
    assert await _due(connection, not_started) is None
    await _sweep_until_done(own_dsn)
    worked_out = await _due(connection, member)
    assert worked_out not in (None, NEG_INFINITY)

    # A change that does not move a milestone leaves the schedule alone.
    await connection.execute(
        "UPDATE members SET display_name = 'Renamed', version = version + 1 WHERE id = $1", member
    )
    assert await _due(connection, member) == worked_out
    # Another time zone, a restart, a first recovery start: due at once again.
    await connection.execute(
        "UPDATE members SET timezone = 'Asia/Tokyo', version = version + 1 WHERE id = $1", member
    )
    assert await _due(connection, member) == NEG_INFINITY
    await connection.execute(
        "UPDATE members SET recovery_started_on = current_date - 3 WHERE id = $1", other
    )
    assert await _due(connection, other) == NEG_INFINITY
    await connection.execute(
        "UPDATE members SET recovery_started_on = current_date WHERE id = $1", not_started
    )
    assert await _due(connection, not_started) == NEG_INFINITY
    assert await _sweep_until_done(own_dsn) == 3
    assert await _due(connection, member) not in (None, NEG_INFINITY)

    # The organization's ladder replaced: every member of it is worked out again.
    pool = await open_pool(own_dsn, min_size=1, max_size=1)
    try:
        unit_of_work = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
        async with unit_of_work:
            await unit_of_work.milestones.set_ladder(organization, None)
            await unit_of_work.commit()
    finally:
        await pool.close()
    for someone in (member, other, not_started):
        assert await _due(connection, someone) == NEG_INFINITY
    assert await _sweep_until_done(own_dsn) == 3

    # Erased: no schedule left, and the sweep never looks at it again.
    await connection.execute(
        "UPDATE members SET erased_at = now(), display_name = NULL WHERE id = $1", member
    )
    assert await _due(connection, member) is None
