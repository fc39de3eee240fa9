"""The events feed, read so that a kind of event this SDK does not know yet (new kinds may come
within /v1) is handed over as an `UnknownEvent` instead of stopping the read: the generated
`list_events` fails on a page holding one."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import support_network_api.models as models
from support_network_api.client import AuthenticatedClient

from support_network_sdk.errors import error_for


@dataclass(frozen=True)
class UnknownEvent:
    """An event of a kind this SDK was generated without (or one it could not read): its
    `type`, `id` and the JSON as it came."""

    type: str
    id: str
    raw: dict[str, Any]


def _event_classes() -> dict[str, Any]:
    """Each generated event class, by the `type` it carries."""
    found: dict[str, Any] = {}
    for name in getattr(models, "__all__", ()):
        cls = getattr(models, name)
        if not name.endswith("Event") or not hasattr(cls, "from_dict"):
            continue
        # The annotation as written (its module's other names are only there when type-checking).
        annotation = str(getattr(cls, "__annotations__", {}).get("type_", ""))
        for value in re.findall(r"Literal\[['\"]([^'\"]+)['\"]\]", annotation):
            found[value] = cls
    return found


EVENT_CLASSES = _event_classes()


@dataclass(frozen=True)
class FeedPage:
    """Events after a cursor, and the cursor to ask with next (always given: poll it later)."""

    events: list[object]
    next_cursor: str


def _typed(item: dict[str, Any]) -> object:
    kind = str(item.get("type", ""))
    cls = EVENT_CLASSES.get(kind)
    if cls is not None:
        try:
            return cls.from_dict(item)
        except (KeyError, TypeError, ValueError):
            pass
    return UnknownEvent(type=kind, id=str(item.get("id", "")), raw=item)


def read_feed(
    client: AuthenticatedClient,
    *,
    cursor: str | None = None,
    types: Sequence[str] = (),
    limit: int = 100,
) -> FeedPage:
    """One page of the feed: each event as its generated class (`MemberCreatedEvent`, ...),
    or an `UnknownEvent`."""
    params: list[tuple[str, str | int | float | bool | None]] = [
        ("limit", limit),
        *(("types", t) for t in types),
    ]
    if cursor is not None:
        params.append(("cursor", cursor))
    response = client.get_httpx_client().get("/v1/events", params=params)
    if response.status_code >= 300:
        raise error_for(response.status_code, response.content, response.headers)
    body = response.json()
    return FeedPage(events=[_typed(item) for item in body["data"]], next_cursor=body["next_cursor"])


def events(
    client: AuthenticatedClient,
    *,
    cursor: str | None = None,
    types: Sequence[str] = (),
    limit: int = 100,
) -> Iterator[object]:
    """Every event after `cursor` (from the start without one) up to now, page after page."""
    while True:
        page = read_feed(client, cursor=cursor, types=types, limit=limit)
        yield from page.events
        if not page.events or page.next_cursor == cursor:
            return
        cursor = page.next_cursor
