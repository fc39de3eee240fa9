"""Consent to the letter of 42 CFR Part 2 (issue #11): a written signature, end events that can
happen, and the end of treatment ending the consents given until then."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.integration.conftest import Org, create_member, make_org, shared_circle
from tests.integration.test_every_endpoint import consent_body
from tests.support.database import Db
from tests.support.waiting import wait_until


@pytest.fixture
def partner(client: httpx.Client, operator: dict[str, str]) -> Org:
    return make_org(client, operator, kind="clinic")


def _grant(client: httpx.Client, home: Org, member_id: str, body: dict[str, Any]) -> httpx.Response:
    return client.post(f"/v1/members/{member_id}/consents", json=body, headers=home.headers)


def _consents(client: httpx.Client, home: Org, member_id: str) -> list[dict[str, Any]]:
    response = client.get(f"/v1/members/{member_id}/consents", headers=home.headers)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["data"]
    return found


def test_a_verbal_consent_is_refused_and_nothing_is_recorded(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    body = consent_body(partner.id)
    body["signature"] = {**body["signature"], "method": "verbal_witnessed"}

    response = _grant(client, org, member["id"], body)

    assert response.status_code == 400, response.text
    assert "signature.method" in {e["field"] for e in response.json()["errors"]}
    assert _consents(client, org, member["id"]) == []
    assert client.get(f"/v1/members/{member['id']}", headers=partner.headers).status_code == 404


@pytest.mark.parametrize("method", ["written", "electronic"])
def test_a_written_or_electronic_signature_is_accepted(
    client: httpx.Client, org: Org, partner: Org, method: str
) -> None:
    member = create_member(client, org)
    body = consent_body(partner.id)
    body["signature"] = {**body["signature"], "method": method}

    response = _grant(client, org, member["id"], body)

    assert response.status_code == 201, response.text
    assert response.json()["signature"]["method"] == method


def test_a_consent_ending_with_a_referral_needs_a_referral(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    body = {**consent_body(partner.id), "end_event": "referral_closed"}
    del body["expires_on"]

    response = _grant(client, org, member["id"], body)

    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == "end_event"
    assert _consents(client, org, member["id"]) == []


def test_a_consent_given_with_a_referral_may_end_with_it(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    terms = {**consent_body(partner.id), "end_event": "referral_closed"}
    del terms["expires_on"], terms["recipient_organization_id"]

    response = client.post(
        "/v1/referrals",
        json={
            "receiver_organization_id": partner.id,
            "reason": "Peer support after detox",
            "member_id": member["id"],
            "consent": terms,
        },
        headers=org.headers,
    )

    assert response.status_code == 201, response.text
    [consent] = _consents(client, org, member["id"])
    assert consent["end_event"] == "referral_closed"


def test_the_end_of_treatment_ends_the_consents_given_until_then(
    client: httpx.Client, org: Org, partner: Org, operator: dict[str, str]
) -> None:
    other = make_org(client, operator, kind="clinic")
    member = create_member(client, org)
    until_treatment = {**consent_body(partner.id), "end_event": "treatment_ended"}
    del until_treatment["expires_on"]
    ending = _grant(client, org, member["id"], until_treatment).json()["id"]
    dated = _grant(client, org, member["id"], consent_body(other.id)).json()["id"]
    assert client.get(f"/v1/members/{member['id']}", headers=partner.headers).status_code == 200

    response = client.post(f"/v1/members/{member['id']}/treatment-end", headers=org.headers)

    assert response.status_code == 200, response.text
    assert response.json()["member_id"] == member["id"]
    assert [c["id"] for c in response.json()["ended_consents"]] == [ending]
    assert response.json()["ended_consents"][0]["status"] == "expired"
    # The recipient of the ended consent sees the member no more; the dated one stands.
    assert client.get(f"/v1/members/{member['id']}", headers=partner.headers).status_code == 404
    assert client.get(f"/v1/members/{member['id']}", headers=other.headers).status_code == 200
    statuses = {c["id"]: c["status"] for c in _consents(client, org, member["id"])}
    assert statuses == {ending: "expired", dated: "active"}

    def expired() -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = client.get(
            "/v1/events", params={"types": "consent.expired"}, headers=partner.headers
        ).json()["data"]
        return [e for e in found if e["data"]["consent_id"] == ending]

    wait_until(lambda: bool(expired()))
    assert [e["data"]["reason"] for e in expired()] == ["treatment_ended"]

    again = client.post(f"/v1/members/{member['id']}/treatment-end", headers=org.headers)
    assert again.status_code == 200, again.text
    assert again.json()["ended_consents"] == []


def test_only_the_home_organization_records_the_end_of_treatment(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    until_treatment = {**consent_body(partner.id), "end_event": "treatment_ended"}
    del until_treatment["expires_on"]
    consent_id = _grant(client, org, member["id"], until_treatment).json()["id"]

    # The recipient holds a consent, yet cannot end the member's treatment.
    foreign = client.post(f"/v1/members/{member['id']}/treatment-end", headers=partner.headers)

    assert foreign.status_code == 404, foreign.text
    consent = client.get(f"/v1/consents/{consent_id}", headers=org.headers).json()
    assert consent["status"] == "active"


def test_the_end_of_treatment_of_an_erased_member_is_gone(client: httpx.Client, org: Org) -> None:
    member = create_member(client, org)
    assert client.delete(f"/v1/members/{member['id']}", headers=org.headers).status_code == 204

    response = client.post(f"/v1/members/{member['id']}/treatment-end", headers=org.headers)

    assert response.status_code == 410, response.text


NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
LABELS = ["42CFRPart2", "R", "NORDSCLCD"]


def test_every_read_of_another_organizations_member_carries_the_notice(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    today = datetime.now(UTC).date()
    member = create_member(
        client, org, timezone="UTC", recovery_started_on=(today - timedelta(days=40)).isoformat()
    )
    everything = consent_body(
        partner.id, ["milestones", "networks", "pledges", "profile", "recovery"]
    )
    consent_id = _grant(client, org, member["id"], everything).json()["id"]
    pledge = client.post(
        f"/v1/members/{member['id']}/pledges",
        json={"text": "Call my sponsor", "cadence": "daily", "starts_on": today.isoformat()},
        headers=org.headers,
    )
    assert pledge.status_code == 201, pledge.text
    network_id = shared_circle(client, org, member["id"], partner)
    expected = {"notice": NOTICE, "consent_ids": [consent_id], "security_labels": LABELS}

    reads = {
        "member": client.get(f"/v1/members/{member['id']}", headers=partner.headers),
        "recovery": client.get(f"/v1/members/{member['id']}/recovery", headers=partner.headers),
        "milestones": client.get(f"/v1/members/{member['id']}/milestones", headers=partner.headers),
    }
    pledges = client.get(f"/v1/members/{member['id']}/pledges", headers=partner.headers)
    memberships = client.get(f"/v1/networks/{network_id}/memberships", headers=partner.headers)

    for name, response in reads.items():
        assert response.status_code == 200, (name, response.text)
        assert response.json()["disclosure"] == expected, name
    assert [p["disclosure"] for p in pledges.json()["data"]] == [expected]
    shown = [m for m in memberships.json()["data"] if (m["member"] or {}).get("id") == member["id"]]
    assert [m["disclosure"] for m in shown] == [expected]
    # The home organization's own reads are no disclosure: no notice.
    home = client.get(f"/v1/members/{member['id']}", headers=org.headers)
    assert home.json()["disclosure"] is None
    # The recipient can read the consent the notice names (less who signed).
    named = client.get(f"/v1/consents/{consent_id}", headers=partner.headers)
    assert named.status_code == 200, named.text
    assert named.json()["scopes"] == sorted(everything["scopes"])


def test_a_member_event_in_the_feed_carries_the_notice_to_another_organization(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    consent_id = _grant(client, org, member["id"], consent_body(partner.id, ["profile"])).json()[
        "id"
    ]
    changed = client.patch(
        f"/v1/members/{member['id']}", json={"display_name": "Sam R."}, headers=org.headers
    )
    assert changed.status_code == 200, changed.text

    def updates(reader: Org) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = client.get(
            "/v1/events", params={"types": "member.updated", "limit": 100}, headers=reader.headers
        ).json()["data"]
        return [e for e in found if e["subject_id"] == member["id"]]

    [theirs] = wait_until(lambda: updates(partner))
    [ours] = updates(org)

    assert theirs["disclosure"] == {
        "notice": NOTICE,
        "consent_ids": [consent_id],
        "security_labels": LABELS,
    }
    assert ours["disclosure"] is None


def test_an_accounting_entry_answers_the_member(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    consent_id = _grant(client, org, member["id"], consent_body(partner.id, ["profile"])).json()[
        "id"
    ]
    partner_name = client.get(f"/v1/organizations/{partner.id}", headers=partner.headers).json()[
        "name"
    ]
    assert client.get(f"/v1/members/{member['id']}", headers=partner.headers).status_code == 200

    [entry] = client.get(f"/v1/members/{member['id']}/disclosures", headers=org.headers).json()[
        "data"
    ]

    assert entry["recipient_organization_id"] == partner.id
    assert entry["recipient_name"] == partner_name
    assert entry["consent_ids"] == [consent_id]
    assert entry["purposes"] == ["Coordinate peer support after discharge"]
    assert entry["disclosed"] == "name, time zone and contact details"
    assert entry["channel"] == "api"
    # The key that read: a compromised key's exposure can be scoped.
    assert entry["key_id"] == partner.key_id


def test_a_revocation_records_how_when_and_by_whom_it_was_received(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    consent_id = _grant(client, org, member["id"], consent_body(partner.id)).json()["id"]
    received_at = (datetime.now(UTC) - timedelta(hours=3)).isoformat()

    revoked = client.post(
        f"/v1/consents/{consent_id}/revoke",
        json={
            "reason": "asked by the member",
            "received_via": "written",
            "received_at": received_at,
            "received_by": "Front desk, J. Ortiz",
        },
        headers=org.headers,
    )

    assert revoked.status_code == 200, revoked.text
    record = revoked.json()["revocation"]
    assert record["received_via"] == "written"
    assert datetime.fromisoformat(record["received_at"]) == datetime.fromisoformat(received_at)
    assert record["received_by"] == "Front desk, J. Ortiz"
    # It acts from now, whenever it was received: the partner no longer sees the member.
    assert client.get(f"/v1/members/{member['id']}", headers=partner.headers).status_code == 404
    # The recipient learns how and when, not who took it.
    theirs = client.get(f"/v1/consents/{consent_id}", headers=partner.headers).json()
    assert theirs["revocation"]["received_via"] == "written"
    assert theirs["revocation"]["received_by"] is None


def test_a_revocation_through_the_api_is_recorded_as_electronic_now(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    consent_id = _grant(client, org, member["id"], consent_body(partner.id)).json()["id"]
    before = datetime.now(UTC)

    revoked = client.post(f"/v1/consents/{consent_id}/revoke", json={}, headers=org.headers)

    assert revoked.status_code == 200, revoked.text
    record = revoked.json()["revocation"]
    assert record["received_via"] == "electronic"
    assert datetime.fromisoformat(record["received_at"]) >= before - timedelta(seconds=1)


@pytest.mark.parametrize(
    ("received_at", "why"),
    [
        (datetime.now(UTC) + timedelta(days=1), "future"),
        (datetime(2020, 1, 1, tzinfo=UTC), "before the signature"),
    ],
)
def test_a_revocation_received_at_an_impossible_time_is_refused(
    client: httpx.Client, org: Org, partner: Org, received_at: datetime, why: str
) -> None:
    member = create_member(client, org)
    consent_id = _grant(client, org, member["id"], consent_body(partner.id)).json()["id"]

    refused = client.post(
        f"/v1/consents/{consent_id}/revoke",
        json={"received_at": received_at.isoformat()},
        headers=org.headers,
    )

    assert refused.status_code == 422, (why, refused.text)
    assert refused.json()["errors"][0]["field"] == "received_at"
    consent = client.get(f"/v1/consents/{consent_id}", headers=org.headers).json()
    assert consent["status"] == "active"
    assert consent["revocation"] is None


def test_a_consent_records_every_element_and_the_recipient_never_sees_the_patients_name(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    body = {
        **consent_body(partner.id),
        "data_period": {"start": "2026-01-01", "end": "2026-12-31"},
        "signature": {
            **consent_body(partner.id)["signature"],
            "authority": "guardian",
            "document_sha256": "ab" * 32,
        },
    }

    made = _grant(client, org, member["id"], body)

    assert made.status_code == 201, made.text
    home = made.json()
    assert home["patient_name"] == "Samuel Rivera"
    assert home["consent_type"] == "specific"
    assert home["information"] == "Contact details and progress in recovery"
    assert home["data_period"] == {"start": "2026-01-01", "end": "2026-12-31"}
    assert home["purpose_code"] == "treatment"
    assert home["form"]["version"] == "SN-consent-2026-02"
    assert set(home["form"]["statements"]) >= {"right_to_revoke", "conditioning", "redisclosure"}
    assert (home["signature"]["authority"], home["signature"]["document_sha256"]) == (
        "guardian",
        "ab" * 32,
    )
    theirs = client.get(f"/v1/consents/{home['id']}", headers=partner.headers).json()
    assert theirs["patient_name"] is None
    assert theirs["purpose_code"] == "treatment"
    # Erasure blanks the name as signed, as it does every other copy of the member's words.
    assert client.delete(f"/v1/members/{member['id']}", headers=org.headers).status_code == 204
    after = client.get(f"/v1/consents/{home['id']}", headers=org.headers).json()
    assert after["patient_name"] == ""


@pytest.mark.parametrize(
    ("field", "change", "status"),
    [
        # Required by the schema: the contract says so, and the refusal is a 400.
        ("patient_name", {"patient_name": None}, 400),
        ("information", {"information": None}, 400),
        ("purpose_code", {"purpose_code": None}, 400),
        ("form", {"form": None}, 400),
        (
            "signature.authority",
            {"signature": {**consent_body("x")["signature"], "authority": None}},
            400,
        ),
        # What only the domain can tell: a 422.
        ("patient_name", {"patient_name": "   "}, 422),
        ("statements", {"form": {"version": "v1", "statements": ["right_to_revoke"]}}, 422),
    ],
)
def test_a_consent_missing_a_part_2_element_is_refused_naming_it(
    client: httpx.Client,
    org: Org,
    partner: Org,
    db: Db,
    field: str,
    change: dict[str, Any],
    status: int,
) -> None:
    member = create_member(client, org)
    before = db.snapshot()

    refused = _grant(client, org, member["id"], {**consent_body(partner.id), **change})

    assert refused.status_code == status, refused.text
    assert refused.json()["errors"][0]["field"] == field
    assert db.snapshot() == before


def test_a_consent_to_a_clinic_needs_the_hipaa_redisclosure_statement(
    client: httpx.Client, org: Org, partner: Org, operator: dict[str, str]
) -> None:
    member = create_member(client, org)
    peers = make_org(client, operator, kind="peer_org")
    form = {"version": "v1", "statements": ["right_to_revoke", "conditioning", "redisclosure"]}

    to_clinic = _grant(client, org, member["id"], {**consent_body(partner.id), "form": form})
    to_peers = _grant(client, org, member["id"], {**consent_body(peers.id), "form": form})

    assert to_clinic.status_code == 422, to_clinic.text
    assert "hipaa_redisclosure" in to_clinic.text
    assert to_peers.status_code == 201, to_peers.text


def test_a_tpo_consent_needs_no_expiry_and_is_not_revoked_orally(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    tpo = {**consent_body(partner.id), "consent_type": "tpo"}
    del tpo["expires_on"]

    made = _grant(client, org, member["id"], tpo)

    assert made.status_code == 201, made.text
    assert (made.json()["expires_at"], made.json()["status"]) == (None, "active")
    oral = client.post(
        f"/v1/consents/{made.json()['id']}/revoke",
        json={"received_via": "oral"},
        headers=org.headers,
    )
    assert oral.status_code == 422, oral.text
    assert oral.json()["errors"][0]["field"] == "received_via"
    written = client.post(
        f"/v1/consents/{made.json()['id']}/revoke",
        json={"received_via": "written"},
        headers=org.headers,
    )
    assert written.status_code == 200, written.text
    assert written.json()["status"] == "revoked"


def test_a_circles_name_reaches_another_organization_only_under_the_focus_members_consent(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    circle = client.post(
        "/v1/networks",
        json={
            "kind": "circle",
            "name": "Sam R.'s circle",
            "description": "Sam's people",
            "focus_member_id": member["id"],
        },
        headers=org.headers,
    ).json()
    invited = client.post(
        f"/v1/networks/{circle['id']}/organizations",
        json={"organization_id": partner.id},
        headers=org.headers,
    )
    assert invited.status_code == 201, invited.text

    without = client.get(f"/v1/networks/{circle['id']}", headers=partner.headers).json()
    listed = client.get("/v1/networks", headers=partner.headers).json()["data"]
    _grant(client, org, member["id"], consent_body(partner.id, ["networks"]))
    with_consent = client.get(f"/v1/networks/{circle['id']}", headers=partner.headers).json()

    assert (without["name"], without["description"]) == ("Support circle", None)
    assert [(n["name"], n["description"]) for n in listed if n["id"] == circle["id"]] == [
        ("Support circle", None)
    ]
    assert (with_consent["name"], with_consent["description"]) == (
        "Sam R.'s circle",
        "Sam's people",
    )
    home = client.get(f"/v1/networks/{circle['id']}", headers=org.headers).json()
    assert home["name"] == "Sam R.'s circle"


def test_a_partner_changing_a_circle_is_answered_with_the_name_it_may_see(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    """Found while accounting circle names: the answer to a partner's PATCH carried the real
    name and description, which its reads hide without the focus member's consent."""
    member = create_member(client, org)
    circle = client.post(
        "/v1/networks",
        json={"kind": "circle", "name": "Sam R.'s circle", "focus_member_id": member["id"]},
        headers=org.headers,
    ).json()
    client.post(
        f"/v1/networks/{circle['id']}/organizations",
        json={"organization_id": partner.id},
        headers=org.headers,
    )
    accepted = client.post(
        f"/v1/networks/{circle['id']}/invitation/accept", headers=partner.headers
    )
    assert accepted.status_code == 200, accepted.text

    def change(description: str) -> httpx.Response:
        seen = client.get(f"/v1/networks/{circle['id']}", headers=partner.headers)
        return client.patch(
            f"/v1/networks/{circle['id']}",
            json={"description": description},
            headers={**partner.headers, "If-Match": seen.headers["etag"]},
        )

    without = change("Meets on Tuesdays")
    assert without.status_code == 200, without.text
    assert (without.json()["name"], without.json()["description"]) == ("Support circle", None)
    _grant(client, org, member["id"], consent_body(partner.id, ["networks"]))
    under_consent = change("Tuesdays at six")
    assert (under_consent.json()["name"], under_consent.json()["description"]) == (
        "Sam R.'s circle",
        "Tuesdays at six",
    )


