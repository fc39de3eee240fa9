"""Ports: the shape every organization's record of a small aggregate shares (an incident, a
restriction, a request for an accounting): added, locked for a change, saved back; and, for a
member's records, read a page at a time."""

from __future__ import annotations

from typing import Protocol, TypeVar
from uuid import UUID

from service.domain.paging import Page, PageRequest

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


class LockableRecords(Protocol[R_co]):
    """Records an organization changes one at a time, locked while it does."""

    async def get_for_update(self, organization_id: UUID, record_id: UUID, /) -> R_co | None:
        """The organization's record, locked until the unit of work ends; None for another
        organization's or none."""
        ...


class OrganizationRecords(LockableRecords[R], Protocol[R]):
    """An organization's records of one kind, inside a unit of work."""

    async def add(self, record: R) -> None:
        """Store a new record."""
        ...

    async def save(self, record: R) -> None:
        """Store a record's changed state (its status, when it changed, its version)."""
        ...


class MemberRecords(OrganizationRecords[R], Protocol[R]):
    """Records about one member, kept by the member's home organization."""

    async def of_member(self, organization_id: UUID, member_id: UUID, page: PageRequest) -> Page[R]:
        """The member's records, oldest first (their home organization's only)."""
        ...
