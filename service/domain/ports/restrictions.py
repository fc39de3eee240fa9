"""Ports: a member's restrictions (42 CFR 2.26)."""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

from service.domain.ports.records import MemberRecords
from service.domain.restrictions import Restriction


class RestrictionRepository(MemberRecords[Restriction], Protocol):
    """A member's requested, agreed, denied and ended restrictions."""

    async def agreed_for(self, member_id: UUID) -> list[Restriction]:
        """The member's agreed restrictions, which every consent of theirs honours."""
        ...
