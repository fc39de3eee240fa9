"""Restrictions (42 CFR 2.26, issue #11): once the home organization agrees, every read honours a
member's restriction as it honours a consent's limits; ended, the consents grant again."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from tests.integration.conftest import Org, create_member, make_org
from tests.integration.test_every_endpoint import consent_body

TODAY = datetime.now(UTC).date().isoformat()


@pytest.fixture
def partner(client: httpx.Client, operator: dict[str, str]) -> Org:
    return make_org(client, operator, kind="clinic")


def _restrict(client: httpx.Client, home: Org, member_id: str, **fields: Any) -> dict[str, Any]:
    made = client.post(
        f"/v1/members/{member_id}/restrictions",
        json={"requested_on": TODAY, **fields},
        headers=home.headers,
    )
    assert made.status_code == 201, made.text
    body: dict[str, Any] = made.json()
    return body


def _decide(client: httpx.Client, home: Org, restriction_id: str, agree: bool) -> httpx.Response:
    decision = "agree" if agree else "deny"
    return client.post(
        f"/v1/restrictions/{restriction_id}/decision",
        json={"decision": decision},
        headers=home.headers,
    )


def test_an_agreed_restriction_holds_on_the_next_read_and_ends_when_ended(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org, recovery_started_on="2026-01-01")
    consent = client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(partner.id, ["profile", "recovery"]),
        headers=org.headers,
    ).json()
    before = client.get(f"/v1/members/{member['id']}", headers=partner.headers).json()
    assert before["recovery_started_on"] == "2026-01-01"
    restriction = _restrict(client, org, member["id"], scopes=["recovery"])

    # Requested only: nothing changes yet.
    pending = client.get(f"/v1/members/{member['id']}", headers=partner.headers).json()
    assert pending["recovery_started_on"] == "2026-01-01"
    agreed = _decide(client, org, restriction["id"], agree=True)
    assert agreed.status_code == 200, agreed.text
    assert agreed.json()["status"] == "agreed"

    after = client.get(f"/v1/members/{member['id']}", headers=partner.headers).json()
    journey = client.get(f"/v1/members/{member['id']}/recovery", headers=partner.headers)
    assert after["recovery_started_on"] is None
    assert after["disclosed_scopes"] == ["profile"]
    assert journey.status_code == 404, journey.text
    limited = client.get(f"/v1/consents/{consent['id']}", headers=partner.headers).json()
    assert (limited["scopes"], limited["restricted_scopes"]) == (
        ["profile", "recovery"],
        ["recovery"],
    )
    records = client.get(f"/v1/members/{member['id']}/disclosures", headers=org.headers).json()[
        "data"
    ]
    assert records[-1]["scopes"] == ["profile"]  # the record says what the read showed

    ended = client.post(f"/v1/restrictions/{restriction['id']}/end", headers=org.headers)
    assert ended.status_code == 200, ended.text
    restored = client.get(f"/v1/members/{member['id']}", headers=partner.headers).json()
    assert restored["recovery_started_on"] == "2026-01-01"


def test_a_restriction_to_one_recipient_leaves_the_others_and_binds_later_consents(
    client: httpx.Client, org: Org, partner: Org, operator: dict[str, str]
) -> None:
    other = make_org(client, operator, kind="peer_org")
    member = create_member(client, org)
    for recipient in (partner, other):
        granted = client.post(
            f"/v1/members/{member['id']}/consents",
            json=consent_body(recipient.id, ["profile"]),
            headers=org.headers,
        )
        assert granted.status_code == 201, granted.text
    restriction = _restrict(
        client, org, member["id"], scopes=["profile"], recipient_organization_ids=[partner.id]
    )
    assert _decide(client, org, restriction["id"], agree=True).status_code == 200

    assert client.get(f"/v1/members/{member['id']}", headers=partner.headers).status_code == 404
    assert client.get(f"/v1/members/{member['id']}", headers=other.headers).status_code == 200
    # A consent given after the restriction was agreed honours it too.
    later = client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(partner.id, ["profile"]),
        headers=org.headers,
    )
    assert later.status_code == 201, later.text
    assert later.json()["restricted_scopes"] == ["profile"]
    assert client.get(f"/v1/members/{member['id']}", headers=partner.headers).status_code == 404


def test_a_restriction_for_one_purpose_leaves_consents_for_another(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    granted = client.post(
        f"/v1/members/{member['id']}/consents",
        json={**consent_body(partner.id, ["profile"]), "purpose_code": "treatment"},
        headers=org.headers,
    )
    assert granted.status_code == 201, granted.text
    restriction = _restrict(
        client, org, member["id"], scopes=["profile"], purpose_codes=["payment"]
    )
    assert _decide(client, org, restriction["id"], agree=True).status_code == 200

    assert client.get(f"/v1/members/{member['id']}", headers=partner.headers).status_code == 200


def test_a_denied_restriction_changes_nothing_and_is_decided_once(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(partner.id, ["profile"]),
        headers=org.headers,
    )
    restriction = _restrict(client, org, member["id"], scopes=["profile"])

    denied = _decide(client, org, restriction["id"], agree=False)
    again = _decide(client, org, restriction["id"], agree=True)
    end = client.post(f"/v1/restrictions/{restriction['id']}/end", headers=org.headers)

    assert denied.status_code == 200, denied.text
    assert denied.json()["status"] == "denied"
    assert again.status_code == 409, again.text
    assert end.status_code == 409, end.text
    assert client.get(f"/v1/members/{member['id']}", headers=partner.headers).status_code == 200
    # Only the home organization sees or decides the member's restrictions.
    theirs = client.get(f"/v1/members/{member['id']}/restrictions", headers=partner.headers)
    assert theirs.status_code == 404, theirs.text
    listed = client.get(f"/v1/members/{member['id']}/restrictions", headers=org.headers)
    assert [r["status"] for r in listed.json()["data"]] == ["denied"]
