"""The events feed."""

from __future__ import annotations

import base64
from typing import Any

import httpx

from tests.integration.conftest import Org, create_member, make_key
from tests.integration.test_every_endpoint import consent_body
from tests.support.waiting import wait_until


def _cursor_position(cursor: str) -> int:
    """The (txid, position) a feed cursor carries, as one number that orders like it."""
    return int.from_bytes(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)), "big")


def _feed(client: httpx.Client, org: Org, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/events", params=params, headers=org.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_each_organization_sees_its_own_events_in_order(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    first = create_member(client, org)
    second = create_member(client, org)
    # The feed hands an event out once nothing can still commit ahead of it (the sweeps run
    # their short transactions all the time): wait until both are out, then check the order.
    wait_until(lambda: len(_feed(client, org, types="member.created")["data"]) == 2)
    mine = _feed(client, org, types="member.created")
    assert [e["subject_id"] for e in mine["data"]] == [first["id"], second["id"]]
    theirs = _feed(client, other_org, types="member.created")
    assert theirs["data"] == []
    # Continue from the cursor: only what came after.
    third = create_member(client, org)

    def after_cursor() -> list[str]:
        more = _feed(client, org, types="member.created", cursor=mine["next_cursor"])
        return [e["subject_id"] for e in more["data"]]

    wait_until(lambda: bool(after_cursor()))
    assert after_cursor() == [third["id"]]
    paged = _feed(client, org, limit=1)
    assert len(paged["data"]) == 1
    assert paged["data"][0]["type"] == "organization.created"


def test_networks_and_consents_reach_the_organizations_concerned(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    member = create_member(client, org)
    network = client.post(
        "/v1/networks",
        json={"kind": "circle", "name": "c", "focus_member_id": member["id"]},
        headers=org.headers,
    ).json()
    client.post(
        f"/v1/networks/{network['id']}/organizations",
        json={"organization_id": other_org.id},
        headers=org.headers,
    )
    client.post(f"/v1/networks/{network['id']}/invitation/accept", headers=other_org.headers)

    def both() -> dict[str, Any] | None:
        page = _feed(
            client,
            other_org,
            types="network.organization_invited,network.created,network.organization_joined",
        )
        return page if len(page["data"]) == 2 else None

    # Events are handed out once nothing can still commit ahead of them: wait for both. The
    # network was created before other_org took any part in it, and `network.created` is
    # never among them: the feed carries what happens while an organization may see it (its
    # webhooks too), not the network's past.
    seen = wait_until(both)
    assert [e["type"] for e in seen["data"]] == [
        "network.organization_invited",
        "network.organization_joined",
    ]
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["profile"]),
        headers=org.headers,
    )
    granted = wait_until(lambda: _feed(client, other_org, types="consent.granted")["data"])
    assert [e["data"]["member_id"] for e in granted] == [member["id"]]


def test_bad_feed_parameters_are_400(client: httpx.Client, org: Org) -> None:
    for params in ({"cursor": "not a cursor"}, {"types": "A B"}, {"limit": 0}):
        response = client.get("/v1/events", params=params, headers=org.headers)
        assert response.status_code == 400, params
    unknown = client.get("/v1/events", params={"types": "member.exploded"}, headers=org.headers)
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "types"


def test_member_events_follow_consent_at_the_time_they_happen(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    from datetime import UTC, datetime, timedelta

    start = (datetime.now(UTC).date() - timedelta(days=10)).isoformat()
    member = create_member(client, org, timezone="UTC", recovery_started_on=start)

    def restart(days_ago: int) -> None:
        day = (datetime.now(UTC).date() - timedelta(days=days_ago)).isoformat()
        response = client.post(
            f"/v1/members/{member['id']}/recovery-restarts",
            json={"restarted_on": day},
            headers=org.headers,
        )
        assert response.status_code == 201, response.text

    restart(8)  # before any consent: never visible to other_org
    consent = client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["recovery"]),
        headers=org.headers,
    ).json()
    restart(5)  # under the consent: visible
    # Nothing shown is nothing recorded: polling until the event is out records one read.
    seen = wait_until(lambda: _feed(client, other_org, types="recovery.restarted")["data"])
    assert len(seen) == 1
    assert seen[0]["subject_id"] == member["id"]
    # That read was a disclosure, in the member's accounting like any other.
    accounting = client.get(f"/v1/members/{member['id']}/disclosures", headers=org.headers).json()[
        "data"
    ]
    assert [(d["operation"], d["scopes"], d["consent_ids"]) for d in accounting] == [
        ("listEvents", ["recovery"], [consent["id"]])
    ]
    client.post(f"/v1/consents/{consent['id']}/revoke", json={}, headers=org.headers)
    restart(2)  # after the revocation: not visible
    # Revocation acts at once on every read: the event seen before is not shown again.
    # Once the home feed has the third event out, other_org's feed could show it: it must not.
    wait_until(lambda: len(_feed(client, org, types="recovery.restarted")["data"]) == 3)
    assert _feed(client, other_org, types="recovery.restarted")["data"] == []
    # Nothing shown, nothing recorded; the home organization's own reads are not disclosures.
    after = client.get(f"/v1/members/{member['id']}/disclosures", headers=org.headers).json()
    assert len(after["data"]) == 1


