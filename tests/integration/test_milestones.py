"""Milestones over HTTP, and their announcement by two workers at once."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from service.adapters.postgres.pool import open_pool
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.system import SystemClock, UuidV7Source
from service.usecases.milestones import announce_due_milestones
from tests.integration.conftest import Org, create_member, join, shared_circle
from tests.integration.test_every_endpoint import consent_body
from tests.support.database import Db
from tests.support.waiting import wait_until

ZONE = "America/New_York"


def _today() -> date:
    return datetime.now(UTC).astimezone(ZoneInfo(ZONE)).date()


def test_reached_milestones_with_their_periods_and_the_next_one(
    client: httpx.Client, org: Org
) -> None:
    start = _today() - timedelta(days=40)
    member = create_member(client, org, timezone=ZONE, recovery_started_on=start.isoformat())
    url = f"/v1/members/{member['id']}/milestones"
    body = client.get(url, headers=org.headers).json()
    assert [m["label"] for m in body["reached"]] == ["24 hours", "7 days", "30 days"]
    assert all(m["period_started_on"] == start.isoformat() for m in body["reached"])
    assert body["reached"][2]["key"] == f"{start.isoformat()}.30d"
    assert body["reached"][2]["achieved_on"] == (start + timedelta(days=30)).isoformat()
    assert body["next"]["label"] == "60 days"
    assert body["next"]["due_on"] == (start + timedelta(days=60)).isoformat()

    restart_day = _today() - timedelta(days=8)
    client.post(
        f"/v1/members/{member['id']}/recovery-restarts",
        json={"restarted_on": restart_day.isoformat()},
        headers=org.headers,
    )
    after = client.get(url, headers=org.headers).json()
    periods = {(m["period_started_on"], m["label"]) for m in after["reached"]}
    # The first period's milestones stay, with their period; the new one has its own.
    assert (start.isoformat(), "30 days") in periods
    assert (restart_day.isoformat(), "7 days") in periods
    assert after["next"]["label"] == "30 days"


def test_two_workers_announce_each_milestone_once(
    client: httpx.Client, org: Org, db: Db, dsn: str
) -> None:
    # Seven days ago: the 7-day milestone falls due today, the 24-hour one six days ago.
    member = create_member(
        client, org, timezone=ZONE, recovery_started_on=(_today() - timedelta(days=7)).isoformat()
    )

    async def two_workers() -> None:
        database = await open_pool(dsn, min_size=2, max_size=4)
        try:
            clock, ids = SystemClock(), UuidV7Source()
            for _ in range(3):
                await asyncio.gather(
                    announce_due_milestones(PostgresUnitOfWork(database, clock, ids)),
                    announce_due_milestones(PostgresUnitOfWork(database, clock, ids)),
                )
        finally:
            await database.close()

    row_before = db.fetchrow_dict(
        "SELECT xmin::text AS version, m::text AS content FROM members m WHERE id = $1",
        uuid.UUID(member["id"]),
    )
    asyncio.run(two_workers())
    asyncio.run(two_workers())  # a restart of the service changes nothing either
    # The sweep keeps its schedule in its own rows: the member row is never rewritten (a
    # rewrite made concurrent snapshots of members differ, and a test flaky).
    row_after = db.fetchrow_dict(
        "SELECT xmin::text AS version, m::text AS content FROM members m WHERE id = $1",
        uuid.UUID(member["id"]),
    )
    assert row_after == row_before
    rows = db.fetch(
        "SELECT data->>'label' AS label FROM outbox_events "
        "WHERE subject_id = $1 AND type = 'milestone.reached' ORDER BY position",
        uuid.UUID(member["id"]),
    )
    # Announced once each; the one reached days before the member was recorded, quietly.
    assert [r["label"] for r in rows] == ["7 days"]
    stored = db.fetch(
        "SELECT rung_key FROM milestone_announcements WHERE member_id = $1 ORDER BY due_at",
        uuid.UUID(member["id"]),
    )
    assert [r["rung_key"] for r in stored] == ["24h", "7d"]
    due = db.fetchval(
        "SELECT due_at FROM milestone_schedule WHERE member_id = $1", uuid.UUID(member["id"])
    )
    assert due is not None


def test_another_organization_needs_the_milestones_scope(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    member = create_member(
        client, org, timezone=ZONE, recovery_started_on=(_today() - timedelta(days=10)).isoformat()
    )
    url = f"/v1/members/{member['id']}/milestones"
    assert client.get(url, headers=other_org.headers).status_code == 404
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["milestones"]),
        headers=org.headers,
    )
    seen = client.get(url, headers=other_org.headers)
    assert seen.status_code == 200
    assert [m["label"] for m in seen.json()["reached"]] == ["24 hours", "7 days"]
    logged = client.get(f"/v1/members/{member['id']}/disclosures", headers=org.headers).json()[
        "data"
    ]
    assert [(d["operation"], d["scopes"]) for d in logged] == [("getMilestones", ["milestones"])]


def test_custom_milestones_and_cheers_from_the_network(
    client: httpx.Client, org: Org, other_org: Org, db: Db
) -> None:
    member = create_member(
        client, org, timezone=ZONE, recovery_started_on=(_today() - timedelta(days=10)).isoformat()
    )
    custom = client.post(
        f"/v1/members/{member['id']}/custom-milestones",
        json={"title": "Back at work", "achieved_on": _today().isoformat()},
        headers=org.headers,
    )
    assert custom.status_code == 201
    peer = create_member(client, org, display_name="Peer")
    key = f"{(_today() - timedelta(days=10)).isoformat()}.7d"
    cheer_url = f"/v1/members/{member['id']}/milestones/{key}/cheers"
    not_yet = client.post(
        cheer_url, json={"author_member_id": peer["id"], "message": "Go!"}, headers=org.headers
    )
    assert not_yet.status_code == 422  # the peer shares no network with the member
    assert not_yet.json()["errors"][0]["field"] == "author_member_id"
    network = client.post(
        "/v1/networks",
        json={"kind": "circle", "name": "c", "focus_member_id": member["id"]},
        headers=org.headers,
    ).json()
    client.post(
        f"/v1/networks/{network['id']}/memberships",
        json={"member_id": peer["id"], "role": "peer_supporter"},
        headers=org.headers,
    )
    cheered = client.post(
        cheer_url,
        json={"author_member_id": peer["id"], "message": "Seven days!"},
        headers=org.headers,
    )
    assert cheered.status_code == 201, cheered.text
    on_custom = client.post(
        f"/v1/members/{member['id']}/milestones/{custom.json()['key']}/cheers",
        json={"author_member_id": peer["id"], "message": "Well done"},
        headers=org.headers,
    )
    assert on_custom.status_code == 201
    unknown = client.post(
        f"/v1/members/{member['id']}/milestones/2001-01-01.7d/cheers",
        json={"author_member_id": peer["id"], "message": "?"},
        headers=org.headers,
    )
    assert unknown.status_code == 404
    body = client.get(f"/v1/members/{member['id']}/milestones", headers=org.headers).json()
    by_key = {m["key"]: m for m in body["reached"]}
    assert [c["message"] for c in by_key[key]["cheers"]] == ["Seven days!"]
    assert by_key[custom.json()["key"]]["kind"] == "custom"
    # Another organization without consent cannot cheer (nor learn the milestone exists).
    foreign = client.post(
        cheer_url, json={"author_member_id": peer["id"], "message": "x"}, headers=other_org.headers
    )
    assert foreign.status_code == 404
    events = db.fetch(
        "SELECT type FROM outbox_events WHERE subject_id = $1 AND type LIKE 'milestone.%'",
        uuid.UUID(member["id"]),
    )
    assert sorted(e["type"] for e in events).count("milestone.cheered") == 2


def test_an_organization_replaces_its_ladder(client: httpx.Client, org: Org) -> None:
    assert client.get("/v1/milestone-ladder", headers=org.headers).json()["rungs"][0] == {
        "unit": "hours",
        "amount": 24,
    }
    ladder = {
        "rungs": [{"unit": "days", "amount": 3}, {"unit": "days", "amount": 14}],
        "then_every_months": None,
    }
    assert client.put("/v1/milestone-ladder", json=ladder, headers=org.headers).json() == ladder
    member = create_member(
        client, org, timezone=ZONE, recovery_started_on=(_today() - timedelta(days=10)).isoformat()
    )
    body = client.get(f"/v1/members/{member['id']}/milestones", headers=org.headers).json()
    assert [m["label"] for m in body["reached"]] == ["3 days"]
    assert body["next"]["label"] == "14 days"
    bad = client.put(
        "/v1/milestone-ladder",
        json={"rungs": [{"unit": "days", "amount": 3}, {"unit": "days", "amount": 3}]},
        headers=org.headers,
    )
    assert bad.status_code == 422


def test_a_milestones_only_consent_shows_labels_and_local_dates_and_nothing_more(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    """Found from outside: under a milestones-only consent the period start and the keys gave
    the recovery start date, and reached_at the member's UTC offset."""
    first_start = _today() - timedelta(days=60)
    start = _today() - timedelta(days=40)
    member = create_member(client, org, timezone=ZONE, recovery_started_on=first_start.isoformat())
    client.post(
        f"/v1/members/{member['id']}/recovery-restarts",
        json={"restarted_on": start.isoformat()},
        headers=org.headers,
    )
    url = f"/v1/members/{member['id']}/milestones"
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["milestones"]),
        headers=org.headers,
    )
    seen = client.get(url, headers=other_org.headers)
    assert seen.status_code == 200, seen.text
    body = seen.json()
    # The current period only (a closed period is restart history), keyed without its start.
    assert [(m["key"], m["label"]) for m in body["reached"]] == [
        ("current.24h", "24 hours"),
        ("current.7d", "7 days"),
        ("current.30d", "30 days"),
    ]
    assert all(m["period_started_on"] is None and m["reached_at"] is None for m in body["reached"])
    assert body["reached"][2]["achieved_on"] == (start + timedelta(days=30)).isoformat()
    assert body["next"]["key"] == "current.60d"
    assert body["next"]["due_at"] is None
    assert body["next"]["due_on"] == (start + timedelta(days=60)).isoformat()
    assert start.isoformat() not in seen.text
    assert first_start.isoformat() not in seen.text
    # With recovery and profile too, the periods and instants show, and are accounted.
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["recovery", "profile"]),
        headers=org.headers,
    )
    full = client.get(url, headers=other_org.headers).json()
    assert f"{first_start.isoformat()}.7d" in [m["key"] for m in full["reached"]]
    assert all(m["reached_at"] is not None for m in full["reached"])
    logged = client.get(f"/v1/members/{member['id']}/disclosures", headers=org.headers).json()
    assert [(d["operation"], d["scopes"]) for d in logged["data"]] == [
        ("getMilestones", ["milestones"]),
        ("getMilestones", ["milestones", "profile", "recovery"]),
    ]


