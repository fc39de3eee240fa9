"""GET /v1/events: the events feed (cursor-paged, oldest first)."""

from __future__ import annotations

import re
from typing import Annotated
from uuid import UUID

import msgspec
from litestar import get
from litestar.exceptions import ValidationException
from litestar.params import QueryParameter

from service.adapters.http.event_schemas import AnyEvent, typed
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.paging import Paging
from service.adapters.http.schemas import encode_cursor
from service.domain.disclosure_notice import notice_for_consents
from service.domain.events import EventType, EventView, FeedPosition
from service.usecases import events as usecases

Types = Annotated[
    list[str] | None,
    QueryParameter(
        required=False,
        description="Event types to keep: `?types=member.created&types=consent.revoked`, as "
        "generated clients send a list; `?types=member.created,consent.revoked` also works.",
    ),
]

_TYPE_LIST = re.compile(r"^[a-z_.]+(,[a-z_.]+)*$")
# Every type once, comma-separated: the contract's list (uniqueItems) fits in this.
_TYPES_MAX_LENGTH = 1000


def _wanted_types(types: list[str] | None) -> frozenset[str] | None:
    """The types asked for, whether as repeated parameters (the contract's form, explode) or
    comma-separated in one (how the feed first took them): each type once, as the contract's
    list says (uniqueItems, at most one of each type)."""
    if types is None:
        return None
    names = [name for value in types for name in value.split(",")]
    if (
        len(",".join(types)) > _TYPES_MAX_LENGTH
        or not all(_TYPE_LIST.match(t) for t in types)
        or len(names) != len(set(names))
        or len(names) > len(EventType)
    ):
        raise ValidationException(
            "Invalid types.",
            extra=[{"key": "types", "message": "Event types, each once, e.g. member.created."}],
        )
    return frozenset(names)


class EventList(msgspec.Struct, kw_only=True):
    """`next_cursor` is always given: poll it again later for newer events. After a page
    shorter than `limit` it points past everything the read looked at (not only past its last
    event), so that the next poll starts where this one stopped looking. Each event's `data`
    has the schema of its `type`. The feed carries what happens while the organization may see
    it: events written before it took part in a network, or before a member's consent reached
    it, do not come later (the network's and the member's own resources show where they
    stand)."""

    data: list[AnyEvent]
    next_cursor: str | None


_INT63 = 2**63 - 1


def _position_of(cursor: UUID) -> FeedPosition:
    """A cursor carries (txid, position), 64 bits each; both are bigint in PostgreSQL, so a
    larger one (never handed out) is read as "after everything"."""
    txid, position = cursor.int >> 64, cursor.int & (2**64 - 1)
    return FeedPosition(txid=min(txid, _INT63), position=min(position, _INT63))


class EventController(ApiController):
    path = "/v1/events"
    tags = ["events"]

    @operation(get, "listEvents", None, errors=(422,))
    async def list_events(
        self,
        request: HttpRequest,
        page: Paging,
        types: Types = None,
    ) -> EventList:
        """The events the caller may see, oldest first

        What the caller's organization did, what happened in networks it takes part in, the
        consents granted to it, the referrals it sent or received, events about its own members
        whoever acted, and events about another organization's member that a consent covering
        their kind of data allowed when they happened and still allows (revocation and expiry
        act at once, also on events read before). Showing those is a disclosure, recorded in the
        member's accounting. Pass `next_cursor` as `cursor` to continue; the order is stable and
        no event is skipped when transactions commit out of order. An event shows once every
        write that began before it has ended, usually within milliseconds (longer while a long
        write runs): a read made right after a write may not have it yet, and a later poll with
        the cursor will, as the cursor never passes it. Any key of the organization may read
        it, and sees the kinds of event its scopes cover:
        `members:read` for member, recovery, milestone and pledge events, `networks:read` for
        network events, `consents:read` for consent events, `referrals:read` for referral
        events, `keys:manage` for organization and API key events, `webhooks:manage` for
        webhook endpoint events."""
        act = acting(request)
        found = await usecases.read_feed(
            act.viewing(),
            act.caller.scopes,
            FeedPosition() if page.after is None else _position_of(page.after),
            page.limit,
            _wanted_types(types),
            act.services.events,
        )
        last = found.next_position
        return EventList(
            data=[
                typed(EventView.of(f.event, notice_for_consents(f.notice_consents)))
                for f in found.events
            ],
            next_cursor=encode_cursor(UUID(int=last.txid << 64 | last.position)),
        )