def test_an_erased_members_events_leave_other_organizations_feeds(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    from datetime import UTC, datetime, timedelta

    today = datetime.now(UTC).date()
    member = create_member(
        client, org, timezone="UTC", recovery_started_on=(today - timedelta(days=10)).isoformat()
    )
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id, ["recovery"]),
        headers=org.headers,
    )
    restarted = client.post(
        f"/v1/members/{member['id']}/recovery-restarts",
        json={"restarted_on": (today - timedelta(days=3)).isoformat()},
        headers=org.headers,
    )
    assert restarted.status_code == 201, restarted.text

    def about_member(reader: Org) -> list[dict[str, Any]]:
        events = _feed(client, reader, types="recovery.restarted", limit=100)["data"]
        return [e for e in events if e["data"]["member_id"] == member["id"]]

    # The feed hands an event out once nothing can still commit ahead of it.
    wait_until(lambda: len(about_member(other_org)) == 1)
    assert client.delete(f"/v1/members/{member['id']}", headers=org.headers).status_code == 204
    # Erased: a read of the member answers 410, and the feed shows nothing more of it.
    assert about_member(other_org) == []
    assert len(about_member(org)) == 1  # the home organization keeps its own history


def test_a_key_sees_only_the_kinds_of_event_its_scopes_cover(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    """Found from outside: a members:read-only key's feed showed api_key.created (with its
    scopes), consent, referral and network events."""
    member = create_member(client, org)
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(other_org.id),
        headers=org.headers,
    )
    client.post(
        "/v1/networks", json={"kind": "group", "name": "Tuesday group"}, headers=org.headers
    )
    # The feed hands an event out once nothing can still commit ahead of it: wait for all.
    wait_until(
        lambda: (
            {"member", "consent", "network", "organization", "api_key"}
            <= {e["type"].split(".")[0] for e in _feed(client, org, limit=100)["data"]}
        )
    )
    readers = {
        "members:read": make_key(client, org, ["members:read"]),
        "consents:read": make_key(client, org, ["consents:read"]),
        "networks:read": make_key(client, org, ["networks:read"]),
        "keys:manage": make_key(client, org, ["keys:manage"]),
        "webhooks:manage": make_key(client, org, ["webhooks:manage"]),
    }
    seen = {
        scope: {e["type"].split(".")[0] for e in _feed(client, key, limit=100)["data"]}
        for scope, key in readers.items()
    }
    assert seen == {
        "members:read": {"member"},
        "consents:read": {"consent"},
        "networks:read": {"network"},
        "keys:manage": {"organization", "api_key"},
        "webhooks:manage": set(),
    }
    # Asking for a kind the key may not read gives nothing, not an error that tells more.
    assert _feed(client, readers["members:read"], types="api_key.created")["data"] == []
    everything = {e["type"].split(".")[0] for e in _feed(client, org, limit=100)["data"]}
    assert everything >= {"member", "consent", "network", "organization", "api_key"}


Query = list[tuple[str, str | int | float | bool | None]]


def test_types_come_repeated_or_comma_separated_each_once(client: httpx.Client, org: Org) -> None:
    create_member(client, org)
    network = client.post(
        "/v1/networks", json={"kind": "group", "name": "Tuesdays"}, headers=org.headers
    )
    assert network.status_code == 201
    wanted = ("member.created", "network.created")

    def kinds(params: Query) -> list[str]:
        page = client.get("/v1/events", params=params, headers=org.headers)
        assert page.status_code == 200, page.text
        return sorted(e["type"] for e in page.json()["data"])

    # As generated clients send a list (the contract's explode), and as one value.
    both: Query = [("types", t) for t in wanted]
    # Both, once nothing can still commit ahead of them (the feed's horizon).
    repeated = wait_until(lambda: (found := kinds(both)) == sorted(wanted) and found)
    assert kinds([("types", ",".join(wanted))]) == repeated
    assert kinds([("types", "member.created")]) == ["member.created"]
    before = client.get("/v1/events", headers=org.headers).json()
    refusals: list[Query] = [
        [("types", "member.created"), ("types", "member.created")],
        [("types", "member.created,member.created")],
        [("types", "")],
        [("types", "Member Created")],
    ]
    for refused in refusals:
        answer = client.get("/v1/events", params=refused, headers=org.headers)
        assert answer.status_code == 400, (refused, answer.text)
        assert answer.headers["content-type"].startswith("application/problem+json")
    # Nothing changed: the same events. (The cursor of a short page points past the read's
    # horizon, which other transactions move on: it may only have moved forward.)
    after = client.get("/v1/events", headers=org.headers).json()
    assert after["data"] == before["data"]
    assert _cursor_position(after["next_cursor"]) >= _cursor_position(before["next_cursor"])


def test_a_quiet_organizations_poll_moves_past_what_it_looked_at(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    """Another organization's traffic is walked once: a poll that found nothing hands back a
    cursor past it, and the quiet organization's own later event still comes."""
    start = _feed(client, other_org, types="member.created")
    for _ in range(5):
        create_member(client, org)
    wait_until(lambda: len(_feed(client, org, types="member.created")["data"]) == 5)

    def moved() -> bool:
        later = _feed(client, other_org, types="member.created", cursor=start["next_cursor"])
        return bool(later["data"] == [] and later["next_cursor"] != start["next_cursor"])

    wait_until(moved)
    quiet = _feed(client, other_org, types="member.created", cursor=start["next_cursor"])
    mine = create_member(client, other_org)

    def mine_after() -> list[str]:
        more = _feed(client, other_org, types="member.created", cursor=quiet["next_cursor"])
        return [e["subject_id"] for e in more["data"]]

    wait_until(lambda: bool(mine_after()))
    assert mine_after() == [mine["id"]]
