"""Rate limits per API key, shared by every worker through PostgreSQL without a round trip
per request.

Each worker counts the requests it serves and, every Settings.rate_limit_sync_seconds, adds
its counts to a shared row per key and window and reads back the total of all workers. Between
two syncs it knows the others' counts as of the last one: together the workers can overshoot a
quota by what they serve in one sync interval, never more."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Protocol
from uuid import UUID

from service.domain.rate_limits import Decision, RateLimitPolicy, decide, window_start

logger = logging.getLogger(__name__)


class SharedCounts(Protocol):
    async def add(self, window_start: int, increments: dict[UUID, int]) -> dict[UUID, int]:
        """Add this worker's counts; every worker's totals back."""
        ...

    async def forget_before(self, window_start: int) -> None:
        """Drop the counts of windows that ended long ago."""
        ...


class RateLimiter:
    def __init__(
        self,
        policy: RateLimitPolicy,
        counts: SharedCounts,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.policy = policy
        self._counts = counts
        self._clock = clock
        self._window: int | None = None
        self._local: dict[UUID, int] = {}  # counted here since the last sync
        self._sending: dict[UUID, int] = {}  # counted here, being added by a sync under way
        self._shared: dict[UUID, int] = {}  # every worker's total at the last sync
        self.policy_header = f'"default";q={policy.quota};w={policy.window_seconds}'
        self.policy_field = (b"ratelimit-policy", self.policy_header.encode())

    @property
    def enabled(self) -> bool:
        return self.policy.quota > 0

    def check(self, key_id: UUID) -> Decision:
        """Count one request of this key, if it fits in the quota."""
        now = self._clock()
        start = window_start(self.policy, now)
        if start != self._window:
            self._window, self._local, self._sending, self._shared = start, {}, {}, {}
        used = (
            self._shared.get(key_id, 0) + self._sending.get(key_id, 0) + self._local.get(key_id, 0)
        )
        decision = decide(self.policy, used, now)
        if decision.allowed:
            self._local[key_id] = self._local.get(key_id, 0) + 1
        return decision

    def header(self, decision: Decision) -> str:
        return f'"default";r={decision.remaining};t={decision.reset_seconds}'

    async def sync(self) -> int:
        """Add this worker's counts to the shared ones and learn every worker's totals."""
        if self._window != window_start(self.policy, self._clock()):
            # No request since the window ended: what it counted no longer matters.
            self._window, self._local, self._sending, self._shared = None, {}, {}, {}
        window, counted = self._window, self._local
        if window is None:
            return 0
        # Until the totals come back, what is being added is in neither `_local` nor
        # `_shared`: it is kept in `_sending` so that requests served meanwhile still see it.
        self._local, self._sending = {}, counted
        # Keys seen in this window but quiet since the last sync: read their totals too.
        increments = dict.fromkeys(self._shared, 0) | counted
        try:
            # Shielded: a sync cancelled at shutdown still adds what it took, and the last
            # sync after it sends only what came later (nothing lost, nothing counted twice).
            totals = await asyncio.shield(self._counts.add(window, increments))
        except Exception:
            if self._window == window:  # keep what was counted for the next try
                for key_id, n in counted.items():
                    self._local[key_id] = self._local.get(key_id, 0) + n
                self._sending = {}
            raise
        if self._window == window:
            self._shared, self._sending = totals, {}
        return 0

    async def forget_old_windows(self) -> int:
        now = self._clock()
        await self._counts.forget_before(window_start(self.policy, now) - 3600)
        return 0
