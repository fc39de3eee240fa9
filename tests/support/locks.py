"""Watching a request wait on a lock a test holds."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg


async def wait_for_waiter(
    watcher: asyncpg.Connection, holder_pid: int, pending: asyncio.Task[Any]
) -> int:
    """The backend the lock holder holds up. Watched from a connection of its own, one
    transaction per look: pg_stat_activity is a snapshot taken at a transaction's first read,
    so a watch from inside the lock-holding transaction never sees a backend that started after
    it, such as a connection the pool opens for this very request. (Other backends of the
    database wait on locks now and then too, and the text of a waiting statement is not
    reliable: hence the blocking pid.)"""
    for _ in range(200):
        pid = await watcher.fetchval(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND $1::int = ANY(pg_blocking_pids(pid))",
            holder_pid,
        )
        if pid is not None:
            return int(pid)
        if pending.done():
            break
        await asyncio.sleep(0.05)
    sessions = await watcher.fetch(
        "SELECT pid, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by, "
        "left(query, 80) AS query FROM pg_stat_activity WHERE datname = current_database()"
    )
    answer = pending.result() if pending.done() and not pending.exception() else None
    raise AssertionError(
        f"the request never waited on the lock (done: {pending.done()}, answer: "
        f"{getattr(answer, 'text', None)}); sessions: {[tuple(r) for r in sessions]}"
    )
