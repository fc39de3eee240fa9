"""Incidents (42 CFR 2.16, issue #11): a compromised key or a suspected breach, and every
disclosure it touched, in one call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.integration.conftest import Org, create_member, make_key, make_org
from tests.integration.test_every_endpoint import consent_body
from tests.support.waiting import wait_until


@pytest.fixture
def clinic(client: httpx.Client, operator: dict[str, str]) -> Org:
    return make_org(client, operator, kind="clinic")


def _since() -> str:
    return (datetime.now(UTC) - timedelta(minutes=5)).isoformat()


def _touched(client: httpx.Client, org: Org, incident_id: str) -> list[dict[str, Any]]:
    response = client.get(f"/v1/incidents/{incident_id}/disclosures", headers=org.headers)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["data"]
    return found


def test_a_compromised_key_finds_every_disclosure_it_read(
    client: httpx.Client, org: Org, clinic: Org
) -> None:
    first, second = create_member(client, org), create_member(client, org)
    for member in (first, second):
        granted = client.post(
            f"/v1/members/{member['id']}/consents",
            json=consent_body(clinic.id),
            headers=org.headers,
        )
        assert granted.status_code == 201, granted.text
    leaked = make_key(client, clinic, ["members:read"])
    other_key = make_key(client, clinic, ["members:read"])
    for member in (first, second):
        assert client.get(f"/v1/members/{member['id']}", headers=leaked.headers).status_code == 200
    assert client.get(f"/v1/members/{first['id']}", headers=other_key.headers).status_code == 200

    opened = client.post(
        "/v1/incidents",
        json={
            "kind": "compromised_key",
            "description": "The key was pasted in a public chat",
            "key_id": leaked.key_id,
            "since": _since(),
        },
        headers=clinic.headers,
    )

    assert opened.status_code == 201, opened.text
    touched = _touched(client, clinic, opened.json()["id"])
    assert sorted(d["member_id"] for d in touched) == sorted([first["id"], second["id"]])
    assert {d["key_id"] for d in touched} == {leaked.key_id}
    # The home organization, told, finds what its members lost to that recipient.
    told = client.post(
        "/v1/incidents",
        json={
            "kind": "suspected_breach",
            "description": "A partner reported a compromised key",
            "recipient_organization_id": clinic.id,
            "since": _since(),
        },
        headers=org.headers,
    )
    assert told.status_code == 201, told.text
    assert len(_touched(client, org, told.json()["id"])) == 3


def test_an_incident_is_opened_and_closed_once_and_both_are_events(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    opened = client.post(
        "/v1/incidents",
        json={"kind": "suspected_breach", "description": "Lost laptop", "since": _since()},
        headers=org.headers,
    ).json()

    closed = client.post(
        f"/v1/incidents/{opened['id']}/close",
        json={"note": "Laptop found; nothing was disclosed"},
        headers=org.headers,
    )
    again = client.post(
        f"/v1/incidents/{opened['id']}/close", json={"note": "again"}, headers=org.headers
    )

    assert closed.status_code == 200, closed.text
    assert (closed.json()["status"], closed.json()["closing_note"]) == (
        "closed",
        "Laptop found; nothing was disclosed",
    )
    assert again.status_code == 409, again.text

    def told() -> list[str]:
        events = client.get(
            "/v1/events", params={"types": "incident.opened,incident.closed"}, headers=org.headers
        ).json()["data"]
        return [e["type"] for e in events if e["subject_id"] == opened["id"]]

    assert wait_until(lambda: told() == ["incident.opened", "incident.closed"])
    # Another organization learns nothing of it.
    assert client.get(f"/v1/incidents/{opened['id']}", headers=other_org.headers).status_code == 404
    theirs = client.get(
        "/v1/events", params={"types": "incident.opened"}, headers=other_org.headers
    ).json()["data"]
    assert [e for e in theirs if e["subject_id"] == opened["id"]] == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "compromised_key", "description": "leak"}, "key_id"),
        (
            {"kind": "suspected_breach", "description": "x", "since": "2099-01-01T00:00:00Z"},
            "since",
        ),
        (
            {
                "kind": "suspected_breach",
                "description": "x",
                "until": "2026-01-01T00:00:00Z",
            },
            "until",
        ),
        # Found by the contract's own example: an unknown recipient was a 500 (foreign key).
        (
            {
                "kind": "suspected_breach",
                "description": "x",
                "recipient_organization_id": "01937a4e-0000-7000-8000-0000000000e0",
            },
            "recipient_organization_id",
        ),
        # A key that is not one of the organization's: nothing it read is the caller's to find.
        (
            {
                "kind": "compromised_key",
                "description": "x",
                "key_id": "01937a4e-0000-7000-8000-00000000a91e",
            },
            "key_id",
        ),
    ],
)
def test_an_impossible_incident_is_refused_naming_the_field(
    client: httpx.Client, org: Org, body: dict[str, Any], field: str
) -> None:
    refused = client.post(
        "/v1/incidents", json={"since": "2026-06-01T00:00:00Z", **body}, headers=org.headers
    )

    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["field"] == field
