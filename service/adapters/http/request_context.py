"""Outermost ASGI layer: a request id for every response (404s of unknown paths included),
echoed in X-Request-ID, one structured access-log line per request, and the request metrics."""

from __future__ import annotations

import contextvars
import itertools
import logging
import re
import secrets
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, TypeAlias

from service.adapters.metrics import Metrics

# Plain ASGI types: this layer also sees lifespan messages, which Litestar's types leave out.
Scope: TypeAlias = MutableMapping[str, Any]
Message: TypeAlias = MutableMapping[str, Any]
Receive: TypeAlias = Callable[[], Awaitable[Message]]
Send: TypeAlias = Callable[[Message], Awaitable[None]]
ASGIApp: TypeAlias = Callable[[Scope, Receive, Send], Awaitable[None]]

# The service's own id of the request being served, and the one the caller sent, if any (echoed
# back, logged, and kept apart in the accounting of disclosures: it is the caller's word).
request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
client_request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "client_request_id", default=None
)
access_logger = logging.getLogger("service.access")

# Metric labels take these methods as they are, any other as "other": a client cannot make
# new series by inventing methods.
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_VALID_REQUEST_ID = re.compile(rb"^[A-Za-z0-9._:\-]{1,128}$")


# A random per-process prefix and a counter: unique across workers and restarts, and far
# cheaper than a uuid4 per request (which showed up at 4% of CPU under load).
_PREFIX = secrets.token_hex(8)
_counter = itertools.count(1)


def _incoming(scope: Scope) -> tuple[str | None, bytes | None]:
    """The caller's X-Request-ID if it is well formed, and If-None-Match on a GET or HEAD."""
    client_id: str | None = None
    if_none_match: bytes | None = None
    conditional = scope["method"] in ("GET", "HEAD")
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            if client_id is None and _VALID_REQUEST_ID.match(value):
                client_id = str(value.decode())
        elif conditional and name == b"if-none-match":
            if_none_match = value
    return client_id, if_none_match


_OPAQUE_TAG = re.compile(rb'\s*(?:W/)?("[\x21\x23-\x7e\x80-\xff]*")\s*(?:,|$)')


def not_modified(if_none_match: bytes, etag: bytes) -> bool:
    """RFC 9110 §13.1.2: If-None-Match compares weakly (W/"3" matches "3"); `*` matches any
    current representation."""
    if if_none_match.strip() == b"*":
        return True
    current = etag.strip().removeprefix(b"W/")
    return any(tag.group(1) == current for tag in _OPAQUE_TAG.finditer(if_none_match))


# What a 304 keeps of the 200 it replaces (RFC 9110 §15.4.5): no content headers.
_DROPPED_ON_304 = frozenset({b"content-type", b"content-length", b"transfer-encoding"})


def with_request_context(
    app: Any,
    *,
    access_log: bool,
    answer_options: ASGIApp | None = None,
    metrics: Metrics | None = None,
) -> ASGIApp:
    """Wrap `app` (any ASGI application, Litestar's included). `answer_options`, when given,
    answers OPTIONS requests instead of `app` (see options.py); one layer instead of two,
    because every pure-Python ASGI layer costs measurable throughput."""
    inner: ASGIApp = app if answer_options is None else answer_options

    async def request_context(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        client_id, if_none_match = _incoming(scope)
        request_id = f"{_PREFIX}{next(_counter):016x}"
        token = request_id_var.set(request_id)
        client_token = client_request_id_var.set(client_id)
        echoed = (client_id or request_id).encode()
        started = time.perf_counter()
        status = 500
        unchanged = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, unchanged
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [*message.get("headers", ()), (b"x-request-id", echoed)]
                if if_none_match is not None and status == 200:
                    etag = next((v for k, v in headers if k.lower() == b"etag"), None)
                    if etag is not None and not_modified(if_none_match, etag):
                        unchanged, status = True, 304
                        headers = [h for h in headers if h[0].lower() not in _DROPPED_ON_304]
                        message = {**message, "status": 304}
                message["headers"] = headers
            elif unchanged and message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        try:
            if scope["method"] == "OPTIONS":
                await inner(scope, receive, send_with_id)
            else:
                await app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            if metrics is not None:
                # The route's template, never the raw path: one series per route, not per id.
                route = scope.get("path_template") or "unmatched"
                method = scope["method"]
                metrics.observe_request(
                    method if method in _METHODS else "other",
                    route,
                    status,
                    elapsed,
                )
            if access_log:
                caller: Any = scope.get("caller")
                access_logger.info(
                    "request",
                    extra={
                        "request_id": request_id,
                        "client_request_id": client_id,
                        "method": scope["method"],
                        # The route's template, never the raw path: paths carry ids and dates
                        # (a cheer's path holds a recovery date next to a member id).
                        "route": scope.get("path_template") or "unmatched",
                        "status": status,
                        "duration_ms": round(elapsed * 1000, 2),
                        "organization_id": str(caller.organization_id) if caller else None,
                    },
                )
            request_id_var.reset(token)
            client_request_id_var.reset(client_token)

    return request_context
