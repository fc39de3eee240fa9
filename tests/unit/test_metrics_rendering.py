"""The Prometheus text the service renders from counts taken in a worker."""

from __future__ import annotations

from service.adapters.metrics import BUCKETS, Metrics, render


def _lines(text: str) -> dict[str, str]:
    return dict(line.rsplit(" ", 1) for line in text.splitlines() if not line.startswith("#"))


def test_histograms_are_cumulative_and_end_at_the_count() -> None:
    metrics = Metrics()
    for seconds in (0.001, 0.004, 0.02, 0.3, 30.0):
        metrics.observe_request("GET", "/v1/members", 200, seconds)
    metrics.observe_request("GET", "/v1/members", 404, 0.002)
    text = render(metrics.take(), [])
    lines = _lines(text)
    labels = 'method="GET",route="/v1/members"'
    assert lines[f'http_requests_total{{{labels},status="200"}}'] == "5"
    assert lines[f'http_requests_total{{{labels},status="404"}}'] == "1"
    assert lines[f'http_request_duration_seconds_bucket{{{labels},le="0.005"}}'] == "3"
    assert lines[f'http_request_duration_seconds_bucket{{{labels},le="0.025"}}'] == "4"
    assert lines[f'http_request_duration_seconds_bucket{{{labels},le="10.0"}}'] == "5"
    assert lines[f'http_request_duration_seconds_bucket{{{labels},le="+Inf"}}'] == "6"
    assert lines[f"http_request_duration_seconds_count{{{labels}}}"] == "6"
    assert float(lines[f"http_request_duration_seconds_sum{{{labels}}}"]) == sum(
        (0.001, 0.004, 0.02, 0.3, 30.0, 0.002)
    )
    assert len([k for k in lines if "_bucket" in k]) == len(BUCKETS) + 1
    assert "# TYPE http_request_duration_seconds histogram" in text
    assert metrics.take() == []  # taken once


def test_a_failed_flush_keeps_its_counts_and_labels_are_escaped() -> None:
    metrics = Metrics()
    metrics.inc("webhook_attempts_total", (("outcome", 'say "hi"\\'),))
    rows = metrics.take()
    metrics.give_back(rows)
    again = metrics.take()
    assert again == rows
    text = render(again, [("referrals", "Referrals.", {"status": "requested"}, 2.0)])
    assert 'webhook_attempts_total{outcome="say \\"hi\\"\\\\"} 1' in text
    assert 'referrals{status="requested"} 2' in text