def test_cheers_follow_what_the_milestones_read_shows_and_are_accounted(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    """Found from outside: cheering `<date>.30d` probed the restart history (201 for the
    right date, 404 for another) without the recovery scope and without a record."""
    start = _today() - timedelta(days=40)
    member = create_member(client, org, timezone=ZONE, recovery_started_on=start.isoformat())
    network_id = shared_circle(client, org, member["id"], other_org)
    supporter = create_member(client, other_org, display_name="Supporter")
    join(client, other_org, network_id, supporter["id"])
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["milestones"]),
        headers=org.headers,
    )
    body = {"author_member_id": supporter["id"], "message": "A month!"}

    def cheer(key: str) -> httpx.Response:
        return client.post(
            f"/v1/members/{member['id']}/milestones/{key}/cheers",
            json=body,
            headers=other_org.headers,
        )

    right, wrong = f"{start.isoformat()}.30d", f"{(start + timedelta(days=1)).isoformat()}.30d"
    probes = [cheer(right), cheer(wrong), cheer("current.60d")]
    assert [p.status_code for p in probes] == [404, 404, 404]
    assert len({p.json()["detail"].split(" ")[0] for p in probes}) == 1
    made = cheer("current.30d")
    assert made.status_code == 201, made.text
    assert made.json()["milestone_key"] == "current.30d"
    logged = client.get(f"/v1/members/{member['id']}/disclosures", headers=org.headers).json()
    assert [(d["operation"], d["scopes"]) for d in logged["data"]] == [
        ("cheerMilestone", ["milestones"])
    ]
    # The home organization sees the cheer on the real milestone; the partner under its key.
    home_view = client.get(f"/v1/members/{member['id']}/milestones", headers=org.headers).json()
    assert [len(m["cheers"]) for m in home_view["reached"] if m["key"] == right] == [1]
    partner_view = client.get(
        f"/v1/members/{member['id']}/milestones", headers=other_org.headers
    ).json()
    assert [m["cheers"][0]["milestone_key"] for m in partner_view["reached"] if m["cheers"]] == [
        "current.30d"
    ]


