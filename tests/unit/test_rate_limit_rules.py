"""Fixed-window rate limits: the decision, and the limiter's local and shared counts."""

from __future__ import annotations

import asyncio
from uuid import UUID

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.adapters.http.rate_limit import RateLimiter
from service.config import Settings
from service.domain.rate_limits import RateLimitPolicy, decide, window_start

POLICY = RateLimitPolicy(quota=5, window_seconds=60)
KEY, OTHER = UUID(int=1), UUID(int=2)


@given(st.integers(min_value=0, max_value=20), st.floats(min_value=0, max_value=2e9))
def test_a_request_fits_while_the_quota_lasts(used: int, now: float) -> None:
    decision = decide(POLICY, used, now)
    assert decision.allowed == (used < POLICY.quota)
    assert decision.remaining == max(POLICY.quota - used - 1, 0)
    assert 0 < decision.reset_seconds <= POLICY.window_seconds
    assert window_start(POLICY, now) + POLICY.window_seconds - int(now) <= 60


class FakeCounts:
    """The shared table: totals per (window, key)."""

    def __init__(self) -> None:
        self.totals: dict[tuple[int, UUID], int] = {}

    async def add(self, window_start: int, increments: dict[UUID, int]) -> dict[UUID, int]:
        for key_id, n in increments.items():
            self.totals[window_start, key_id] = self.totals.get((window_start, key_id), 0) + n
        return {k: self.totals[window_start, k] for k in increments}

    async def forget_before(self, window_start: int) -> None:
        self.totals = {k: v for k, v in self.totals.items() if k[0] >= window_start}


async def test_workers_share_one_quota_through_the_shared_counts() -> None:
    now = [1_000_020.0]
    counts = FakeCounts()
    first = RateLimiter(POLICY, counts, clock=lambda: now[0])
    second = RateLimiter(POLICY, counts, clock=lambda: now[0])
    assert [first.check(KEY).allowed for _ in range(3)] == [True, True, True]
    await first.sync()
    assert second.check(KEY).allowed
    await second.sync()
    # The second worker now knows of the first one's 3 (+ its own 1): one left.
    assert second.check(KEY).allowed
    assert not second.check(KEY).allowed
    assert second.check(OTHER).allowed  # another key has its own quota
    await second.sync()
    await first.sync()
    assert not first.check(KEY).allowed
    now[0] += 60  # the next window
    assert first.check(KEY).remaining == POLICY.quota - 1


class SlowCounts(FakeCounts):
    """A shared table whose answer waits until the test lets it through."""

    def __init__(self) -> None:
        super().__init__()
        self.arrived, self.release = asyncio.Event(), asyncio.Event()

    async def add(self, window_start: int, increments: dict[UUID, int]) -> dict[UUID, int]:
        self.arrived.set()
        await self.release.wait()
        return await super().add(window_start, increments)


async def test_requests_served_during_a_sync_still_count_what_it_is_adding() -> None:
    counts = SlowCounts()
    limiter = RateLimiter(POLICY, counts, clock=lambda: 1_000_020.0)
    assert [limiter.check(KEY).remaining for _ in range(2)] == [4, 3]
    sync = asyncio.create_task(limiter.sync())
    await counts.arrived.wait()
    # The two counted requests are on their way to the shared table, not forgotten.
    assert [limiter.check(KEY).remaining for _ in range(2)] == [2, 1]
    counts.release.set()
    await sync
    assert [limiter.check(KEY).remaining for _ in range(2)] == [0, 0]
    assert [limiter.check(KEY).allowed] == [False]


class FailingCounts(FakeCounts):
    async def add(self, window_start: int, increments: dict[UUID, int]) -> dict[UUID, int]:
        raise ConnectionError("database away")


async def test_a_failed_sync_keeps_its_counts_for_the_next_one() -> None:
    limiter = RateLimiter(POLICY, FailingCounts(), clock=lambda: 1_000_020.0)
    limiter.check(KEY)
    with pytest.raises(ConnectionError):
        await limiter.sync()
    assert limiter.check(KEY).remaining == 3


async def test_an_idle_worker_stops_writing_to_a_window_that_ended() -> None:
    now = [1_000_020.0]
    counts = FakeCounts()
    limiter = RateLimiter(POLICY, counts, clock=lambda: now[0])
    limiter.check(KEY)
    await limiter.sync()
    assert counts.totals == {(1_000_020 // 60 * 60, KEY): 1}
    now[0] += 60
    await limiter.sync()
    await limiter.sync()
    assert counts.totals == {(1_000_020 // 60 * 60, KEY): 1}  # nothing new, nothing revived


def test_windows_and_intervals_must_be_positive() -> None:
    for name in ("SN_RATE_LIMIT_WINDOW_SECONDS", "SN_METRICS_FLUSH_SECONDS"):
        with pytest.raises((ValueError, msgspec.ValidationError)):
            Settings.from_env({name: "0"})
    assert Settings.from_env({"SN_RATE_LIMIT_WINDOW_SECONDS": "30"}).rate_limit_window_seconds == 30
