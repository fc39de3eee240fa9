"""The events feed, read by one API key."""

from __future__ import annotations

import msgspec

from service.domain.accounting import Viewing
from service.domain.errors import InvalidField
from service.domain.events import (
    EventType,
    FeedEvent,
    FeedPosition,
    event_types_for,
    next_position,
)
from service.domain.organizations import Scope
from service.domain.ports import EventFeed


class FeedPage(msgspec.Struct, frozen=True, kw_only=True):
    """Events after the cursor, and where to continue: after the last event of a full page;
    past everything the read looked at otherwise (events.next_position)."""

    events: list[FeedEvent]
    next_position: FeedPosition


async def read_feed(
    viewing: Viewing,
    key_scopes: frozenset[Scope],
    after: FeedPosition,
    limit: int,
    types: frozenset[str] | None,
    feed: EventFeed,
) -> FeedPage:
    """The next events the viewer's organization may see, of the kinds the reading key's
    scopes cover (EVENT_SCOPES), and of `types` when given (an unknown type is refused; a kind
    the key may not read simply never comes). Those about another organization's member are
    disclosures, recorded by the feed as it reads them."""
    wanted = {t.value for t in event_types_for(key_scopes)}
    if types is not None:
        unknown = sorted(types - {t.value for t in EventType})
        if unknown:
            raise InvalidField("types", f"Unknown event type {unknown[0]!r}.")
        wanted &= types
    read = await feed.after(viewing, after, limit, sorted(wanted))
    return FeedPage(events=read.events, next_position=next_position(after, read, limit))
