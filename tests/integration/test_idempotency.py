"""Idempotency-Key on creating POSTs."""

from __future__ import annotations

import asyncio
import hashlib
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import pytest

from tests.integration.conftest import Org, create_member
from tests.support.database import Db

BODY = {"display_name": "Sam", "timezone": "Europe/London", "external_ref": "idem-1"}


def _post(client: httpx.Client, org: Org, key: str, body: dict[str, Any]) -> httpx.Response:
    return client.post("/v1/members", json=body, headers={**org.headers, "Idempotency-Key": key})


def test_retry_with_same_key_and_body_replays_the_first_response(
    client: httpx.Client, org: Org, db: Db
) -> None:
    first = _post(client, org, "key-1", BODY)
    assert first.status_code == 201
    before = db.snapshot()
    again = _post(client, org, "key-1", BODY)
    assert again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["location"] == first.headers["location"]
    assert again.headers["idempotent-replayed"] == "true"
    assert db.snapshot() == before  # nothing created twice


def test_same_key_with_another_body_is_422(client: httpx.Client, org: Org, db: Db) -> None:
    assert _post(client, org, "key-2", BODY).status_code == 201
    before = db.snapshot()
    response = _post(client, org, "key-2", {**BODY, "display_name": "Someone else"})
    assert response.status_code == 422
    assert response.json()["type"].endswith("/idempotency-key-reused")
    assert db.snapshot() == before


