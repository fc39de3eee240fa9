"""Webhooks against the real service: real receivers on loopback, real signatures, real
retries (the test service runs a quickened schedule: 0, 0.3, 0.6, 0.9 s, and a 1 s timeout),
and a kill of the service with deliveries in flight."""

from __future__ import annotations

import signal
import time
import uuid
from typing import Any

import httpx
import pytest
import standardwebhooks

from service.adapters.http.schemas import encode_cursor
from tests.integration.conftest import SERVICE_SETTINGS, Org, create_member, make_key, make_org
from tests.integration.test_referrals import feed
from tests.support.database import fresh_database
from tests.support.receiver import Answer, webhook_receiver
from tests.support.server import cli, service_process, token_from
from tests.support.waiting import wait_until


def register(
    client: httpx.Client, org: Org, url: str, types: list[str] | None = None
) -> tuple[str, str]:
    response = client.post(
        "/v1/webhook-endpoints",
        json={"url": url, "event_types": ["member.created"] if types is None else types},
        headers=org.headers,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    return str(body["endpoint"]["id"]), str(body["secret"])


def endpoint(client: httpx.Client, org: Org, endpoint_id: str) -> dict[str, Any]:
    response = client.get(f"/v1/webhook-endpoints/{endpoint_id}", headers=org.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def log(client: httpx.Client, org: Org, endpoint_id: str) -> list[dict[str, Any]]:
    response = client.get(f"/v1/webhook-endpoints/{endpoint_id}/deliveries", headers=org.headers)
    assert response.status_code == 200, response.text
    data: list[dict[str, Any]] = response.json()["data"]
    return data


def remove(client: httpx.Client, org: Org, endpoint_id: str) -> None:
    response = client.delete(f"/v1/webhook-endpoints/{endpoint_id}", headers=org.headers)
    assert response.status_code == 204


def test_a_failing_receiver_is_retried_with_backoff_until_it_succeeds(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    with (
        webhook_receiver(lambda n: Answer(500) if n <= 2 else Answer(200)) as receiver,
        webhook_receiver() as bystander,
    ):
        endpoint_id, secret = register(client, org, receiver.url)
        register(client, other_org, bystander.url)
        member = create_member(client, org)
        first, second, third = receiver.wait_for(3)
        # The standard schedule, quickened for the test: 0.3 s then 0.6 s, +-10% jitter.
        assert second.at - first.at >= 0.25
        assert third.at - second.at >= 0.5
        assert {r.headers["webhook-id"] for r in (first, second, third)} == {
            first.headers["webhook-id"]
        }
        payload = standardwebhooks.Webhook(secret).verify(third.body, third.headers)
        assert payload["type"] == "member.created"
        assert payload["data"]["member_id"] == member["id"]
        wait_until(lambda: log(client, org, endpoint_id)[0]["status"] == "delivered")
        delivery = log(client, org, endpoint_id)[0]
        attempts = delivery["attempts"]
        assert [a["status_code"] for a in attempts] == [500, 500, 200]
        # Delivery ids are UUID v7 like every other id, made when the event was queued.
        delivery_id = uuid.UUID(delivery["id"])
        assert delivery_id.version == 7
        assert abs((delivery_id.int >> 80) - time.time() * 1000) < 60_000
        # A receiver that answers at once: each latency is well under the 1 s timeout.
        assert all(0 <= a["latency_ms"] < 1000 for a in attempts)
        assert attempts[0]["error"] == "answered 500"
        # Another organization's member is not the bystander's event: the first thing it gets
        # (its endpoint serves the feed in order) is its own organization's next member.
        own = create_member(client, other_org)
        [only] = bystander.wait_for(1)
        assert only.json["data"]["member_id"] == own["id"]
        remove(client, org, endpoint_id)


def test_retry_after_is_honoured(client: httpx.Client, org: Org) -> None:
    script = lambda n: Answer(503, {"Retry-After": "2"}) if n == 1 else Answer(200)  # noqa: E731
    with webhook_receiver(script) as receiver:
        endpoint_id, _ = register(client, org, receiver.url)
        create_member(client, org)
        first, second = receiver.wait_for(2)
        assert second.at - first.at >= 1.9  # not the 0.3 s the schedule alone would give
        remove(client, org, endpoint_id)


def test_a_410_disables_the_endpoint_and_says_so(client: httpx.Client, org: Org) -> None:
    with webhook_receiver(lambda n: Answer(410) if n == 1 else Answer(200)) as receiver:
        endpoint_id, _ = register(client, org, receiver.url)
        create_member(client, org)
        receiver.wait_for(1)
        wait_until(lambda: endpoint(client, org, endpoint_id)["status"] == "disabled")
        seen = endpoint(client, org, endpoint_id)
        assert "410" in seen["disabled_reason"]
        notices = wait_until(lambda: feed(client, org, "webhook_endpoint.disabled"))
        assert [e["data"]["endpoint_id"] for e in notices] == [endpoint_id]
        later = create_member(client, org)
        time.sleep(1.0)
        assert len(receiver.received) == 1  # nothing goes to a disabled endpoint
        enabled = client.patch(
            f"/v1/webhook-endpoints/{endpoint_id}",
            json={"enabled": True},
            headers=org.headers,
        )
        assert enabled.status_code == 200
        assert enabled.json()["status"] == "active"
        assert enabled.json()["disabled_reason"] is None
        # The delivery given up on goes first again, then the one that waited behind it.
        resumed = receiver.wait_for(3)
        assert resumed[1].headers["webhook-id"] == resumed[0].headers["webhook-id"]
        assert resumed[2].json["data"]["member_id"] == later["id"]
        # The receiver has answered; the outcome is recorded a moment later.
        assert wait_until(
            lambda: (
                [e["status"] for e in log(client, org, endpoint_id)] == ["delivered", "delivered"]
            )
        )
        remove(client, org, endpoint_id)


def test_a_slow_receiver_is_timed_out_and_retried(client: httpx.Client, org: Org) -> None:
    with webhook_receiver(lambda n: Answer(200, delay=2.5 if n == 1 else 0)) as receiver:
        endpoint_id, _ = register(client, org, receiver.url)
        create_member(client, org)
        first, second = receiver.wait_for(2)
        assert first.headers["webhook-id"] == second.headers["webhook-id"]
        wait_until(lambda: log(client, org, endpoint_id)[0]["status"] == "delivered")
        attempts = log(client, org, endpoint_id)[0]["attempts"]
        assert attempts[0]["status_code"] is None
        assert attempts[0]["error"] == "no answer within 1 s"
        assert attempts[0]["latency_ms"] >= 900
        assert attempts[1]["status_code"] == 200
        remove(client, org, endpoint_id)


def test_persistent_failure_disables_the_endpoint(client: httpx.Client, org: Org) -> None:
    with webhook_receiver(lambda _n: Answer(500)) as receiver:
        endpoint_id, _ = register(client, org, receiver.url)
        create_member(client, org)
        wait_until(lambda: endpoint(client, org, endpoint_id)["status"] == "disabled")
        assert len(receiver.received) == 4  # the whole (quickened) schedule
        assert endpoint(client, org, endpoint_id)["disabled_reason"].startswith(
            "Gave up after 4 failed attempts"
        )
        entry = log(client, org, endpoint_id)[0]
        assert entry["status"] == "failed"
        assert len(entry["attempts"]) == 4
        assert entry["next_attempt_at"] is None
        remove(client, org, endpoint_id)


def test_deliveries_to_one_endpoint_keep_their_order(client: httpx.Client, org: Org) -> None:
    # The second delivery fails once: the ones behind it wait instead of overtaking it.
    with webhook_receiver(lambda n: Answer(500) if n == 2 else Answer(200)) as receiver:
        endpoint_id, _ = register(client, org, receiver.url)
        members = [create_member(client, org, display_name=f"M{i}")["id"] for i in range(5)]
        arrived = receiver.wait_for(6)
        delivered = [r.json["data"]["member_id"] for r in arrived]
        assert delivered == [members[0], members[1], *members[1:]]
        remove(client, org, endpoint_id)


def test_a_rotated_secret_keeps_the_old_one_valid_for_a_while(
    client: httpx.Client, org: Org
) -> None:
    with webhook_receiver() as receiver:
        endpoint_id, old_secret = register(client, org, receiver.url)
        rotated = client.post(
            f"/v1/webhook-endpoints/{endpoint_id}/secret-rotations", headers=org.headers
        )
        assert rotated.status_code == 200
        new_secret = rotated.json()["secret"]
        assert new_secret != old_secret
        assert rotated.json()["endpoint"]["previous_secret_valid_until"] is not None
        create_member(client, org)
        (delivery,) = receiver.wait_for(1)
        assert len(delivery.headers["webhook-signature"].split(" ")) == 2
        for secret in (old_secret, new_secret):
            standardwebhooks.Webhook(secret).verify(delivery.body, delivery.headers)
        with pytest.raises(standardwebhooks.webhooks.WebhookVerificationError):
            standardwebhooks.Webhook("whsec_" + "A" * 44).verify(delivery.body, delivery.headers)
        listed = client.get("/v1/webhook-endpoints", headers=org.headers).json()["data"]
        assert [e["id"] for e in listed] == [endpoint_id]
        assert "secret" not in listed[0]
        remove(client, org, endpoint_id)


def test_a_partner_can_redeliver_an_event(client: httpx.Client, org: Org, other_org: Org) -> None:
    with webhook_receiver() as receiver:
        endpoint_id, _ = register(client, org, receiver.url)
        create_member(client, org)
        (first,) = receiver.wait_for(1)
        event_id = first.headers["webhook-id"]
        again = client.post(
            f"/v1/webhook-endpoints/{endpoint_id}/redeliveries",
            json={"event_id": event_id},
            headers=org.headers,
        )
        assert again.status_code == 202
        second = receiver.wait_for(2)[1]
        assert second.headers["webhook-id"] == event_id
        assert second.body == first.body
        entries = log(client, org, endpoint_id)
        assert [e["redelivery"] for e in entries] == [True, False]
        never_sent = client.post(
            f"/v1/webhook-endpoints/{endpoint_id}/redeliveries",
            json={"event_id": endpoint_id},
            headers=org.headers,
        )
        assert never_sent.status_code == 404
        # Another organization's event is as unknown here as a random id: no 409 telling that
        # it exists.
        create_member(client, other_org)

        def their_events() -> list[dict[str, Any]]:
            found: list[dict[str, Any]] = client.get(
                "/v1/events", params={"types": "member.created"}, headers=other_org.headers
            ).json()["data"]
            return found

        # The feed hands an event out once nothing can commit ahead of it (a write transaction
        # of the service still open, a fan-out or a sweep, holds the horizon for a moment).
        wait_until(lambda: bool(their_events()))
        theirs = their_events()[-1]["id"]
        foreign = client.post(
            f"/v1/webhook-endpoints/{endpoint_id}/redeliveries",
            json={"event_id": theirs},
            headers=org.headers,
        )
        assert foreign.status_code == 404, foreign.text
        assert foreign.json()["type"] == never_sent.json()["type"]
        # A forged cursor past any sequence number is an empty page, not a 500.
        forged = client.get(
            f"/v1/webhook-endpoints/{endpoint_id}/deliveries",
            params={"cursor": encode_cursor(uuid.UUID(int=2**128 - 1))},
            headers=org.headers,
        )
        assert forged.status_code == 200, forged.text
        assert len(forged.json()["data"]) == 2
        remove(client, org, endpoint_id)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://10.0.0.7/hooks", "private"),
        ("https://192.168.1.20/hooks", "private"),
        ("https://169.254.169.254/latest/meta-data", "private"),
        ("https://[fe80::1]/hooks", "private"),
        ("https://[::ffff:10.0.0.1]/hooks", "private"),
        ("https://0.0.0.0/hooks", "private"),
        ("http://8.8.8.8/hooks", "https"),  # public, but not https
        ("https://no-such-host.invalid/hooks", "does not resolve"),
        ("https://user:pass@127.0.0.1/hooks", "Credentials"),
        ("ftp://127.0.0.1/hooks", "regex"),  # refused by the schema itself: a 400
        ("https://8.8.8.010/hooks", "neither a DNS name"),
        ("https://1.0x7f/hooks", "neither a DNS name"),  # WHATWG: 1.0.0.127
        ("https://example.0x/hooks", "neither a DNS name"),
        ("https://example.123./hooks", "neither a DNS name"),
        ("https://[2002:a00:1::]/hooks", "private"),
    ],
)
def test_urls_to_private_addresses_are_refused(
    client: httpx.Client, org: Org, url: str, why: str
) -> None:
    response = client.post("/v1/webhook-endpoints", json={"url": url}, headers=org.headers)
    assert response.status_code == (400 if url.startswith("ftp:") else 422), response.text
    [error] = response.json()["errors"]
    assert error["field"] == "url"
    assert why in error["message"]
    assert client.get("/v1/webhook-endpoints", headers=org.headers).json()["data"] == []


def test_a_killed_service_loses_no_delivery() -> None:
    """Kill -9 while a delivery is in flight; after a restart every event arrives, the one
    in flight again under the same webhook-id."""
    # The attempt in flight holds a lease of timeout + 5 s; after that the restarted service
    # takes the delivery over.
    settings = {**SERVICE_SETTINGS, "webhook_timeout_seconds": "3"}
    with (
        fresh_database() as dsn,
        webhook_receiver(lambda n: Answer(200, delay=60 if n == 1 else 0)) as receiver,
    ):
        operator = {
            "Authorization": "Bearer "
            + token_from(cli(dsn, "operator-key", "create", "--name", "kill-test"))
        }
        with (
            service_process(dsn, **settings) as first,
            httpx.Client(base_url=first.url, timeout=10) as client,
        ):
            org = make_org(client, operator)
            register(client, org, receiver.url)
            ids = [create_member(client, org)["id"] for _ in range(3)]
            (in_flight,) = receiver.wait_for(1)
            first.process.send_signal(signal.SIGKILL)
            first.process.wait(timeout=10)
        with service_process(dsn, **settings) as second:
            arrived = receiver.wait_for(4, timeout=30)
            with httpx.Client(base_url=second.url, timeout=10) as client:
                events = feed(client, org, "member.created")
    by_member = {e["data"]["member_id"]: e["id"] for e in events}
    assert sorted(by_member) == sorted(ids)
    after_restart = [r.headers["webhook-id"] for r in arrived[1:]]
    assert after_restart[0] == in_flight.headers["webhook-id"]
    assert set(after_restart) == set(by_member.values())


def test_two_services_on_one_database_share_the_work_without_repeating_it(
    client: httpx.Client, org: Org, dsn: str
) -> None:
    with webhook_receiver() as receiver, service_process(dsn, **SERVICE_SETTINGS):
        endpoint_id, _ = register(client, org, receiver.url)
        members = [create_member(client, org, display_name=f"W{i}")["id"] for i in range(10)]
        receiver.wait_for(10)
        time.sleep(0.5)  # a duplicate would have arrived by now
        assert [r.json["data"]["member_id"] for r in receiver.received] == members
        remove(client, org, endpoint_id)


def test_a_revoked_consent_withholds_what_is_still_queued_and_deliveries_are_disclosures(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    from datetime import UTC, datetime, timedelta

    from tests.integration.test_every_endpoint import consent_body

    today = datetime.now(UTC).date()
    member = create_member(
        client, org, timezone="UTC", recovery_started_on=(today - timedelta(days=10)).isoformat()
    )
    consent = client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["recovery"]),
        headers=org.headers,
    ).json()
    accounting_url = f"/v1/members/{member['id']}/disclosures"

    def accounting() -> list[dict[str, Any]]:
        data: list[dict[str, Any]] = client.get(accounting_url, headers=org.headers).json()["data"]
        return data

    # The receiver fails and asks for 3 s: the retry comes after the revocation below.
    with webhook_receiver(lambda _n: Answer(500, {"Retry-After": "3"})) as receiver:
        endpoint_id, _ = register(client, other_org, receiver.url, ["recovery.restarted"])
        restarted = client.post(
            f"/v1/members/{member['id']}/recovery-restarts",
            json={"restarted_on": (today - timedelta(days=2)).isoformat()},
            headers=org.headers,
        )
        assert restarted.status_code == 201, restarted.text
        receiver.wait_for(1)
        # What reached the other organization's receiver is in the member's accounting.
        recorded = wait_until(
            lambda: [d for d in accounting() if d["operation"] == "webhookDelivery"]
        )
        assert [(d["scopes"], d["consent_ids"]) for d in recorded] == [
            (["recovery"], [consent["id"]])
        ]
        revoked = client.post(f"/v1/consents/{consent['id']}/revoke", json={}, headers=org.headers)
        assert revoked.status_code == 200, revoked.text
        wait_until(lambda: log(client, other_org, endpoint_id)[0]["status"] == "failed")
        attempts = log(client, other_org, endpoint_id)[0]["attempts"]
        assert [a["status_code"] for a in attempts] == [500, None]
        assert attempts[1]["error"].startswith("Not sent: no consent in force")
        assert len(receiver.received) == 1
        assert len([d for d in accounting() if d["operation"] == "webhookDelivery"]) == 1
        # Nor can the partner ask for it again.
        again = client.post(
            f"/v1/webhook-endpoints/{endpoint_id}/redeliveries",
            json={"event_id": log(client, other_org, endpoint_id)[0]["event_id"]},
            headers=other_org.headers,
        )
        assert again.status_code == 409, again.text
        assert again.json()["type"].endswith("/consent-not-in-force")
        assert len(log(client, other_org, endpoint_id)) == 1


