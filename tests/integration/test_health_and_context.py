"""Health probes, request ids, and errors that are never plain JSON."""

from __future__ import annotations

import httpx

from tests.integration.conftest import Org


def test_health(client: httpx.Client) -> None:
    assert client.get("/health/live").json() == {"status": "ok"}
    ready = client.get("/health/ready")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok"}


def test_request_id_is_echoed_or_made(client: httpx.Client, org: Org) -> None:
    echoed = client.get("/v1/members", headers={**org.headers, "X-Request-ID": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"
    made = client.get("/v1/members", headers=org.headers)
    again = client.get("/v1/members", headers=org.headers)
    assert len(made.headers["x-request-id"]) == 32
    assert made.headers["x-request-id"] != again.headers["x-request-id"]
    # A hostile id (too long, odd characters) is replaced, not echoed.
    hostile = client.get("/health/live", headers={"X-Request-ID": "x" * 500})
    assert hostile.headers["x-request-id"] != "x" * 500
    unknown_path = client.get("/nowhere")
    assert unknown_path.status_code == 404
    assert "x-request-id" in unknown_path.headers
    assert unknown_path.headers["content-type"] == "application/problem+json"


def test_wrong_method_is_a_problem_with_allow(client: httpx.Client, org: Org) -> None:
    response = client.put("/v1/members", headers=org.headers)
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"
    assert "GET" in response.headers["allow"]