def test_a_members_request_for_an_accounting_is_recorded_with_its_due_date(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    member = create_member(client, org)
    today = datetime.now(UTC).date()
    received = today - timedelta(days=2)

    made = client.post(
        f"/v1/members/{member['id']}/accounting-requests",
        json={"received_on": received.isoformat(), "received_via": "written"},
        headers=org.headers,
    )

    assert made.status_code == 201, made.text
    request = made.json()
    assert request["answer_by"] == (received + timedelta(days=30)).isoformat()
    assert request["period_end"] == received.isoformat()
    assert date.fromisoformat(request["period_start"]) <= received - timedelta(days=3 * 365)
    assert request["answered_at"] is None
    # Another organization learns nothing of it, nor can it answer it.
    theirs = client.get(f"/v1/members/{member['id']}/accounting-requests", headers=partner.headers)
    assert theirs.status_code == 404, theirs.text
    foreign = client.post(
        f"/v1/accounting-requests/{request['id']}/answered", headers=partner.headers
    )
    assert foreign.status_code == 404, foreign.text

    answered = client.post(f"/v1/accounting-requests/{request['id']}/answered", headers=org.headers)
    again = client.post(f"/v1/accounting-requests/{request['id']}/answered", headers=org.headers)

    assert answered.status_code == 200, answered.text
    assert answered.json()["answered_at"] is not None
    assert again.status_code == 409, again.text
    listed = client.get(
        f"/v1/members/{member['id']}/accounting-requests", headers=org.headers
    ).json()["data"]
    assert [(r["id"], r["answered_at"] is not None) for r in listed] == [(request["id"], True)]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"received_on": "2099-01-01"}, "received_on"),
        ({"period_start": "2000-01-01"}, "period_start"),
        ({"period_start": "2026-11-20", "period_end": "2026-11-01"}, "period_end"),
    ],
)
def test_an_impossible_accounting_request_is_refused(
    client: httpx.Client, org: Org, change: dict[str, str], field: str
) -> None:
    member = create_member(client, org)
    body = {"received_on": "2026-11-25", "received_via": "oral", **change}

    refused = client.post(
        f"/v1/members/{member['id']}/accounting-requests", json=body, headers=org.headers
    )

    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["field"] == field
