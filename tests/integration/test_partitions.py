"""The logs' monthly slices (migration 0032, service.adapters.postgres.partitions): made ahead
of time, dropped whole once past retention without blocking requests, nothing inside the
retention lost. Each test has a database of its own: it moves the maintenance's clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import asyncpg
import pytest

from service.adapters.postgres.events import PostgresEventFeed
from service.adapters.postgres.partitions import SLICED, PostgresPartitions, slice_name
from service.adapters.postgres.pool import FairPool, open_pool
from service.domain.accounting import Viewing
from service.domain.events import FeedPosition
from service.domain.retention import Month, may_drop, months_wanted
from tests.support.builders import stored_organization
from tests.support.database import fresh_database
from tests.support.waiting import feed_settled_on


@pytest.fixture
def own_dsn() -> Iterator[str]:
    with fresh_database() as database_dsn:
        yield database_dsn


@pytest.fixture
async def pool(own_dsn: str) -> AsyncIterator[FairPool]:
    pool = await open_pool(own_dsn, min_size=1, max_size=4)
    yield pool
    await pool.close()


async def _slices(pool: FairPool, table: str) -> set[str]:
    rows = await pool.fetch(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = $1::regclass",
        table,
    )
    return {r["relname"] for r in rows}


async def _event(pool: FairPool, organization: UUID, recorded_at: datetime | None) -> UUID:
    """An event of `organization`, written at `recorded_at` (the database's now if None)."""
    event = uuid4()
    await pool.execute(
        "INSERT INTO outbox_events (id, type, organization_id, subject_type, subject_id, "
        "occurred_at, data, recorded_at) "
        "VALUES ($1, 'member.created', $2, 'member', $1, coalesce($3, now()), '{}', "
        "coalesce($3, now()))",
        event,
        organization,
        recorded_at,
    )
    return event


async def _disclosure(pool: FairPool, organization: UUID, recorded_at: datetime) -> UUID:
    disclosure = uuid4()
    await pool.execute(
        "INSERT INTO disclosures (id, member_id, organization_id, recipient_organization_id, "
        "consent_ids, scopes, operation, request_id, disclosed_at, recorded_at) "
        "VALUES ($1, $2, $3, $3, '{}', '{profile}', 'getMember', 'r', $4, $4)",
        disclosure,
        uuid4(),
        organization,
        recorded_at,
    )
    return disclosure


async def _database_now(pool: FairPool) -> datetime:
    now: datetime = await pool.fetchval("SELECT now()")
    return now


async def test_slices_are_made_ahead_of_time_and_rows_go_to_their_month(pool: FairPool) -> None:
    later = await _database_now(pool) + timedelta(days=150)
    changes = await PostgresPartitions(pool).maintain(later)
    for table in SLICED:
        wanted = {slice_name(table, month) for month in months_wanted(later)}
        assert wanted <= set(changes.made)
        assert wanted <= await _slices(pool, table)
    # A row written in that month goes to its slice.
    organization = await stored_organization(pool, datetime.now(UTC))
    event = await _event(pool, organization, later)
    stored_in = await pool.fetchval(
        "SELECT tableoid::regclass::text FROM outbox_events WHERE id = $1", event
    )
    assert stored_in == slice_name("outbox_events", Month.of(later.astimezone(UTC).date()))
    # A second pass has nothing more to make.
    assert (await PostgresPartitions(pool).maintain(later)).made == []


async def test_an_old_slice_is_dropped_and_nothing_inside_the_retention_is_lost(
    pool: FairPool,
) -> None:
    partitions = PostgresPartitions(pool)
    now = await _database_now(pool)
    old, mid = now - timedelta(days=400), now - timedelta(days=200)
    await partitions.maintain(old)
    await partitions.maintain(mid)
    organization = await stored_organization(pool, datetime.now(UTC))
    old_event = await _event(pool, organization, old)
    mid_event = await _event(pool, organization, mid)
    new_event = await _event(pool, organization, None)
    old_disclosure = await _disclosure(pool, organization, old)
    mid_disclosure = await _disclosure(pool, organization, mid)

    changes = await partitions.maintain()

    old_month = Month.of(old.astimezone(UTC).date())
    assert slice_name("outbox_events", old_month) in changes.dropped
    assert slice_name("event_audience", old_month) in changes.dropped
    assert not any(name.startswith("disclosures_") for name in changes.dropped)
    # Past a year: gone, with its audience. Within it: kept, and still in the feed.
    assert await pool.fetchval("SELECT count(*) FROM outbox_events WHERE id = $1", old_event) == 0
    viewing = Viewing(organization_id=organization, now=now, request_id="t", operation="t")
    await feed_settled_on(pool)
    read = await PostgresEventFeed(pool).after(viewing, FeedPosition(), 10, None)
    assert [f.event.id for f in read.events] == [mid_event, new_event]
    # Disclosures are kept six years: both are there.
    kept = await pool.fetch(
        "SELECT id FROM disclosures WHERE id = ANY($1::uuid[])", [old_disclosure, mid_disclosure]
    )
    assert {r["id"] for r in kept} == {old_disclosure, mid_disclosure}
    # No slice is left past its retention, and this month's and those ahead are all there.
    for table, log in SLICED.items():
        names = await _slices(pool, table)
        for month in months_wanted(now):
            assert slice_name(table, month) in names
        for name in names:
            year, number = name.rsplit("_", 2)[-2:]
            assert not may_drop(Month(int(year), int(number)), log, now), name


async def test_dropping_a_slice_never_blocks_requests(pool: FairPool, own_dsn: str) -> None:
    partitions = PostgresPartitions(pool)
    now = await _database_now(pool)
    old = now - timedelta(days=400)
    await partitions.maintain(old)
    organization = await stored_organization(pool, datetime.now(UTC))
    await _event(pool, organization, old)
    # A long reader holds the log (and the old slice) open.
    reader = await asyncpg.connect(own_dsn)
    try:
        reading = reader.transaction()
        await reading.start()
        assert await reader.fetchval("SELECT count(*) FROM outbox_events") == 1
        maintenance = asyncio.create_task(partitions.maintain())
        for _ in range(100):
            waiting = await pool.fetchval(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE query LIKE 'ALTER TABLE % DETACH PARTITION %' AND state = 'active'"
            )
            if waiting:
                break
            await asyncio.sleep(0.05)
        assert waiting, "the detach did not start"
        # While the detach waits for the reader, requests write and read the log.
        written = await asyncio.wait_for(_event(pool, organization, None), timeout=5)
        found = await asyncio.wait_for(
            pool.fetchval("SELECT count(*) FROM outbox_events WHERE id = $1", written), timeout=5
        )
        assert found == 1
        assert not maintenance.done()
        await reading.commit()
        changes = await asyncio.wait_for(maintenance, timeout=30)
    finally:
        await reader.close()
    old_month = Month.of(old.astimezone(UTC).date())
    assert slice_name("outbox_events", old_month) in changes.dropped
    assert slice_name("outbox_events", old_month) not in await _slices(pool, "outbox_events")


async def test_one_worker_at_a_time_keeps_the_slices(pool: FairPool) -> None:
    later = await _database_now(pool) + timedelta(days=150)
    await pool.execute(
        "UPDATE maintenance_leases SET held_until = now() + interval '1 hour' "
        "WHERE name = 'partitions'"
    )
    assert (await PostgresPartitions(pool).maintain(later)).made == []
    await pool.execute(
        "UPDATE maintenance_leases SET held_until = '-infinity' WHERE name = 'partitions'"
    )
    assert (await PostgresPartitions(pool).maintain(later)).made != []


@pytest.fixture
def dsn_at_0031() -> Iterator[str]:
    with fresh_database("0031") as database_dsn:
        yield database_dsn


async def test_the_migration_keeps_the_rows_already_there(dsn_at_0031: str) -> None:
    from service.adapters.postgres.database import migrate

    before = await open_pool(dsn_at_0031, min_size=1, max_size=2)
    try:
        # Written as the schema at 0031 takes it, not through today's repositories.
        organization = uuid4()
        await before.execute(
            "INSERT INTO organizations (id, name, kind, version, created_at) "
            "VALUES ($1, 'Slices', 'community_app', 1, now())",
            organization,
        )
        event = uuid4()
        await before.execute(
            "INSERT INTO outbox_events (id, type, organization_id, subject_type, subject_id, "
            "occurred_at, data) VALUES ($1, 'member.created', $2, 'member', $1, "
            "now() - interval '40 days', '{}')",
            event,
            organization,
        )
        disclosure = uuid4()
        await before.execute(
            "INSERT INTO members (id, organization_id, display_name, timezone, version, "
            "created_at, updated_at) VALUES ($1, $2, 'M', 'UTC', 1, now(), now())",
            disclosure,
            organization,
        )
        await before.execute(
            "INSERT INTO disclosures (id, member_id, organization_id, recipient_organization_id, "
            "consent_ids, scopes, operation, request_id, disclosed_at) "
            "VALUES ($1, $1, $2, $2, '{}', '{profile}', 'getMember', 'r', now())",
            disclosure,
            organization,
        )
        last_position = await before.fetchval("SELECT max(position) FROM outbox_events")
    finally:
        await before.close()

    await asyncio.to_thread(migrate, dsn_at_0031, "head")

    after = await open_pool(dsn_at_0031, min_size=1, max_size=2)
    try:
        now = await _database_now(after)
        viewing = Viewing(organization_id=organization, now=now, request_id="t", operation="t")
        later = await _event(after, organization, None)
        await feed_settled_on(after)
        read = await PostgresEventFeed(after).after(viewing, FeedPosition(), 10, None)
        assert [f.event.id for f in read.events] == [event, later]
        assert read.events[1].at.position > last_position
        assert await after.fetchval("SELECT count(*) FROM disclosures WHERE id = $1", disclosure)
        # The event 40 days old is in the slice of its own month.
        stored_in = await after.fetchval(
            "SELECT tableoid::regclass::text FROM outbox_events WHERE id = $1", event
        )
        assert stored_in == slice_name(
            "outbox_events", Month.of((now - timedelta(days=40)).astimezone(UTC).date())
        )
    finally:
        await after.close()
