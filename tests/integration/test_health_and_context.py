"""Health probes, request ids, and errors that are never plain JSON."""

from __future__ import annotations

import json
import time

import httpx

from tests.integration.conftest import SERVICE_SETTINGS, Org, create_member
from tests.support.server import REPO, service_process


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


def test_the_access_log_names_route_templates_not_paths(
    dsn: str, client: httpx.Client, org: Org
) -> None:
    """Paths carry ids and, for cheers, a recovery date next to a member id: the access log
    records the route's template, and both request ids."""
    settings = {**SERVICE_SETTINGS, "access_log": "true", "log_level": "INFO", "log_format": "json"}
    member = create_member(client, org)
    with service_process(dsn, **settings) as service:
        path = f"/v1/members/{member['id']}/milestones/2023-03-01.30d/cheers"
        httpx.post(
            service.url + path,
            json={"author_member_id": member["id"], "message": "Well done"},
            headers={**org.headers, "X-Request-ID": "mine-1"},
        )
        httpx.get(service.url + f"/v1/members/{member['id']}", headers=org.headers)
        log = REPO / ".data" / "logs" / f"service-{service.url.rsplit(':', 1)[1]}.log"
        deadline = time.monotonic() + 5
        while log.read_text().count('"route": "/v1') < 2:
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        lines = [
            json.loads(line)
            for line in log.read_text().splitlines()
            if '"route": "/v1' in line  # not the readiness probes of the start
        ]
    text = json.dumps(lines)
    assert member["id"] not in text
    assert "2023-03-01" not in text
    routes = [line["route"] for line in lines]
    assert routes == [
        "/v1/members/{member_id}/milestones/{milestone_key}/cheers",
        "/v1/members/{member_id}",
    ]
    assert lines[0]["client_request_id"] == "mine-1"
    assert lines[0]["request_id"] != "mine-1"
