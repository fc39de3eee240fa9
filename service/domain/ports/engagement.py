"""Ports: noticing when someone drifts away."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from service.domain.disengagement import Activity, Engagement, Evaluated, Thresholds


class EngagementRepository(Protocol):
    async def due(self, now: datetime, limit: int) -> list[Engagement]:
        """Members whose daily evaluation is due at `now`, claimed for this transaction:
        several workers share them (SKIP LOCKED), none twice."""
        ...

    async def activity(self, members: Sequence[tuple[UUID, date]]) -> dict[UUID, Activity]:
        """What each member did up to the local day given with them (a member with nothing
        has an Activity that holds nothing)."""
        ...

    async def thresholds(self, organization_ids: Sequence[UUID]) -> dict[UUID, Thresholds]:
        """The organizations' thresholds (the defaults, version 0, for one that set none)."""
        ...

    async def save_thresholds(
        self, organization_id: UUID, thresholds: Thresholds, now: datetime
    ) -> None:
        """Store the organization's thresholds."""
        ...

    async def save(self, evaluated: Sequence[Evaluated]) -> None:
        """Write back claimed members' evaluations, all in one statement."""
        ...
