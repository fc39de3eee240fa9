"""Ports: Organizations and their API keys."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID

from service.domain.organizations import ApiKey, Organization
from service.domain.paging import Page, PageRequest


class OrganizationRepository(Protocol):
    async def add(self, organization: Organization) -> None:
        """Store a new organization."""
        ...

    async def get(self, organization_id: UUID) -> Organization | None:
        """The organization, or None."""
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
