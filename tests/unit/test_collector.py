"""A worker's cyclic collector stays off the request path: the objects of the requests in
flight are not scanned after every few hundred allocations, and cycles are still collected.
Each check runs in a Python process of its own, whose collector it may change."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from typing import Any

import msgspec

from service.adapters.http.app import MIDDLE_GENERATION_THRESHOLD, YOUNG_GENERATION_THRESHOLD

# Requests come in bursts: a batch of eight starts (their objects allocated), and the oldest
# batch ends (freed), with 64 requests in flight; then some cycles are left behind, more
# than the threshold.
_WORKLOAD = """
import gc, json
from collections import deque
from service.adapters.http.app import YOUNG_GENERATION_THRESHOLD, {setup}
{call}
young = lambda: gc.get_stats()[0]["collections"]

class Request:
    def __init__(self, n):
        self.headers = {{"n": [n]}}

in_flight = deque()
before = young()
for n in range(2_000):
    in_flight.append([Request(n) for _ in range(8 * 50)])
    if len(in_flight) > 8:
        in_flight.popleft()
bursts = young() - before

class Node:
    def __init__(self):
        self.me = self
before_cycles = sum(s["collected"] for s in gc.get_stats())
for _ in range(2 * YOUNG_GENERATION_THRESHOLD):
    Node()
collected = sum(s["collected"] for s in gc.get_stats()) - before_cycles
print(json.dumps({{"bursts": bursts, "collected": collected}}))
"""


def _in_a_process_of_its_own(code: str) -> dict[str, Any]:
    """What `code`, run by a Python of its own, printed last (a JSON object)."""
    output = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    result: dict[str, Any] = msgspec.json.decode(output.strip().splitlines()[-1])
    return result


def _run(*, kept_off: bool) -> dict[str, Any]:
    return _in_a_process_of_its_own(
        _WORKLOAD.format(
            setup="keep_the_collector_off_the_request_path",
            call="keep_the_collector_off_the_request_path()" if kept_off else "",
        )
    )


def test_short_lived_objects_do_not_make_the_collector_scan_the_requests_in_flight() -> None:
    default = _run(kept_off=False)
    kept_off = _run(kept_off=True)
    # Python's default threshold (700) collects the youngest generation at nearly every
    # burst, each time scanning what the requests in flight hold.
    assert default["bursts"] > 1_000
    assert kept_off["bursts"] == 0


def test_cycles_past_the_threshold_are_still_collected() -> None:
    kept_off = _run(kept_off=True)
    # Objects that only refer to themselves, twice the threshold: collected as they pass
    # it, not kept.
    assert kept_off["collected"] >= YOUNG_GENERATION_THRESHOLD


_WORKER_STARTS = """
import asyncio, gc, json
from contextlib import asynccontextmanager
from service.config import Settings
from service.adapters.http.app import create_app

@asynccontextmanager
async def services():
    yield object()

app = create_app(Settings.from_env({}), services, lambda error: False)

async def main():
    before = gc.get_threshold()[0]
    async with app.lifespan():
        print(json.dumps({"before": before, "during": gc.get_threshold(),
                          "frozen": gc.get_freeze_count()}))

asyncio.run(main())
"""


def test_a_worker_sets_the_collector_when_it_starts() -> None:
    """What the lifespan of every worker does (each is a process of its own), here with a
    stand-in for the services it opens."""
    started = _in_a_process_of_its_own(_WORKER_STARTS)
    assert started["before"] == 700  # Python's default, until the worker is built
    assert started["during"] == [YOUNG_GENERATION_THRESHOLD, MIDDLE_GENERATION_THRESHOLD, 10]
    # What was built is out of the collector's passes.
    assert started["frozen"] > 10_000
