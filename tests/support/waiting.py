"""Waiting for what the service does in the background (sweeps, the feed's horizon)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

import asyncpg

from tests.support.database import Db

_FENCE = "SELECT pg_current_xact_id()::text::bigint"
_HORIZON = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
_SETTLE_SECONDS = 10.0
_NEVER_SETTLED = (
    "the feed's horizon did not pass the fence: a write transaction older than it stayed open"
)


class Fetches(Protocol):
    """An asyncpg connection or pool, or the service's FairPool."""

    def fetchval(self, query: str, *args: Any) -> Awaitable[Any]: ...


def wait_until(check: Callable[[], Any], timeout: float = 10.0) -> Any:
    """The first truthy value of `check()`, polled until `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("the condition did not come true in time")
        time.sleep(0.1)


def feed_settled(db: Db) -> None:
    """Return once the events feed's horizon has passed every transaction that committed
    before the call. The feed shows an event only when no transaction that could commit ahead
    of it is still open (a webhook fan-out, a sweep, another request), so a test that reads
    the feed right after a write, expecting an event or its absence, first waits here. The
    fence is a transaction of its own: the test must hold no write transaction open."""

    async def settle() -> None:
        connection = await asyncpg.connect(db.dsn)
        try:
            await feed_settled_on(connection)
        finally:
            await connection.close()

    asyncio.run(settle())


async def feed_settled_on(database: Fetches) -> None:
    """`feed_settled` for a test that holds its own connection or pool, with no transaction
    open on it (inside one, the fence would be that transaction's own id, which the horizon
    never passes while it is open). The horizon is the server's, not one database's: the
    session's service, sweeping another database of the same server, holds it back as much
    as anything written here."""
    fence = await database.fetchval(_FENCE)
    deadline = time.monotonic() + _SETTLE_SECONDS
    while await database.fetchval(_HORIZON) <= fence:
        if time.monotonic() > deadline:
            raise AssertionError(_NEVER_SETTLED)
        await asyncio.sleep(0.05)
