"""Typed events held to what the service writes: every event stored (a scenario below makes
most kinds; whatever earlier tests made counts too) reads into the schema of its `type` and
writes back exactly the same JSON, so no field of the wire is missing from the contract and no
field of the contract is made up. The feed answers them in that typed form."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import msgspec

from service.adapters.http.event_schemas import EVENT_TYPES, typed
from service.adapters.postgres.events import event_from_row
from service.domain.disclosure_notice import notice_for_consents
from service.domain.events import EventType, EventView
from tests.integration.conftest import Org, create_member, make_org, shared_circle
from tests.integration.test_every_endpoint import consent_body
from tests.support.database import Db
from tests.support.waiting import wait_until


def _ok(response: httpx.Response) -> Any:
    assert response.status_code < 300, response.text
    return response.json()


def _scenario(client: httpx.Client, org: Org, partner: Org) -> None:
    """Members, a circle, consent, milestones, a cheer, a pledge and its check-in, a
    referral through its statuses, a key, an incident: most kinds of event."""
    today = datetime.now(UTC).date().isoformat()
    start = (datetime.now(UTC).date() - timedelta(days=10)).isoformat()
    member = create_member(client, org, timezone="UTC", recovery_started_on=start)
    home = org.headers
    client.patch(
        f"/v1/members/{member['id']}",
        json={"display_name": "Samuel"},
        headers={**home, "If-Match": '"1"'},
    )
    circle = shared_circle(client, org, member["id"], partner)
    client.patch(
        f"/v1/networks/{circle}",
        json={"description": "Tuesdays"},
        headers={**home, "If-Match": '"1"'},
    )
    consent = client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(partner.id, ["profile", "milestones", "pledges"]),
        headers=home,
    ).json()
    _ok(
        client.post(
            f"/v1/members/{member['id']}/custom-milestones",
            json={"title": "First meeting chaired", "achieved_on": today},
            headers=home,
        )
    )
    client.post(
        f"/v1/members/{member['id']}/milestones/current.7d/cheers",
        json={"author_member_id": member["id"], "message": "A week!"},
        headers=home,
    )
    pledge = client.post(
        f"/v1/members/{member['id']}/pledges",
        json={"text": "No use today", "cadence": "daily", "starts_on": today},
        headers=home,
    ).json()
    client.post(
        f"/v1/pledges/{pledge['id']}/check-ins",
        json={"period": today, "outcome": "kept"},
        headers=home,
    )
    # The conversation: a post with a crisis phrase, a reply, a report, a moderator's hiding.
    posted = _ok(
        client.post(
            f"/v1/networks/{circle}/posts",
            json={"author_member_id": member["id"], "kind": "struggle", "body": "I can't go on"},
            headers=home,
        )
    )
    _ok(
        client.post(
            f"/v1/posts/{posted['id']}/replies",
            json={"author_member_id": member["id"], "body": "Called my sponsor. Better now."},
            headers=home,
        )
    )
    _ok(client.post(f"/v1/posts/{posted['id']}/reports", json={"reason": "crisis"}, headers=home))
    _ok(
        client.post(
            f"/v1/posts/{posted['id']}/moderation",
            json={"action": "hide", "reason": "Reached out by phone"},
            headers=home,
        )
    )
    referred = create_member(client, org)
    referral = client.post(
        "/v1/referrals",
        json={
            "receiver_organization_id": partner.id,
            "reason": "Peer support",
            "urgency": "routine",
            "member_id": referred["id"],
            "consent": consent_body(partner.id),
        },
        headers=home,
    ).json()
    _ok(
        client.post(
            f"/v1/referrals/{referral['id']}/transitions",
            json={"status": "accepted"},
            headers={**partner.headers, "If-Match": f'"{referral["version"]}"'},
        )
    )
    client.post(f"/v1/consents/{consent['id']}/revoke", json={}, headers=home)
    client.post(
        "/v1/incidents",
        json={
            "kind": "suspected_breach",
            "description": "A lost laptop",
            "since": f"{start}T00:00:00Z",
        },
        headers=home,
    )


def test_every_stored_event_reads_into_its_type_and_back(
    client: httpx.Client, org: Org, operator: dict[str, str], db: Db
) -> None:
    partner = make_org(client, operator, kind="clinic")
    _scenario(client, org, partner)
    # What the service wrote for the two organizations (other tests also store events made
    # up for the occasion, which no schema owes anything).
    rows = db.fetch(
        "SELECT id, type, organization_id, subject_type, subject_id, occurred_at, "
        "data::text AS data FROM outbox_events WHERE organization_id = ANY($1::uuid[])",
        [org.id, partner.id],
    )
    seen: set[EventType] = set()
    for row in rows:
        event = event_from_row(row)
        view = EventView.of(event, notice_for_consents([event.id]))
        wire: Any = msgspec.json.decode(msgspec.json.encode(view))
        read = typed(view)
        assert not isinstance(read, EventView), event.type  # it fits its schema
        assert msgspec.json.decode(msgspec.json.encode(read)) == wire, event.type
        seen.add(event.type)
    made_here = {
        EventType.MEMBER_CREATED,
        EventType.MEMBER_UPDATED,
        EventType.ORGANIZATION_CREATED,
        EventType.API_KEY_CREATED,
        EventType.NETWORK_CREATED,
        EventType.NETWORK_UPDATED,
        EventType.NETWORK_ORGANIZATION_INVITED,
        EventType.NETWORK_ORGANIZATION_JOINED,
        EventType.NETWORK_MEMBERSHIP_ADDED,
        EventType.CONSENT_GRANTED,
        EventType.CONSENT_REVOKED,
        EventType.MILESTONE_REACHED,
        EventType.MILESTONE_CHEERED,
        EventType.PLEDGE_CREATED,
        EventType.PLEDGE_CHECKED_IN,
        EventType.REFERRAL_CREATED,
        EventType.REFERRAL_STATUS_CHANGED,
        EventType.INCIDENT_OPENED,
        EventType.POST_CREATED,
        EventType.POST_REPLIED,
        EventType.POST_REPORTED,
        EventType.POST_HIDDEN,
        EventType.POST_CRISIS_FLAGGED,
    }
    assert sorted(made_here - seen) == []
    assert set(EVENT_TYPES) == set(EventType)


def test_the_feed_answers_events_in_their_typed_form(
    client: httpx.Client, org: Org, operator: dict[str, str]
) -> None:
    partner = make_org(client, operator)
    member = create_member(client, org)
    shared_circle(client, org, member["id"], partner)

    def created() -> list[dict[str, Any]]:
        events = client.get(
            "/v1/events", params={"types": "member.created,network.created"}, headers=org.headers
        ).json()["data"]
        return [
            e
            for e in events
            if e["subject_id"] in (member["id"],) or e["type"] == "network.created"
        ]

    events = wait_until(lambda: [e for e in created() if e["type"] == "member.created"])
    assert events[0]["data"] == {"member_id": member["id"], "version": 1}
    assert set(events[0]) == {
        "type",
        "id",
        "occurred_at",
        "organization_id",
        "subject_type",
        "subject_id",
        "data",
        "disclosure",
    }
