"""How a process's webhook dispatchers take turns looking for work.

Several dispatchers run so that one slow receiver does not hold up the others. While nothing
is due they would each look once per poll interval, and every look costs the claim's probes
over every active endpoint; so one look per interval is shared by all of them: a look that
finds nothing stands for the whole process until the interval ends. A look that finds work
wakes every dispatcher, and each goes on until it finds nothing."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

logger = logging.getLogger(__name__)


class DispatcherPace:
    """The turn-taking shared by one process's dispatchers."""

    def __init__(self, poll_seconds: float, monotonic: Callable[[], float] = time.monotonic):
        self._poll = poll_seconds
        self._monotonic = monotonic
        self._next_idle_look = 0.0
        self._finds = 0
        self._woken = asyncio.Event()

    @property
    def finds(self) -> int:
        """How many looks have found work so far."""
        return self._finds

    def found(self) -> None:
        """A look found work: wake every dispatcher that is resting."""
        self._finds += 1
        self._woken.set()
        self._woken = asyncio.Event()

    async def turn(self, seen: int) -> int:
        """Wait until this dispatcher should look: at once if work was found since it last
        saw `seen` finds, otherwise when the shared idle look is due (which it then takes for
        everyone). Returns the finds it has now seen."""
        while True:
            if self._finds != seen:
                return self._finds
            now = self._monotonic()
            if now >= self._next_idle_look:
                self._next_idle_look = now + self._poll
                return seen
            woken = self._woken
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(woken.wait(), self._next_idle_look - now)


async def dispatch_in_turn(
    pace: DispatcherPace, dispatch_once: Callable[[], Awaitable[bool]]
) -> None:
    """One dispatcher: look when its turn comes, and go on while it finds work; survive
    failures (the next turn tries again)."""
    seen = pace.finds
    while True:
        seen = await pace.turn(seen)
        try:
            while await dispatch_once():
                pace.found()
                seen = pace.finds
        except Exception:
            logger.exception("dispatching webhooks failed; will retry")
