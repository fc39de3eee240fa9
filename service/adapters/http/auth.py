"""Bearer-key authentication with a short-lived in-process cache, and the scope guard."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any, cast
from uuid import UUID

from litestar.connection import ASGIConnection
from litestar.exceptions import ClientException, TooManyRequestsException

from service.adapters.http.rate_limit import RateLimiter
from service.domain.errors import AuthenticationRequired
from service.domain.organizations import (
    Caller,
    Scope,
    caller_for,
    hash_secret,
    looks_like_api_key,
)
from service.domain.ports import ApiKeyQueries


class KeyCache:
    """Maps a key's hash to the caller it stands for, for `ttl` seconds.

    This is what keeps a database round trip off every request. The price: a key revoked
    through another worker keeps working here until its entry expires (at most `ttl` seconds);
    a revocation made through this worker takes effect at once. Unknown keys are cached too
    (as None), so a flood of bad keys cannot turn into a flood of queries. Bounded: the oldest
    entry goes first when full."""

    def __init__(
        self,
        queries: ApiKeyQueries,
        *,
        ttl: float,
        max_entries: int,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._queries = queries
        self._ttl = ttl
        self._max_entries = max_entries
        self._monotonic = monotonic
        self._entries: dict[bytes, tuple[Caller | None, float]] = {}
        # Bumped by forget_key: a lookup that began before a revocation must not store
        # what it read, or it would bring the revoked key back until the TTL.
        self._generation = 0

    async def caller(self, token: str) -> Caller:
        if not looks_like_api_key(token):
            raise AuthenticationRequired("The API key is not valid.")
        secret_hash = hash_secret(token)
        now = self._monotonic()
        entry = self._entries.get(secret_hash)
        if entry is not None and entry[1] > now:
            caller = entry[0]
        else:
            generation = self._generation
            key = await self._queries.find_by_hash(secret_hash)
            caller = None if key is None or key.revoked_at is not None else caller_for(key)
            if generation == self._generation:
                self._remember(secret_hash, caller, now + self._ttl)
        if caller is None:
            raise AuthenticationRequired("The API key is not valid or was revoked.")
        return caller

    def forget_key(self, key_id: UUID) -> None:
        self._generation += 1
        for secret_hash, (caller, _) in list(self._entries.items()):
            if caller is not None and caller.key_id == key_id:
                del self._entries[secret_hash]

    def _remember(self, secret_hash: bytes, caller: Caller | None, expires: float) -> None:
        self._entries.pop(secret_hash, None)
        while len(self._entries) >= self._max_entries:
            del self._entries[next(iter(self._entries))]
        self._entries[secret_hash] = (caller, expires)


def bearer_token(headers: Iterable[tuple[bytes, bytes]]) -> str:
    for name, value in headers:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return token.strip()
            break
    raise AuthenticationRequired("Send an API key as `Authorization: Bearer <key>`.")


def scope_required(scope: Scope) -> dict[str, Any]:
    """Route `opt` that makes authentication demand `scope`."""
    return {"scope": scope}


OPERATOR_ONLY: dict[str, Any] = {"operator": True}
# A route's opt key: the per-key rate limit never refuses it, nor counts it.
NEVER_LIMITED = "never_limited"

_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})


def _is_json(content_type: bytes) -> bool:
    media_type = content_type.split(b";", 1)[0].strip().lower()
    return media_type == b"application/json" or (
        media_type.startswith(b"application/") and media_type.endswith(b"+json")
    )


def require_json_body(method: str, headers: Iterable[tuple[bytes, bytes]]) -> None:
    """A request that sends a body must say it is JSON (`application/json` or `+json`): a body
    labelled as something else, or not labelled at all, is refused with 415 before it is read."""
    if method not in _WITH_BODY:
        return
    content_type: bytes | None = None
    has_body = False
    for name, value in headers:
        if name == b"content-type":
            content_type = value
        elif name == b"content-length":
            has_body = has_body or value.strip() not in (b"0", b"")
        elif name == b"transfer-encoding":
            has_body = True
    if has_body and (content_type is None or not _is_json(content_type)):
        raise ClientException(
            "Send the body as JSON, with `Content-Type: application/json`.", status_code=415
        )


# Plain ASGI types (Litestar's own are unions that do not help here).
_Scope = MutableMapping[str, Any]
_ASGIApp = Callable[[Any, Any, Any], Awaitable[None]]


def make_authentication(
    cache_of: Callable[[_Scope], KeyCache],
    limiter_of: Callable[[_Scope], RateLimiter],
) -> Callable[..., _ASGIApp]:
    """Route middleware that resolves the caller from the bearer key and checks the scope the
    route's `opt` names, before the body is read: an unauthenticated request learns nothing
    about what it sent. (A Litestar guard would do the same, but copies the route handler on
    every request; this costs one dictionary lookup on a cache hit.)"""

    def middleware(app: _ASGIApp) -> _ASGIApp:
        async def authenticate(scope: _Scope, receive: Any, send: Any) -> None:
            if scope["type"] == "http" and scope["method"] != "OPTIONS":
                caller = await cache_of(scope).caller(bearer_token(scope["headers"]))
                opt = scope["route_handler"].opt
                required = opt.get("scope")
                if required is not None:
                    caller.organization_with(required)
                if opt.get("operator"):
                    caller.require_operator()
                scope["caller"] = caller
                require_json_body(scope["method"], scope["headers"])
                limiter = limiter_of(scope)
                if limiter.enabled and not opt.get(NEVER_LIMITED):
                    await app(scope, receive, _limited(limiter, caller.key_id, send))
                    return
            await app(scope, receive, send)

        return authenticate

    return middleware


def _limited(limiter: RateLimiter, key_id: UUID, send: Any) -> Any:
    """Count the request against its key's quota: a 429 past it, the RateLimit header fields
    on every answer."""
    decision = limiter.check(key_id)
    current = limiter.header(decision)
    if not decision.allowed:
        raise TooManyRequestsException(
            f"This API key used its {limiter.policy.quota} requests of the last "
            f"{limiter.policy.window_seconds} s; retry after {decision.reset_seconds} s.",
            headers={
                "Retry-After": str(decision.reset_seconds),
                "RateLimit-Policy": limiter.policy_header,
                "RateLimit": current,
            },
        )
    fields = (limiter.policy_field, (b"ratelimit", current.encode()))

    async def send_with_fields(message: Any) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", ()), *fields]
        await send(message)

    return send_with_fields


def caller_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Caller:
    return cast(Caller, connection.scope["caller"])  # type: ignore[typeddict-item]
