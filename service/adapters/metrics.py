"""Prometheus metrics. Each worker counts in memory (a dictionary increment per request) and
adds its counts to shared totals in PostgreSQL every few seconds, so `/metrics` answers the
same whichever worker (or machine) is asked, and a restart loses only the last few seconds."""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from typing import Protocol

import msgspec

# Request durations, in seconds.
BUCKETS: tuple[float, ...] = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

Labels = tuple[tuple[str, str], ...]

HELP: dict[str, tuple[str, str]] = {
    "http_requests_total": ("counter", "HTTP requests answered, by route and status."),
    "http_request_duration_seconds": ("histogram", "Time to answer an HTTP request."),
    "webhook_attempts_total": ("counter", "Webhook delivery attempts, by outcome."),
}


Gauge = tuple[str, str, dict[str, str], float]  # name, help, labels, value


class MetricsStore(Protocol):
    """Where every worker's counts add up (shared, so that any worker answers alike)."""

    async def add(self, rows: list[tuple[str, str, float]]) -> None:
        """Add these (name, labels, value) counts to the totals."""
        ...

    async def totals(self) -> list[tuple[str, str, float]]:
        """Every total so far."""
        ...

    async def gauges(self) -> list[Gauge]:
        """Values read from the data at scrape time."""
        ...


class Metrics:
    def __init__(self) -> None:
        self._counts: dict[tuple[str, Labels], float] = {}
        # The hot path: one increment per request, keyed by (method, route, status, bucket).
        self._requests: dict[tuple[str, str, int, int], int] = {}
        self._seconds: dict[tuple[str, str], float] = {}

    def inc(self, name: str, labels: Labels, value: float = 1.0) -> None:
        key = (name, labels)
        self._counts[key] = self._counts.get(key, 0.0) + value

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        key = (method, route, status, bisect.bisect_left(BUCKETS, seconds))
        self._requests[key] = self._requests.get(key, 0) + 1
        series = (method, route)
        self._seconds[series] = self._seconds.get(series, 0.0) + seconds

    def take(self) -> list[tuple[str, str, float]]:
        """What was counted since the last take, as (name, labels as JSON, value)."""
        counts, self._counts = self._counts, {}
        requests, self._requests = self._requests, {}
        seconds, self._seconds = self._seconds, {}
        for (method, route, status, bucket), n in requests.items():
            labels: Labels = (("method", method), ("route", route))
            le = "+Inf" if bucket == len(BUCKETS) else repr(BUCKETS[bucket])
            for name, named in (
                ("http_requests_total", (*labels, ("status", str(status)))),
                ("http_request_duration_seconds_count", labels),
                ("http_request_duration_seconds_bucket", (*labels, ("le", le))),
            ):
                counts[name, named] = counts.get((name, named), 0.0) + n
        for (method, route), total in seconds.items():
            named = (("method", method), ("route", route))
            key = ("http_request_duration_seconds_sum", named)
            counts[key] = counts.get(key, 0.0) + total
        return [
            (name, msgspec.json.encode(dict(labels)).decode(), value)
            for (name, labels), value in counts.items()
        ]

    def give_back(self, rows: Iterable[tuple[str, str, float]]) -> None:
        """A flush failed: keep its counts for the next one."""
        for name, labels, value in rows:
            self.inc(name, tuple(msgspec.json.decode(labels, type=dict[str, str]).items()), value)


def _label_text(labels: dict[str, str]) -> str:
    def escape(value: str) -> str:
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')

    return "{" + ",".join(f'{k}="{escape(v)}"' for k, v in labels.items()) + "}" if labels else ""


def _number(value: float) -> str:
    if math.isinf(value):
        return "+Inf"
    return repr(int(value)) if value == int(value) else repr(value)


def render(totals: Iterable[tuple[str, str, float]], gauges: Iterable[Gauge]) -> str:
    """The Prometheus text format (0.0.4) of the shared totals, and of gauges read now."""
    by_name: dict[str, list[tuple[dict[str, str], float]]] = {}
    for name, encoded, value in totals:
        labels = msgspec.json.decode(encoded, type=dict[str, str])
        by_name.setdefault(name, []).append((labels, value))
    lines: list[str] = []
    for name in sorted(n for n in by_name if not n.startswith("http_request_duration_seconds")):
        kind, text = HELP.get(name, ("counter", name))
        lines += [f"# HELP {name} {text}", f"# TYPE {name} {kind}"]
        for series, value in sorted(by_name[name], key=str):
            lines.append(f"{name}{_label_text(series)} {_number(value)}")
    lines += _histogram("http_request_duration_seconds", by_name)
    seen: set[str] = set()
    for name, text, gauge_labels, value in gauges:
        if name not in seen:
            lines += [f"# HELP {name} {text}", f"# TYPE {name} gauge"]
            seen.add(name)
        lines.append(f"{name}{_label_text(gauge_labels)} {_number(value)}")
    return "\n".join(lines) + "\n"


def _histogram(name: str, by_name: dict[str, list[tuple[dict[str, str], float]]]) -> list[str]:
    buckets: dict[tuple[tuple[str, str], ...], dict[str, float]] = {}
    for labels, value in by_name.get(f"{name}_bucket", []):
        le = labels.pop("le")
        buckets.setdefault(tuple(sorted(labels.items())), {})[le] = value
    sums = {tuple(sorted(lab.items())): v for lab, v in by_name.get(f"{name}_sum", [])}
    counts = {tuple(sorted(lab.items())): v for lab, v in by_name.get(f"{name}_count", [])}
    if not counts:
        return []
    kind, text = HELP[name]
    lines = [f"# HELP {name} {text}", f"# TYPE {name} {kind}"]
    for series in sorted(counts):
        running = 0.0
        per = buckets.get(series, {})
        for bound in [*(repr(b) for b in BUCKETS), "+Inf"]:
            running += per.get(bound, 0.0)
            labels = {**dict(series), "le": bound}
            lines.append(f"{name}_bucket{_label_text(labels)} {_number(running)}")
        lines.append(f"{name}_sum{_label_text(dict(series))} {_number(sums.get(series, 0.0))}")
        lines.append(f"{name}_count{_label_text(dict(series))} {_number(counts[series])}")
    return lines
