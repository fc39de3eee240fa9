"""Each event's audience (migration 0031): a feed read and a webhook fan-out walk only the
events of the organization reading, so a quiet organization's read looks at its own few rows,
however many events the platform holds. Checked in the plan PostgreSQL runs (EXPLAIN ANALYZE
of the adapters' own statements, in a database of its own so that nothing else writes)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import asyncpg

from service.adapters.postgres.consent_sql import visibility_arguments
from service.adapters.postgres.deliveries import FAN_OUT, PostgresDeliveryQueue
from service.adapters.postgres.events import PostgresEventFeed
from service.adapters.postgres.pool import open_pool
from service.domain.accounting import Viewing
from service.domain.events import FeedPosition
from tests.support.builders import organization_row
from tests.support.plans import explain, rows_read
from tests.support.waiting import feed_settled_on

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
BUSY_EVENTS = 3000


async def _member_events(connection: asyncpg.Connection, organization: UUID, count: int) -> None:
    """`count` members of `organization`, each with its member.created event, in one
    transaction (the audience is written at its commit)."""
    async with connection.transaction():
        await connection.execute(
            "INSERT INTO members (id, organization_id, display_name, timezone, version, "
            "created_at, updated_at) "
            "SELECT gen_random_uuid(), $1, 'M', 'UTC', 1, now(), now() FROM generate_series(1, $2)",
            organization,
            count,
        )
        await connection.execute(
            "INSERT INTO outbox_events (id, type, organization_id, subject_type, subject_id, "
            "occurred_at, data) "
            "SELECT gen_random_uuid(), 'member.created', $1, 'member', m.id, now(), "
            "jsonb_build_object('member_id', m.id) FROM members m WHERE m.organization_id = $1",
            organization,
        )


class _Captured:
    """Stands for the pool and its connection: keeps the read the adapter sends, and answers
    an empty one."""

    sql: str = ""
    args: tuple[Any, ...] = ()

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[_Captured]:
        yield self

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        yield

    async def execute(self, sql: str, *args: Any) -> str:
        return "SELECT 1"

    async def fetch(self, sql: str, *args: Any) -> list[dict[str, Any]]:
        self.sql, self.args = sql, args
        return [{"horizon": 0, "id": None}]


async def test_a_quiet_organizations_reads_look_only_at_its_own_events(
    connection: asyncpg.Connection,
) -> None:
    busy = await organization_row(connection, "Busy")
    quiet = await organization_row(connection, "Quiet")
    await _member_events(connection, busy, BUSY_EVENTS)
    await _member_events(connection, quiet, 2)
    assert (
        await connection.fetchval(
            "SELECT count(*) FROM event_audience WHERE organization_id = $1", busy
        )
        == BUSY_EVENTS
    )
    await connection.execute("ANALYZE")
    await feed_settled_on(connection)

    captured = _Captured()
    viewing = Viewing(organization_id=quiet, now=NOW, request_id="t", operation="listEvents")
    await PostgresEventFeed(captured).after(viewing, FeedPosition(), 100, None)  # type: ignore[arg-type]
    feed_plan = await explain(connection, captured.sql, *captured.args)
    shown = await connection.fetch(captured.sql, *captured.args)
    assert len([r for r in shown if r["id"] is not None]) == 2
    # Before the audience, this walked every one of the busy organization's events.
    assert rows_read(feed_plan, "outbox_events") == 2
    assert rows_read(feed_plan, "event_audience") == 2

    # The webhook fan-out walks the same rows (asking for a kind it has none of, so that
    # nothing is queued for an endpoint that does not exist).
    fan_out_plan = await explain(
        connection,
        FAN_OUT,
        quiet,
        "0",
        500,
        ["referral.created"],
        *visibility_arguments(),
        0,
        uuid4(),
        NOW,
    )
    assert rows_read(fan_out_plan, "event_audience") == 2
    assert rows_read(fan_out_plan, "outbox_events") == 0

    # The busy organization's first page looks at a page of its own, not at all of it.
    captured_busy = _Captured()
    viewing_busy = Viewing(organization_id=busy, now=NOW, request_id="t", operation="listEvents")
    await PostgresEventFeed(captured_busy).after(viewing_busy, FeedPosition(), 100, None)  # type: ignore[arg-type]
    busy_plan = await explain(connection, captured_busy.sql, *captured_busy.args)
    assert rows_read(busy_plan, "event_audience") == 100


async def test_an_events_audience_is_fixed_when_its_transaction_commits(
    connection: asyncpg.Connection,
) -> None:
    """Written at commit, the audience sees the transaction's later writes too: a network's
    participants added after its event was written are in it."""
    creator = await organization_row(connection, "Creator")
    invited = await organization_row(connection, "Invited")
    later = await organization_row(connection, "Later")
    network, event = uuid4(), uuid4()
    async with connection.transaction():
        await connection.execute(
            "INSERT INTO outbox_events (id, type, organization_id, subject_type, subject_id, "
            "occurred_at, data) VALUES ($1, 'network.organization_invited', $2, 'network', $3, "
            "now(), '{}')",
            event,
            creator,
            network,
        )
        await connection.execute(
            "INSERT INTO networks (id, kind, name, status, created_by_organization_id, version, "
            "created_at, updated_at) VALUES ($1, 'group', 'n', 'active', $2, 1, now(), now())",
            network,
            creator,
        )
        await connection.execute(
            "INSERT INTO network_organizations (network_id, organization_id, status, version) "
            "VALUES ($1, $2, 'active', 1), ($1, $3, 'invited', 1)",
            network,
            creator,
            invited,
        )
    audience = await connection.fetch(
        "SELECT a.organization_id FROM event_audience a JOIN outbox_events e "
        "ON e.position = a.position WHERE e.id = $1",
        event,
    )
    assert {r["organization_id"] for r in audience} == {creator, invited}
    assert later not in {r["organization_id"] for r in audience}


async def test_the_feed_is_planned_once_per_session(own_dsn: str) -> None:
    """The feed's statement is longer than asyncpg caches by default, and PostgreSQL's own
    choice made a new plan for every read (most of a read's time at a year's slices). It is
    now prepared once and runs with one plan for every reader."""
    organization = uuid4()
    pool = await open_pool(own_dsn, min_size=1, max_size=1)
    try:
        feed = PostgresEventFeed(pool)
        for _ in range(8):
            viewing = Viewing(
                organization_id=organization, now=NOW, request_id="t", operation="listEvents"
            )
            await feed.after(viewing, FeedPosition(), 100, None)
        plans = await pool.fetchrow(
            # Not this statement itself, whose text holds the pattern too.
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
            "WHERE statement LIKE '%WITH shown AS%' "
            "AND statement NOT LIKE '%pg_prepared_statements%'"
        )
    finally:
        await pool.close()
    assert plans is not None, "the feed's statement was not kept prepared"
    assert plans["custom_plans"] == 0
    assert plans["generic_plans"] == 8


async def _endpoint(connection: asyncpg.Connection, organization: UUID) -> UUID:
    """An active endpoint whose cursor is at the head of the feed, as a new one starts."""
    endpoint = uuid4()
    await connection.execute(
        "INSERT INTO webhook_endpoints (id, organization_id, url, event_types, secret, status, "
        "version, created_at, updated_at, key_scopes, cursor_txid, cursor_position, "
        "next_attempt_at) VALUES ($1, $2, 'https://hooks.example.org/x', "
        "ARRAY['member.created'], 'whsec_x', 'active', 1, now(), now(), ARRAY['members:read'], "
        "pg_snapshot_xmin(pg_current_snapshot()), 0, now() - interval '1 second')",
        endpoint,
        organization,
    )
    return endpoint


async def test_a_look_finds_only_endpoints_with_something_to_do(own_dsn: str) -> None:
    """A dispatcher's look hands on only endpoints with something to do, so 1,000 idle
    endpoints cost one statement per look instead of a transaction and a fan-out each."""
    connection = await asyncpg.connect(own_dsn)
    pool = await open_pool(own_dsn, min_size=1, max_size=2)
    try:
        idle_organization = await organization_row(connection, "Idle")
        await connection.execute("UPDATE webhook_endpoints SET status = 'disabled'")
        endpoint = await _endpoint(connection, idle_organization)
        queue = PostgresDeliveryQueue(pool)

        async def look() -> list[UUID]:
            async with queue.line() as line:
                return await line.with_work(datetime.now(UTC), 10)

        assert await look() == []
        # Other organizations' events change nothing for it.
        await _member_events(connection, await organization_row(connection, "Other"), 3)
        await feed_settled_on(connection)
        assert await look() == []
        # One event in its audience, and it is found.
        await _member_events(connection, idle_organization, 1)
        await feed_settled_on(connection)
        assert await look() == [endpoint]
    finally:
        await pool.close()
        await connection.close()


async def test_a_claim_holds_the_oldest_due_of_the_found_and_passes_over_a_held_one(
    own_dsn: str,
) -> None:
    connection = await asyncpg.connect(own_dsn)
    holder = await asyncpg.connect(own_dsn)
    pool = await open_pool(own_dsn, min_size=1, max_size=2)
    try:
        await connection.execute("UPDATE webhook_endpoints SET status = 'disabled'")
        organization = await organization_row(connection, "Found")
        found = [await _endpoint(connection, organization) for _ in range(3)]
        now = datetime.now(UTC)
        for number, endpoint in enumerate(found):
            await connection.execute(
                "UPDATE webhook_endpoints SET next_attempt_at = $2 WHERE id = $1",
                endpoint,
                now - timedelta(seconds=10 - number),
            )
        # The last one is waiting (a retry): not due.
        await connection.execute(
            "UPDATE webhook_endpoints SET next_attempt_at = $2 WHERE id = $1",
            found[2],
            now + timedelta(minutes=1),
        )
        queue = PostgresDeliveryQueue(pool)
        async with holder.transaction():
            await holder.execute("SELECT FROM webhook_endpoints WHERE id = $1 FOR UPDATE", found[0])
            async with queue.line() as line:
                claimed = await asyncio.wait_for(line.claim(now, found), 5)
            assert claimed is not None
            assert claimed.endpoint.id == found[1]
            async with queue.line() as line:
                assert await line.claim(now, [found[0], found[2]]) is None
        async with queue.line() as line:
            claimed = await line.claim(now, found)
        assert claimed is not None
        assert claimed.endpoint.id == found[0]
    finally:
        await pool.close()
        await holder.close()
        await connection.close()
