"""The accounting of disclosures is exact: each record names the scopes of the data the read
returned (not every scope of the consent), exactly the members a page shows are recorded, once,
and the accounting outlives the member's erasure, which ends the member's consents."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.integration.conftest import Org, create_member, join, make_org, shared_circle
from tests.integration.test_every_endpoint import consent_body
from tests.support.database import Db
from tests.support.waiting import wait_until

ALL_SCOPES = ["milestones", "networks", "pledges", "profile", "recovery"]


@pytest.fixture
def partner(client: httpx.Client, operator: dict[str, str]) -> Org:
    return make_org(client, operator, kind="clinic")


def grant(client: httpx.Client, home: Org, member_id: str, to: Org, scopes: list[str]) -> str:
    response = client.post(
        f"/v1/members/{member_id}/consents",
        json=consent_body(to.id, scopes),
        headers=home.headers,
    )
    assert response.status_code == 201, response.text
    consent_id: str = response.json()["id"]
    return consent_id


def accounting(client: httpx.Client, home: Org, member_id: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 100}
        if cursor:
            params["cursor"] = cursor
        response = client.get(
            f"/v1/members/{member_id}/disclosures", params=params, headers=home.headers
        )
        assert response.status_code == 200, response.text
        found += response.json()["data"]
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return found


def test_each_cross_organization_read_records_only_the_scopes_it_returned(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    today = datetime.now(UTC).date().isoformat()
    start = (datetime.now(UTC).date() - timedelta(days=40)).isoformat()
    member = create_member(client, org, timezone="UTC", recovery_started_on=start)
    member_id = member["id"]
    network_id = shared_circle(client, org, member_id, partner)
    pledge = client.post(
        f"/v1/members/{member_id}/pledges",
        json={"text": "No use today", "cadence": "daily", "starts_on": today},
        headers=org.headers,
    )
    assert pledge.status_code == 201, pledge.text
    consent_id = grant(client, org, member_id, partner, ALL_SCOPES)
    reads = {
        "getMember": (f"/v1/members/{member_id}", ["profile", "recovery"]),
        "listNetworkMemberships": (
            f"/v1/networks/{network_id}/memberships",
            ["networks", "profile"],
        ),
        "getRecovery": (f"/v1/members/{member_id}/recovery", ["recovery"]),
        # Milestones show their periods (recovery) and instants (profile) when those are in
        # force too: all three were shown, so all three are recorded.
        "getMilestones": (
            f"/v1/members/{member_id}/milestones",
            ["milestones", "profile", "recovery"],
        ),
        "listMemberPledges": (f"/v1/members/{member_id}/pledges", ["pledges"]),
    }
    for operation, (path, scopes) in reads.items():
        before = len(accounting(client, org, member_id))
        response = client.get(path, headers=partner.headers)
        assert response.status_code == 200, (operation, response.text)
        added = accounting(client, org, member_id)[before:]
        assert [(d["operation"], d["scopes"], d["consent_ids"]) for d in added] == [
            (operation, scopes, [consent_id])
        ], operation


def test_a_consent_without_the_scopes_a_read_shows_reveals_nothing_there(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org, recovery_started_on="2026-01-01")
    network_id = shared_circle(client, org, member["id"], partner)
    grant(client, org, member["id"], partner, ["milestones"])
    assert client.get(f"/v1/members/{member['id']}", headers=partner.headers).status_code == 404
    listed = client.get(f"/v1/networks/{network_id}/memberships", headers=partner.headers)
    assert [m["member"] for m in listed.json()["data"]] == [None]
    assert [d["operation"] for d in accounting(client, org, member["id"])] == []


def test_a_page_of_memberships_records_exactly_the_members_it_shows(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    focus = create_member(client, partner)  # the partner's own member: never a disclosure
    network_id = shared_circle(client, partner, focus["id"], org)
    shown = [create_member(client, org, display_name=f"X{i}") for i in (2, 3)]
    for member in shown:
        grant(client, org, member["id"], partner, ["profile", "networks"])
        added = client.post(
            f"/v1/networks/{network_id}/memberships",
            json={"member_id": member["id"], "role": "peer_supporter"},
            headers=org.headers,
        )
        assert added.status_code == 201, added.text
    url = f"/v1/networks/{network_id}/memberships"
    first = client.get(url, params={"limit": 2}, headers=partner.headers).json()
    page_one = [m["member"]["id"] for m in first["data"]]
    assert page_one[0] == focus["id"]
    assert len(page_one) == 2
    second = client.get(
        url, params={"limit": 2, "cursor": first["next_cursor"]}, headers=partner.headers
    ).json()
    page_two = [m["member"]["id"] for m in second["data"]]
    assert sorted(page_one[1:] + page_two) == sorted(m["id"] for m in shown)
    for member in shown:
        records = [
            d
            for d in accounting(client, org, member["id"])
            if d["operation"] == "listNetworkMemberships"
        ]
        assert len(records) == 1, (member["display_name"], records)


def test_erasure_ends_the_consents_and_keeps_the_accounting(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    consent_id = grant(client, org, member["id"], partner, ["profile"])
    assert client.get(f"/v1/members/{member['id']}", headers=partner.headers).status_code == 200
    erased = client.delete(f"/v1/members/{member['id']}", headers=org.headers)
    assert erased.status_code == 204
    # The accounting is the member's record of who saw what: still readable at home.
    records = accounting(client, org, member["id"])
    assert [(d["operation"], d["recipient_organization_id"]) for d in records] == [
        ("getMember", partner.id)
    ]
    consent = client.get(f"/v1/consents/{consent_id}", headers=org.headers).json()
    assert consent["status"] == "expired"

    def expired_events() -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = client.get(
            "/v1/events", params={"types": "consent.expired"}, headers=partner.headers
        ).json()["data"]
        return found

    wait_until(lambda: bool(expired_events()))  # once nothing can commit ahead of it
    expired = expired_events()
    assert [(e["data"]["consent_id"], e["data"]["reason"]) for e in expired] == [
        (consent_id, "member_erased")
    ]
    # The partner now knows the member as any stranger does: not at all.
    after = client.get(f"/v1/members/{member['id']}", headers=partner.headers)
    assert after.status_code == 404, after.text
    assert len(accounting(client, org, member["id"])) == 1


@pytest.mark.parametrize("expires_on", ["9999-12-31", "2999-01-01"])
def test_an_expiry_beyond_ten_years_is_a_422_not_a_500(
    client: httpx.Client, org: Org, partner: Org, expires_on: str
) -> None:
    member = create_member(client, org)
    response = client.post(
        f"/v1/members/{member['id']}/consents",
        json={**consent_body(partner.id), "expires_on": expires_on},
        headers=org.headers,
    )
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == "expires_on"


def test_the_accounting_keeps_the_callers_request_id_apart_from_ours(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    """Found from outside: `X-Request-ID: P-internal-audit-approved` was stored as-is as the
    request id of another organization's accounting."""
    member = create_member(client, org)
    grant(client, org, member["id"], partner, ["profile"])
    read = client.get(
        f"/v1/members/{member['id']}",
        headers={**partner.headers, "X-Request-ID": "P-internal-audit-approved"},
    )
    assert read.status_code == 200
    [record] = accounting(client, org, member["id"])
    assert record["client_request_id"] == "P-internal-audit-approved"
    assert record["request_id"] != "P-internal-audit-approved"
    assert len(record["request_id"]) == 32
    plain = client.get(f"/v1/members/{member['id']}", headers=partner.headers)
    assert plain.status_code == 200
    assert accounting(client, org, member["id"])[-1]["client_request_id"] is None


