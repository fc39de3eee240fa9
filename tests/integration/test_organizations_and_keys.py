"""Organizations (operator) and API keys."""

from __future__ import annotations

import time
import uuid

import httpx

from tests.integration.conftest import Org, make_key, make_org
from tests.support.database import Db


def test_operator_creates_an_organization_with_a_working_first_key(
    client: httpx.Client, operator: dict[str, str], db: Db
) -> None:
    response = client.post(
        "/v1/organizations", json={"name": "Harbor Clinic", "kind": "clinic"}, headers=operator
    )
    assert response.status_code == 201
    body = response.json()
    assert body["organization"]["name"] == "Harbor Clinic"
    assert body["organization"]["kind"] == "clinic"
    token = body["first_key"]["token"]
    assert token.startswith("snk_")
    assert sorted(body["first_key"]["key"]["scopes"]) == [
        "consents:read",
        "consents:write",
        "keys:manage",
        "members:read",
        "members:write",
        "networks:read",
        "networks:write",
        "referrals:read",
        "referrals:write",
        "webhooks:manage",
    ]
    # Only a hash is stored: the token appears nowhere in the database.
    stored = db.fetch(
        "SELECT * FROM api_keys WHERE organization_id = $1", uuid.UUID(body["organization"]["id"])
    )
    assert len(stored) == 1
    assert token not in repr(dict(stored[0]))
    assert bytes(stored[0]["secret_hash"]) != token.encode()
    own = client.get(
        f"/v1/organizations/{body['organization']['id']}",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert own.status_code == 200
    assert own.json() == body["organization"]


def test_an_organization_key_cannot_create_organizations(
    client: httpx.Client, org: Org, db: Db
) -> None:
    before = db.snapshot()
    response = client.post(
        "/v1/organizations", json={"name": "Sneaky", "kind": "clinic"}, headers=org.headers
    )
    assert response.status_code == 403
    assert db.snapshot() == before


def test_unknown_kind_is_400(client: httpx.Client, operator: dict[str, str]) -> None:
    response = client.post(
        "/v1/organizations", json={"name": "X", "kind": "hospital-ish"}, headers=operator
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "kind"


def test_keys_are_listed_without_secrets(client: httpx.Client, org: Org) -> None:
    extra = make_key(client, org, ["members:read"])
    response = client.get("/v1/api-keys", headers=org.headers)
    assert response.status_code == 200
    listed = response.json()["data"]
    assert {k["id"] for k in listed} == {org.key_id, extra.key_id}
    assert all("token" not in k and "secret_hash" not in k for k in listed)
    assert extra.token not in response.text


def test_a_key_cannot_grant_scopes_it_lacks(client: httpx.Client, org: Org, db: Db) -> None:
    manager = make_key(client, org, ["keys:manage", "members:read"])
    before = db.snapshot()
    response = client.post(
        "/v1/api-keys",
        json={"name": "escalate", "scopes": ["members:write"]},
        headers=manager.headers,
    )
    assert response.status_code == 403
    assert db.snapshot() == before


def test_revoked_key_is_refused_at_once_by_the_worker_that_revoked_it(
    client: httpx.Client, org: Org
) -> None:
    victim = make_key(client, org, ["members:read"])
    assert client.get("/v1/members", headers=victim.headers).status_code == 200  # now cached
    revoked = client.delete(f"/v1/api-keys/{victim.key_id}", headers=org.headers)
    assert revoked.status_code == 204
    response = client.get("/v1/members", headers=victim.headers)
    assert response.status_code == 401
    listed = {k["id"]: k for k in client.get("/v1/api-keys", headers=org.headers).json()["data"]}
    assert listed[victim.key_id]["revoked_at"] is not None
    # Revoking twice is harmless.
    assert client.delete(f"/v1/api-keys/{victim.key_id}", headers=org.headers).status_code == 204


def test_a_key_revoked_behind_the_cache_stops_working_within_the_ttl(
    client: httpx.Client, org: Org, db: Db
) -> None:
    """Another worker revoked it (here: straight in the database). The test service runs with
    a 2-second key cache TTL."""
    victim = make_key(client, org, ["members:read"])
    assert client.get("/v1/members", headers=victim.headers).status_code == 200
    db.execute("UPDATE api_keys SET revoked_at = now() WHERE id = $1", uuid.UUID(victim.key_id))
    deadline = time.monotonic() + 5
    while client.get("/v1/members", headers=victim.headers).status_code == 200:
        assert time.monotonic() < deadline, "revocation not effective within the TTL"
        time.sleep(0.2)
    assert client.get("/v1/members", headers=victim.headers).status_code == 401


def test_an_organization_sees_only_itself(
    client: httpx.Client, org: Org, other_org: Org, operator: dict[str, str]
) -> None:
    assert client.get(f"/v1/organizations/{other_org.id}", headers=org.headers).status_code == 404
    third = make_org(client, operator, kind="peer_org")
    assert (
        client.get(f"/v1/organizations/{third.id}", headers=operator).json()["kind"] == "peer_org"
    )


def test_a_key_cannot_revoke_itself(client: httpx.Client, org: Org) -> None:
    response = client.delete(f"/v1/api-keys/{org.key_id}", headers=org.headers)
    assert response.status_code == 409
    assert response.json()["type"].endswith("/cannot-revoke-own-key")
    assert client.get("/v1/api-keys", headers=org.headers).status_code == 200


def test_a_key_can_be_read_back_with_its_etag(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    key = make_key(client, org, ["members:read"])
    response = client.get(f"/v1/api-keys/{key.key_id}", headers=org.headers)
    assert response.status_code == 200
    assert response.json()["id"] == key.key_id
    assert response.json()["scopes"] == ["members:read"]
    assert response.headers["etag"] == '"1"'
    assert key.token not in response.text
    assert client.get(f"/v1/api-keys/{key.key_id}", headers=other_org.headers).status_code == 404
    client.delete(f"/v1/api-keys/{key.key_id}", headers=org.headers)
    revoked = client.get(f"/v1/api-keys/{key.key_id}", headers=org.headers)
    assert revoked.status_code == 410
    assert revoked.json()["revoked_at"] is not None
    listed = {k["id"]: k for k in client.get("/v1/api-keys", headers=org.headers).json()["data"]}
    assert listed[key.key_id]["version"] == 2
    organization = client.get(f"/v1/organizations/{org.id}", headers=org.headers)
    assert organization.headers["etag"] == '"1"'


def test_a_key_cannot_revoke_a_key_with_scopes_it_lacks(
    client: httpx.Client, org: Org, db: Db
) -> None:
    """Found from outside: a keys:manage-only key revoked the organization's full-scope key."""
    manager = make_key(client, org, ["keys:manage"])
    before = db.snapshot()
    refused = client.delete(f"/v1/api-keys/{org.key_id}", headers=manager.headers)
    assert refused.status_code == 403, refused.text
    assert refused.json()["type"].endswith("/missing-scope")
    assert db.snapshot() == before
    assert client.get("/v1/members", headers=org.headers).status_code == 200
    # What it could have made itself, it may revoke; the full-scope key may revoke it.
    peer = make_key(client, org, ["keys:manage"])
    assert client.delete(f"/v1/api-keys/{peer.key_id}", headers=manager.headers).status_code == 204
    assert client.delete(f"/v1/api-keys/{manager.key_id}", headers=org.headers).status_code == 204


def test_the_operator_key_creates_and_reads_organizations_and_nothing_else(
    client: httpx.Client, operator: dict[str, str]
) -> None:
    made = make_org(client, operator)
    assert client.get(f"/v1/organizations/{made.id}", headers=operator).status_code == 200
    for path in ("/v1/members", "/v1/api-keys", "/v1/events", "/v1/networks", "/v1/referrals"):
        assert client.get(path, headers=operator).status_code == 403, path
