"""Ports: what the use cases need from the outside world. The PostgreSQL adapters and the test
fakes both satisfy these Protocols structurally; neither inherits from them."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from service.domain.events import Event
from service.domain.members import Member
from service.domain.organizations import ApiKey, Organization
from service.domain.paging import Page, PageRequest


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class IdSource(Protocol):
    def new_id(self) -> UUID:
        """A new unique id; time-ordered, so that keyset paging follows creation order."""
        ...


class TokenSource(Protocol):
    def new_token(self, prefix: str) -> str:
        """A new high-entropy secret token starting with `prefix`."""
        ...


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


class MemberRepository(Protocol):
    async def add(self, member: Member) -> None:
        """Store a new member. Raises DuplicateExternalRef when the organization already has
        one with the same external_ref (the database decides, so two racing requests cannot
        both win)."""
        ...

    async def get_for_update(self, organization_id: UUID, member_id: UUID) -> Member | None:
        """The member of this organization, locked until the unit of work ends; else None."""
        ...

    async def save(self, member: Member) -> None:
        """Write back a member loaded with get_for_update. Raises DuplicateExternalRef like add."""
        ...


class Outbox(Protocol):
    async def append(self, event: Event) -> None:
        """Record an event in the same transaction as the change it describes."""
        ...


class UnitOfWork(Protocol):
    """One transaction. Rolls back on leaving unless commit() was called. Re-entrant: an inner
    `async with` joins the outer transaction, and only the outermost commit is real."""

    @property
    def organizations(self) -> OrganizationRepository: ...

    @property
    def api_keys(self) -> ApiKeyRepository: ...

    @property
    def members(self) -> MemberRepository: ...

    @property
    def outbox(self) -> Outbox: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None:
        """Make everything done in this unit of work durable."""
        ...


class MemberQueries(Protocol):
    """Reads that need no transaction: one statement each, already scoped to the organization."""

    async def get(self, organization_id: UUID, member_id: UUID) -> Member | None:
        """The member if it belongs to this organization, else None."""
        ...

    async def list(
        self, organization_id: UUID, page: PageRequest, external_ref: str | None
    ) -> Page[Member]:
        """The organization's members in id order, after `page.after`."""
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