def test_erasure_reaches_every_stored_copy_and_free_text(
    client: httpx.Client, org: Org, partner: Org, db: Db
) -> None:
    """Found from outside: a replayed consent grant showed signed_by and the purpose after
    erasure; pledge texts, notes, titles and signers were never erased."""
    today = datetime.now(UTC).date()
    member = create_member(
        client, org, timezone="UTC", recovery_started_on=(today - timedelta(days=20)).isoformat()
    )
    member_id = member["id"]
    secret = "Zephyrine-private-words"
    body = {**consent_body(partner.id), "purpose": f"purpose {secret}"}
    body["signature"] = {**body["signature"], "signed_by": f"signer {secret}"}
    grant_headers = {**org.headers, "Idempotency-Key": "grant-before-erasure"}
    granted = client.post(f"/v1/members/{member_id}/consents", json=body, headers=grant_headers)
    assert granted.status_code == 201, granted.text
    pledge = client.post(
        f"/v1/members/{member_id}/pledges",
        json={"text": f"pledge {secret}", "cadence": "daily", "starts_on": today.isoformat()},
        headers=org.headers,
    ).json()
    checked = client.post(
        f"/v1/pledges/{pledge['id']}/check-ins",
        json={"period": today.isoformat(), "outcome": "kept", "note": f"note {secret}"},
        headers=org.headers,
    )
    assert checked.status_code == 201, checked.text
    restarted = client.post(
        f"/v1/members/{member_id}/recovery-restarts",
        json={"restarted_on": (today - timedelta(days=5)).isoformat(), "note": f"slip {secret}"},
        headers=org.headers,
    )
    assert restarted.status_code == 201, restarted.text
    custom = client.post(
        f"/v1/members/{member_id}/custom-milestones",
        json={"title": f"title {secret}", "achieved_on": today.isoformat()},
        headers=org.headers,
    )
    assert custom.status_code == 201, custom.text

    def traces() -> list[str]:
        found = []
        for table in (
            "pledges",
            "check_ins",
            "recovery_periods",
            "custom_milestones",
            "consents",
            "outbox_events",
            "disclosures",
        ):
            count = db.fetchval(
                f"SELECT count(*) FROM {table} t WHERE t::text LIKE $1", f"%{secret}%"
            )
            if count:
                found.append(table)
        stored = db.fetchval(
            "SELECT count(*) FROM idempotency_keys "
            "WHERE position(convert_to($1, 'UTF8') IN response_body) > 0",
            secret,
        )
        return found + (["idempotency_keys"] if stored else [])

    assert traces() == [
        "pledges",
        "check_ins",
        "recovery_periods",
        "custom_milestones",
        "consents",
        "idempotency_keys",
    ]
    assert client.delete(f"/v1/members/{member_id}", headers=org.headers).status_code == 204
    assert traces() == []
    replay = client.post(f"/v1/members/{member_id}/consents", json=body, headers=grant_headers)
    assert replay.status_code == 410
    assert secret not in replay.text
    # The accounting keeps ids, dates and scopes, and stays readable at home.
    assert (
        client.get(f"/v1/members/{member_id}/disclosures", headers=org.headers).status_code == 200
    )


def test_a_member_shown_twice_on_a_page_is_recorded_once(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    focus = create_member(client, partner)
    network_id = shared_circle(client, partner, focus["id"], org)
    member = create_member(client, org)
    grant(client, org, member["id"], partner, ["profile", "networks"])
    first = join(client, org, network_id, member["id"])
    left = client.patch(
        f"/v1/networks/{network_id}/memberships/{first['id']}",
        json={"status": "left"},
        headers={**org.headers, "If-Match": f'"{first["version"]}"'},
    )
    assert left.status_code == 200, left.text
    join(client, org, network_id, member["id"])
    shown = client.get(f"/v1/networks/{network_id}/memberships", headers=partner.headers)
    assert [m["member"]["id"] for m in shown.json()["data"]].count(member["id"]) == 2
    operations = [d["operation"] for d in accounting(client, org, member["id"])]
    assert operations.count("listNetworkMemberships") == 1
