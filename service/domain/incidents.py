"""Incidents (42 CFR 2.16): a suspected breach or a compromised API key, recorded by an
organization, with the period and the key or recipient it concerns, so that every disclosure
it touched can be found at once."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta
from uuid import UUID

import msgspec

from service.domain.errors import Conflict, InvalidField
from service.domain.records import new_record, next_version


class IncidentKind(enum.StrEnum):
    COMPROMISED_KEY = "compromised_key"
    SUSPECTED_BREACH = "suspected_breach"


class IncidentStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class NewIncident(msgspec.Struct, frozen=True, kw_only=True):
    kind: IncidentKind
    description: str
    since: datetime
    until: datetime | None = None
    key_id: UUID | None = None
    recipient_organization_id: UUID | None = None


class Incident(NewIncident, frozen=True, kw_only=True):
    """What was reported (the fields of NewIncident), and what became of it."""

    id: UUID
    organization_id: UUID
    status: IncidentStatus
    opened_at: datetime
    version: int
    closed_at: datetime | None = None
    closing_note: str | None = None


def open_incident(
    new: NewIncident, *, incident_id: UUID, organization_id: UUID, now: datetime
) -> Incident:
    """An open incident, or InvalidField: a compromised key names the key; the period starts
    before it ends and not in the future."""
    if new.kind is IncidentKind.COMPROMISED_KEY and new.key_id is None:
        raise InvalidField("key_id", "Name the API key that was compromised.")
    if not new.description.strip():
        raise InvalidField("description", "Say what happened.")
    if new.since > now + timedelta(minutes=5):
        raise InvalidField("since", "The period cannot start in the future.")
    if new.until is not None and new.until <= new.since:
        raise InvalidField("until", "The period ends after it starts.")
    return new_record(
        Incident,
        new,
        id=incident_id,
        organization_id=organization_id,
        description=new.description.strip(),
        status=IncidentStatus.OPEN,
        opened_at=now,
    )


def close_incident(incident: Incident, note: str, now: datetime) -> Incident:
    """Closed with what was done (notifications made, key revoked); closing twice is a 409."""
    if incident.status is IncidentStatus.CLOSED:
        raise Conflict("incident-closed", "This incident is already closed.")
    if not note.strip():
        raise InvalidField("note", "Say what was done.")
    return next_version(
        incident, status=IncidentStatus.CLOSED, closed_at=now, closing_note=note.strip()
    )
