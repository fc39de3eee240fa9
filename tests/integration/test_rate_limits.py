"""Rate limits per API key against real services: a small quota, fixed 4-second windows, and
two service processes sharing one count through PostgreSQL."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from tests.integration.conftest import SERVICE_SETTINGS, Org, make_key, make_org
from tests.support.database import fresh_database
from tests.support.server import cli, service_process, token_from

WINDOW = 4
LIMITED = {
    **SERVICE_SETTINGS,
    "rate_limit_quota": "5",
    "rate_limit_window_seconds": str(WINDOW),
    "rate_limit_sync_seconds": "0.1",
}


def start_of_a_window() -> None:
    """Wait for a fresh window, so that the requests of a test fall in one."""
    time.sleep(WINDOW - time.time() % WINDOW + 0.05)


@pytest.fixture(scope="module")
def limited_dsn() -> Iterator[str]:
    with fresh_database() as dsn:
        yield dsn


@pytest.fixture(scope="module")
def operator_headers(limited_dsn: str) -> dict[str, str]:
    token = token_from(cli(limited_dsn, "operator-key", "create", "--name", "limits"))
    return {"Authorization": f"Bearer {token}"}


def test_a_key_past_its_quota_gets_429_until_the_window_ends(
    limited_dsn: str, operator_headers: dict[str, str]
) -> None:
    with (
        service_process(limited_dsn, **LIMITED) as service,
        httpx.Client(base_url=service.url) as client,
    ):
        org: Org = make_org(client, operator_headers)
        reader = make_key(client, org, ["members:read"])
        start_of_a_window()
        answers = [client.get("/v1/members", headers=reader.headers) for _ in range(6)]
        assert [a.status_code for a in answers] == [200] * 5 + [429]
        assert answers[0].headers["ratelimit-policy"] == f'"default";q=5;w={WINDOW}'
        remaining = [a.headers["ratelimit"].split(";")[1] for a in answers[:5]]
        assert remaining == ["r=4", "r=3", "r=2", "r=1", "r=0"]
        refused = answers[5]
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["type"].endswith("/rate-limited")
        assert 1 <= int(refused.headers["retry-after"]) <= WINDOW
        # Another key of the same organization has its own quota.
        assert client.get("/v1/members", headers=org.headers).status_code == 200
        time.sleep(int(refused.headers["retry-after"]) + 0.1)
        assert client.get("/v1/members", headers=reader.headers).status_code == 200


def test_two_services_share_one_quota(limited_dsn: str, operator_headers: dict[str, str]) -> None:
    with (
        service_process(limited_dsn, **LIMITED) as first,
        service_process(limited_dsn, **LIMITED) as second,
        httpx.Client(base_url=first.url) as one,
        httpx.Client(base_url=second.url) as two,
    ):
        org = make_org(one, operator_headers)
        start_of_a_window()
        assert [one.get("/v1/members", headers=org.headers).status_code for _ in range(4)] == [
            200
        ] * 4
        time.sleep(0.5)  # the first service adds its 4 to the shared count
        assert two.get("/v1/members", headers=org.headers).status_code == 200
        time.sleep(0.5)  # the second adds its 1 and learns the total: 5
        assert two.get("/v1/members", headers=org.headers).status_code == 429
        assert one.get("/v1/members", headers=org.headers).status_code == 429
