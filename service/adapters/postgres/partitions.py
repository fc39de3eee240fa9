"""The monthly slices of the logs that grow (service.domain.retention, migration 0032): made
ahead of time, dropped whole once past their log's retention.

A slice is made as a table of its own and then attached, which takes only a SHARE UPDATE
EXCLUSIVE lock on the log (reads and writes go on). A slice past its retention is detached
CONCURRENTLY, which waits for the queries that use it instead of blocking anyone, and then
dropped: nothing plans against it any more. One worker at a time does this, by a lease row
(maintenance_leases) rather than a session lock, so that it works through a transaction
pooler too. Table and slice names are this module's constants and months it computed, never
input."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

import msgspec

from service.adapters.postgres.pool import FairPool
from service.domain.retention import GrowingLog, Month, may_drop, months_wanted

log = logging.getLogger(__name__)

# Each sliced table and the log whose retention it follows.
SLICED: dict[str, GrowingLog] = {
    "outbox_events": GrowingLog.EVENTS,
    "event_audience": GrowingLog.EVENTS,
    "webhook_deliveries": GrowingLog.DELIVERIES,
    "disclosures": GrowingLog.DISCLOSURES,
}
_SLICE = re.compile(r"^(?P<table>[a-z_]+)_(?P<year>\d{4})_(?P<month>\d{2})$")

_SLICES = """
SELECT parent.relname AS sliced, slice.relname AS slice, i.inhdetachpending AS detaching
FROM pg_inherits i
JOIN pg_class parent ON parent.oid = i.inhparent
JOIN pg_class slice ON slice.oid = i.inhrelid
WHERE i.inhparent = ANY($1::text[]::regclass[])
"""

_TAKE_LEASE = """
UPDATE maintenance_leases SET held_until = now() + interval '10 minutes'
WHERE name = 'partitions' AND held_until < now()
RETURNING 1
"""
_GIVE_LEASE_BACK = (
    "UPDATE maintenance_leases SET held_until = '-infinity' WHERE name = 'partitions'"
)

# Making a slice waits at most this long for a lock (an endpoint's row for the deliveries'
# foreign key, the log itself against a running VACUUM), then gives up until the next sweep.
_LOCK_TIMEOUT = "1s"


class SliceChanges(msgspec.Struct, frozen=True, kw_only=True):
    made: list[str]
    dropped: list[str]


def slice_name(table: str, month: Month) -> str:
    return f"{table}_{month.year:04d}_{month.month:02d}"


def _month_of(slice_name: str) -> Month | None:
    found = _SLICE.match(slice_name)
    if found is None:
        return None
    return Month(int(found["year"]), int(found["month"]))


def _bound(day: Month) -> str:
    return f"{day.first_day().isoformat()} 00:00:00+00"


class PostgresPartitions:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def maintain(self, now: datetime | None = None) -> SliceChanges:
        """Make the slices wanted at `now` and drop those past their retention. `now` is the
        database's clock unless given: the one each row's `recorded_at` was read from. Does
        nothing while another worker holds the lease."""
        if not await self._pool.fetchval(_TAKE_LEASE):
            return SliceChanges(made=[], dropped=[])
        try:
            if now is None:
                now = await self._pool.fetchval("SELECT now()")
                assert now is not None
            return SliceChanges(made=await self._make(now), dropped=await self._drop(now))
        finally:
            await self._pool.execute(_GIVE_LEASE_BACK)

    async def _existing(self) -> dict[str, dict[str, bool]]:
        rows = await self._pool.fetch(_SLICES, list(SLICED))
        existing: dict[str, dict[str, bool]] = {table: {} for table in SLICED}
        for row in rows:
            existing[row["sliced"]][row["slice"]] = row["detaching"]
        return existing

    async def _make(self, now: datetime) -> list[str]:
        existing = await self._existing()
        made = []
        for table in SLICED:
            for month in months_wanted(now.astimezone(UTC)):
                name = slice_name(table, month)
                if name in existing[table]:
                    continue
                async with self._pool.connection() as connection, connection.transaction():
                    await connection.execute(
                        f"SELECT set_config('lock_timeout', '{_LOCK_TIMEOUT}', true)"
                    )
                    await connection.execute(
                        f"CREATE TABLE {name} "
                        f"(LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"
                    )
                    await connection.execute(
                        f"ALTER TABLE {table} ATTACH PARTITION {name} "
                        f"FOR VALUES FROM ('{_bound(month)}') TO ('{_bound(month.plus(1))}')"
                    )
                made.append(name)
        return made

    async def _drop(self, now: datetime) -> list[str]:
        existing = await self._existing()
        dropped = []
        for table, log_kind in SLICED.items():
            for name, detaching in sorted(existing[table].items()):
                month = _month_of(name)
                if month is None or not may_drop(month, log_kind, now):
                    continue
                # Not in a transaction: a concurrent detach must be a statement of its own.
                # One left half done (its worker died) is finished instead.
                how = "FINALIZE" if detaching else "CONCURRENTLY"
                await self._pool.execute(f"ALTER TABLE {table} DETACH PARTITION {name} {how}")
                await self._pool.execute(f"DROP TABLE {name}")
                log.info("dropped %s: past the retention of %s", name, log_kind.value)
                dropped.append(name)
        return dropped
