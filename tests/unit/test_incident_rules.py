"""Incidents: what makes one, and closing it once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain.errors import Conflict, InvalidField
from service.domain.incidents import (
    Incident,
    IncidentKind,
    IncidentStatus,
    NewIncident,
    close_incident,
    open_incident,
)

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
ORG = UUID(int=1)


def _open(**fields: Any) -> Incident:
    base: dict[str, Any] = {
        "kind": IncidentKind.SUSPECTED_BREACH,
        "description": "lost laptop",
        "since": NOW - timedelta(days=1),
    }
    base.update(fields)
    new = NewIncident(**base)
    return open_incident(new, incident_id=UUID(int=2), organization_id=ORG, now=NOW)


def test_a_compromised_key_names_the_key() -> None:
    with pytest.raises(InvalidField) as error:
        _open(kind=IncidentKind.COMPROMISED_KEY)
    assert error.value.field == "key_id"
    assert _open(kind=IncidentKind.COMPROMISED_KEY, key_id=UUID(int=3)).key_id == UUID(int=3)


@given(offset=st.integers(min_value=-10_000, max_value=10_000))
def test_the_period_ends_after_it_starts(offset: int) -> None:
    since = NOW - timedelta(days=30)
    until = since + timedelta(minutes=offset)
    if offset > 0:
        opened = _open(since=since, until=until)
        assert (opened.since, opened.until, opened.status) == (since, until, IncidentStatus.OPEN)
    else:
        with pytest.raises(InvalidField) as error:
            _open(since=since, until=until)
        assert error.value.field == "until"


def test_closing_records_what_was_done_and_happens_once() -> None:
    incident = open_incident(
        NewIncident(kind=IncidentKind.SUSPECTED_BREACH, description="x", since=NOW),
        incident_id=UUID(int=2),
        organization_id=ORG,
        now=NOW,
    )
    closed = close_incident(incident, " notified the members ", NOW + timedelta(days=1))
    assert (closed.status, closed.closing_note, closed.version) == (
        IncidentStatus.CLOSED,
        "notified the members",
        2,
    )
    with pytest.raises(Conflict):
        close_incident(closed, "again", NOW)
    with pytest.raises(InvalidField) as blank:
        close_incident(incident, "   ", NOW)  # what was done is the point of closing
    assert blank.value.field == "note"
