"""Networks shared across organizations, consent, and the accounting of disclosures."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from service.adapters.postgres.pool import open_pool
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.system import SystemClock, UuidV7Source
from service.usecases.consents import announce_expired_consents
from tests.integration.conftest import Org, create_member, make_org, shared_circle
from tests.integration.test_every_endpoint import consent_body
from tests.support.database import Db
from tests.support.waiting import wait_until


@pytest.fixture
def partner(client: httpx.Client, operator: dict[str, str]) -> Org:
    return make_org(client, operator, kind="clinic")


def _grant(
    client: httpx.Client, home: Org, member_id: str, recipient: Org, scopes: list[str]
) -> dict[str, Any]:
    response = client.post(
        f"/v1/members/{member_id}/consents",
        json=consent_body(recipient.id, scopes),
        headers=home.headers,
    )
    assert response.status_code == 201, response.text
    consent: dict[str, Any] = response.json()
    return consent


def _disclosures(client: httpx.Client, home: Org, member_id: str) -> list[dict[str, Any]]:
    response = client.get(f"/v1/members/{member_id}/disclosures", headers=home.headers)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["data"]
    return found


def test_consent_lifecycle_grant_read_revoke(
    client: httpx.Client, org: Org, partner: Org, db: Db
) -> None:
    member = create_member(
        client,
        org,
        display_name="Robin",
        recovery_started_on="2026-01-05",
        external_ref="chart-77",
        contact={"email": "robin@example.org"},
    )
    url = f"/v1/members/{member['id']}"
    assert client.get(url, headers=partner.headers).status_code == 404  # no consent yet

    consent = _grant(client, org, member["id"], partner, ["profile"])
    assert consent["status"] == "active"
    seen = client.get(url, headers={**partner.headers, "X-Request-ID": "read-1"})
    assert seen.status_code == 200
    body = seen.json()
    assert body["display_name"] == "Robin"
    assert body["contact"] == {"email": "robin@example.org", "phone": None}
    assert body["recovery_started_on"] is None  # the recovery scope was not granted
    assert body["external_ref"] is None  # the home organization's own id never leaves it
    assert body["access"] == "consent"
    assert body["disclosed_scopes"] == ["profile"]

    logged = _disclosures(client, org, member["id"])
    assert len(logged) == 1
    assert logged[0]["recipient_organization_id"] == partner.id
    assert logged[0]["consent_ids"] == [consent["id"]]
    assert logged[0]["scopes"] == ["profile"]
    # The service's own request id; what the caller sent is kept apart, as the caller's.
    assert logged[0]["request_id"] != "read-1"
    assert logged[0]["client_request_id"] == "read-1"
    assert logged[0]["operation"] == "getMember"

    # The home organization's own reads are no disclosure.
    assert client.get(url, headers=org.headers).json()["access"] == "home"
    assert len(_disclosures(client, org, member["id"])) == 1

    revoked = client.post(
        f"/v1/consents/{consent['id']}/revoke", json={"reason": "member asked"}, headers=org.headers
    )
    assert revoked.status_code == 200
    assert revoked.json()["status"] == "revoked"
    after = client.get(url, headers=partner.headers)
    assert after.status_code == 404  # the very next request
    assert "Robin" not in after.text
    assert len(_disclosures(client, org, member["id"])) == 1
    events = db.fetch(
        "SELECT type FROM outbox_events WHERE subject_id = $1 ORDER BY position",
        uuid.UUID(consent["id"]),
    )
    assert [e["type"] for e in events] == ["consent.granted", "consent.revoked"]


def test_expiry_takes_effect_on_the_next_read_and_is_announced_once(
    client: httpx.Client, org: Org, partner: Org, db: Db, dsn: str
) -> None:
    member = create_member(client, org, display_name="Ash")
    consent = _grant(client, org, member["id"], partner, ["profile", "recovery"])
    url = f"/v1/members/{member['id']}"
    assert client.get(url, headers=partner.headers).status_code == 200
    # Time passes: the expiry instant is now in the past.
    db.execute(
        "UPDATE consents SET expires_at = now() - interval '1 second' WHERE id = $1",
        uuid.UUID(consent["id"]),
    )
    assert client.get(url, headers=partner.headers).status_code == 404
    status = client.get(f"/v1/consents/{consent['id']}", headers=org.headers).json()["status"]
    assert status == "expired"

    async def two_workers() -> list[int]:
        database = await open_pool(dsn, min_size=2, max_size=4)
        try:
            clock, ids = SystemClock(), UuidV7Source()
            return list(
                await asyncio.gather(
                    announce_expired_consents(PostgresUnitOfWork(database, clock, ids)),
                    announce_expired_consents(PostgresUnitOfWork(database, clock, ids)),
                )
            )
        finally:
            await database.close()

    asyncio.run(two_workers())
    asyncio.run(two_workers())
    announced = db.fetchval(
        "SELECT count(*) FROM outbox_events WHERE subject_id = $1 AND type = 'consent.expired'",
        uuid.UUID(consent["id"]),
    )
    assert announced == 1


def test_a_consent_missing_an_element_is_refused_naming_it(
    client: httpx.Client, org: Org, partner: Org, db: Db
) -> None:
    """What the schema states (an element required, a list not empty) is a 400 naming the
    field; what only the domain can tell (no recipient at all, no expiry of either kind) is a
    422 naming it."""
    member = create_member(client, org)
    full = consent_body(partner.id)

    def without(key: str) -> dict[str, Any]:
        return {k: v for k, v in full.items() if k != key}

    def signature_without(key: str) -> dict[str, Any]:
        return {**full, "signature": {k: v for k, v in full["signature"].items() if k != key}}

    schema_cases = {
        "scopes": {**full, "scopes": []},
        "purpose": without("purpose"),
        "signature.method": signature_without("method"),
        "signature.signed_at": signature_without("signed_at"),
        "signature.signed_by": signature_without("signed_by"),
        "recorded_by": without("recorded_by"),
        "patient_name": without("patient_name"),
        "form": without("form"),
    }
    domain_cases = {
        "recipient_organization_id": without("recipient_organization_id"),
        "expires_on": without("expires_on"),
        "signed_by": {**full, "signature": {**full["signature"], "signed_by": "  "}},
    }
    before = db.snapshot()
    for cases, status in ((schema_cases, 400), (domain_cases, 422)):
        for field, body in cases.items():
            response = client.post(
                f"/v1/members/{member['id']}/consents", json=body, headers=org.headers
            )
            assert response.status_code == status, (field, response.text)
            assert response.json()["errors"][0]["field"] == field, response.text
    past = client.post(
        f"/v1/members/{member['id']}/consents",
        json={**full, "expires_on": "2020-01-01"},
        headers=org.headers,
    )
    assert past.status_code == 422
    to_self = client.post(
        f"/v1/members/{member['id']}/consents", json=consent_body(org.id), headers=org.headers
    )
    assert to_self.status_code == 422
    assert db.snapshot() == before
    # An end event instead of a date is a complete expiry (one that can happen: the end of
    # treatment; a referral's closing only for a consent given with its referral).
    by_event = {k: v for k, v in full.items() if k != "expires_on"} | {
        "end_event": "treatment_ended"
    }
    response = client.post(
        f"/v1/members/{member['id']}/consents", json=by_event, headers=org.headers
    )
    assert response.status_code == 201
    assert response.json()["expires_at"] is None


def test_the_recipient_reads_the_consent_but_not_who_signed(
    client: httpx.Client, org: Org, partner: Org, other_org: Org
) -> None:
    member = create_member(client, org)
    consent = _grant(client, org, member["id"], partner, ["profile"])
    as_recipient = client.get(f"/v1/consents/{consent['id']}", headers=partner.headers)
    assert as_recipient.status_code == 200
    assert as_recipient.json()["signature"]["signed_by"] is None
    assert as_recipient.json()["recorded_by"] is None
    as_home = client.get(f"/v1/consents/{consent['id']}", headers=org.headers).json()
    assert as_home["signature"]["signed_by"] == "the member"
    assert client.get(f"/v1/consents/{consent['id']}", headers=other_org.headers).status_code == 404
    listed = client.get(f"/v1/members/{member['id']}/consents", headers=org.headers).json()
    assert [c["id"] for c in listed["data"]] == [consent["id"]]
    # The recipient cannot revoke: only the home organization speaks for the member.
    revoke = client.post(f"/v1/consents/{consent['id']}/revoke", json={}, headers=partner.headers)
    assert revoke.status_code == 404


def test_memberships_show_what_consent_allows(client: httpx.Client, org: Org, partner: Org) -> None:
    focus = create_member(client, org, display_name="Focus Person")
    network_id = shared_circle(client, org, focus["id"], partner)
    supporter = create_member(client, partner, display_name="Peer Pat")
    added = client.post(
        f"/v1/networks/{network_id}/memberships",
        json={"member_id": supporter["id"], "role": "peer_supporter"},
        headers=partner.headers,
    )
    assert added.status_code == 201, added.text

    def seen_by(viewer: Org) -> dict[str, dict[str, Any]]:
        response = client.get(f"/v1/networks/{network_id}/memberships", headers=viewer.headers)
        assert response.status_code == 200, response.text
        return {m["role"]: m for m in response.json()["data"]}

    as_partner = seen_by(partner)
    # No consent from org: the focus membership shows its role and status, nothing else.
    assert as_partner["focus"]["member"] is None
    assert as_partner["focus"]["joined_at"] is None
    assert as_partner["focus"]["status"] == "active"
    # Its own member, in full.
    assert as_partner["peer_supporter"]["member"]["display_name"] == "Peer Pat"
    assert as_partner["peer_supporter"]["joined_at"] is not None
    as_home = seen_by(org)
    assert as_home["focus"]["member"]["display_name"] == "Focus Person"
    assert as_home["peer_supporter"]["member"] is None

    _grant(client, org, focus["id"], partner, ["profile"])
    named = seen_by(partner)["focus"]
    assert named["member"]["display_name"] == "Focus Person"
    assert named["joined_at"] is None  # dates need the networks scope
    _grant(client, org, focus["id"], partner, ["networks"])
    assert seen_by(partner)["focus"]["joined_at"] is not None
    logged = _disclosures(client, org, focus["id"])
    assert [d["operation"] for d in logged] == ["listNetworkMemberships"] * 2


def test_only_participants_see_a_network(
    client: httpx.Client, org: Org, partner: Org, other_org: Org
) -> None:
    focus = create_member(client, org)
    network_id = shared_circle(client, org, focus["id"])
    invited = client.post(
        f"/v1/networks/{network_id}/organizations",
        json={"organization_id": partner.id},
        headers=org.headers,
    )
    assert invited.json()["status"] == "invited"
    # Invited: it may look before it answers, but not act.
    assert client.get(f"/v1/networks/{network_id}", headers=partner.headers).status_code == 200
    rename = client.patch(f"/v1/networks/{network_id}", json={"name": "x"}, headers=partner.headers)
    assert rename.status_code == 403
    declined = client.post(f"/v1/networks/{network_id}/invitation/decline", headers=partner.headers)
    assert declined.json()["status"] == "declined"
    assert client.get(f"/v1/networks/{network_id}", headers=partner.headers).status_code == 404
    assert client.get(f"/v1/networks/{network_id}", headers=other_org.headers).status_code == 404
    listed = client.get("/v1/networks", headers=other_org.headers).json()["data"]
    assert network_id not in [n["id"] for n in listed]
    mine = client.get("/v1/networks", params={"member_id": focus["id"]}, headers=org.headers)
    assert [n["id"] for n in mine.json()["data"]] == [network_id]
    assert mine.json()["data"][0]["focus_member_id"] == focus["id"]


def test_a_circle_has_exactly_one_focus(client: httpx.Client, org: Org) -> None:
    focus = create_member(client, org)
    other = create_member(client, org)
    network_id = shared_circle(client, org, focus["id"])
    second_focus = client.post(
        f"/v1/networks/{network_id}/memberships",
        json={"member_id": other["id"], "role": "focus"},
        headers=org.headers,
    )
    assert second_focus.status_code == 409
    assert second_focus.json()["type"].endswith("/focus-taken")
    no_focus = client.post(
        "/v1/networks", json={"kind": "circle", "name": "No focus"}, headers=org.headers
    )
    assert no_focus.status_code == 422
    assert no_focus.json()["errors"][0]["field"] == "focus_member_id"
    group = client.post("/v1/networks", json={"kind": "group", "name": "G"}, headers=org.headers)
    focus_in_group = client.post(
        f"/v1/networks/{group.json()['id']}/memberships",
        json={"member_id": other["id"], "role": "focus"},
        headers=org.headers,
    )
    assert focus_in_group.status_code == 422
    twice = client.post(
        f"/v1/networks/{network_id}/memberships",
        json={"member_id": focus["id"], "role": "family"},
        headers=org.headers,
    )
    assert twice.status_code == 409


def test_two_organizations_with_a_stale_if_match_one_gets_412(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    focus = create_member(client, org)
    network_id = shared_circle(client, org, focus["id"], partner)
    etag = client.get(f"/v1/networks/{network_id}", headers=org.headers).headers["etag"]
    first = client.patch(
        f"/v1/networks/{network_id}",
        json={"name": "From the clinic"},
        headers={**partner.headers, "If-Match": etag},
    )
    assert first.status_code == 200
    second = client.patch(
        f"/v1/networks/{network_id}",
        json={"name": "From the app"},
        headers={**org.headers, "If-Match": etag},
    )
    assert second.status_code == 412
    assert client.get(f"/v1/networks/{network_id}", headers=org.headers).json()["name"] == (
        "From the clinic"
    )


def test_membership_lifecycle_and_leaving(
    client: httpx.Client, org: Org, partner: Org, db: Db
) -> None:
    focus = create_member(client, org)
    network_id = shared_circle(client, org, focus["id"], partner)
    mine = create_member(client, partner)
    added = client.post(
        f"/v1/networks/{network_id}/memberships",
        json={"member_id": mine["id"], "role": "sponsor", "status": "invited"},
        headers=partner.headers,
    ).json()
    assert added["status"] == "invited"
    assert added["invited_at"] is not None
    accepted = client.patch(
        f"/v1/networks/{network_id}/memberships/{added['id']}",
        json={"status": "active"},
        headers={**partner.headers, "If-Match": '"1"'},
    )
    assert accepted.status_code == 200
    assert accepted.json()["joined_at"] is not None
    # The network's creator changes another organization's member only under its consent.
    without_consent = client.patch(
        f"/v1/networks/{network_id}/memberships/{added['id']}",
        json={"role": "peer_supporter"},
        headers={**org.headers, "If-Match": accepted.headers["etag"]},
    )
    assert without_consent.status_code == 403, without_consent.text
    _grant(client, partner, mine["id"], org, ["networks"])
    role = client.patch(
        f"/v1/networks/{network_id}/memberships/{added['id']}",
        json={"role": "peer_supporter"},
        headers={**org.headers, "If-Match": accepted.headers["etag"]},
    )
    assert role.status_code == 200
    # The network's creator can see the role change, but not the member behind it.
    assert role.json()["member"] is None
    left = client.post(f"/v1/networks/{network_id}/leave", headers=partner.headers)
    assert left.json()["status"] == "left"
    statuses = {
        m["role"]: m["status"]
        for m in client.get(f"/v1/networks/{network_id}/memberships", headers=org.headers).json()[
            "data"
        ]
    }
    assert statuses == {"focus": "active", "peer_supporter": "left"}
    assert client.get(f"/v1/networks/{network_id}", headers=partner.headers).status_code == 404
    types = [
        r["type"]
        for r in db.fetch(
            "SELECT type FROM outbox_events WHERE subject_id = $1 ORDER BY position",
            uuid.UUID(network_id),
        )
    ]
    assert types[:2] == ["network.created", "network.membership_added"]
    assert "network.organization_joined" in types
    assert "network.membership_removed" in types
    assert types[-1] == "network.organization_left"


def test_archived_networks_no_longer_change(client: httpx.Client, org: Org, partner: Org) -> None:
    focus = create_member(client, org)
    network_id = shared_circle(client, org, focus["id"], partner)
    assert (
        client.post(f"/v1/networks/{network_id}/archive", headers=partner.headers).status_code
        == 403
    )
    blind = client.post(f"/v1/networks/{network_id}/archive", headers=org.headers)
    assert blind.status_code == 428
    assert blind.json()["type"].endswith("/precondition-required")
    etag = client.get(f"/v1/networks/{network_id}", headers=org.headers).headers["etag"]
    archived = client.post(
        f"/v1/networks/{network_id}/archive", headers={**org.headers, "If-Match": etag}
    )
    assert archived.json()["status"] == "archived"
    rename = client.patch(
        f"/v1/networks/{network_id}",
        json={"name": "x"},
        headers={**org.headers, "If-Match": archived.headers["etag"]},
    )
    assert rename.status_code == 409
    assert rename.json()["type"].endswith("/network-archived")


def test_disclosures_filter_by_period_and_page(
    client: httpx.Client, org: Org, partner: Org, db: Db
) -> None:
    member = create_member(client, org)
    _grant(client, org, member["id"], partner, ["profile"])
    for _ in range(3):
        assert client.get(f"/v1/members/{member['id']}", headers=partner.headers).status_code == 200
    url = f"/v1/members/{member['id']}/disclosures"
    first = client.get(url, params={"limit": 2}, headers=org.headers).json()
    assert len(first["data"]) == 2
    rest = client.get(
        url, params={"limit": 2, "cursor": first["next_cursor"]}, headers=org.headers
    ).json()
    assert len(rest["data"]) == 1
    assert rest["next_cursor"] is None
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    none = client.get(url, params={"since": future}, headers=org.headers).json()
    assert none["data"] == []
    backwards = client.get(
        url,
        params={"since": future, "until": datetime.now(UTC).isoformat()},
        headers=org.headers,
    )
    assert backwards.status_code == 422


def test_what_a_participant_cannot_do_to_another_organizations_member(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    focus = create_member(client, org)
    network_id = shared_circle(client, org, focus["id"], partner)
    other = create_member(client, org, display_name="Other")
    memberships = client.get(f"/v1/networks/{network_id}/memberships", headers=org.headers).json()[
        "data"
    ]
    role = client.patch(
        f"/v1/networks/{network_id}/memberships/{memberships[0]['id']}",
        json={"role": "sponsor"},
        headers=partner.headers,
    )
    assert role.status_code == 403
    # The member filter answers only for the caller's own members.
    listed = client.get("/v1/networks", params={"member_id": focus["id"]}, headers=partner.headers)
    assert listed.json()["data"] == []
    # With a consent that does not cover networks, the member cannot be added.
    _grant(client, org, other["id"], partner, ["profile"])
    refused = client.post(
        f"/v1/networks/{network_id}/memberships",
        json={"member_id": other["id"], "role": "family"},
        headers=partner.headers,
    )
    assert refused.status_code == 422
    # With one covering networks, it is invited; its home organization accepts.
    _grant(client, org, other["id"], partner, ["networks"])
    invited = client.post(
        f"/v1/networks/{network_id}/memberships",
        json={"member_id": other["id"], "role": "family", "status": "active"},
        headers=partner.headers,
    )
    assert invited.status_code == 201
    assert invited.json()["status"] == "invited"


def test_a_cheer_by_a_partner_reaches_the_home_feed_and_is_accounted_to_the_home(
    client: httpx.Client, org: Org, partner: Org, other_org: Org
) -> None:
    start = datetime.now(UTC).date() - timedelta(days=10)
    member = create_member(client, org, timezone="UTC", recovery_started_on=start.isoformat())
    network_id = shared_circle(client, org, member["id"], partner)
    supporter = create_member(client, partner, display_name="Supporter")
    joined = client.post(
        f"/v1/networks/{network_id}/memberships",
        json={"member_id": supporter["id"], "role": "peer_supporter"},
        headers=partner.headers,
    )
    assert joined.status_code == 201, joined.text
    _grant(client, org, member["id"], partner, ["milestones"])
    watcher_consent = _grant(client, org, member["id"], other_org, ["milestones"])
    cheered = client.post(
        # Without the recovery scope the partner knows the milestone as its read shows it.
        f"/v1/members/{member['id']}/milestones/current.7d/cheers",
        json={"author_member_id": supporter["id"], "message": "A week!"},
        headers=partner.headers,
    )
    assert cheered.status_code == 201, cheered.text

    def cheers(reader: Org) -> list[dict[str, Any]]:
        response = client.get(
            "/v1/events", params={"types": "milestone.cheered"}, headers=reader.headers
        )
        assert response.status_code == 200, response.text
        data: list[dict[str, Any]] = response.json()["data"]
        return data

    # The partner acted; the home organization still sees what happened to its member (once
    # the feed hands the event out: nothing can still commit ahead of it).
    assert [e["organization_id"] for e in wait_until(lambda: cheers(org))] == [partner.id]
    before = len(_disclosures(client, org, member["id"]))
    shown = wait_until(lambda: cheers(other_org))
    assert [e["data"]["member_id"] for e in shown] == [member["id"]]
    # That read is in the home organization's accounting, although the partner made the event.
    added = _disclosures(client, org, member["id"])[before:]
    assert [(d["recipient_organization_id"], d["operation"], d["scopes"]) for d in added] == [
        (other_org.id, "listEvents", ["milestones"])
    ]
    assert added[0]["consent_ids"] == [watcher_consent["id"]]


def test_a_shared_network_is_never_changed_without_if_match(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    focus = create_member(client, org)
    network_id = shared_circle(client, org, focus["id"], partner)
    before = client.get(f"/v1/networks/{network_id}", headers=org.headers)
    for who in (org, partner):
        blind = client.patch(f"/v1/networks/{network_id}", json={"name": "x"}, headers=who.headers)
        assert blind.status_code == 428, blind.text
        assert blind.json()["type"].endswith("/precondition-required")
    memberships = client.get(f"/v1/networks/{network_id}/memberships", headers=org.headers).json()
    blind_role = client.patch(
        f"/v1/networks/{network_id}/memberships/{memberships['data'][0]['id']}",
        json={"role": "sponsor"},
        headers=org.headers,
    )
    assert blind_role.status_code == 428
    after = client.get(f"/v1/networks/{network_id}", headers=org.headers)
    assert after.json() == before.json()
    # A list of tags passes if one is current; a weak tag never matches (strong comparison).
    etag = before.headers["etag"]
    listed = client.patch(
        f"/v1/networks/{network_id}",
        json={"name": "Renamed"},
        headers={**partner.headers, "If-Match": f'"999", {etag}'},
    )
    assert listed.status_code == 200, listed.text
    weak = client.patch(
        f"/v1/networks/{network_id}",
        json={"name": "Again"},
        headers={**org.headers, "If-Match": "W/" + listed.headers["etag"]},
    )
    assert weak.status_code == 412
    star = client.patch(
        f"/v1/networks/{network_id}",
        json={"name": "Again"},
        headers={**org.headers, "If-Match": "*"},
    )
    assert star.status_code == 200


@pytest.mark.parametrize("value", ["1", "null", '"7" "1"', "W/", "'1'"])
def test_a_malformed_if_match_is_a_400_naming_the_header(
    client: httpx.Client, org: Org, value: str
) -> None:
    member = create_member(client, org)
    response = client.patch(
        f"/v1/members/{member['id']}",
        json={"display_name": "Kim"},
        headers={**org.headers, "If-Match": value},
    )
    assert response.status_code == 400, response.text
    assert [e["field"].lower() for e in response.json()["errors"]] == ["if-match"]
    unchanged = client.get(f"/v1/members/{member['id']}", headers=org.headers).json()
    assert unchanged["display_name"] == "Sam"
    assert unchanged["version"] == 1


def test_reads_honour_if_none_match(client: httpx.Client, org: Org) -> None:
    member = create_member(client, org)
    url = f"/v1/members/{member['id']}"
    first = client.get(url, headers=org.headers)
    etag = first.headers["etag"]
    for value in (etag, "W/" + etag, f'"77", {etag}', "*"):
        unchanged = client.get(url, headers={**org.headers, "If-None-Match": value})
        assert unchanged.status_code == 304, value
        assert unchanged.content == b""
        assert unchanged.headers["etag"] == etag
        assert "content-type" not in unchanged.headers
    changed = client.patch(url, json={"display_name": "Kim"}, headers=org.headers)
    again = client.get(url, headers={**org.headers, "If-None-Match": etag})
    assert again.status_code == 200
    assert again.headers["etag"] == changed.headers["etag"] != etag
    assert again.json()["display_name"] == "Kim"


def test_only_the_home_organization_accepts_for_its_member_and_consent_gates_changes(
    client: httpx.Client, org: Org, partner: Org, other_org: Org
) -> None:
    """Found from outside: B invited A's member under A's consent, A revoked it, and B then
    activated the member itself. A third organization watches it all."""
    home, creator = org, partner
    focus = create_member(client, creator)
    network_id = shared_circle(client, creator, focus["id"], home, other_org)
    member = create_member(client, home, display_name="Invited")
    consent = _grant(client, home, member["id"], creator, ["networks"])
    invited = client.post(
        f"/v1/networks/{network_id}/memberships",
        json={"member_id": member["id"], "role": "peer_supporter"},
        headers=creator.headers,
    )
    assert invited.status_code == 201, invited.text
    membership = invited.json()
    url = f"/v1/networks/{network_id}/memberships/{membership['id']}"
    etag = invited.headers["etag"]
    # With consent in force the creator still cannot accept for the member.
    activate = {"status": "active"}
    refused = client.patch(url, json=activate, headers={**creator.headers, "If-Match": etag})
    assert refused.status_code == 403, refused.text
    revoked = client.post(
        f"/v1/consents/{consent['id']}/revoke", json={"reason": "asked"}, headers=home.headers
    )
    assert revoked.status_code == 200, revoked.text
    for body in (activate, {"role": "sponsor"}, {"status": "left"}):
        after = client.patch(url, json=body, headers={**creator.headers, "If-Match": etag})
        assert after.status_code == 403, (body, after.text)
    bystander = client.patch(url, json=activate, headers={**other_org.headers, "If-Match": etag})
    assert bystander.status_code == 403
    listed = client.get(f"/v1/networks/{network_id}/memberships", headers=home.headers).json()
    mine = [m for m in listed["data"] if m["id"] == membership["id"]]
    assert [m["status"] for m in mine] == ["invited"]
    accepted = client.patch(url, json=activate, headers={**home.headers, "If-Match": etag})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "active"


def test_a_narrowed_view_is_never_answered_304(
    client: httpx.Client, org: Org, partner: Org
) -> None:
    """Review: revoking the profile consent leaves the member's version as it was; an
    If-None-Match with the ETag read before must not tell the partner its copy is current."""
    member = create_member(client, org, display_name="Robin")
    profile = _grant(client, org, member["id"], partner, ["profile"])
    _grant(client, org, member["id"], partner, ["recovery"])
    url = f"/v1/members/{member['id']}"
    first = client.get(url, headers=partner.headers)
    assert first.json()["display_name"] == "Robin"
    same = client.get(url, headers={**partner.headers, "If-None-Match": first.headers["etag"]})
    assert same.status_code == 304
    client.post(
        f"/v1/consents/{profile['id']}/revoke", json={"reason": "asked"}, headers=org.headers
    )
    after = client.get(url, headers={**partner.headers, "If-None-Match": first.headers["etag"]})
    assert after.status_code == 200
    assert after.json()["display_name"] is None
    assert after.headers["etag"] != first.headers["etag"]
