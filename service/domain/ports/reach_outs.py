"""Ports: Reach-outs."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID

from service.domain.accounting import Viewing
from service.domain.reach_outs import (
    ReachOut,
    ReachOutSettings,
    Response,
    ResponseTimes,
    SeenReachOut,
)


class ReachOutRepository(Protocol):
    async def circles_around(self, member_id: UUID) -> list[UUID]:
        """The active circles the member is the focus of: those a reach-out may ask."""
        ...

    async def settings(self, organization_id: UUID) -> ReachOutSettings:
        """The organization's escalation windows and crisis resources (the defaults, version
        0, if it never set them)."""
        ...

    async def save_settings(
        self, organization_id: UUID, settings: ReachOutSettings, now: datetime
    ) -> None:
        """Store the organization's settings (version 1 is a first setting)."""
        ...

    async def add(self, reach_out: ReachOut) -> None:
        """Store a new reach-out."""
        ...

    async def get_for_update(
        self, viewer: UUID, reach_out_id: UUID, now: datetime, *, home_only: bool
    ) -> ReachOut | None:
        """The reach-out, locked, if the viewer is its home organization or (unless
        `home_only`) in its audience at `now`: an active supporter of its own in a circle
        asked, under a consent from the member in force covering `reach_outs`. Else None."""
        ...

    async def asked(self, reach_out: ReachOut, organization_id: UUID) -> list[UUID]:
        """The organization's own members asked by the reach-out: active supporters (any
        role but the focus) in the circles it asked, the organization taking part."""
        ...

    async def add_response(self, response: Response) -> None:
        """Keep a response (every one, `cannot_now` too)."""
        ...

    async def save(self, reach_out: ReachOut) -> None:
        """Write back a reach-out loaded with get_for_update or claimed by a sweep."""
        ...

    async def due_to_escalate(self, now: datetime, limit: int) -> list[ReachOut]:
        """Open, unanswered, unescalated reach-outs whose window ran out by `now`, claimed
        for this transaction: several workers share them (SKIP LOCKED), none twice."""
        ...

    async def due_to_expire(self, opened_before: datetime, limit: int) -> list[ReachOut]:
        """Open reach-outs opened at or before `opened_before`, claimed the same way."""
        ...


class ReachOutQueries(Protocol):
    async def get(self, viewing: Viewing, reach_out_id: UUID) -> SeenReachOut | None:
        """The reach-out as the viewer may see it (ReachOutRepository.get_for_update's rule),
        else None; a read by another organization than the home one is recorded as a
        disclosure of the member, under the consents that allowed it, in the same statement."""
        ...

    async def response_times(
        self,
        organization_id: UUID,
        since: datetime,
        until: datetime,
        network_id: UUID | None,
    ) -> ResponseTimes:
        """How the reach-outs the organization opened in [since, until) were answered (only
        those that asked `network_id`, if given): reach_outs.response_times, in SQL."""
        ...