def test_keys_are_scoped_to_the_organization(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    mine = _post(client, org, "shared-key", BODY)
    theirs = _post(client, other_org, "shared-key", BODY)
    assert mine.status_code == theirs.status_code == 201
    assert mine.json()["id"] != theirs.json()["id"]
    assert "idempotent-replayed" not in theirs.headers


def _fingerprint(path: str, body: bytes) -> bytes:
    return hashlib.sha256(b"POST " + path.encode() + b"\n" + body).digest()


def _claim(db: Db, org: Org, key: str, fingerprint: bytes, locked_until: datetime) -> None:
    now = datetime.now(UTC)
    db.execute(
        "INSERT INTO idempotency_keys (scope_id, key, fingerprint, state, claim_token, "
        "locked_until, created_at, expires_at) VALUES ($1, $2, $3, 'in_flight', $4, $5, $6, $7)",
        uuid.UUID(org.id),
        key,
        fingerprint,
        uuid.uuid4(),
        locked_until,
        now,
        now + timedelta(hours=24),
    )


def test_while_a_claim_of_the_earlier_kind_runs_a_retry_is_409(
    client: httpx.Client, org: Org, db: Db
) -> None:
    """A committed claim, as versions before the held key wrote them (during a rolling
    upgrade both run): honoured until its lease runs out."""
    raw = b'{"display_name":"Sam","timezone":"UTC"}'
    running = datetime.now(UTC) + timedelta(minutes=1)
    _claim(db, org, "busy", _fingerprint("/v1/members", raw), running)
    before = db.snapshot()
    response = client.post(
        "/v1/members",
        content=raw,
        headers={**org.headers, "Idempotency-Key": "busy", "Content-Type": "application/json"},
    )
    assert response.status_code == 409
    assert response.json()["type"].endswith("/idempotency-key-in-flight")
    # Retry-After: what is left of the claim.
    assert 55 <= int(response.headers["retry-after"]) <= 60
    assert db.snapshot() == before


# This database's only: another one on the same server (a bench's, say) takes its own.
_ADVISORY_LOCKS_HERE = (
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
)


async def test_a_key_is_held_while_its_request_runs_and_let_go_at_its_deadline(
    base_url: str, dsn: str, org: Org
) -> None:
    """The request holds its key in its own transaction (no claim written): a retry meanwhile
    is a 409; a request still running at its deadline (4 s in the tests) answers 503, and its
    key is free again, with nothing stored."""
    body = {"display_name": "Sam", "timezone": "UTC", "external_ref": "slow-1"}
    headers = {**org.headers, "Idempotency-Key": "slow"}
    admin = await asyncpg.connect(dsn)
    try:
        async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
            holder = admin.transaction()
            await holder.start()
            # The request's insert waits for this transaction to end, to know whether its
            # external reference is taken; the request took its key just before, in the same
            # statement.
            await admin.execute(
                "INSERT INTO members (id, organization_id, display_name, timezone, external_ref, "
                "version, created_at, updated_at) "
                "VALUES ($1, $2, 'Holder', 'UTC', 'slow-1', 1, now(), now())",
                uuid.uuid4(),
                uuid.UUID(org.id),
            )
            started = time.monotonic()
            pending = asyncio.create_task(http.post("/v1/members", json=body, headers=headers))
            held = 0
            for _ in range(100):
                held = await admin.fetchval(f"{_ADVISORY_LOCKS_HERE} AND granted")
                if held:
                    break
                await asyncio.sleep(0.05)
            assert held == 1
            retry = await http.post("/v1/members", json=body, headers=headers)
            assert retry.status_code == 409
            assert retry.json()["type"].endswith("/idempotency-key-in-flight")
            assert int(retry.headers["retry-after"]) == 1
            # Held, not written: nothing of the key is in the table.
            assert (
                await admin.fetchval(
                    "SELECT count(*) FROM idempotency_keys WHERE scope_id = $1 AND key = 'slow'",
                    uuid.UUID(org.id),
                )
                == 0
            )
            late = await pending
            waited = time.monotonic() - started
            await holder.rollback()
        assert late.status_code == 503, late.text
        assert late.json()["type"].endswith("/busy")
        assert "retry-after" in late.headers
        assert 3.5 <= waited < 8
        assert await admin.fetchval(_ADVISORY_LOCKS_HERE) == 0
    finally:
        await admin.close()
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        again = await http.post("/v1/members", json=body, headers=headers)
    assert again.status_code == 201
    assert "idempotent-replayed" not in again.headers


def test_a_claim_of_the_earlier_kind_whose_lease_ran_out_is_taken_over(
    client: httpx.Client, org: Org, db: Db
) -> None:
    raw = b'{"display_name":"Sam","timezone":"UTC"}'
    expired = datetime.now(UTC) - timedelta(seconds=1)
    _claim(db, org, "died", _fingerprint("/v1/members", raw), expired)
    response = client.post(
        "/v1/members",
        content=raw,
        headers={**org.headers, "Idempotency-Key": "died", "Content-Type": "application/json"},
    )
    assert response.status_code == 201
    state = db.fetchval(
        "SELECT state FROM idempotency_keys WHERE scope_id = $1 AND key = 'died'", uuid.UUID(org.id)
    )
    assert state == "completed"


def test_a_failed_request_releases_its_key(client: httpx.Client, org: Org) -> None:
    bad = _post(client, org, "retry-me", {"display_name": "Sam", "timezone": "Nowhere/Land"})
    assert bad.status_code == 422
    fixed = _post(client, org, "retry-me", {"display_name": "Sam", "timezone": "Nowhere/Land"})
    assert fixed.status_code == 422  # ran again, not replayed
    assert "idempotent-replayed" not in fixed.headers


def test_key_creation_replay_never_shows_the_secret_again(client: httpx.Client, org: Org) -> None:
    headers = {**org.headers, "Idempotency-Key": "new-key"}
    body = {"name": "ci", "scopes": ["members:read"]}
    first = client.post("/v1/api-keys", json=body, headers=headers)
    assert first.status_code == 201
    assert first.json()["token"].startswith("snk_")
    again = client.post("/v1/api-keys", json=body, headers=headers)
    assert again.status_code == 201
    assert again.json()["token"] is None
    assert again.json()["key"] == first.json()["key"]


def test_oversized_key_is_400(client: httpx.Client, org: Org) -> None:
    response = _post(client, org, "k" * 256, BODY)
    assert response.status_code == 400


def test_concurrent_retries_create_exactly_one_member(
    client: httpx.Client, org: Org, db: Db
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    body = {"display_name": "Racer", "timezone": "UTC"}

    def attempt(_: int) -> httpx.Response:
        with httpx.Client(base_url=str(client.base_url), timeout=10) as own:
            return _post(own, org, "race", body)

    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(attempt, range(8)))
    statuses = sorted(r.status_code for r in responses)
    assert set(statuses) <= {201, 409}
    created_ids = {r.json()["id"] for r in responses if r.status_code == 201}
    assert len(created_ids) == 1
    count = db.fetchval(
        "SELECT count(*) FROM members WHERE organization_id = $1 AND display_name = 'Racer'",
        uuid.UUID(org.id),
    )
    assert count == 1


def test_the_same_json_spelled_differently_is_the_same_request(
    client: httpx.Client, org: Org
) -> None:
    headers = {**org.headers, "Idempotency-Key": "spelling", "Content-Type": "application/json"}
    first = client.post(
        "/v1/members", content=b'{"display_name":"Sam","timezone":"UTC"}', headers=headers
    )
    again = client.post(
        "/v1/members",
        content=b'{ "timezone" : "UTC",\n  "display_name" : "Sam" }',
        headers=headers,
    )
    assert first.status_code == again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]


def test_erasure_reaches_stored_responses(client: httpx.Client, org: Org, db: Db) -> None:
    body = {
        "display_name": "Private Name",
        "timezone": "UTC",
        "contact": {"email": "p@example.org"},
    }
    created = _post(client, org, "erase-me", body)
    assert created.status_code == 201
    assert (
        client.delete(f"/v1/members/{created.json()['id']}", headers=org.headers).status_code == 204
    )
    replay = _post(client, org, "erase-me", body)
    assert replay.status_code == 410
    assert replay.json()["type"].endswith("/resource-erased")
    assert "Private Name" not in replay.text
    stored = db.fetchrow_dict(
        "SELECT response_body, response_status FROM idempotency_keys "
        "WHERE scope_id = $1 AND key = 'erase-me'",
        uuid.UUID(org.id),
    )
    assert stored == {"response_body": None, "response_status": 410}


