"""A throwaway database for one test session: on the embedded PostgreSQL by default, on the
server DATABASE_URL names when it is set. Dropped at the end."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from service.adapters.postgres.database import migrate, start_embedded_postgres

REPO = Path(__file__).resolve().parents[2]


def _with_database(dsn: str, name: str) -> str:
    parts = urlsplit(dsn)
    return urlunsplit(parts._replace(path="/" + name))


async def _admin(dsn: str, statement: str) -> None:
    connection = await asyncpg.connect(dsn)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@contextmanager
def fresh_database(revision: str = "head", *, keep: bool = False) -> Iterator[str]:
    """Yield the DSN of a new database, migrated up to `revision`; dropped afterwards unless
    `keep` (a bench that measures its seed again)."""
    server_dsn = os.environ.get("DATABASE_URL") or start_embedded_postgres(
        REPO / ".data" / "test-pg"
    )
    name = "sn_test_" + uuid.uuid4().hex[:12]
    asyncio.run(_admin(server_dsn, f'CREATE DATABASE "{name}"'))
    dsn = _with_database(server_dsn, name)
    try:
        migrate(dsn, revision)
        yield dsn
    finally:
        if not keep:
            asyncio.run(_admin(server_dsn, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


# The events the service's schedules write (`service/main.py`'s sweeps) that the session's
# service can reach while a test runs: a request that wrote one of these where it should
# write nothing would go unseen by `Db.snapshot`, and is left to the tests of those requests.
SCHEDULED_EVENT_TYPES = frozenset(
    {
        "pledge.missed",
        "milestone.reached",
        "consent.expired",
        "member.disengagement_signal",
        "member.reengaged",
        "reach_out.escalated",
    }
)


class Db:
    """Direct, synchronous SQL for assertions: what the service really stored."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn

    def _run(self, method: str, sql: str, *args: Any) -> Any:
        async def go() -> Any:
            connection = await asyncpg.connect(self.dsn)
            try:
                return await getattr(connection, method)(sql, *args)
            finally:
                await connection.close()

        return asyncio.run(go())

    def fetchval(self, sql: str, *args: Any) -> Any:
        return self._run("fetchval", sql, *args)

    def fetch(self, sql: str, *args: Any) -> list[asyncpg.Record]:
        rows: list[asyncpg.Record] = self._run("fetch", sql, *args)
        return rows

    def fetchrow_dict(self, sql: str, *args: Any) -> dict[str, Any] | None:
        row = self._run("fetchrow", sql, *args)
        return None if row is None else dict(row)

    def execute(self, sql: str, *args: Any) -> str:
        status: str = self._run("execute", sql, *args)
        return status

    def snapshot(self) -> dict[str, str]:
        """A digest of every table a request can write: equal snapshots mean nothing was
        written. What the service's schedules write on their own is left out: they run all
        the time, on whatever an earlier test left due (a pledge started days ago has missed
        periods, a recovery started weeks ago has milestones), and their next turn may fall
        between two snapshots. That is the consent sweep's mark (`expiry_announced_at`) and
        the events of `SCHEDULED_EVENT_TYPES`."""
        tables = (
            "organizations",
            "api_keys",
            "members",
            "outbox_events",
            "idempotency_keys",
            "consents",
            "restrictions",
            "accounting_requests",
            "incidents",
            "intermediary_participants",
            "reach_outs",
            "reach_out_responses",
            "reach_out_settings",
            "meetings",
            "meeting_cancellations",
            "attendance",
            "attendance_corrections",
            "disengagement_thresholds",
        )
        row = "(to_jsonb(t) - 'expiry_announced_at')::text"
        scheduled = sorted(SCHEDULED_EVENT_TYPES)
        return {
            table: self.fetchval(
                f"SELECT count(*)::text || ':' || "
                f"coalesce(md5(string_agg({row}, '|' ORDER BY {row})), '') FROM {table} t"
                + (" WHERE NOT (t.type = ANY($1::text[]))" if table == "outbox_events" else ""),
                *([scheduled] if table == "outbox_events" else []),
            )
            for table in tables
        }
