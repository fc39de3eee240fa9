"""The shared count of requests per API key and window: each worker adds what it counted."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from service.adapters.postgres.pool import FairPool


class PostgresRateLimitCounts:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def add(self, window_start: int, increments: dict[UUID, int]) -> dict[UUID, int]:
        """Add this worker's counts to the window's totals; the totals (all workers) back.
        A key counted with 0 only reads its total: no row is rewritten for a quiet key."""
        if not increments:
            return {}
        # Always in one order: two workers locking the same rows never deadlock.
        counted = sorted(k for k, n in increments.items() if n)
        quiet = [k for k, n in increments.items() if not n]
        rows = await self._pool.fetch(
            "WITH added AS ("
            "  INSERT INTO rate_limit_usage (key_id, window_start, used) "
            "  SELECT k, $2, n FROM unnest($1::uuid[], $3::bigint[]) AS t(k, n) "
            "  ON CONFLICT (key_id, window_start) "
            "  DO UPDATE SET used = rate_limit_usage.used + excluded.used "
            "  RETURNING key_id, used) "
            "SELECT key_id, used FROM added "
            "UNION ALL "
            "SELECT key_id, used FROM rate_limit_usage "
            "WHERE window_start = $2 AND key_id = ANY($4)",
            counted,
            datetime.fromtimestamp(window_start, UTC),
            [increments[k] for k in counted],
            quiet,
        )
        return {r["key_id"]: r["used"] for r in rows}

    async def forget_before(self, window_start: int) -> None:
        await self._pool.execute(
            "DELETE FROM rate_limit_usage WHERE window_start < $1",
            datetime.fromtimestamp(window_start, UTC),
        )
