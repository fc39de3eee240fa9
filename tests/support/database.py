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
        written. The consent sweep's mark (`expiry_announced_at`) is left out: it runs all the
        time and is no request's doing."""
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
        return {
            table: self.fetchval(
                f"SELECT count(*)::text || ':' || "
                f"coalesce(md5(string_agg({row}, '|' ORDER BY {row})), '') FROM {table} t"
            )
            for table in tables
        }
