"""Recovery journeys over HTTP."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx

from tests.integration.conftest import Org, create_member
from tests.integration.test_every_endpoint import consent_body
from tests.support.database import Db


def _today(zone: str) -> date:
    return datetime.now(UTC).astimezone(ZoneInfo(zone)).date()


def test_restarts_keep_history_and_derive_streaks(client: httpx.Client, org: Org, db: Db) -> None:
    zone = "America/New_York"
    today = _today(zone)
    start = today - timedelta(days=40)
    member = create_member(client, org, timezone=zone, recovery_started_on=start.isoformat())
    url = f"/v1/members/{member['id']}"
    journey = client.get(f"{url}/recovery", headers=org.headers).json()
    assert journey["current_streak_days"] == 40
    assert journey["longest_streak_days"] == 40
    assert journey["restarts"] == 0

    restart_day = today - timedelta(days=10)
    response = client.post(
        f"{url}/recovery-restarts",
        json={"restarted_on": restart_day.isoformat(), "note": "Hard week; back with the group."},
        headers=org.headers,
    )
    assert response.status_code == 201, response.text
    after = response.json()
    assert after["current_period_started_on"] == restart_day.isoformat()
    assert after["current_streak_days"] == 10
    assert after["longest_streak_days"] == 30
    assert after["total_days_in_recovery"] == 40
    assert after["restarts"] == 1
    assert after["periods"] == [
        {
            "started_on": start.isoformat(),
            "ended_on": restart_day.isoformat(),
            "days": 30,
            "note": "Hard week; back with the group.",
        }
    ]
    assert client.get(url, headers=org.headers).json()["recovery_started_on"] == (
        restart_day.isoformat()
    )
    # The wording never calls it a failure.
    assert "fail" not in response.text.lower()
    assert "relapse" not in response.text.lower()
    events = db.fetch(
        "SELECT type FROM outbox_events WHERE subject_id = $1 ORDER BY position",
        uuid.UUID(member["id"]),
    )
    assert [e["type"] for e in events][-1] == "recovery.restarted"


def test_restart_rules(client: httpx.Client, org: Org, db: Db) -> None:
    today = _today("UTC")
    no_start = create_member(client, org, timezone="UTC")
    response = client.post(
        f"/v1/members/{no_start['id']}/recovery-restarts",
        json={"restarted_on": today.isoformat()},
        headers=org.headers,
    )
    assert response.status_code == 409
    assert response.json()["type"].endswith("/no-recovery-start")
    member = create_member(
        client, org, timezone="UTC", recovery_started_on=(today - timedelta(days=5)).isoformat()
    )
    before = db.snapshot()
    for day, field in (
        (today - timedelta(days=6), "restarted_on"),
        (today + timedelta(days=3), "restarted_on"),
    ):
        bad = client.post(
            f"/v1/members/{member['id']}/recovery-restarts",
            json={"restarted_on": day.isoformat()},
            headers=org.headers,
        )
        assert bad.status_code == 422, bad.text
        assert bad.json()["errors"][0]["field"] == field
    assert db.snapshot() == before
    ok = client.post(
        f"/v1/members/{member['id']}/recovery-restarts",
        json={"restarted_on": (today - timedelta(days=2)).isoformat()},
        headers=org.headers,
    )
    assert ok.status_code == 201
    # Correcting the current start cannot reach back into the closed period.
    back = client.patch(
        f"/v1/members/{member['id']}",
        json={"recovery_started_on": (today - timedelta(days=4)).isoformat()},
        headers=org.headers,
    )
    assert back.status_code == 422
    assert back.json()["errors"][0]["field"] == "recovery_started_on"


def test_another_organization_needs_the_recovery_scope_and_never_sees_notes(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    today = _today("UTC")
    member = create_member(
        client, org, timezone="UTC", recovery_started_on=(today - timedelta(days=20)).isoformat()
    )
    client.post(
        f"/v1/members/{member['id']}/recovery-restarts",
        json={"restarted_on": (today - timedelta(days=3)).isoformat(), "note": "private words"},
        headers=org.headers,
    )
    url = f"/v1/members/{member['id']}/recovery"
    assert client.get(url, headers=other_org.headers).status_code == 404
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["profile"]),
        headers=org.headers,
    )
    assert client.get(url, headers=other_org.headers).status_code == 404  # profile is not enough
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["recovery"]),
        headers=org.headers,
    )
    seen = client.get(url, headers=other_org.headers)
    assert seen.status_code == 200
    assert seen.json()["current_streak_days"] == 3
    assert seen.json()["periods"][0]["note"] is None
    assert "private words" not in seen.text
    logged = client.get(f"/v1/members/{member['id']}/disclosures", headers=org.headers).json()[
        "data"
    ]
    assert [(d["operation"], d["scopes"]) for d in logged] == [("getRecovery", ["recovery"])]


def test_an_optional_start_time_travels_with_the_recovery_scope(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    start = (_today("UTC") - timedelta(days=3)).isoformat()
    member = create_member(
        client, org, timezone="UTC", recovery_started_on=start, recovery_started_time="21:30:00"
    )
    assert member["recovery_started_time"] == "21:30:00"
    journey = client.get(f"/v1/members/{member['id']}/recovery", headers=org.headers).json()
    assert journey["current_period_started_time"] == "21:30:00"
    no_date = client.post(
        "/v1/members",
        json={"display_name": "S", "timezone": "UTC", "recovery_started_time": "08:00:00"},
        headers=org.headers,
    )
    assert no_date.status_code == 422
    assert no_date.json()["errors"][0]["field"] == "recovery_started_time"
    restarted = client.post(
        f"/v1/members/{member['id']}/recovery-restarts",
        json={"restarted_on": _today("UTC").isoformat(), "restarted_time": "07:15:00"},
        headers=org.headers,
    )
    assert restarted.json()["current_period_started_time"] == "07:15:00"
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["profile"]),
        headers=org.headers,
    )
    profile_only = client.get(f"/v1/members/{member['id']}", headers=other_org.headers).json()
    assert profile_only["recovery_started_time"] is None
    assert profile_only["recovery_started_on"] is None
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["recovery"]),
        headers=org.headers,
    )
    with_recovery = client.get(f"/v1/members/{member['id']}", headers=other_org.headers).json()
    assert with_recovery["recovery_started_time"] == "07:15:00"