def test_an_endpoint_gets_only_the_events_its_registering_key_may_read(
    client: httpx.Client, org: Org
) -> None:
    """Found from outside: a key with only webhooks:manage (403 on /v1/events and /v1/members)
    registered an endpoint that received member.created and api_key.created."""
    hooks_only = make_key(client, org, ["webhooks:manage"])
    refused = client.post(
        "/v1/webhook-endpoints",
        json={"url": "http://127.0.0.1:9/hook", "event_types": ["member.created"]},
        headers=hooks_only.headers,
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["field"] == "event_types"
    with webhook_receiver() as limited, webhook_receiver() as full:
        limited_id, _ = register(client, hooks_only, limited.url, types=[])
        full_id, _ = register(client, org, full.url, types=[])
        make_key(client, org, ["members:read"])
        member = create_member(client, org)
        received = [r.json["type"] for r in full.wait_for(2)]
        assert received == ["api_key.created", "member.created"]
        assert member["id"] in str(full.received[1].json)
        time.sleep(1.0)
        assert limited.received == []
        # Whoever sets its event types vouches for them with their own key's scopes.
        widened = client.patch(
            f"/v1/webhook-endpoints/{limited_id}",
            json={"event_types": ["member.created"]},
            headers=org.headers,
        )
        assert widened.status_code == 200, widened.text
        create_member(client, org)
        assert [r.json["type"] for r in limited.wait_for(1)] == ["member.created"]
        remove(client, org, limited_id)
        remove(client, org, full_id)


def test_a_narrower_key_cannot_take_an_endpoint_over_with_its_reach(
    client: httpx.Client, org: Org
) -> None:
    """Review: a webhooks:manage-only key pointing a full key's endpoint at itself (URL, then a
    new secret) would have received member events it cannot read."""
    hooks_only = make_key(client, org, ["webhooks:manage"])
    with webhook_receiver(lambda n: Answer(500)) as original, webhook_receiver() as taker:
        endpoint_id, _ = register(client, org, original.url)
        create_member(client, org)  # queued while the full key's scopes decided
        original.wait_for(1)
        moved = client.patch(
            f"/v1/webhook-endpoints/{endpoint_id}",
            json={"url": taker.url},
            headers=hooks_only.headers,
        )
        assert moved.status_code == 200, moved.text
        rotated = client.post(
            f"/v1/webhook-endpoints/{endpoint_id}/secret-rotations", headers=hooks_only.headers
        )
        assert rotated.status_code == 200, rotated.text
        # The delivery still pending is not sent to the new URL; it is logged as withheld.
        wait_until(lambda: log(client, org, endpoint_id)[0]["status"] == "failed")
        attempts = log(client, org, endpoint_id)[0]["attempts"]
        assert "no longer covers" in attempts[-1]["error"], attempts
        create_member(client, org)  # and nothing new of that kind is queued
        time.sleep(1.0)
        assert taker.received == []
        assert len(log(client, org, endpoint_id)) == 1
        remove(client, org, endpoint_id)
