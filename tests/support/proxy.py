"""A TCP proxy in front of the test database, so that a test can take the database away from
one service process (refuse new connections and break the open ones) and give it back, while
the database itself and every other test carry on."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

from tests.support.server import free_port


def _upstream(dsn: str) -> dict[str, Any]:
    """Where the database listens: a unix socket (the embedded server) or host and port."""
    parts = urlsplit(dsn)
    host = parse_qs(parts.query).get("host", [parts.hostname or "127.0.0.1"])[0]
    port = parts.port or 5432
    if host.startswith("/"):
        return {"path": f"{host}/.s.PGSQL.{port}"}
    return {"host": host, "port": port}


class DatabaseProxy:
    """Forwards 127.0.0.1:`port` to the database. `cut()` closes the listener and every open
    connection (the service then meets refused and reset connections, as in a restart);
    `restore()` listens again on the same port."""

    def __init__(self, dsn: str) -> None:
        self._target = _upstream(dsn)
        self.port = free_port()
        parts = urlsplit(dsn)
        user = parts.username or "postgres"
        password = f":{parts.password}" if parts.password else ""
        self.dsn = urlunsplit(
            ("postgresql", f"{user}{password}@127.0.0.1:{self.port}", parts.path, "", "")
        )
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    def _call(self, coroutine: Any) -> Any:
        future: Future[Any] = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        return future.result(timeout=10)

    def start(self) -> None:
        self._thread.start()
        self.restore()

    def restore(self) -> None:
        self._call(self._listen())

    def cut(self) -> None:
        self._call(self._cut())

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.cut()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

    async def _listen(self) -> None:
        if self._server is None:
            self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)

    async def _cut(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._writers):
            # An abort sends a reset, as a crashed server's kernel would.
            writer.transport.abort()
        self._writers.clear()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            if "path" in self._target:
                up_reader, up_writer = await asyncio.open_unix_connection(self._target["path"])
            else:
                up_reader, up_writer = await asyncio.open_connection(
                    self._target["host"], self._target["port"]
                )
        except OSError:
            writer.transport.abort()
            return
        self._writers.update((writer, up_writer))

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(Exception):
                while chunk := await source.read(65536):
                    sink.write(chunk)
                    await sink.drain()
            sink.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self._writers.discard(writer)
        self._writers.discard(up_writer)


@contextmanager
def database_proxy(dsn: str) -> Iterator[DatabaseProxy]:
    proxy = DatabaseProxy(dsn)
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.stop()
