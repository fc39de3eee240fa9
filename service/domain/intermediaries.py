"""Intermediaries (42 CFR 2.11, 2.31(a)(4)(ii)): an organization that receives records to pass
them on to its participants, such as a health information exchange. The platform's operator
records who takes part in one, as their agreements say; a consent to an intermediary reaches
only those taking part in it at the time of each read. One record per participant: when it
joined last, and when it stopped (none while it takes part); what it received meanwhile is in
the accounting of disclosures."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec

from service.domain.errors import InvalidField
from service.domain.organizations import Organization, OrganizationKind
from service.domain.records import next_version


class IntermediaryParticipant(msgspec.Struct, frozen=True, kw_only=True):
    intermediary_organization_id: UUID
    participant_organization_id: UUID
    joined_at: datetime
    version: int
    ended_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.ended_at is None


class NamedParticipant(msgspec.Struct, frozen=True, kw_only=True):
    """A participant's record, with the participant as it is now (its name and kind)."""

    record: IntermediaryParticipant
    participant: Organization


def take_part(
    intermediary: Organization,
    participant: Organization,
    existing: IntermediaryParticipant | None,
    now: datetime,
) -> IntermediaryParticipant:
    """The participant takes part in the intermediary from now (again, if it had ended; as it
    was, if it takes part already)."""
    if intermediary.kind is not OrganizationKind.INTERMEDIARY:
        raise InvalidField(
            "organization_id", "Only an organization of kind intermediary has participants."
        )
    if participant.id == intermediary.id:
        raise InvalidField("participant_id", "An intermediary does not take part in itself.")
    if existing is None:
        return IntermediaryParticipant(
            intermediary_organization_id=intermediary.id,
            participant_organization_id=participant.id,
            joined_at=now,
            version=1,
        )
    if existing.active:
        return existing
    return next_version(existing, joined_at=now, ended_at=None)


def stop_taking_part(existing: IntermediaryParticipant, now: datetime) -> IntermediaryParticipant:
    """From now, consents to the intermediary no longer reach the participant (as it was, if
    it had stopped already: ending twice is ending once)."""
    if not existing.active:
        return existing
    return next_version(existing, ended_at=now)
