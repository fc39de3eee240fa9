"""GET /metrics: Prometheus text, request counts per route (never per id), latency histograms,
gauges read from the data, and the optional token."""

from __future__ import annotations

import httpx

from tests.integration.conftest import SERVICE_SETTINGS, Org, create_member
from tests.support.database import fresh_database
from tests.support.server import service_process
from tests.support.waiting import wait_until


def samples(text: str) -> dict[str, float]:
    found = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            found[name] = float(value)
    return found


def test_requests_are_counted_per_route_with_their_latency(client: httpx.Client, org: Org) -> None:
    member = create_member(client, org)
    before = samples(client.get("/metrics").text)
    series = 'http_requests_total{method="GET",route="/v1/members/{member_id}",status="200"}'
    for _ in range(3):
        assert client.get(f"/v1/members/{member['id']}", headers=org.headers).status_code == 200
    # A flush (every 0.2 s in the tests) adds them to the shared totals.
    wait_until(
        lambda: samples(client.get("/metrics").text).get(series, 0) - before.get(series, 0) >= 3
    )
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    after = samples(response.text)
    assert after[series] - before.get(series, 0) >= 3
    assert member["id"] not in response.text  # routes, never ids
    labels = 'method="GET",route="/v1/members/{member_id}"'
    buckets = [
        value
        for name, value in after.items()
        if name.startswith("http_request_duration_seconds_bucket{" + labels)
    ]
    assert buckets == sorted(buckets)  # cumulative
    assert (
        after[f'http_request_duration_seconds_bucket{{{labels},le="+Inf"}}']
        == after[f"http_request_duration_seconds_count{{{labels}}}"]
    )
    assert after[f"http_request_duration_seconds_sum{{{labels}}}"] > 0
    assert "# TYPE webhook_deliveries_pending gauge" in response.text
    assert after["outbox_last_position"] > 0  # read from the data, whichever worker answers


def test_the_metrics_token_guards_the_scrape() -> None:
    with (
        fresh_database() as dsn,
        service_process(dsn, **SERVICE_SETTINGS, metrics_token="scrape-me") as service,
        httpx.Client(base_url=service.url) as client,
    ):
        assert client.get("/metrics").status_code == 401
        wrong = client.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = client.get("/metrics", headers={"Authorization": "Bearer scrape-me"})
        assert right.status_code == 200
        assert "# TYPE outbox_last_position gauge" in right.text
