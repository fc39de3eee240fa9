"""The events feed at a large size (issue #15): does a quiet organization's poll cost what it
returns, not what the platform holds?

    .venv/bin/python -m bench.feed_growth --members 1000000 --events 2000000

Seeds, with COPY, `--members` members of one busy organization and `--events` events about
them (created, pledged, checked in), then two members of a quiet organization with an event
each, written last; a few events per transaction, in order. The audience of every
event is computed by the migration's own statement (event_audience_of, as the backfill of
migration 0031 runs it), timed. Then the real feed
adapter (service.adapters.postgres.events) reads, `--rounds` times each: the busy
organization's first page and a page at a deep cursor (the middle of its events), and the
quiet organization's first page and its poll with the cursor that page handed back. Prints
p50/p99 of each, and the quiet organization's figures as a ratio of the busy one's. Uses the
embedded PostgreSQL (or DATABASE_URL's server), in a scratch database."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime

import asyncpg

from bench.seeding import copy_members, new_organization
from service.adapters.postgres.events import PostgresEventFeed
from service.adapters.postgres.pool import open_pool
from service.domain.accounting import Viewing
from service.domain.events import FeedPosition, FeedRead, next_position
from tests.support.database import fresh_database

_TYPES = ("member.created", "pledge.created", "pledge.checked_in")
PAGE = 100


def _events(
    organization: uuid.UUID, members: list[uuid.UUID], count: int
) -> Iterator[tuple[object, ...]]:
    now = datetime.now(UTC)
    for n in range(count):
        member = members[n % len(members)]
        kind = _TYPES[min(n // len(members), len(_TYPES) - 1)]
        yield (
            uuid.uuid4(),
            kind,
            organization,
            "member",
            member,
            now,
            f'{{"member_id": "{member}"}}',
        )


async def seed(dsn: str, members: int, events: int) -> tuple[uuid.UUID, uuid.UUID]:
    connection = await asyncpg.connect(dsn)
    columns = ["id", "type", "organization_id", "subject_type", "subject_id", "occurred_at", "data"]
    try:
        busy = await new_organization(connection, "Busy")
        quiet = await new_organization(connection, "Quiet")
        started = time.monotonic()
        busy_members = await copy_members(connection, busy, members, ["UTC"])
        quiet_members = await copy_members(connection, quiet, 2, ["UTC"])
        # The seed's events get their audience from one statement below, as the migration's
        # backfill does, rather than from the trigger row by row.
        await connection.execute("ALTER TABLE outbox_events DISABLE TRIGGER event_audience_rows")
        await connection.copy_records_to_table(
            "outbox_events", columns=columns, records=_events(busy, busy_members, events)
        )
        await connection.copy_records_to_table(
            "outbox_events", columns=columns, records=_events(quiet, quiet_members, 2)
        )
        await connection.execute("ALTER TABLE outbox_events ENABLE TRIGGER event_audience_rows")
        # One COPY is one transaction: spread the events over the transaction ids already
        # ended (a few events each, in order), as the service writes them.
        await connection.execute(
            "UPDATE outbox_events SET txid = (3 + position * "
            "(SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 10) "
            "/ (SELECT max(position) FROM outbox_events))::text::xid8"
        )
        seeded = time.monotonic() - started
        started = time.monotonic()
        await connection.execute(
            "INSERT INTO event_audience (organization_id, txid, position, type, recorded_at) "
            "SELECT DISTINCT a, e.txid, e.position, e.type, e.recorded_at "
            "FROM outbox_events e, event_audience_of(e.organization_id, e.subject_type, "
            "e.subject_id, e.occurred_at, e.data) AS a WHERE a IS NOT NULL"
        )
        audience = time.monotonic() - started
        for table in ("members", "outbox_events", "event_audience"):
            await connection.execute(f"VACUUM ANALYZE {table}")
        print(
            f"seeded {members:,} members and {events + 2:,} events in {seeded:.0f} s; "
            f"their audience in {audience:.0f} s ({(events + 2) / audience:,.0f} events/s)"
        )
        return busy, quiet
    finally:
        await connection.close()


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * len(ordered)) - 1)]
    return statistics.median(ordered), p99


async def _timed(read: Callable[[], Awaitable[FeedRead]], rounds: int) -> tuple[float, float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        await read()
        samples.append((time.perf_counter() - started) * 1000)
    return _percentiles(samples)


async def measure(dsn: str, busy: uuid.UUID, quiet: uuid.UUID, events: int, rounds: int) -> None:
    pool = await open_pool(dsn, min_size=1, max_size=1)
    feed = PostgresEventFeed(pool)

    def viewing(organization: uuid.UUID) -> Viewing:
        return Viewing(
            organization_id=organization,
            now=datetime.now(UTC),
            request_id="bench",
            operation="listEvents",
        )

    try:
        start = FeedPosition()
        middle = await pool.fetchrow(
            "SELECT txid::text::bigint AS txid, position FROM outbox_events "
            "ORDER BY txid, position OFFSET $1 LIMIT 1",
            events // 2,
        )
        assert middle is not None
        deep = FeedPosition(txid=middle["txid"], position=middle["position"])
        first_quiet = await feed.after(viewing(quiet), start, PAGE, None)
        assert len(first_quiet.events) == 2, first_quiet
        polled = next_position(start, first_quiet, PAGE)
        reads: dict[str, Callable[[], Awaitable[FeedRead]]] = {
            "busy organization, first page": lambda: feed.after(viewing(busy), start, PAGE, None),
            "busy organization, deep cursor": lambda: feed.after(viewing(busy), deep, PAGE, None),
            "quiet organization, first page": lambda: feed.after(viewing(quiet), start, PAGE, None),
            "quiet organization, poll with its cursor": lambda: feed.after(
                viewing(quiet), polled, PAGE, None
            ),
        }
        figures = {name: await _timed(read, rounds) for name, read in reads.items()}
    finally:
        await pool.close()
    for name, (p50, p99) in figures.items():
        print(f"{name:44} p50 {p50:7.2f} ms  p99 {p99:7.2f} ms")
    busy_p50 = figures["busy organization, first page"][0]
    for name in ("quiet organization, first page", "quiet organization, poll with its cursor"):
        print(f"{name} / busy first page (p50): {figures[name][0] / busy_p50:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    with fresh_database() as dsn:
        busy, quiet = asyncio.run(seed(dsn, args.members, args.events))
        asyncio.run(measure(dsn, busy, quiet, args.events, args.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
