"""The feed as one API key reads it: the kinds of event its scopes cover, of the types asked."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain.accounting import Viewing
from service.domain.errors import InvalidField
from service.domain.events import (
    EVENT_SCOPES,
    EventType,
    FeedEvent,
    FeedPosition,
    event_types_for,
    new_event,
)
from service.domain.organizations import ALL_SCOPES, Scope
from service.usecases.events import read_feed
from tests.unit.fakes import FakeEventFeed

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
VIEWING = Viewing(organization_id=UUID(int=1), now=NOW, request_id="r", operation="listEvents")


def _feed() -> FakeEventFeed:
    return FakeEventFeed(
        [
            FeedEvent(
                at=FeedPosition(txid=10, position=n),
                event=new_event(
                    event_type,
                    organization_id=UUID(int=1),
                    subject_type="thing",
                    subject_id=UUID(int=n),
                    event_id=UUID(int=100 + n),
                    now=NOW,
                    data={},
                ),
            )
            for n, event_type in enumerate(EventType, start=1)
        ]
    )


@given(scopes=st.frozensets(st.sampled_from(list(Scope))))
async def test_a_key_gets_exactly_the_kinds_its_scopes_cover(scopes: frozenset[Scope]) -> None:
    page = await read_feed(VIEWING, scopes, FeedPosition(), 100, None, _feed())
    got = {e.event.type for e in page.events}
    assert got == {t for t in EventType if EVENT_SCOPES[t] in scopes}
    assert got == event_types_for(scopes)


async def test_types_narrow_and_a_kind_the_key_may_not_read_never_comes() -> None:
    feed = _feed()
    page = await read_feed(
        VIEWING,
        frozenset({Scope.MEMBERS_READ}),
        FeedPosition(),
        100,
        frozenset({"member.created", "api_key.created"}),
        feed,
    )
    assert [e.event.type for e in page.events] == [EventType.MEMBER_CREATED]
    assert feed.asked == [["member.created"]]


async def test_an_unknown_type_is_refused_before_the_feed_is_read() -> None:
    feed = _feed()
    with pytest.raises(InvalidField) as refused:
        await read_feed(
            VIEWING, ALL_SCOPES, FeedPosition(), 100, frozenset({"member.exploded"}), feed
        )
    assert refused.value.field == "types"
    assert feed.asked == []


async def test_the_cursor_stays_put_when_nothing_new_came() -> None:
    feed = _feed()
    end = FeedPosition(txid=10, position=len(EventType))
    page = await read_feed(VIEWING, ALL_SCOPES, end, 100, None, feed)
    assert page.events == []
    assert page.next_position == end
    first = await read_feed(VIEWING, ALL_SCOPES, FeedPosition(), 2, None, feed)
    assert first.next_position == FeedPosition(txid=10, position=2)
