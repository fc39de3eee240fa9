"""A referral's person and reason are the member's data (issue #11): the receiver sees them only
under a consent in force from the member, every read that shows them is in the member's
accounting of disclosures, and the referral itself (parties, status, dates) stays visible."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.integration.conftest import Org, make_org
from tests.integration.test_consent_accounting import accounting
from tests.integration.test_every_endpoint import consent_body
from tests.integration.test_referrals import feed, move, refer
from tests.integration.test_webhooks import register, remove
from tests.support.receiver import webhook_receiver
from tests.support.waiting import wait_until


@pytest.fixture
def clinic(client: httpx.Client, operator: dict[str, str]) -> Org:
    return make_org(client, operator, kind="clinic")


@pytest.fixture
def peer(client: httpx.Client, operator: dict[str, str]) -> Org:
    return make_org(client, operator, kind="peer_org")


def _dated(receiver: Org) -> dict[str, Any]:
    return consent_body(receiver.id, ["profile"])


def _revoke(client: httpx.Client, home: Org, consent_id: str) -> None:
    response = client.post(
        f"/v1/consents/{consent_id}/revoke", json={"reason": "asked"}, headers=home.headers
    )
    assert response.status_code == 200, response.text


def test_the_receiver_reads_the_person_under_consent_and_each_read_is_accounted(
    client: httpx.Client, clinic: Org, peer: Org
) -> None:
    made = refer(client, clinic, peer, consent=_dated(peer)).json()

    read = client.get(f"/v1/referrals/{made['id']}", headers=peer.headers)

    assert read.status_code == 200, read.text
    assert read.json()["member_id"] == made["member_id"]
    assert read.json()["reason"] == "Peer support after discharge"
    assert read.json()["disclosure"]["consent_ids"] == [made["consent_id"]]
    assert read.json()["disclosure"]["security_labels"] == ["42CFRPart2", "R", "NORDSCLCD"]
    records = accounting(client, clinic, made["member_id"])
    assert [
        (d["operation"], d["recipient_organization_id"], d["consent_ids"]) for d in records
    ] == [("getReferral", peer.id, [made["consent_id"]])]
    # The sender is the member's home organization: its reads are no disclosure.
    assert client.get(f"/v1/referrals/{made['id']}", headers=clinic.headers).status_code == 200
    assert len(accounting(client, clinic, made["member_id"])) == 1


def test_after_revocation_the_receiver_sees_the_referral_but_not_the_person(
    client: httpx.Client, clinic: Org, peer: Org
) -> None:
    made = refer(client, clinic, peer, consent=_dated(peer)).json()
    cancelled = refer(client, clinic, peer, consent=_dated(peer)).json()
    assert (
        move(client, clinic, cancelled["id"], "cancelled", "Sam moved to Leeds").status_code == 200
    )
    for referral in (made, cancelled):
        _revoke(client, clinic, referral["consent_id"])

    read = client.get(f"/v1/referrals/{made['id']}", headers=peer.headers).json()
    listed = client.get(
        "/v1/referrals", params={"direction": "received"}, headers=peer.headers
    ).json()["data"]
    history = client.get(f"/v1/referrals/{cancelled['id']}/history", headers=peer.headers)

    assert (read["member_id"], read["reason"], read["status"]) == (None, None, "requested")
    assert read["disclosure"] is None
    assert [(r["member_id"], r["reason"]) for r in listed] == [(None, None), (None, None)]
    assert history.status_code == 200, history.text
    assert [(c["to_status"], c["reason"]) for c in history.json()["data"]] == [
        ("requested", None),
        ("cancelled", None),  # the sender's words about the person
    ]
    at_home = client.get(f"/v1/referrals/{cancelled['id']}/history", headers=clinic.headers)
    assert [c["reason"] for c in at_home.json()["data"]] == [None, "Sam moved to Leeds"]
    for referral in (made, cancelled):
        assert accounting(client, clinic, referral["member_id"]) == []
    # The receiver may still answer; its answer shows no more than its reads.
    rejected = move(client, peer, made["id"], "rejected", "no longer possible")
    assert rejected.status_code == 200, rejected.text
    assert (rejected.json()["member_id"], rejected.json()["reason"]) == (None, None)
    assert accounting(client, clinic, made["member_id"]) == []


def test_a_consent_from_another_member_shows_nothing_of_this_one(
    client: httpx.Client, clinic: Org, peer: Org
) -> None:
    """Found by the referral property test: a single referral read matched the viewer's
    consents from every member (a bare member_id inside the consents subquery bound to the
    consents' own column), so a receiver holding any consent saw any referred person."""
    made = refer(client, clinic, peer, consent=_dated(peer)).json()
    _revoke(client, clinic, made["consent_id"])
    someone_else = refer(client, clinic, peer, consent=_dated(peer)).json()  # still in force

    read = client.get(f"/v1/referrals/{made['id']}", headers=peer.headers).json()

    assert (read["member_id"], read["reason"], read["disclosure"]) == (None, None, None)
    assert accounting(client, clinic, made["member_id"]) == []
    shown = client.get(f"/v1/referrals/{someone_else['id']}", headers=peer.headers).json()
    assert shown["disclosure"]["consent_ids"] == [someone_else["consent_id"]]


def test_a_page_records_exactly_the_referrals_it_shows(
    client: httpx.Client, clinic: Org, peer: Org
) -> None:
    first = refer(client, clinic, peer, consent=_dated(peer)).json()
    second = refer(client, clinic, peer, consent=_dated(peer)).json()

    page = client.get(
        "/v1/referrals", params={"direction": "received", "limit": 1}, headers=peer.headers
    )

    assert page.status_code == 200, page.text
    assert [r["id"] for r in page.json()["data"]] == [first["id"]]
    assert page.json()["next_cursor"] is not None
    assert [d["operation"] for d in accounting(client, clinic, first["member_id"])] == [
        "listReferrals"
    ]
    # The row fetched only to know there is a next page was not shown: not recorded.
    assert accounting(client, clinic, second["member_id"]) == []


def test_the_receivers_answer_under_consent_is_accounted(
    client: httpx.Client, clinic: Org, peer: Org
) -> None:
    made = refer(client, clinic, peer, consent=_dated(peer)).json()

    accepted = move(client, peer, made["id"], "accepted")

    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["member_id"] == made["member_id"]
    # move() reads the referral for its ETag first: that read and the answer, each recorded.
    assert [d["operation"] for d in accounting(client, clinic, made["member_id"])] == [
        "getReferral",
        "transitionReferral",
    ]


def test_referral_events_carry_the_person_to_the_receiver_only_under_consent(
    client: httpx.Client, clinic: Org, peer: Org
) -> None:
    made = refer(client, clinic, peer, consent=_dated(peer)).json()

    def created() -> list[dict[str, Any]]:
        return [e for e in feed(client, peer, "referral.created") if e["subject_id"] == made["id"]]

    [shown] = wait_until(created)  # each read that shows it is one record
    assert shown["data"]["member_id"] == made["member_id"]
    assert shown["disclosure"]["consent_ids"] == [made["consent_id"]]
    assert shown["disclosure"]["notice"].startswith("42 CFR part 2 prohibits")
    assert [d["operation"] for d in accounting(client, clinic, made["member_id"])] == ["listEvents"]
    _revoke(client, clinic, made["consent_id"])

    [after] = created()

    assert "member_id" not in after["data"]
    assert after["disclosure"] is None
    assert after["data"]["status"] == "requested"  # the referral itself still shows
    assert len(accounting(client, clinic, made["member_id"])) == 1
    # The sender is the member's home organization: its feed keeps the person, unrecorded.
    [at_home] = [
        e for e in feed(client, clinic, "referral.created") if e["subject_id"] == made["id"]
    ]
    assert at_home["data"]["member_id"] == made["member_id"]
    assert len(accounting(client, clinic, made["member_id"])) == 1


def test_a_referral_webhook_is_accounted_before_it_is_sent_and_redacted_after_revocation(
    client: httpx.Client, clinic: Org, peer: Org
) -> None:
    with webhook_receiver() as receiver:
        endpoint_id, _ = register(
            client, peer, receiver.url, ["referral.created", "referral.status_changed"]
        )
        try:
            made = refer(client, clinic, peer, consent=_dated(peer)).json()
            [first] = receiver.wait_for(1)
            assert json.loads(first.body)["data"]["member_id"] == made["member_id"]
            assert json.loads(first.body)["disclosure"]["consent_ids"] == [made["consent_id"]]
            assert first.headers["disclosure-notice"].startswith("42 CFR part 2 prohibits")
            assert first.headers["security-labels"] == "42CFRPart2, R, NORDSCLCD"
            records = accounting(client, clinic, made["member_id"])
            assert [(d["operation"], d["consent_ids"]) for d in records] == [
                ("webhookDelivery", [made["consent_id"]])
            ]
            _revoke(client, clinic, made["consent_id"])
            assert move(client, clinic, made["id"], "cancelled").status_code == 200

            second = receiver.wait_for(2)[1]
        finally:
            remove(client, peer, endpoint_id)

    payload = json.loads(second.body)
    assert payload["type"] == "referral.status_changed"
    assert payload["data"]["status"] == "cancelled"
    assert "member_id" not in payload["data"]
    assert payload["disclosure"] is None
    assert "disclosure-notice" not in second.headers
    assert len(accounting(client, clinic, made["member_id"])) == 1
