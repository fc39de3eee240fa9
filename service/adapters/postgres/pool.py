"""The connection pool."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

import asyncpg

if TYPE_CHECKING:
    from asyncpg.pool import PoolConnectionProxy

# What the pool hands out; repositories take it as their connection. (Generic only in the stubs.)
DbConnection: TypeAlias = "PoolConnectionProxy[asyncpg.Record]"


async def _keep_session(connection: asyncpg.Connection) -> None:
    """Skip asyncpg's reset query on release: it costs one round trip per request. Safe because
    the service never uses session-level SET, LISTEN or advisory locks on pooled connections
    (only SET LOCAL inside transactions); a test guards the invariant."""


async def create_pool(dsn: str, *, min_size: int, max_size: int) -> asyncpg.Pool:
    pool = await asyncpg.create_pool(
        dsn,
        min_size=min_size,
        max_size=max_size,
        reset=_keep_session,
        command_timeout=30,
        server_settings={"application_name": "support-network"},
    )
    assert pool is not None
    return pool
