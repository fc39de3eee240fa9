"""The HTTP server: uvicorn with httptools, plus the bounds it lacks.

uvicorn's httptools protocol reads a request's headers without limit of size or time, and
keeps a connection that never sends a request open forever: a 64 MB header was read and
answered, and slowloris clients held their connections for as long as they liked. This
protocol keeps uvicorn's fast path and adds, per connection:

- a cap on the bytes of the request line and headers (431 past it, and the connection closed);
- a deadline for the request line and headers, from the connection's start or the request's
  first byte (408 and closed; a connection that sent nothing is closed silently), which also
  ends connections that connect and stay idle;
- a bound on open connections per worker (one past it is closed at once).

Idle keep-alive connections are closed by uvicorn's own `timeout_keep_alive`. (granian, on
Rust's hyper, has the same bounds built in; this kept the measured request path unchanged.)"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import httptools
import msgspec
from uvicorn import Config, Server
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.supervisors import Multiprocess

from service.adapters.http.problems import problem_type

logger = logging.getLogger(__name__)

PROTOCOL = "service.adapters.http.server:BoundedHttpToolsProtocol"


class ServerLimits(msgspec.Struct, frozen=True, kw_only=True):
    """What one client can make a worker hold (see Settings for the defaults)."""

    max_header_bytes: int
    header_timeout_seconds: float
    keep_alive_timeout_seconds: float
    max_connections: int


def _problem(status: int, reason: str, slug: str, detail: str) -> bytes:
    body = json.dumps(
        {
            "type": problem_type(slug),
            "title": reason,
            "status": status,
            "detail": detail,
        }
    ).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\n"
        "content-type: application/problem+json\r\n"
        f"content-length: {len(body)}\r\n"
        "connection: close\r\n\r\n"
    ).encode()
    return head + body


class _Refused(Exception):
    """Raised in a parser callback to stop parsing a request already answered."""


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with the bounds above; the limits come with the server's
    Config (attribute `limits`), so worker processes get them too."""

    def __init__(self, config: Config, *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self._limits: ServerLimits = config.limits  # type: ignore[attr-defined]
        # From a request's first byte until its headers are complete (parser callbacks say so,
        # so that the body of a pipelined request is never taken for headers).
        self._awaiting_headers = False
        self._received = 0  # bytes received on this connection
        self._chunk_start = 0  # self._received before the read being parsed
        # Of the read being parsed, the bytes earlier requests took (their lines, headers and
        # bodies, as the parser's callbacks report them; a request line's method and version
        # are not reported, a few bytes the cap then allows on top).
        self._taken_in_read = 0
        self._header_start = 0  # where the current request began
        self._parsed_header_bytes = 0  # as parsed: request line and header lines
        self._header_timer: asyncio.TimerHandle | None = None
        self._refused = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self._limits.max_connections:
            logger.warning(
                "refused a connection: %d open, the bound is %d",
                len(self.connections) - 1,
                self._limits.max_connections,
            )
            transport.close()
            return
        # A connection that never sends a request is closed at the header deadline too.
        self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        # uvicorn's data_received, with the byte count and the refusals.
        if self._refused:
            return
        self._unset_keepalive_if_required()
        self._chunk_start = self._received
        self._taken_in_read = 0
        self._received += len(data)
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            if self._refused:
                return  # a callback below refused the request and stopped the parser
            message = "Invalid HTTP request received."
            self.logger.warning(message)
            self.send_400_response(message)
            return
        except httptools.HttpParserUpgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()
            return
        # Checked after parsing, so that a body that came in the same read as the end of the
        # headers is not counted against them, nor what earlier requests took of the read.
        if (
            self._awaiting_headers
            and self._received - self._header_start > self._limits.max_header_bytes
        ):
            self._refuse(self._too_large())

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._awaiting_headers = True
        self._header_start = self._chunk_start + self._taken_in_read
        self._parsed_header_bytes = 0
        self._arm_header_timer()  # (kept if armed at connection: the deadline counts from then)

    def on_url(self, url: bytes) -> None:
        self._parsed_header_bytes += len(url)
        self._taken_in_read += len(url)
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._parsed_header_bytes += len(name) + len(value) + 4  # ": " and CRLF
        self._taken_in_read += len(name) + len(value) + 4
        super().on_header(name, value)

    def on_body(self, body: bytes) -> None:
        self._taken_in_read += len(body)
        super().on_body(body)

    def on_headers_complete(self) -> None:
        if self._parsed_header_bytes > self._limits.max_header_bytes:
            # The whole block came in one read: refuse it before the app sees it, and stop
            # the parser (the exception ends feed_data, caught above).
            self._refuse(self._too_large())
            raise _Refused
        self._awaiting_headers = False
        self._disarm_header_timer()
        super().on_headers_complete()

    def _too_large(self) -> bytes:
        return _problem(
            431,
            "Request Header Fields Too Large",
            "headers-too-large",
            f"The request line and headers exceed {self._limits.max_header_bytes} bytes.",
        )

    def _arm_header_timer(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(
                self._limits.header_timeout_seconds, self._headers_too_slow
            )

    def _disarm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.transport.is_closing():
            return
        if not self._awaiting_headers:
            if self.cycle is None:
                self.transport.close()  # connected and never sent a byte
            return
        self._refuse(
            _problem(
                408,
                "Request Timeout",
                "request-timeout",
                f"The request line and headers took longer than "
                f"{self._limits.header_timeout_seconds:g} s to arrive.",
            )
        )

    def _refuse(self, response: bytes) -> None:
        self._refused = True
        self._awaiting_headers = False
        self._disarm_header_timer()
        self.transport.write(response)
        self.transport.close()


def run_server(app: Any, *, host: str, port: int, workers: int, limits: ServerLimits) -> None:
    """Serve `app` (an ASGI app, or with several workers the import string of a factory) with
    the bounded protocol; the same steps as uvicorn.run, with the limits attached."""
    config = Config(
        app,
        host=host,
        port=port,
        workers=workers,
        factory=workers > 1,
        http=PROTOCOL,
        timeout_keep_alive=limits.keep_alive_timeout_seconds,  # type: ignore[arg-type]
        log_config=None,
        access_log=False,
        proxy_headers=False,
        lifespan="on",
    )
    config.limits = limits  # type: ignore[attr-defined]
    if workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
        return
    config.load_app()
    server = Server(config=config)
    server.run()
    if not server.started:
        raise SystemExit(3)