def test_a_deleted_webhook_endpoint_is_not_replayed_as_created(
    client: httpx.Client, org: Org
) -> None:
    # Schemathesis' stateful phase replayed a create after the endpoint's deletion: the 201
    # named an endpoint that no longer exists (its DELETE then answered 404).
    headers = {**org.headers, "Idempotency-Key": "endpoint-then-gone"}
    body = {"url": "http://127.0.0.1:9/gone"}
    created = client.post("/v1/webhook-endpoints", json=body, headers=headers)
    assert created.status_code == 201, created.text
    endpoint = created.json()["endpoint"]["id"]
    deleted = client.delete(f"/v1/webhook-endpoints/{endpoint}", headers=org.headers)
    assert deleted.status_code == 204
    replay = client.post("/v1/webhook-endpoints", json=body, headers=headers)
    assert replay.status_code == 410, replay.text
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert endpoint not in replay.text


# The creating POSTs of 42 CFR Part 2's records: each replays its first answer under its key,
# and refuses another body under it. (path, body, another body)
def _part2_create(what: str, member_id: str, today: str) -> tuple[str, Any, Any]:
    if what == "restriction":
        body = {"scopes": ["pledges"], "requested_on": today}
        return f"/v1/members/{member_id}/restrictions", body, {**body, "scopes": ["recovery"]}
    if what == "accounting-request":
        body = {"received_on": today, "received_via": "written"}
        path = f"/v1/members/{member_id}/accounting-requests"
        return path, body, {**body, "received_via": "electronic"}
    body = {
        "kind": "suspected_breach",
        "description": "A lost laptop",
        "since": f"{today}T00:00:00Z",
    }
    return "/v1/incidents", body, {**body, "description": "A stolen laptop"}


@pytest.mark.parametrize("what", ["restriction", "accounting-request", "incident"])
def test_part2_records_are_created_once_under_a_key(
    client: httpx.Client, org: Org, db: Db, what: str
) -> None:
    member = create_member(client, org)
    today = datetime.now(UTC).date().isoformat()
    _created_once_under_a_key(
        client, org, db, f"part2-{what}", *_part2_create(what, member["id"], today)
    )


def _created_once_under_a_key(
    client: httpx.Client, org: Org, db: Db, key: str, path: str, body: Any, another: Any
) -> None:
    """The same key and body replay the first answer; another body under it is a 422; nothing
    is written twice."""
    headers = {**org.headers, "Idempotency-Key": key}
    first = client.post(path, json=body, headers=headers)
    before = db.snapshot()

    again = client.post(path, json=body, headers=headers)
    other = client.post(path, json=another, headers=headers)

    assert first.status_code == 201, first.text
    assert again.status_code == 201, again.text
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert other.status_code == 422, other.text
    assert other.json()["type"].endswith("/idempotency-key-reused")
    assert db.snapshot() == before  # nothing created twice


def _other_creates(
    client: httpx.Client, org: Org, other_org: Org, what: str
) -> tuple[str, Any, Any]:
    """The other creating POSTs: (path, body, another body), after what each needs exists."""
    start = datetime.now(UTC).date() - timedelta(days=10)
    member = create_member(client, org, timezone="UTC", recovery_started_on=start.isoformat())
    today = datetime.now(UTC).date().isoformat()
    if what == "pledge":
        body = {"text": "No use today", "cadence": "daily", "starts_on": today}
        return f"/v1/members/{member['id']}/pledges", body, {**body, "text": "Call Sam"}
    if what == "check-in":
        pledge = client.post(
            f"/v1/members/{member['id']}/pledges",
            json={"text": "No use today", "cadence": "daily", "starts_on": today},
            headers=org.headers,
        ).json()
        body = {"period": today, "outcome": "kept"}
        return f"/v1/pledges/{pledge['id']}/check-ins", body, {**body, "outcome": "missed"}
    if what == "custom milestone":
        body = {"title": "First meeting chaired", "achieved_on": today}
        path = f"/v1/members/{member['id']}/custom-milestones"
        return path, body, {**body, "title": "Second meeting chaired"}
    if what == "cheer":
        body = {"author_member_id": member["id"], "message": "A week!"}
        path = f"/v1/members/{member['id']}/milestones/current.7d/cheers"
        return path, body, {**body, "message": "Seven days!"}
    network = client.post(
        "/v1/networks", json={"kind": "group", "name": "Tuesday group"}, headers=org.headers
    ).json()
    body = {"organization_id": other_org.id}
    return f"/v1/networks/{network['id']}/organizations", body, {"organization_id": org.id}


@pytest.mark.parametrize("what", ["pledge", "check-in", "custom milestone", "cheer", "invitation"])
def test_every_other_creating_post_is_created_once_under_a_key(
    client: httpx.Client, org: Org, other_org: Org, db: Db, what: str
) -> None:
    key = f"other-{what.replace(' ', '-')}"
    _created_once_under_a_key(client, org, db, key, *_other_creates(client, org, other_org, what))
