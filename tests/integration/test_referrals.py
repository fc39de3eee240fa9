"""Referrals over HTTP against the real service and PostgreSQL: the closed loop end to end
(with a signed webhook receiver and the events feed), who may do what, expiry by the sweep,
duplicates, and bad input."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import standardwebhooks

from tests.integration.conftest import Org, create_member, make_org
from tests.integration.test_every_endpoint import consent_body
from tests.support.database import Db
from tests.support.receiver import webhook_receiver
from tests.support.waiting import wait_until


def refer(client: httpx.Client, sender: Org, receiver: Org, **fields: Any) -> httpx.Response:
    body: dict[str, Any] = {
        "receiver_organization_id": receiver.id,
        "reason": "Peer support after discharge",
        **fields,
    }
    if "member_id" not in body and "member" not in body:
        body["member"] = {"display_name": "R.", "timezone": "America/New_York"}
    if "consent_id" not in body and "consent" not in body:
        body["consent"] = {
            **consent_body(receiver.id, ["profile", "networks"]),
            "expires_on": None,
            "end_event": "referral_closed",
        }
    return client.post("/v1/referrals", json=body, headers=sender.headers)


def move(
    client: httpx.Client, org: Org, referral_id: str, status: str, reason: str | None = None
) -> httpx.Response:
    body: dict[str, Any] = {"status": status}
    if reason is not None:
        body["reason"] = reason
    # Both sides move a referral, so each move names the version it moves from (If-Match).
    current = client.get(f"/v1/referrals/{referral_id}", headers=org.headers)
    headers = dict(org.headers)
    if current.status_code == 200:
        headers["If-Match"] = current.headers["etag"]
    return client.post(f"/v1/referrals/{referral_id}/transitions", json=body, headers=headers)


def feed(client: httpx.Client, org: Org, types: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"types": types, "limit": "100", **({"cursor": cursor} if cursor else {})}
        page = client.get("/v1/events", params=params, headers=org.headers).json()
        events += page["data"]
        if not page["data"]:
            return events
        cursor = page["next_cursor"]


@pytest.fixture
def clinic(client: httpx.Client, operator: dict[str, str]) -> Org:
    return make_org(client, operator, kind="clinic")


@pytest.fixture
def peer(client: httpx.Client, operator: dict[str, str]) -> Org:
    return make_org(client, operator, kind="peer_org")


def shared_group(client: httpx.Client, owner: Org, guest: Org) -> str:
    network = client.post(
        "/v1/networks", json={"kind": "group", "name": "Tuesday group"}, headers=owner.headers
    ).json()
    invited = client.post(
        f"/v1/networks/{network['id']}/organizations",
        json={"organization_id": guest.id},
        headers=owner.headers,
    )
    assert invited.status_code == 201, invited.text
    joined = client.post(f"/v1/networks/{network['id']}/invitation/accept", headers=guest.headers)
    assert joined.status_code == 200, joined.text
    return str(network["id"])


def test_the_closed_loop_end_to_end(client: httpx.Client, clinic: Org, peer: Org) -> None:
    network_id = shared_group(client, peer, clinic)
    with webhook_receiver() as receiver:
        registered = client.post(
            "/v1/webhook-endpoints",
            json={
                "url": receiver.url,
                "event_types": ["referral.created", "referral.status_changed"],
            },
            headers=clinic.headers,
        )
        assert registered.status_code == 201, registered.text
        secret = registered.json()["secret"]
        assert secret.startswith("whsec_")

        created = refer(client, clinic, peer, network_id=network_id, urgency="urgent")
        assert created.status_code == 201, created.text
        referral = created.json()
        assert referral["status"] == "requested"
        assert referral["allowed_transitions"] == ["cancelled"]
        rid = referral["id"]

        received = client.get(
            "/v1/referrals", params={"direction": "received"}, headers=peer.headers
        ).json()["data"]
        assert [r["id"] for r in received] == [rid]
        assert received[0]["allowed_transitions"] == ["accepted", "rejected"]
        # The consent travels with the referral: the receiver sees the person's profile.
        person = client.get(f"/v1/members/{referral['member_id']}", headers=peer.headers)
        assert person.status_code == 200
        assert person.json()["display_name"] == "R."

        accepted = move(client, peer, rid, "accepted", "We have a place on Tuesdays")
        assert accepted.status_code == 200, accepted.text
        memberships = client.get(
            f"/v1/networks/{network_id}/memberships", headers=peer.headers
        ).json()["data"]
        joined = [m for m in memberships if (m["member"] or {}).get("id") == referral["member_id"]]
        assert len(joined) == 1
        assert joined[0]["status"] == "active"

        assert move(client, peer, rid, "in_progress").status_code == 200
        done = move(client, peer, rid, "completed", "Attends every week")
        assert done.status_code == 200
        assert done.json()["status"] == "completed"
        assert done.json()["allowed_transitions"] == []

        deliveries = receiver.wait_for(4)
    verifier = standardwebhooks.Webhook(secret)
    seen = []
    for delivery in deliveries:
        payload = verifier.verify(delivery.body, delivery.headers)
        assert delivery.headers["webhook-id"] == payload["id"]
        seen.append((payload["type"], payload["data"]["status"]))
    expected = [
        ("referral.created", "requested"),
        ("referral.status_changed", "accepted"),
        ("referral.status_changed", "in_progress"),
        ("referral.status_changed", "completed"),
    ]
    assert seen == expected
    for org in (clinic, peer):
        events = feed(client, org, "referral.created,referral.status_changed")
        assert [(e["type"], e["data"]["status"]) for e in events] == expected
        assert [e["id"] for e in events] == [d.headers["webhook-id"] for d in deliveries]

    history = client.get(f"/v1/referrals/{rid}/history", headers=clinic.headers).json()["data"]
    assert [(h["from_status"], h["to_status"]) for h in history] == [
        (None, "requested"),
        ("requested", "accepted"),
        ("accepted", "in_progress"),
        ("in_progress", "completed"),
    ]
    assert history[1]["actor_organization_id"] == peer.id
    assert history[1]["reason"] == "We have a place on Tuesdays"
    assert history[0]["actor_organization_id"] == clinic.id
    assert client.get(f"/v1/referrals/{rid}/history", headers=peer.headers).json() == {
        "data": history
    }
    # The consent was given until the referral closed: it has ended, and the peer org no
    # longer sees the person.
    consent = client.get(f"/v1/consents/{referral['consent_id']}", headers=clinic.headers)
    assert consent.json()["status"] == "expired"
    assert (
        client.get(f"/v1/members/{referral['member_id']}", headers=peer.headers).status_code == 404
    )
    # The feed hands an event out once nothing can still commit ahead of it.
    ended = wait_until(lambda: feed(client, peer, "consent.expired"))
    assert [e["data"]["consent_id"] for e in ended] == [referral["consent_id"]]


def test_who_may_move_a_referral(
    client: httpx.Client, clinic: Org, peer: Org, operator: dict[str, str]
) -> None:
    rid = refer(client, clinic, peer).json()["id"]
    by_sender = move(client, clinic, rid, "accepted")
    assert by_sender.status_code == 409
    assert by_sender.json()["type"].endswith("/illegal-transition")
    assert by_sender.json()["allowed"] == ["cancelled"]
    skipping = move(client, peer, rid, "completed")
    assert skipping.status_code == 409
    assert skipping.json()["allowed"] == ["accepted", "rejected"]
    assert move(client, peer, rid, "accepted").status_code == 200
    too_late = move(client, clinic, rid, "cancelled")
    assert too_late.status_code == 409
    assert too_late.json()["allowed"] == []
    assert move(client, peer, rid, "rejected").json()["allowed"] == ["in_progress"]
    outsider = make_org(client, operator, kind="peer_org")
    assert move(client, outsider, rid, "in_progress").status_code == 404
    assert client.get(f"/v1/referrals/{rid}", headers=outsider.headers).status_code == 404
    statuses = [
        h["to_status"]
        for h in client.get(f"/v1/referrals/{rid}/history", headers=peer.headers).json()["data"]
    ]
    assert statuses == ["requested", "accepted"]


def test_the_sender_cancels_an_unanswered_referral(
    client: httpx.Client, clinic: Org, peer: Org
) -> None:
    rid = refer(client, clinic, peer).json()["id"]
    for side in (clinic, peer):
        blind = client.post(
            f"/v1/referrals/{rid}/transitions",
            json={"status": "cancelled" if side is clinic else "accepted"},
            headers=side.headers,
        )
        assert blind.status_code == 428, blind.text
        assert blind.json()["type"].endswith("/precondition-required")
    assert client.get(f"/v1/referrals/{rid}", headers=clinic.headers).json()["status"] == (
        "requested"
    )
    stale = client.post(
        f"/v1/referrals/{rid}/transitions",
        json={"status": "cancelled"},
        headers={**clinic.headers, "If-Match": '"7"'},
    )
    assert stale.status_code == 412
    cancelled = client.post(
        f"/v1/referrals/{rid}/transitions",
        json={"status": "cancelled", "reason": "Moved to another city"},
        headers={**clinic.headers, "If-Match": '"1"'},
    )
    assert cancelled.status_code == 200
    assert cancelled.headers["etag"] == '"2"'
    assert move(client, peer, rid, "accepted").json()["allowed"] == []


def test_an_unanswered_referral_expires_by_the_sweep(
    client: httpx.Client, clinic: Org, peer: Org, db: Db
) -> None:
    referral = refer(client, clinic, peer).json()
    db.execute(
        "UPDATE referrals SET answer_by = now() - interval '1 second' WHERE id = $1",
        referral["id"],
    )
    wait_until(
        lambda: (
            client.get(f"/v1/referrals/{referral['id']}", headers=peer.headers).json()["status"]
            == "expired"
        )
    )
    history = client.get(f"/v1/referrals/{referral['id']}/history", headers=clinic.headers).json()[
        "data"
    ]
    assert history[-1]["from_status"] == "requested"
    assert history[-1]["actor_organization_id"] is None

    def expiries() -> list[str]:
        changes = feed(client, clinic, "referral.status_changed")
        return [e["data"]["status"] for e in changes if e["subject_id"] == referral["id"]]

    assert wait_until(expiries) == ["expired"]
    assert move(client, peer, referral["id"], "accepted").status_code == 409


def test_an_external_ref_never_makes_two_referrals(
    client: httpx.Client, clinic: Org, peer: Org
) -> None:
    first = refer(client, clinic, peer, external_ref="task-881")
    assert first.status_code == 201
    again = refer(client, clinic, peer, external_ref="task-881")
    assert again.status_code == 409
    assert again.json()["existing_id"] == first.json()["id"]

    headers = {**clinic.headers, "Idempotency-Key": "refer-882"}
    body = {
        "receiver_organization_id": peer.id,
        "reason": "Peer support",
        "member": {"display_name": "K.", "timezone": "UTC"},
        "consent": consent_body(peer.id),
        "external_ref": "task-882",
    }
    one = client.post("/v1/referrals", json=body, headers=headers)
    two = client.post("/v1/referrals", json=body, headers=headers)
    assert one.status_code == two.status_code == 201
    assert two.headers["idempotent-replayed"] == "true"
    assert two.json()["id"] == one.json()["id"]
    # The receiver does not see the sender's own reference.
    seen = client.get(f"/v1/referrals/{one.json()['id']}", headers=peer.headers).json()
    assert seen["external_ref"] is None
    sent = client.get("/v1/referrals", params={"direction": "sent"}, headers=clinic.headers).json()[
        "data"
    ]
    assert sorted(r["external_ref"] for r in sent) == ["task-881", "task-882"]


def test_lists_filter_by_status_and_page(client: httpx.Client, clinic: Org, peer: Org) -> None:
    ids = [refer(client, clinic, peer).json()["id"] for _ in range(3)]
    move(client, peer, ids[1], "rejected", "No capacity")
    requested = client.get(
        "/v1/referrals",
        params={"direction": "received", "status": "requested"},
        headers=peer.headers,
    ).json()["data"]
    assert [r["id"] for r in requested] == [ids[0], ids[2]]
    rejected = client.get(
        "/v1/referrals",
        params={"direction": "sent", "status": "rejected"},
        headers=clinic.headers,
    ).json()["data"]
    assert [r["id"] for r in rejected] == [ids[1]]
    first = client.get(
        "/v1/referrals", params={"direction": "sent", "limit": "2"}, headers=clinic.headers
    ).json()
    rest = client.get(
        "/v1/referrals",
        params={"direction": "sent", "limit": "2", "cursor": first["next_cursor"]},
        headers=clinic.headers,
    ).json()
    assert [r["id"] for r in first["data"] + rest["data"]] == ids
    assert (
        client.get(
            "/v1/referrals", params={"direction": "received"}, headers=clinic.headers
        ).json()["data"]
        == []
    )
    bad = client.get("/v1/referrals", params={"direction": "sideways"}, headers=clinic.headers)
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "direction"


def test_referrals_that_break_a_rule_are_refused_and_change_nothing(
    client: httpx.Client, clinic: Org, peer: Org, operator: dict[str, str], db: Db
) -> None:
    other = make_org(client, operator, kind="peer_org")
    mine = create_member(client, clinic)
    theirs = create_member(client, other)
    to_other = client.post(
        f"/v1/members/{mine['id']}/consents", json=consent_body(other.id), headers=clinic.headers
    ).json()
    lonely_network = client.post(
        "/v1/networks", json={"kind": "group", "name": "Ours only"}, headers=clinic.headers
    ).json()
    before = db.snapshot()
    cases = {
        "receiver_organization_id": {"receiver_organization_id": clinic.id},
        "member_id": {"member_id": theirs["id"], "consent_id": to_other["id"]},
        "consent_id": {"member_id": mine["id"], "consent_id": to_other["id"]},
        "consent.recipient_organization_id": {"consent": consent_body(other.id)},
        "network_id": {"network_id": lonely_network["id"]},
    }
    for field, fields in cases.items():
        response = refer(client, clinic, peer, **fields)
        assert response.status_code == 422, (field, response.text)
        assert response.json()["errors"][0]["field"] == field
    both = refer(
        client,
        clinic,
        peer,
        member_id=mine["id"],
        member={"display_name": "X", "timezone": "UTC"},
    )
    assert both.status_code == 422
    assert both.json()["errors"][0]["field"] == "member_id"
    unknown_receiver = client.post(
        "/v1/referrals",
        json={
            "receiver_organization_id": "00000000-0000-4000-8000-000000000000",
            "reason": "x",
            "member_id": mine["id"],
            "consent": consent_body(peer.id),
        },
        headers=clinic.headers,
    )
    assert unknown_receiver.status_code == 422
    assert unknown_receiver.json()["errors"][0]["field"] == "receiver_organization_id"
    assert db.snapshot() == before


def test_accepting_rests_on_the_consent_as_it_is_now(
    client: httpx.Client, clinic: Org, peer: Org
) -> None:
    referral = refer(client, clinic, peer).json()
    revoked = client.post(
        f"/v1/consents/{referral['consent_id']}/revoke", json={}, headers=clinic.headers
    )
    assert revoked.status_code == 200, revoked.text
    refused = move(client, peer, referral["id"], "accepted")
    assert refused.status_code == 409
    assert refused.json()["type"].endswith("/consent-not-in-force")
    assert (
        client.get(f"/v1/referrals/{referral['id']}", headers=peer.headers).json()["status"]
        == "requested"
    )
    assert move(client, peer, referral["id"], "rejected", "No consent").status_code == 200


def test_a_shared_consent_ends_with_the_last_referral_resting_on_it(
    client: httpx.Client, clinic: Org, peer: Org
) -> None:
    first = refer(client, clinic, peer).json()
    second = refer(
        client, clinic, peer, member_id=first["member_id"], consent_id=first["consent_id"]
    ).json()
    assert second["consent_id"] == first["consent_id"]
    assert move(client, peer, first["id"], "rejected").status_code == 200
    consent_url = f"/v1/consents/{first['consent_id']}"
    assert client.get(consent_url, headers=clinic.headers).json()["status"] == "active"
    assert move(client, clinic, second["id"], "cancelled").status_code == 200
    assert client.get(consent_url, headers=clinic.headers).json()["status"] == "expired"
