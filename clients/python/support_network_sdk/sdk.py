"""The client, unwrapping, paging and conditional updates."""

from __future__ import annotations

import ssl
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

import httpx
from support_network_api.client import AuthenticatedClient
from support_network_api.models.problem_details import ProblemDetails
from support_network_api.types import UNSET, Response, Unset

from support_network_sdk.errors import PreconditionFailed, error_for

T = TypeVar("T")
W = TypeVar("W")
Item = TypeVar("Item", covariant=True)


def _idempotency_key(request: httpx.Request) -> None:
    if request.method == "POST" and "Idempotency-Key" not in request.headers:
        request.headers["Idempotency-Key"] = str(uuid.uuid4())


async def _idempotency_key_async(request: httpx.Request) -> None:
    _idempotency_key(request)  # httpx's async client awaits its hooks


def connect(
    base_url: str,
    token: str,
    *,
    timeout: float = 10.0,
    verify: bool | str | ssl.SSLContext = True,
    headers: Mapping[str, str] | None = None,
    follow_redirects: bool = False,
    **httpx_args: Any,
) -> AuthenticatedClient:
    """A client for `base_url` with the key's `token`, for the generated operations'
    `sync_detailed` and `asyncio_detailed` alike. Every POST without an `Idempotency-Key` gets
    a fresh one (the service ignores it where nothing is created), so a request resent as it
    was (by a proxy, or httpx's transport retries) is made once; a retry of yours that calls
    the operation again should pass `idempotency_key=` itself. `event_hooks` in `httpx_args`
    apply to the sync client only."""
    hooks = dict(httpx_args.pop("event_hooks", {}))
    hooks["request"] = [*hooks.get("request", []), _idempotency_key]
    base_url = base_url.rstrip("/")
    client = AuthenticatedClient(
        base_url=base_url,
        token=token,
        timeout=httpx.Timeout(timeout),
        verify_ssl=verify,
        headers=dict(headers or {}),
        follow_redirects=follow_redirects,
        httpx_args={**httpx_args, "event_hooks": hooks},
    )
    return client.set_async_httpx_client(
        httpx.AsyncClient(
            base_url=base_url,
            headers={**(headers or {}), "Authorization": f"Bearer {token}"},
            timeout=httpx.Timeout(timeout),
            verify=verify,
            follow_redirects=follow_redirects,
            event_hooks={"request": [_idempotency_key_async]},
            **httpx_args,
        )
    )


def unwrap(response: Response[T | ProblemDetails]) -> T:
    """The body of a successful answer; the answer's `ApiError` otherwise."""
    if response.status_code >= 300 or isinstance(response.parsed, ProblemDetails):
        raise error_for(response.status_code, response.content, response.headers)
    return response.parsed  # type: ignore[return-value]  # None only for answers without a body


@dataclass(frozen=True)
class Versioned(Generic[T]):
    """A body with the version it was read at: pass `etag` as `if_match` to change it."""

    value: T
    etag: str
    # Whether the service answered from an earlier request with the same idempotency key.
    replayed: bool


def versioned(response: Response[T | ProblemDetails]) -> Versioned[T]:
    """Like `unwrap`, keeping the answer's ETag and whether it was an idempotent replay."""
    value = unwrap(response)
    etag = response.headers.get("etag")
    if etag is None:
        raise ValueError("the answer carries no ETag")
    return Versioned(value, etag, response.headers.get("idempotent-replayed") == "true")


def update_with_etag(
    read: Callable[[], Response[T | ProblemDetails]],
    write: Callable[[T, str], Response[W | ProblemDetails]],
    *,
    attempts: int = 3,
) -> Versioned[W]:
    """Change an object under If-Match: `read()` fetches it, `write(current, etag)` sends the
    change made from `current` with `etag` as `if_match`. When someone else changed it in
    between (412), read it again and make the change again, up to `attempts` times."""
    for attempt in range(1, attempts + 1):
        current = versioned(read())
        try:
            return versioned(write(current.value, current.etag))
        except PreconditionFailed:
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")


class Page(Protocol[Item]):
    """A page of any list: its items and where the next page starts."""

    @property
    def data(self) -> Sequence[Item]: ...

    @property
    def next_cursor(self) -> str | Unset | None: ...


def pages(fetch: Callable[[str | Unset], Response[Page[T] | ProblemDetails]]) -> Iterator[T]:
    """Every item of a list, page after page: `fetch(cursor)` asks for the page at `cursor`
    (`UNSET` for the first). Stops at a page without `next_cursor` or without items (the
    events feed always hands back a cursor to poll with later)."""
    cursor: str | Unset = UNSET
    while True:
        page = unwrap(fetch(cursor))
        yield from page.data
        if not page.data or not isinstance(page.next_cursor, str):
            return
        if page.next_cursor == cursor:
            raise RuntimeError("the same cursor twice: does `fetch` pass `cursor` on?")
        cursor = page.next_cursor
