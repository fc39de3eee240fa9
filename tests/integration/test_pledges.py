"""Pledges and check-ins over HTTP; the missed-period sweep with two workers."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime, timedelta

import httpx

from service.adapters.postgres.pool import open_pool
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.system import SystemClock, UuidV7Source
from service.usecases.pledge_sweep import sweep_missed
from tests.integration.conftest import Org, create_member, join, shared_circle
from tests.integration.test_every_endpoint import consent_body
from tests.support.database import Db


def _today() -> date:
    return datetime.now(UTC).date()


def _pledge(client: httpx.Client, org: Org, member_id: str, days_ago: int) -> dict[str, object]:
    response = client.post(
        f"/v1/members/{member_id}/pledges",
        json={
            "text": "No use today",
            "cadence": "daily",
            "starts_on": (_today() - timedelta(days=days_ago)).isoformat(),
        },
        headers=org.headers,
    )
    assert response.status_code == 201, response.text
    pledge: dict[str, object] = response.json()
    return pledge


def test_check_ins_streaks_and_corrections(client: httpx.Client, org: Org, db: Db) -> None:
    member = create_member(client, org, timezone="UTC")
    pledge = _pledge(client, org, member["id"], days_ago=1)
    url = f"/v1/pledges/{pledge['id']}/check-ins"
    yesterday = (_today() - timedelta(days=1)).isoformat()
    late = client.post(url, json={"period": yesterday, "outcome": "kept"}, headers=org.headers)
    assert late.status_code == 201, late.text  # within the 24-hour grace window
    today = client.post(
        url,
        json={"period": _today().isoformat(), "outcome": "kept", "note": "a good day"},
        headers=org.headers,
    )
    assert today.json()["current_streak"] == 2
    assert today.json()["kept_rate"] == 1.0
    again = client.post(url, json={"period": yesterday, "outcome": "partial"}, headers=org.headers)
    assert again.status_code == 409
    assert again.json()["type"].endswith("/already-checked-in")
    fixed = client.post(
        url,
        json={"period": yesterday, "outcome": "partial", "correction": True},
        headers=org.headers,
    )
    assert fixed.status_code == 201
    body = fixed.json()
    assert body["current_streak"] == 1
    assert [c["outcome"] for c in body["check_ins"] if c["superseded_at"] is None] == [
        "partial",
        "kept",
    ]
    assert len(body["check_ins"]) == 3  # the corrected one stays in the history
    future = client.post(
        url,
        json={"period": (_today() + timedelta(days=2)).isoformat(), "outcome": "kept"},
        headers=org.headers,
    )
    assert future.status_code == 422
    before = client.post(
        url,
        json={"period": (_today() - timedelta(days=5)).isoformat(), "outcome": "kept"},
        headers=org.headers,
    )
    assert before.status_code == 422
    types = [
        r["type"]
        for r in db.fetch(
            "SELECT type FROM outbox_events WHERE subject_id = $1 ORDER BY position",
            uuid.UUID(str(pledge["id"])),
        )
    ]
    assert types == ["pledge.created"] + ["pledge.checked_in"] * 3


def test_withdrawn_pledges_take_no_check_ins(client: httpx.Client, org: Org, db: Db) -> None:
    member = create_member(client, org, timezone="UTC")
    pledge = _pledge(client, org, member["id"], days_ago=0)
    scheduled = "SELECT count(*) FROM pledge_sweep_schedule WHERE pledge_id = $1"
    assert db.fetchval(scheduled, uuid.UUID(str(pledge["id"]))) == 1  # the sweep will look
    withdrawn = client.patch(
        f"/v1/pledges/{pledge['id']}",
        json={"status": "withdrawn"},
        headers={**org.headers, "If-Match": '"1"'},
    )
    assert withdrawn.status_code == 200
    assert db.fetchval(scheduled, uuid.UUID(str(pledge["id"]))) == 0  # nothing left to sweep
    response = client.post(
        f"/v1/pledges/{pledge['id']}/check-ins",
        json={"period": _today().isoformat(), "outcome": "kept"},
        headers=org.headers,
    )
    assert response.status_code == 409


def test_another_organization_needs_the_pledges_scope(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    member = create_member(client, org, timezone="UTC")
    pledge = _pledge(client, org, member["id"], days_ago=0)
    client.post(
        f"/v1/pledges/{pledge['id']}/check-ins",
        json={"period": _today().isoformat(), "outcome": "kept", "note": "private"},
        headers=org.headers,
    )
    url = f"/v1/members/{member['id']}/pledges"
    assert client.get(url, headers=other_org.headers).status_code == 404
    foreign_check_in = client.post(
        f"/v1/pledges/{pledge['id']}/check-ins",
        json={"period": _today().isoformat(), "outcome": "missed", "correction": True},
        headers=other_org.headers,
    )
    assert foreign_check_in.status_code == 404
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["pledges"]),
        headers=org.headers,
    )
    seen = client.get(url, headers=other_org.headers)
    assert seen.status_code == 200
    assert seen.json()["data"][0]["check_ins"][0]["note"] is None
    assert "private" not in seen.text


def test_two_workers_record_each_missed_period_once(
    client: httpx.Client, org: Org, db: Db, dsn: str
) -> None:
    member = create_member(client, org, timezone="UTC")
    pledge = _pledge(client, org, member["id"], days_ago=5)
    client.post(
        f"/v1/pledges/{pledge['id']}/check-ins",
        json={"period": _today().isoformat(), "outcome": "kept"},
        headers=org.headers,
    )

    async def two_workers() -> None:
        database = await open_pool(dsn, min_size=2, max_size=4)
        try:
            clock, ids, grace = SystemClock(), UuidV7Source(), timedelta(hours=24)
            await asyncio.gather(
                sweep_missed(PostgresUnitOfWork(database, clock, ids), grace),
                sweep_missed(PostgresUnitOfWork(database, clock, ids), grace),
            )
        finally:
            await database.close()

    due_now = "UPDATE pledge_sweep_schedule SET sweep_at = '-infinity' WHERE pledge_id = $1"
    row = "SELECT xmin::text AS version, p::text AS content FROM pledges p WHERE id = $1"
    row_before = db.fetchrow_dict(row, uuid.UUID(str(pledge["id"])))
    db.execute(due_now, uuid.UUID(str(pledge["id"])))
    asyncio.run(two_workers())
    db.execute(due_now, uuid.UUID(str(pledge["id"])))
    asyncio.run(two_workers())  # as after a restart: nothing twice
    # The sweep keeps its schedule in its own rows: the pledge row is never rewritten.
    assert db.fetchrow_dict(row, uuid.UUID(str(pledge["id"]))) == row_before
    pledge_id = uuid.UUID(str(pledge["id"]))
    missed = db.fetch(
        "SELECT period_start FROM check_ins WHERE pledge_id = $1 AND by_sweep ORDER BY 1",
        pledge_id,
    )
    events = db.fetch(
        "SELECT data->>'period_start' AS day FROM outbox_events "
        "WHERE subject_id = $1 AND type = 'pledge.missed' ORDER BY 1",
        pledge_id,
    )
    # Days whose grace window has passed: five days ago up to two days ago, at least.
    assert [r["period_start"].isoformat() for r in missed] == [r["day"] for r in events]
    assert len(events) == len({r["day"] for r in events})
    assert (_today() - timedelta(days=5)).isoformat() in [r["day"] for r in events]
    assert _today().isoformat() not in [r["day"] for r in events]


def test_a_members_pledges_are_paged_by_cursor(client: httpx.Client, org: Org) -> None:
    member = create_member(client, org, timezone="UTC")
    made = sorted(str(_pledge(client, org, member["id"], days_ago=d)["id"]) for d in range(5))
    # One check-in on each pledge but the second, each with a note naming its pledge: a
    # check-in shown under another pledge, or lost at a page edge, would show.
    for pledge_id in made[:1] + made[2:]:
        checked = client.post(
            f"/v1/pledges/{pledge_id}/check-ins",
            json={"period": _today().isoformat(), "outcome": "kept", "note": pledge_id},
            headers=org.headers,
        )
        assert checked.status_code == 201, checked.text
    url = f"/v1/members/{member['id']}/pledges"
    notes: dict[str, list[str]] = {}
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get(url, params=params, headers=org.headers)
        assert page.status_code == 200, page.text
        body = page.json()
        assert len(body["data"]) <= 2
        seen += [p["id"] for p in body["data"]]
        notes |= {p["id"]: [c["note"] for c in p["check_ins"]] for p in body["data"]}
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert (seen, pages) == (made, 3)
    assert notes == {pledge_id: [pledge_id] for pledge_id in made} | {made[1]: []}
    everything = client.get(url, headers=org.headers).json()
    assert [p["id"] for p in everything["data"]] == made
    assert everything["next_cursor"] is None
    for bad in (
        {"limit": 0},
        {"limit": 101},
        {"limit": "two"},
        {"cursor": "not-one-of-ours!!!!!!!"},
    ):
        refused = client.get(url, params=bad, headers=org.headers)
        assert refused.status_code == 400, (bad, refused.text)


def test_naming_another_organizations_supporter_needs_a_consent_covering_networks(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    """Found from outside: a milestones-only consent was enough to name a supporter, which
    tells whether that person is active in the network."""
    member = create_member(client, org)
    network_id = shared_circle(client, org, member["id"], other_org)
    supporter = create_member(client, other_org, display_name="Supporter")
    join(client, other_org, network_id, supporter["id"])
    body = {
        "text": "Call my supporter every Sunday",
        "cadence": "weekly",
        "starts_on": _today().isoformat(),
        "network_id": network_id,
        "supporter_member_id": supporter["id"],
    }
    url = f"/v1/members/{member['id']}/pledges"
    for scopes in (None, ["milestones"], ["profile", "pledges", "recovery"]):
        if scopes:
            granted = client.post(
                f"/v1/members/{supporter['id']}/consents",
                json=consent_body(org.id, scopes),
                headers=other_org.headers,
            )
            assert granted.status_code == 201, granted.text
        refused = client.post(url, json=body, headers=org.headers)
        assert refused.status_code == 422, (scopes, refused.text)
        assert refused.json()["errors"][0]["field"] == "supporter_member_id"
    assert client.get(url, headers=org.headers).json()["data"] == []
    client.post(
        f"/v1/members/{supporter['id']}/consents",
        json=consent_body(org.id, ["networks"]),
        headers=other_org.headers,
    )
    made = client.post(url, json=body, headers=org.headers)
    assert made.status_code == 201, made.text
