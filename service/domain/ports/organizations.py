"""Ports: Organizations and their API keys."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID

from service.domain.intermediaries import IntermediaryParticipant, NamedParticipant
from service.domain.organizations import ApiKey, Organization, OrganizationKind
from service.domain.paging import Page, PageRequest


class OrganizationRepository(Protocol):
    async def add(self, organization: Organization) -> None:
        """Store a new organization."""
        ...

    async def get(self, organization_id: UUID) -> Organization | None:
        """The organization, or None."""
        ...


class IntermediaryRepository(Protocol):
    async def participant_for_update(
        self, intermediary_id: UUID, participant_id: UUID
    ) -> IntermediaryParticipant | None:
        """The participant's record of taking part in the intermediary (ended or not), locked;
        None if it never took part."""
        ...

    async def save(self, participant: IntermediaryParticipant) -> None:
        """Store a participant's record, new or changed."""
        ...

    async def participants(
        self, intermediary_id: UUID, page: PageRequest
    ) -> Page[NamedParticipant]:
        """One page of the organizations that take or took part in the intermediary, in the
        participants' id order, each with its name and kind as they are now."""
        ...

    async def participants_now(self, intermediary_id: UUID) -> dict[UUID, OrganizationKind]:
        """The organizations taking part in the intermediary now, with their kinds."""
        ...


class ApiKeyRepository(Protocol):
    async def add(self, key: ApiKey) -> None:
        """Store a new key (its hash, never its secret)."""
        ...

    async def get(self, organization_id: UUID, key_id: UUID) -> ApiKey | None:
        """One key of one organization, or None (also when it belongs to another one)."""
        ...

    async def revoke(self, organization_id: UUID, key_id: UUID, now: datetime) -> None:
        """Mark the key revoked; a key already revoked keeps its first revocation time."""
        ...


class ApiKeyQueries(Protocol):
    async def find_by_hash(self, secret_hash: bytes) -> ApiKey | None:
        """The key whose secret hashes to `secret_hash`, revoked or not; None if unknown."""
        ...

    async def get(self, organization_id: UUID, key_id: UUID) -> ApiKey | None:
        """One key of this organization, or None."""
        ...

    async def list(self, organization_id: UUID, page: PageRequest) -> Page[ApiKey]:
        """The organization's keys, revoked ones included, in id order."""
        ...
