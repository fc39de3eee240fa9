"""Ports: a member's restrictions (42 CFR 2.26)."""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

from service.domain.paging import Page, PageRequest
from service.domain.restrictions import Restriction


class RestrictionRepository(Protocol):
    async def add(self, restriction: Restriction) -> None:
        """Store a member's requested restriction."""
        ...

    async def get_for_update(
        self, organization_id: UUID, restriction_id: UUID
    ) -> Restriction | None:
        """The home organization's restriction, locked; None for another's or none."""
        ...

    async def save(self, restriction: Restriction) -> None:
        """Store a restriction's new status."""
        ...

    async def agreed_for(self, member_id: UUID) -> list[Restriction]:
        """The member's agreed restrictions, which every consent of theirs honours."""
        ...

    async def of_member(
        self, organization_id: UUID, member_id: UUID, page: PageRequest
    ) -> Page[Restriction]:
        """The member's restrictions, oldest first (their home organization's only)."""
        ...
