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
    LAST_POSITION,
    Event,
    EventType,
    FeedEvent,
    FeedPosition,
    FeedRead,
    event_types_for,
    new_event,
    next_position,
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


async def test_a_short_page_moves_past_everything_the_read_looked_at() -> None:
    """A quiet organization's poll must not walk again what the last one walked: below the
    horizon every transaction had ended, so the next read starts above it."""
    feed = _feed()
    feed.horizon = 50
    page = await read_feed(VIEWING, ALL_SCOPES, FeedPosition(), 1000, None, feed)
    assert len(page.events) == len(EventType)  # short of the limit
    assert page.next_position == FeedPosition(txid=49, position=LAST_POSITION)
    # A full page stops after its last event: what lies beyond was not looked at.
    full = await read_feed(VIEWING, ALL_SCOPES, FeedPosition(), 2, None, feed)
    assert full.next_position == FeedPosition(txid=10, position=2)
    # Nothing new: past the horizon, never back before the cursor.
    ahead = FeedPosition(txid=80, position=3)
    assert (await read_feed(VIEWING, ALL_SCOPES, ahead, 100, None, feed)).next_position == ahead


@given(
    after=st.builds(FeedPosition, txid=st.integers(0, 100), position=st.integers(0, 100)),
    horizon=st.integers(0, 120),
    found=st.integers(0, 5),
    limit=st.integers(1, 5),
)
def test_the_next_position_never_goes_back_nor_skips_what_was_not_looked_at(
    after: FeedPosition, horizon: int, found: int, limit: int
) -> None:
    found = min(found, limit)
    events = [
        FeedEvent(
            at=FeedPosition(txid=after.txid + 1, position=n),
            event=Event(
                id=UUID(int=n + 1),
                type=EventType.MEMBER_CREATED,
                organization_id=UUID(int=1),
                subject_type="member",
                subject_id=UUID(int=1),
                occurred_at=NOW,
                data={},
            ),
        )
        for n in range(found)
    ]
    read = FeedRead(events=events, horizon=max(horizon, after.txid + 2 if events else 0))
    position = next_position(after, read, limit)
    assert position >= after
    if events:
        assert position >= events[-1].at
    if len(events) == limit:
        assert position == events[-1].at  # beyond a full page nothing was looked at
    elif read.horizon > 0:
        # Anything a later transaction writes (a txid at or above the horizon) still comes,
        # unless the caller's own cursor was already past it.
        later = FeedPosition(txid=read.horizon, position=0)
        assert position < later or position == after
