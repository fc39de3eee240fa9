"""Integration fixtures: one migrated throwaway database and one real service process per test
session. Tests are isolated by tenancy: each test makes its own organizations, and every query
of the service is scoped to the caller's organization, so no test can see another's rows."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import asyncpg
import httpx
import msgspec
import pytest

from tests.support.database import Db, fresh_database
from tests.support.server import cli, running_service, token_from


class Org(msgspec.Struct, frozen=True):
    id: str
    token: str
    key_id: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@pytest.fixture(scope="session")
def dsn() -> Iterator[str]:
    with fresh_database() as database_dsn:
        yield database_dsn


@pytest.fixture(scope="module")
def own_dsn() -> Iterator[str]:
    """A database of the test module's own, which no running service writes or sweeps: for
    tests that read the plans PostgreSQL runs, or watch rows a sweep would change meanwhile."""
    with fresh_database() as database_dsn:
        yield database_dsn


@pytest.fixture
async def connection(own_dsn: str) -> AsyncIterator[asyncpg.Connection]:
    """A plain connection to `own_dsn`."""
    connection = await asyncpg.connect(own_dsn)
    yield connection
    await connection.close()


@pytest.fixture(scope="session")
def db(dsn: str) -> Db:
    return Db(dsn)


# Webhook receivers in the tests listen on loopback, which the operator must allow; retries
# and sweeps are quickened so that the tests can watch them happen.
SERVICE_SETTINGS = {
    "key_cache_ttl_seconds": "2",
    "access_log": "false",
    "webhook_allowed_networks": "127.0.0.0/8,::1/128",
    "webhook_poll_seconds": "0.1",
    "webhook_timeout_seconds": "1",
    "webhook_retry_schedule": "0,0.3,0.6,0.9",
    "referral_sweep_seconds": "0.3",
    "reach_out_sweep_seconds": "0.3",
    "engagement_sweep_seconds": "0.3",
    # Schemathesis sends thousands of requests a minute with one key; test_rate_limits.py runs
    # its own service with a small quota.
    "rate_limit_quota": "10000000",
    "metrics_flush_seconds": "0.2",
    # Short, so that test_idempotency.py can watch a request pass its deadline.
    "idempotent_request_deadline_seconds": "4",
}


@pytest.fixture(scope="session")
def base_url(dsn: str) -> Iterator[str]:
    with running_service(dsn, **SERVICE_SETTINGS) as url:
        yield url


@pytest.fixture(scope="session")
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=10) as http:
        yield http


@pytest.fixture(scope="session")
def operator_token(dsn: str) -> str:
    return token_from(cli(dsn, "operator-key", "create", "--name", "tests"))


@pytest.fixture(scope="session")
def operator(operator_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {operator_token}"}


def make_org(client: httpx.Client, operator: dict[str, str], kind: str = "community_app") -> Org:
    response = client.post(
        "/v1/organizations",
        json={"name": f"Org {uuid.uuid4().hex[:8]}", "kind": kind},
        headers=operator,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    return Org(
        id=body["organization"]["id"],
        token=body["first_key"]["token"],
        key_id=body["first_key"]["key"]["id"],
    )


def make_key(client: httpx.Client, org: Org, scopes: list[str]) -> Org:
    response = client.post(
        "/v1/api-keys", json={"name": "limited", "scopes": scopes}, headers=org.headers
    )
    assert response.status_code == 201, response.text
    body = response.json()
    return Org(id=org.id, token=body["token"], key_id=body["key"]["id"])


@pytest.fixture
def org(client: httpx.Client, operator: dict[str, str]) -> Org:
    return make_org(client, operator)


@pytest.fixture
def other_org(client: httpx.Client, operator: dict[str, str]) -> Org:
    return make_org(client, operator, kind="clinic")


def create_member(client: httpx.Client, org: Org, **fields: Any) -> dict[str, Any]:
    body = {"display_name": "Sam", "timezone": "Europe/London", **fields}
    response = client.post("/v1/members", json=body, headers=org.headers)
    assert response.status_code == 201, response.text
    member: dict[str, Any] = response.json()
    return member


def shared_circle(client: httpx.Client, home: Org, focus_id: str, *partners: Org) -> str:
    """A circle around `focus_id` (a member of `home`) that each of `partners` takes part in."""
    network = client.post(
        "/v1/networks",
        json={"kind": "circle", "name": "Circle", "focus_member_id": focus_id},
        headers=home.headers,
    )
    assert network.status_code == 201, network.text
    network_id: str = network.json()["id"]
    for partner in partners:
        invited = client.post(
            f"/v1/networks/{network_id}/organizations",
            json={"organization_id": partner.id},
            headers=home.headers,
        )
        assert invited.status_code == 201, invited.text
        accepted = client.post(
            f"/v1/networks/{network_id}/invitation/accept", headers=partner.headers
        )
        assert accepted.status_code == 200, accepted.text
    return network_id


def join(client: httpx.Client, org: Org, network_id: str, member_id: str) -> dict[str, Any]:
    """`org` adds its own member to the network as a peer supporter (active at once)."""
    joined = client.post(
        f"/v1/networks/{network_id}/memberships",
        json={"member_id": member_id, "role": "peer_supporter"},
        headers=org.headers,
    )
    assert joined.status_code == 201, joined.text
    membership: dict[str, Any] = joined.json()
    return membership
