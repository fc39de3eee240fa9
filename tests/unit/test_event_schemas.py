"""Typed events: each kind reads into its schema; one that does not fit goes out as it is."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from uuid import UUID

import msgspec
import pytest

from service.adapters.http.event_schemas import EVENT_TYPES, typed
from service.domain.events import EventType, EventView

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)


def _view(event_type: EventType, data: dict[str, str | int | list[str]]) -> EventView:
    return EventView(
        id=UUID(int=1),
        type=event_type.value,
        occurred_at=NOW,
        organization_id=UUID(int=2),
        subject_type="member",
        subject_id=UUID(int=3),
        data=data,
    )


def test_an_event_reads_into_the_variant_of_its_type() -> None:
    view = _view(
        EventType.MEMBER_UPDATED,
        {"member_id": str(UUID(int=3)), "version": 2, "changed_fields": ["timezone"]},
    )

    read = typed(view)

    assert type(read) is EVENT_TYPES[EventType.MEMBER_UPDATED]
    assert msgspec.json.decode(msgspec.json.encode(read)) == msgspec.json.decode(
        msgspec.json.encode(view)
    )


def test_an_event_that_does_not_fit_its_schema_goes_out_as_it_is(
    caplog: pytest.LogCaptureFixture,
) -> None:
    view = _view(EventType.PLEDGE_MISSED, {"member_id": str(UUID(int=3))})  # no pledge_id

    with caplog.at_level(logging.ERROR, logger="service.events"):
        read = typed(view)

    assert read is view  # type: ignore[comparison-overlap]  # the feed does not stop at it
    assert "does not fit its schema" in caplog.text
