"""The statements PostgreSQL receives on a pool's connections, as asyncpg logs them."""

from __future__ import annotations

import asyncpg


class Statements:
    """Pass `watch` as a pool's `init`: every statement its connections send lands in `sent`,
    and those that failed in `refused` too."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.refused: list[str] = []

    async def watch(self, connection: asyncpg.Connection) -> None:
        connection.add_query_logger(self._log)

    def _log(self, logged: asyncpg.connection.LoggedQuery) -> None:
        self.sent.append(logged.query)
        if logged.exception is not None:
            self.refused.append(logged.query)


async def keep_session(connection: asyncpg.Connection) -> None:
    """A pool's `reset`, as the service's pool: no reset statement on release, so the log
    holds only the statements under test."""
