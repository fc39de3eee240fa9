"""A circle's name may name its focus member ("Sam R.'s circle"). Shown to another organization
under the member's consent, it is a disclosure like any other (issue #11): the answer carries
the notice, and the member's accounting records it, once per read, on every read that shows it
(getNetwork, listNetworks, and the answer to a partner's PATCH)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.integration.conftest import Org, create_member, make_org, shared_circle
from tests.integration.test_every_endpoint import consent_body

NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records."


@pytest.fixture
def partner(client: httpx.Client, operator: dict[str, str]) -> Org:
    return make_org(client, operator, kind="clinic")


def _accounting(client: httpx.Client, home: Org, member_id: str) -> list[dict[str, Any]]:
    response = client.get(f"/v1/members/{member_id}/disclosures", headers=home.headers)
    assert response.status_code == 200, response.text
    entries: list[dict[str, Any]] = response.json()["data"]
    return entries


def _named_circle(client: httpx.Client, home: Org, member_id: str, partner: Org) -> str:
    circle_id = shared_circle(client, home, member_id, partner)
    renamed = client.patch(
        f"/v1/networks/{circle_id}",
        json={"name": "Sam R.'s circle", "description": "Sam's people"},
        headers={**home.headers, "If-Match": '"1"'},
    )
    assert renamed.status_code == 200, renamed.text
    return circle_id


def _consent(client: httpx.Client, home: Org, member_id: str, partner: Org) -> str:
    made = client.post(
        f"/v1/members/{member_id}/consents",
        json=consent_body(partner.id, ["networks"]),
        headers=home.headers,
    )
    assert made.status_code == 201, made.text
    consent_id: str = made.json()["id"]
    return consent_id


def test_a_circle_name_read_under_consent_carries_the_notice_and_is_accounted(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    circle_id = _named_circle(client, org, member["id"], partner)
    consent_id = _consent(client, org, member["id"], partner)

    read = client.get(f"/v1/networks/{circle_id}", headers=partner.headers)
    listed = client.get("/v1/networks", headers=partner.headers)
    seen = client.get(f"/v1/networks/{circle_id}", headers=partner.headers)
    changed = client.patch(
        f"/v1/networks/{circle_id}",
        json={"description": "Tuesdays at six"},
        headers={**partner.headers, "If-Match": seen.headers["etag"]},
    )

    assert changed.status_code == 200, changed.text
    answers = [read.json(), *listed.json()["data"], changed.json()]
    for answer in answers:
        assert answer["name"] == "Sam R.'s circle"
        assert answer["disclosure"] == {
            "notice": NOTICE,
            "consent_ids": [consent_id],
            "security_labels": ["42CFRPart2", "R", "NORDSCLCD"],
        }
    entries = _accounting(client, org, member["id"])
    assert sorted(e["operation"] for e in entries) == [
        "getNetwork",
        "getNetwork",
        "listNetworks",
        "updateNetwork",
    ]
    for entry in entries:
        assert entry["recipient_organization_id"] == partner.id
        assert entry["recipient_name"].startswith("Org ")
        assert entry["consent_ids"] == [consent_id]
        assert entry["scopes"] == ["networks"]
        assert entry["disclosed"] == "the name and description of their support circle"
        assert entry["key_id"] is not None


def test_without_consent_or_after_revocation_the_name_is_neutral_and_nothing_is_recorded(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    circle_id = _named_circle(client, org, member["id"], partner)
    before = client.get(f"/v1/networks/{circle_id}", headers=partner.headers).json()
    consent_id = _consent(client, org, member["id"], partner)
    client.get(f"/v1/networks/{circle_id}", headers=partner.headers)
    revoked = client.post(f"/v1/consents/{consent_id}/revoke", json={}, headers=org.headers)
    assert revoked.status_code == 200, revoked.text

    after = client.get(f"/v1/networks/{circle_id}", headers=partner.headers).json()
    listed = client.get("/v1/networks", headers=partner.headers).json()["data"]

    for answer in (before, after, *listed):
        assert (answer["name"], answer["description"], answer["disclosure"]) == (
            "Support circle",
            None,
            None,
        )
    # Only the one read made under the consent is in the accounting.
    assert [e["operation"] for e in _accounting(client, org, member["id"])] == ["getNetwork"]


def test_the_home_organization_and_a_groups_readers_are_shown_no_notice(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    circle_id = _named_circle(client, org, member["id"], partner)
    _consent(client, org, member["id"], partner)
    group = client.post(
        "/v1/networks", json={"kind": "group", "name": "Tuesday group"}, headers=partner.headers
    )
    assert group.status_code == 201, group.text

    home = client.get(f"/v1/networks/{circle_id}", headers=org.headers).json()
    own_group = client.get(f"/v1/networks/{group.json()['id']}", headers=partner.headers).json()

    assert (home["name"], home["disclosure"]) == ("Sam R.'s circle", None)
    assert (own_group["name"], own_group["disclosure"]) == ("Tuesday group", None)
    assert _accounting(client, org, member["id"]) == []


def test_a_page_records_only_the_circles_it_shows(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    members = [create_member(client, org) for _ in range(3)]
    circles = sorted(_named_circle(client, org, m["id"], partner) for m in members)
    by_circle: dict[str, str] = {}
    for member in members:
        _consent(client, org, member["id"], partner)
    for circle_id in circles:
        network = client.get(f"/v1/networks/{circle_id}", headers=org.headers).json()
        by_circle[circle_id] = network["focus_member_id"]
    first = client.get("/v1/networks", params={"limit": 1}, headers=partner.headers).json()
    shown = [n["id"] for n in first["data"]]

    assert len(shown) == 1
    for circle_id in circles:
        operations = [e["operation"] for e in _accounting(client, org, by_circle[circle_id])]
        assert operations == (["listNetworks"] if circle_id in shown else []), circle_id


def test_an_erased_focus_members_circle_shows_neutral_and_records_nothing(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    circle_id = _named_circle(client, org, member["id"], partner)
    _consent(client, org, member["id"], partner)
    erased = client.delete(f"/v1/members/{member['id']}", headers=org.headers)
    assert erased.status_code == 204, erased.text

    seen = client.get(f"/v1/networks/{circle_id}", headers=partner.headers).json()

    assert (seen["name"], seen["disclosure"]) == ("Support circle", None)
    assert _accounting(client, org, member["id"]) == []


def test_a_cached_circle_name_is_not_confirmed_after_the_consent_ends(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    """The neutral view is another representation of the same version: If-None-Match with
    the tag of the named view answers the neutral one, not 304; If-Match takes either."""
    member = create_member(client, org)
    circle_id = _named_circle(client, org, member["id"], partner)
    consent_id = _consent(client, org, member["id"], partner)
    named = client.get(f"/v1/networks/{circle_id}", headers=partner.headers)
    again = client.get(
        f"/v1/networks/{circle_id}",
        headers={**partner.headers, "If-None-Match": named.headers["etag"]},
    )
    client.post(f"/v1/consents/{consent_id}/revoke", json={}, headers=org.headers)

    after = client.get(
        f"/v1/networks/{circle_id}",
        headers={**partner.headers, "If-None-Match": named.headers["etag"]},
    )
    changed = client.patch(
        f"/v1/networks/{circle_id}",
        json={"description": "Tuesdays"},
        headers={**partner.headers, "If-Match": after.headers["etag"]},
    )

    assert again.status_code == 304, again.text
    assert after.status_code == 200, after.text
    assert after.json()["name"] == "Support circle"
    assert (
        after.headers["etag"]
        == named.headers["etag"].replace('"', "").join('""')[:-1] + '-neutral"'
    )
    assert changed.status_code == 200, changed.text
