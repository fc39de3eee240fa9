"""The dispatchers of one process share their idle look (service/dispatching.py): while
nothing is due, one look per poll interval for all of them; once work is found, all of them
work at once."""

from __future__ import annotations

import asyncio

from service.dispatching import DispatcherPace, dispatch_in_turn

POLL = 0.05
WORKERS = 4


async def _run(dispatchers: list[asyncio.Task[None]], seconds: float) -> None:
    await asyncio.sleep(seconds)
    for task in dispatchers:
        task.cancel()
    await asyncio.gather(*dispatchers, return_exceptions=True)


async def test_idle_dispatchers_look_once_per_interval_between_them() -> None:
    looks = 0

    async def nothing_due() -> bool:
        nonlocal looks
        looks += 1
        await asyncio.sleep(0.001)
        return False

    pace = DispatcherPace(POLL)
    workers = [asyncio.create_task(dispatch_in_turn(pace, nothing_due)) for _ in range(WORKERS)]
    await _run(workers, 10 * POLL)
    # Each on its own would have looked about ten times: forty in all.
    assert 1 <= looks <= 12


async def test_work_found_by_one_look_wakes_every_dispatcher() -> None:
    queued = 20
    busy, most_at_once = 0, 0

    async def dispatch() -> bool:
        nonlocal queued, busy, most_at_once
        if queued == 0:
            return False
        queued -= 1
        busy += 1
        most_at_once = max(most_at_once, busy)
        await asyncio.sleep(0.01)  # a delivery's attempt
        busy -= 1
        return True

    pace = DispatcherPace(10.0)  # no second idle look within the test: only waking helps
    workers = [asyncio.create_task(dispatch_in_turn(pace, dispatch)) for _ in range(WORKERS)]
    await _run(workers, 0.3)
    assert queued == 0
    assert most_at_once == WORKERS


async def test_a_failing_look_is_retried_at_the_next_turn() -> None:
    calls = 0

    async def flaky() -> bool:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise ConnectionError("database restarting")
        return False

    pace = DispatcherPace(POLL)
    worker = asyncio.create_task(dispatch_in_turn(pace, flaky))
    await _run([worker], 3.5 * POLL)
    assert 2 <= calls <= 5