def test_milestone_events_name_the_period_only_with_the_recovery_scope(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    """A milestone's key names its period's start date: in the feed of an organization that
    may not see the recovery start, milestone events come without it."""
    start = _today() - timedelta(days=10)
    member = create_member(client, org, timezone=ZONE, recovery_started_on=start.isoformat())
    peer = create_member(client, org, display_name="Peer")
    join(client, org, shared_circle(client, org, member["id"]), peer["id"])
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["milestones"]),
        headers=org.headers,
    )
    key = f"{start.isoformat()}.7d"
    cheered = client.post(
        f"/v1/members/{member['id']}/milestones/{key}/cheers",
        json={"author_member_id": peer["id"], "message": "A week!"},
        headers=org.headers,
    )
    assert cheered.status_code == 201, cheered.text

    def cheers(reader: Org) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = client.get(
            "/v1/events", params={"types": "milestone.cheered"}, headers=reader.headers
        ).json()["data"]
        return found

    # The feed hands an event out once nothing can still commit ahead of it: wait for it.
    wait_until(lambda: len(cheers(org)) == 1)
    assert [e["data"]["milestone_key"] for e in cheers(org)] == [key]
    [seen] = cheers(other_org)
    assert "milestone_key" not in seen["data"]
    assert start.isoformat() not in str(seen)
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["recovery"]),
        headers=org.headers,
    )
    [with_recovery] = cheers(other_org)
    assert with_recovery["data"]["milestone_key"] == key
    # That read showed the period's start: the record names recovery too.
    logged = client.get(f"/v1/members/{member['id']}/disclosures", headers=org.headers).json()
    assert [(d["operation"], d["scopes"]) for d in logged["data"]][-2:] == [
        ("listEvents", ["milestones"]),
        ("listEvents", ["milestones", "recovery"]),
    ]
