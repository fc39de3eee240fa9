"""Ports: Recovery journeys, milestones and pledges."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from service.domain.members import Member
from service.domain.milestones import Cheer, CustomMilestone, Ladder
from service.domain.pledges import CheckIn, Pledge
from service.domain.recovery import ClosedPeriod


class RecoveryRepository(Protocol):
    async def closed_periods(self, member_id: UUID) -> list[ClosedPeriod]:
        """The member's finished recovery periods, oldest first."""
        ...

    async def add_closed_period(self, period: ClosedPeriod, organization_id: UUID) -> None:
        """Keep a period a restart closed."""
        ...


class MilestoneRepository(Protocol):
    async def due_members(self, now: datetime, limit: int) -> list[tuple[Member, Ladder]]:
        """Members whose next milestone is due (or not yet computed), with their home
        organization's ladder; claimed so that no other worker takes them."""
        ...

    async def announce(
        self,
        member_id: UUID,
        period_started_on: date,
        items: list[tuple[str, datetime]],
        now: datetime,
    ) -> set[str]:
        """Record the announcement of these (rung key, due at); returns the keys that were
        not announced before."""
        ...

    async def schedule(self, member: Member, next_at: datetime | None) -> None:
        """When to look at the member again (None: never, the ladder is finished), as the
        member is now: a later change to the member makes it due again."""
        ...

    async def ladder(self, organization_id: UUID) -> Ladder:
        """The organization's ladder (the default one unless replaced)."""
        ...

    async def set_ladder(self, organization_id: UUID, ladder: Ladder | None) -> None:
        """Replace the organization's ladder (None: back to the default)."""
        ...

    async def add_custom(self, milestone: CustomMilestone, organization_id: UUID) -> None:
        """Store a custom milestone."""
        ...

    async def custom(self, member_id: UUID, milestone_id: UUID) -> CustomMilestone | None:
        """One custom milestone of the member."""
        ...

    async def announced_keys(self, member_id: UUID) -> list[tuple[date, str, datetime]]:
        """(period start, rung key, due at) of every milestone announced for the member."""
        ...

    async def add_cheer(self, cheer: Cheer) -> None:
        """Store a cheer."""
        ...


class PledgeRepository(Protocol):
    async def add(self, pledge: Pledge) -> None:
        """Store a new pledge."""
        ...

    async def get(self, organization_id: UUID, pledge_id: UUID) -> Pledge | None:
        """A pledge of this (home) organization's member, not locked; else None."""
        ...

    async def get_for_update(self, organization_id: UUID, pledge_id: UUID) -> Pledge | None:
        """A pledge of this (home) organization's member, locked; else None. Lock its member
        first (members before pledges, as an erasure does), or the two can deadlock."""
        ...

    async def save(self, pledge: Pledge) -> None:
        """Write back a pledge's status."""
        ...

    async def check_ins(self, pledge_id: UUID) -> list[CheckIn]:
        """Every check-in of the pledge, superseded ones too, in period order."""
        ...

    async def add_check_in(self, check_in: CheckIn) -> None:
        """Store a check-in."""
        ...

    async def supersede(self, check_in: CheckIn) -> None:
        """Mark a check-in replaced by a correction (it stays in the history)."""
        ...

    async def due_for_sweep(self, now: datetime, limit: int) -> list[tuple[Pledge, str]]:
        """Active pledges due a look by the missed-period sweep, with the member's zone,
        claimed so that no other worker takes them."""
        ...

    async def schedule_sweep(self, pledge_id: UUID, at: datetime) -> None:
        """When the sweep should look at the pledge again."""
        ...
