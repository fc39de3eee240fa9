"""Shared metric totals, and gauges read from the data itself at scrape time."""

from __future__ import annotations

from service.adapters.postgres.pool import FairPool

# (name, help, SQL returning rows of (label value or NULL, value)), label name.
_GAUGES: tuple[tuple[str, str, str, str | None], ...] = (
    (
        "webhook_deliveries_pending",
        "Webhook deliveries waiting to be sent or retried.",
        "SELECT NULL, count(*) FROM webhook_deliveries WHERE status = 'pending'",
        None,
    ),
    (
        "webhook_oldest_pending_seconds",
        "Age of the oldest webhook delivery still pending.",
        "SELECT NULL, coalesce(extract(epoch FROM now() - min(created_at)), 0) "
        "FROM webhook_deliveries WHERE status = 'pending'",
        None,
    ),
    (
        "webhook_endpoints",
        "Webhook endpoints, by status.",
        "SELECT status, count(*) FROM webhook_endpoints GROUP BY status",
        "status",
    ),
    (
        "referrals",
        "Referrals, by status.",
        "SELECT status, count(*) FROM referrals GROUP BY status",
        "status",
    ),
    (
        "outbox_last_position",
        "Position of the newest event in the outbox.",
        "SELECT NULL, coalesce(max(position), 0) FROM outbox_events",
        None,
    ),
)


class PostgresMetrics:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def add(self, rows: list[tuple[str, str, float]]) -> None:
        if not rows:
            return
        rows = sorted(rows)  # one lock order for every worker: no deadlocks
        await self._pool.execute(
            "INSERT INTO metric_totals (name, labels, value) "
            "SELECT * FROM unnest($1::text[], $2::text[], $3::float8[]) "
            "ON CONFLICT (name, labels) DO UPDATE SET value = metric_totals.value + excluded.value",
            [r[0] for r in rows],
            [r[1] for r in rows],
            [r[2] for r in rows],
        )

    async def totals(self) -> list[tuple[str, str, float]]:
        rows = await self._pool.fetch("SELECT name, labels, value FROM metric_totals")
        return [(r["name"], r["labels"], r["value"]) for r in rows]

    async def gauges(self) -> list[tuple[str, str, dict[str, str], float]]:
        found: list[tuple[str, str, dict[str, str], float]] = []
        for name, text, sql, label in _GAUGES:
            for row in await self._pool.fetch(sql):
                labels = {} if label is None else {label: str(row[0])}
                found.append((name, text, labels, float(row[1])))
        return found
