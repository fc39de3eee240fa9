"""The daily evaluation of disengagement signals at scale (issue #14): does a whole day's
members fit in well under an hour of one core?

    .venv/bin/python -m bench.engagement --members 1000000

Seeds, with COPY, `--members` members of one organization (spread over six time zones), one
daily pledge each started 60 days ago, and about ten check-ins each over the last month: most
check in every few days, one in ten went quiet ten days ago, one in twenty has three periods
in a row recorded as missed. Every member is made due at once (a whole day's evaluations at
one moment, the worst case), and the real sweep (service.usecases.engagement) runs in this
process with one connection until nothing is due. Prints members per second, the CPU seconds
of this process and of the database server, and what a day of those members costs in core
minutes. Uses the embedded PostgreSQL (or DATABASE_URL's server), in a scratch database."""

from __future__ import annotations

import argparse
import asyncio
import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import asyncpg
import psutil

from bench.seeding import copy_members, new_organization
from service.adapters.postgres.pool import open_pool
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.system import SystemClock, UuidV7Source
from service.usecases.engagement import evaluate_due_members
from tests.support.database import fresh_database

ZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Europe/London",
    "Australia/Sydney",
    "Pacific/Auckland",
)


def _postgres_cpu_seconds() -> float:
    total = 0.0
    for process in psutil.process_iter(["name"]):
        if process.info["name"] and process.info["name"].startswith("postgres"):
            try:
                times = process.cpu_times()
            except psutil.Error:
                continue
            total += times.user + times.system
    return total


async def seed(dsn: str, members: int) -> None:
    connection = await asyncpg.connect(dsn)
    try:
        now = datetime.now(UTC)
        today = now.date()
        started = time.monotonic()
        organization = await new_organization(connection, "Bench")
        member_ids = await copy_members(connection, organization, members, ZONES)
        pledge_ids = [uuid.uuid4() for _ in member_ids]
        await connection.copy_records_to_table(
            "pledges",
            columns=[
                "id",
                "member_id",
                "organization_id",
                "text",
                "cadence",
                "starts_on",
                "status",
                "version",
                "created_at",
                "updated_at",
            ],
            records=(
                (
                    p,
                    m,
                    organization,
                    "Call someone",
                    "daily",
                    today - timedelta(days=60),
                    "active",
                    1,
                    now,
                    now,
                )
                for p, m in zip(pledge_ids, member_ids, strict=True)
            ),
        )
        rng = random.Random(14)

        def check_ins() -> Iterator[tuple[object, ...]]:
            for n, pledge in enumerate(pledge_ids):
                quiet = n % 10 == 0
                missed = n % 20 == 1
                days: set[int] = set()
                while len(days) < 10:
                    days.add(rng.randint(10 if quiet else 1, 30))
                for back in sorted(days, reverse=True):
                    day = today - timedelta(days=back)
                    yield (
                        uuid.uuid4(),
                        pledge,
                        day,
                        "kept",
                        datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=18),
                        False,
                    )
                if missed:
                    for back in (3, 2, 1):
                        day = today - timedelta(days=back)
                        if back not in days:
                            yield (uuid.uuid4(), pledge, day, "missed", now, True)

        await connection.copy_records_to_table(
            "check_ins",
            columns=["id", "pledge_id", "period_start", "outcome", "recorded_at", "by_sweep"],
            records=check_ins(),
        )
        await connection.execute("UPDATE member_engagement SET due_at = now()")
        for table in ("members", "pledges", "check_ins", "member_engagement"):
            await connection.execute(f"VACUUM ANALYZE {table}")
        print(f"seeded {members:,} members in {time.monotonic() - started:.0f} s")
    finally:
        await connection.close()


async def evaluate(dsn: str, batch: int) -> tuple[int, float, float, float]:
    pool = await open_pool(dsn, min_size=1, max_size=1)
    try:
        evaluated = 0
        cpu, db_cpu, wall = time.process_time(), _postgres_cpu_seconds(), time.monotonic()
        while (
            done := await evaluate_due_members(
                PostgresUnitOfWork(pool, SystemClock(), UuidV7Source()), batch
            )
        ) > 0:
            evaluated += done
        return (
            evaluated,
            time.monotonic() - wall,
            time.process_time() - cpu,
            _postgres_cpu_seconds() - db_cpu,
        )
    finally:
        await pool.close()


async def signals(dsn: str) -> int:
    connection = await asyncpg.connect(dsn)
    try:
        found: int = await connection.fetchval(
            "SELECT count(*) FROM outbox_events WHERE type = 'member.disengagement_signal'"
        )
        return found
    finally:
        await connection.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    with fresh_database() as dsn:
        asyncio.run(seed(dsn, args.members))
        evaluated, wall, cpu, db_cpu = asyncio.run(evaluate(dsn, args.batch))
        raised = asyncio.run(signals(dsn))
    per_second = evaluated / wall
    core_minutes = (cpu + db_cpu) / 60
    print(
        f"evaluated {evaluated:,} members in {wall:.0f} s ({per_second:,.0f}/s), "
        f"{raised:,} signals raised"
    )
    print(
        f"CPU: service {cpu:.1f} s, PostgreSQL {db_cpu:.1f} s: "
        f"{core_minutes:.2f} core-minutes for a day of {evaluated:,} members "
        f"({date.today().isoformat()})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
