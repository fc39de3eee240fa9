"""Recipients beyond one named organization (42 CFR 2.31(a)(4), issue #11): a class of
organizations, and an intermediary with the participants it may pass the data to, by name or
described as treating providers. Who a consent reaches is decided at each read, from what the
service knows then: a network left, a participation ended or a consent revoked acts on the next
request."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.integration.conftest import Org, create_member, make_org, shared_circle
from tests.integration.test_every_endpoint import consent_body
from tests.support.server import cli, token_from
from tests.support.waiting import wait_until


def _org(client: httpx.Client, operator: dict[str, str], kind: str, **extra: Any) -> Org:
    response = client.post(
        "/v1/organizations",
        json={"name": f"{kind} {uuid.uuid4().hex[:6]}", "kind": kind, **extra},
        headers=operator,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    return Org(
        id=body["organization"]["id"],
        token=body["first_key"]["token"],
        key_id=body["first_key"]["key"]["id"],
    )


def _class_consent(recipient_class: str) -> dict[str, Any]:
    body = consent_body(str(uuid.uuid4()))
    del body["recipient_organization_id"]
    return {**body, "recipient_class": recipient_class}


def _through(intermediary: Org, **participants: Any) -> dict[str, Any]:
    return {**consent_body(intermediary.id), **participants}


def _grant(client: httpx.Client, home: Org, member_id: str, body: dict[str, Any]) -> str:
    made = client.post(f"/v1/members/{member_id}/consents", json=body, headers=home.headers)
    assert made.status_code == 201, made.text
    consent_id: str = made.json()["id"]
    return consent_id


def _sees(client: httpx.Client, reader: Org, member_id: str) -> bool:
    response = client.get(f"/v1/members/{member_id}", headers=reader.headers)
    assert response.status_code in (200, 404), response.text
    return response.status_code == 200


def _participate(
    client: httpx.Client, operator: dict[str, str], intermediary: Org, participant: Org
) -> httpx.Response:
    return client.put(
        f"/v1/organizations/{intermediary.id}/participants/{participant.id}", headers=operator
    )


def _leave(client: httpx.Client, org: Org, network_id: str) -> None:
    left = client.post(f"/v1/networks/{network_id}/leave", headers=org.headers)
    assert left.status_code == 200, left.text


@pytest.fixture
def hie(client: httpx.Client, operator: dict[str, str]) -> Org:
    return _org(client, operator, "intermediary", address="1 Exchange Place, Portland, ME")


def test_a_class_of_supporting_organizations_reaches_those_taking_part_in_the_members_networks(
    client: httpx.Client, operator: dict[str, str], org: Org
) -> None:
    member = create_member(client, org)
    supporter = make_org(client, operator)
    stranger = make_org(client, operator)
    consent_id = _grant(client, org, member["id"], _class_consent("supporting_organizations"))

    before = _sees(client, supporter, member["id"])
    circle = shared_circle(client, org, member["id"], supporter)
    read = client.get(f"/v1/members/{member['id']}", headers=supporter.headers)
    _leave(client, supporter, circle)
    after_leaving = _sees(client, supporter, member["id"])

    assert before is False
    assert read.status_code == 200, read.text
    assert read.json()["display_name"] == "Sam"
    assert read.json()["disclosure"]["consent_ids"] == [consent_id]
    assert _sees(client, stranger, member["id"]) is False
    assert after_leaving is False
    entries = client.get(f"/v1/members/{member['id']}/disclosures", headers=org.headers).json()[
        "data"
    ]
    assert [(e["recipient_organization_id"], e["consent_ids"]) for e in entries] == [
        (supporter.id, [consent_id])
    ]


def test_treating_providers_are_the_clinics_among_them(
    client: httpx.Client, operator: dict[str, str], org: Org
) -> None:
    member = create_member(client, org)
    clinic = make_org(client, operator, kind="clinic")
    app = make_org(client, operator)
    shared_circle(client, org, member["id"], clinic, app)
    consent_id = _grant(client, org, member["id"], _class_consent("treating_providers"))

    assert _sees(client, clinic, member["id"]) is True
    assert _sees(client, app, member["id"]) is False
    # The recipient reads the consent that allowed it; one it does not reach stays hidden.
    assert client.get(f"/v1/consents/{consent_id}", headers=clinic.headers).status_code == 200
    assert client.get(f"/v1/consents/{consent_id}", headers=app.headers).status_code == 404
    revoked = client.post(f"/v1/consents/{consent_id}/revoke", json={}, headers=org.headers)
    assert revoked.status_code == 200, revoked.text
    assert _sees(client, clinic, member["id"]) is False


def test_a_class_consent_lets_member_events_reach_the_class_only(
    client: httpx.Client, operator: dict[str, str], org: Org
) -> None:
    member = create_member(client, org)
    clinic = make_org(client, operator, kind="clinic")
    app = make_org(client, operator)
    shared_circle(client, org, member["id"], clinic, app)
    _grant(client, org, member["id"], _class_consent("treating_providers"))
    changed = client.patch(
        f"/v1/members/{member['id']}",
        json={"display_name": "Samuel"},
        headers={**org.headers, "If-Match": '"1"'},
    )
    assert changed.status_code == 200, changed.text

    def updates(reader: Org) -> list[dict[str, Any]]:
        events = client.get(
            "/v1/events", params={"types": "member.updated"}, headers=reader.headers
        ).json()["data"]
        return [e for e in events if e["data"].get("member_id") == member["id"]]

    wait_until(lambda: updates(clinic) != [])
    assert updates(clinic)[0]["disclosure"] is not None
    assert updates(app) == []


def test_an_intermediary_passes_data_only_to_the_participants_named(
    client: httpx.Client, operator: dict[str, str], org: Org, hie: Org
) -> None:
    member = create_member(client, org)
    named = make_org(client, operator, kind="clinic")
    other = make_org(client, operator, kind="clinic")
    outsider = make_org(client, operator, kind="clinic")
    for participant in (named, other):
        assert _participate(client, operator, hie, participant).status_code == 200
    consent_id = _grant(
        client, org, member["id"], _through(hie, participant_organization_ids=[named.id])
    )

    read = client.get(f"/v1/members/{member['id']}", headers=named.headers)

    assert read.status_code == 200, read.text
    assert read.json()["disclosure"]["consent_ids"] == [consent_id]
    assert _sees(client, hie, member["id"]) is True  # the intermediary is named itself
    assert _sees(client, other, member["id"]) is False
    assert _sees(client, outsider, member["id"]) is False
    entry = next(
        e
        for e in client.get(f"/v1/members/{member['id']}/disclosures", headers=org.headers).json()[
            "data"
        ]
        if e["recipient_organization_id"] == named.id
    )
    assert entry["intermediary_organization_id"] == hie.id
    assert entry["intermediary_name"].startswith("intermediary ")
    ended = client.delete(f"/v1/organizations/{hie.id}/participants/{named.id}", headers=operator)
    assert ended.status_code == 200, ended.text
    assert ended.json()["ended_at"] is not None
    assert _sees(client, named, member["id"]) is False


def test_an_intermediarys_treating_providers_are_its_participants_caring_for_the_member(
    client: httpx.Client, operator: dict[str, str], org: Org, hie: Org
) -> None:
    member = create_member(client, org)
    caring = make_org(client, operator, kind="clinic")
    distant = make_org(client, operator, kind="clinic")
    not_a_participant = make_org(client, operator, kind="clinic")
    for participant in (caring, distant):
        assert _participate(client, operator, hie, participant).status_code == 200
    shared_circle(client, org, member["id"], caring, not_a_participant)
    _grant(client, org, member["id"], _through(hie, participant_class="treating_providers"))

    assert _sees(client, caring, member["id"]) is True
    assert _sees(client, distant, member["id"]) is False
    assert _sees(client, not_a_participant, member["id"]) is False


def test_the_accounting_names_the_recipients_address(
    client: httpx.Client, operator: dict[str, str], org: Org, hie: Org
) -> None:
    member = create_member(client, org)
    clinic = make_org(client, operator, kind="clinic")
    assert _participate(client, operator, hie, clinic).status_code == 200
    _grant(client, org, member["id"], _through(hie, participant_organization_ids=[clinic.id]))
    assert _sees(client, hie, member["id"]) is True

    entries = client.get(f"/v1/members/{member['id']}/disclosures", headers=org.headers).json()[
        "data"
    ]
    document = client.get(f"/v1/members/{member['id']}/disclosures/document", headers=org.headers)

    assert [(e["recipient_address"], e["intermediary_organization_id"]) for e in entries] == [
        ("1 Exchange Place, Portland, ME", None)
    ]
    assert "1 Exchange Place, Portland, ME" in document.text
    organization = client.get(f"/v1/organizations/{hie.id}", headers=hie.headers).json()
    assert organization["address"] == "1 Exchange Place, Portland, ME"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"recipient_class": "treating_providers"}, "recipient_class"),
        ({"participant_organization_ids": [str(uuid.uuid4())]}, "participant_organization_ids"),
        ({"participant_class": "treating_providers"}, "participant_class"),
    ],
)
def test_recipients_that_do_not_fit_together_are_refused_naming_the_field(
    client: httpx.Client,
    operator: dict[str, str],
    org: Org,
    change: dict[str, Any],
    field: str,
) -> None:
    member = create_member(client, org)
    peer = make_org(client, operator)

    response = client.post(
        f"/v1/members/{member['id']}/consents",
        json={**consent_body(peer.id), **change},
        headers=org.headers,
    )

    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == field
    listed = client.get(f"/v1/members/{member['id']}/consents", headers=org.headers)
    assert listed.json()["data"] == []


def test_a_consent_to_an_intermediary_must_name_participants_taking_part_now(
    client: httpx.Client, operator: dict[str, str], org: Org, hie: Org
) -> None:
    member = create_member(client, org)
    clinic = make_org(client, operator, kind="clinic")
    without = client.post(
        f"/v1/members/{member['id']}/consents", json=_through(hie), headers=org.headers
    )
    not_taking_part = client.post(
        f"/v1/members/{member['id']}/consents",
        json=_through(hie, participant_organization_ids=[clinic.id]),
        headers=org.headers,
    )
    described_too_broadly = client.post(
        f"/v1/members/{member['id']}/consents",
        json=_through(hie, participant_class="supporting_organizations"),
        headers=org.headers,
    )
    no_class = client.post(
        f"/v1/members/{member['id']}/consents",
        json={**_class_consent("treating_providers"), "recipient_organization_id": None},
        headers=org.headers,
    )
    body = _class_consent("supporting_organizations")
    body["form"] = {
        **body["form"],
        "statements": ["right_to_revoke", "conditioning", "redisclosure"],
    }
    without_hipaa = client.post(
        f"/v1/members/{member['id']}/consents", json=body, headers=org.headers
    )

    assert without.status_code == 422, without.text
    assert without.json()["errors"][0]["field"] == "participant_organization_ids"
    assert not_taking_part.status_code == 422, not_taking_part.text
    assert not_taking_part.json()["errors"][0]["field"] == "participant_organization_ids"
    assert described_too_broadly.status_code == 400, described_too_broadly.text
    assert no_class.status_code == 201, no_class.text  # null is the same as leaving it out
    assert without_hipaa.status_code == 422, without_hipaa.text
    assert without_hipaa.json()["errors"][0]["field"] == "statements"


def test_participants_are_recorded_by_the_operator_and_read_by_anyone(
    client: httpx.Client, operator: dict[str, str], org: Org, hie: Org
) -> None:
    clinic = make_org(client, operator, kind="clinic")
    path = f"/v1/organizations/{hie.id}/participants/{clinic.id}"

    by_an_organization = client.put(path, headers=hie.headers)
    first = client.put(path, headers=operator)
    again = client.put(path, headers=operator)
    not_an_intermediary = client.put(
        f"/v1/organizations/{clinic.id}/participants/{hie.id}", headers=operator
    )
    unknown_participant = client.put(
        f"/v1/organizations/{hie.id}/participants/{uuid.uuid4()}", headers=operator
    )
    unknown_intermediary = client.put(
        f"/v1/organizations/{uuid.uuid4()}/participants/{clinic.id}", headers=operator
    )
    itself = client.put(f"/v1/organizations/{hie.id}/participants/{hie.id}", headers=operator)
    listed = client.get(f"/v1/organizations/{hie.id}/participants", headers=org.headers)
    one = client.get(
        f"/v1/organizations/{hie.id}/participants", params={"limit": 1}, headers=org.headers
    )
    # Of an organization that is no intermediary, nothing (not even that it exists).
    not_listed = client.get(f"/v1/organizations/{clinic.id}/participants", headers=org.headers)
    own = client.get(f"/v1/organizations/{clinic.id}/participants", headers=clinic.headers)
    ended_by_an_organization = client.delete(path, headers=hie.headers)
    ended = client.delete(path, headers=operator)
    ended_twice = client.delete(path, headers=operator)
    never = client.delete(f"/v1/organizations/{hie.id}/participants/{org.id}", headers=operator)
    back = client.put(path, headers=operator)

    assert by_an_organization.status_code == 403, by_an_organization.text
    assert first.status_code == 200, first.text
    assert first.json()["participant_name"].startswith("Org ")
    assert first.json()["participant_kind"] == "clinic"
    assert again.json() == first.json()  # recording it again changes nothing
    assert not_an_intermediary.status_code == 422, not_an_intermediary.text
    assert unknown_participant.status_code == 422, unknown_participant.text
    assert unknown_intermediary.status_code == 404, unknown_intermediary.text
    assert itself.status_code == 422, itself.text
    assert [p["participant_organization_id"] for p in listed.json()["data"]] == [clinic.id]
    assert listed.json()["next_cursor"] is None
    assert [p["participant_organization_id"] for p in one.json()["data"]] == [clinic.id]
    assert not_listed.status_code == 404, not_listed.text
    assert own.json()["data"] == []  # itself: no participants, but no secret either
    assert ended_by_an_organization.status_code == 403, ended_by_an_organization.text
    assert ended.status_code == 200, ended.text
    assert ended.json()["version"] == 2
    assert ended.json()["ended_at"] is not None
    assert ended_twice.json() == ended.json()  # ending it again changes nothing
    assert never.status_code == 404, never.text
    assert (back.json()["version"], back.json()["ended_at"]) == (3, None)
    assert back.json()["joined_at"] > first.json()["joined_at"]


def test_a_recipient_reached_by_class_or_intermediary_cannot_revoke_or_change_the_consent(
    client: httpx.Client, operator: dict[str, str], org: Org, hie: Org
) -> None:
    member = create_member(client, org)
    clinic = make_org(client, operator, kind="clinic")
    shared_circle(client, org, member["id"], clinic)
    assert _participate(client, operator, hie, clinic).status_code == 200
    by_class = _grant(client, org, member["id"], _class_consent("treating_providers"))
    through = _grant(
        client, org, member["id"], _through(hie, participant_organization_ids=[clinic.id])
    )

    for consent_id in (by_class, through):
        assert client.get(f"/v1/consents/{consent_id}", headers=clinic.headers).status_code == 200
        revoke = client.post(f"/v1/consents/{consent_id}/revoke", json={}, headers=clinic.headers)
        assert revoke.status_code == 404, revoke.text
        kept = client.get(f"/v1/consents/{consent_id}", headers=org.headers).json()
        assert kept["status"] == "active"
    # Nor the intermediary itself, although the consent names it.
    by_intermediary = client.post(f"/v1/consents/{through}/revoke", json={}, headers=hie.headers)
    assert by_intermediary.status_code == 404, by_intermediary.text


def test_revoking_a_consent_to_an_intermediary_acts_on_its_participants_next_read(
    client: httpx.Client, operator: dict[str, str], org: Org, hie: Org
) -> None:
    member = create_member(client, org)
    clinic = make_org(client, operator, kind="clinic")
    assert _participate(client, operator, hie, clinic).status_code == 200
    consent_id = _grant(
        client, org, member["id"], _through(hie, participant_organization_ids=[clinic.id])
    )
    assert _sees(client, clinic, member["id"]) is True
    document = client.get(f"/v1/members/{member['id']}/disclosures/document", headers=org.headers)

    revoked = client.post(f"/v1/consents/{consent_id}/revoke", json={}, headers=org.headers)

    assert revoked.status_code == 200, revoked.text
    assert _sees(client, clinic, member["id"]) is False
    assert _sees(client, hie, member["id"]) is False
    # The member's printed accounting says whom the data went to, and through whom.
    assert document.status_code == 200, document.text
    hie_name = client.get(f"/v1/organizations/{hie.id}", headers=hie.headers).json()["name"]
    assert f"through {hie_name}" in document.text


def test_the_command_line_makes_an_intermediary_with_its_address(
    client: httpx.Client, dsn: str
) -> None:
    printed = cli(
        dsn,
        "orgs",
        "create",
        "--name",
        "Casco Bay HIE",
        "--kind",
        "intermediary",
        "--address",
        "1 Exchange Place, Portland, ME",
    )
    token = token_from(printed)
    organization_id = printed.split()[1]

    read = client.get(
        f"/v1/organizations/{organization_id}", headers={"Authorization": f"Bearer {token}"}
    )

    assert read.status_code == 200, read.text
    assert (read.json()["kind"], read.json()["address"]) == (
        "intermediary",
        "1 Exchange Place, Portland, ME",
    )


def test_a_restriction_naming_a_recipient_holds_for_a_class_consent_that_reaches_it(
    client: httpx.Client, operator: dict[str, str], org: Org
) -> None:
    member = create_member(client, org)
    clinic = make_org(client, operator, kind="clinic")
    shared_circle(client, org, member["id"], clinic)
    _grant(client, org, member["id"], _class_consent("treating_providers"))
    assert _sees(client, clinic, member["id"]) is True
    requested = client.post(
        f"/v1/members/{member['id']}/restrictions",
        json={
            "scopes": ["profile"],
            "recipient_organization_ids": [clinic.id],
            "purpose_codes": [],
            "requested_on": datetime.now(UTC).date().isoformat(),
        },
        headers=org.headers,
    )
    assert requested.status_code == 201, requested.text

    agreed = client.post(
        f"/v1/restrictions/{requested.json()['id']}/decision",
        json={"decision": "agree"},
        headers=org.headers,
    )

    assert agreed.status_code == 200, agreed.text
    assert _sees(client, clinic, member["id"]) is False


def test_a_class_recipient_writes_under_the_consent_and_not_after_it_ends(
    client: httpx.Client, operator: dict[str, str], org: Org
) -> None:
    """A write that names another organization's member (a cheer) is allowed by the consent
    that reaches the writer, and refused from the moment it is revoked."""
    start = datetime.now(UTC).date() - timedelta(days=10)
    member = create_member(client, org, timezone="UTC", recovery_started_on=start.isoformat())
    partner = make_org(client, operator)
    network_id = shared_circle(client, org, member["id"], partner)
    supporter = create_member(client, partner, display_name="Supporter")
    joined = client.post(
        f"/v1/networks/{network_id}/memberships",
        json={"member_id": supporter["id"], "role": "peer_supporter"},
        headers=partner.headers,
    )
    assert joined.status_code == 201, joined.text
    body = {**_class_consent("supporting_organizations"), "scopes": ["milestones"]}
    consent_id = _grant(client, org, member["id"], body)
    url = f"/v1/members/{member['id']}/milestones/current.7d/cheers"
    cheer = {"author_member_id": supporter["id"], "message": "A week!"}

    under_consent = client.post(url, json=cheer, headers=partner.headers)
    revoked = client.post(f"/v1/consents/{consent_id}/revoke", json={}, headers=org.headers)
    after = client.post(url, json={**cheer, "message": "Again"}, headers=partner.headers)

    assert under_consent.status_code == 201, under_consent.text
    assert revoked.status_code == 200, revoked.text
    assert after.status_code == 404, after.text
