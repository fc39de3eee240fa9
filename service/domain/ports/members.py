"""Ports: Members."""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

from service.domain.members import Member
from service.domain.paging import Page, PageRequest


class MemberRepository(Protocol):
    async def add(self, member: Member) -> None:
        """Store a new member. Raises DuplicateExternalRef when the organization already has
        one with the same external_ref (the database decides, so two racing requests cannot
        both win): at once, or at the latest when the unit of work commits."""
        ...

    async def get_for_update(self, organization_id: UUID, member_id: UUID) -> Member | None:
        """The member of this organization, locked until the unit of work ends; else None."""
        ...

    async def get_any(self, member_id: UUID) -> Member | None:
        """The member whatever its organization: for rules that then decide who may see it."""
        ...

    async def get_any_for_share(self, member_id: UUID) -> Member | None:
        """As get_any, holding the member against erasure until the unit of work ends: for a
        write that stores text about the member, so that an erasure either sees that text
        (and removes it) or comes first (and the write finds the member erased)."""
        ...

    async def save(self, member: Member) -> None:
        """Write back a member loaded with get_for_update. Raises DuplicateExternalRef like add."""
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
