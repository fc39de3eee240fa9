"""A network's conversation (issue #13), end to end against the real service: posts and
replies under the one consent rule, each cross-organization read accounted; encouragement and
helpful marks; edits, tombstones and erasure; reports, the moderation queue and log; the
crisis flag and language notes; events under the same rule."""

from __future__ import annotations

import time
from typing import Any
from uuid import uuid4

import httpx
import pytest

from tests.integration.conftest import (
    Org,
    create_member,
    join,
    make_key,
    make_org,
    shared_circle,
)
from tests.integration.test_consent_accounting import accounting, grant
from tests.integration.test_webhooks import register
from tests.support.database import Db
from tests.support.receiver import Answer, webhook_receiver
from tests.support.waiting import feed_settled, wait_until


class World:
    """Harbor Clinic (A) created a circle around Sam; Harbor Peer Recovery (B) takes part,
    with Jo in it; C is a stranger organization that takes part in nothing."""

    def __init__(self, client: httpx.Client, operator: dict[str, str], db: Db) -> None:
        self.client = client
        self.db = db
        self.a = make_org(client, operator, kind="clinic")
        self.b = make_org(client, operator)
        self.c = make_org(client, operator)
        self.sam = create_member(client, self.a, display_name="Sam")["id"]
        self.jo = create_member(client, self.b, display_name="Jo")["id"]
        self.network = shared_circle(client, self.a, self.sam, self.b)
        join(client, self.b, self.network, self.jo)

    def post(self, org: Org, author: str, **fields: Any) -> httpx.Response:
        body = {"author_member_id": author, "kind": "share", "body": "Day 30 today.", **fields}
        return self.client.post(
            f"/v1/networks/{self.network}/posts", json=body, headers=org.headers
        )

    def posts(self, org: Org, **params: Any) -> list[dict[str, Any]]:
        answer = self.client.get(
            f"/v1/networks/{self.network}/posts", params=params, headers=org.headers
        )
        assert answer.status_code == 200, answer.text
        found: list[dict[str, Any]] = answer.json()["data"]
        return found

    def get(self, org: Org, post_id: str) -> httpx.Response:
        return self.client.get(f"/v1/posts/{post_id}", headers=org.headers)

    def feed(self, org: Org, **params: Any) -> list[dict[str, Any]]:
        """`org`'s events feed, once everything written so far is below its horizon."""
        feed_settled(self.db)
        answer = self.client.get("/v1/events", params=params, headers=org.headers)
        assert answer.status_code == 200, answer.text
        found: list[dict[str, Any]] = answer.json()["data"]
        return found


@pytest.fixture
def world(client: httpx.Client, operator: dict[str, str], db: Db) -> World:
    return World(client, operator, db)


def _every_page(
    client: httpx.Client, path: str, headers: dict[str, str], *, limit: int
) -> list[str]:
    """The ids of every item of a list, followed page by page with its cursor."""
    ids: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        page = client.get(path, params=params, headers=headers).json()
        ids += [item["id"] for item in page["data"]]
        cursor = page["next_cursor"]
        if cursor is None:
            return ids


def _made(answer: httpx.Response) -> dict[str, Any]:
    assert answer.status_code == 201, answer.text
    made: dict[str, Any] = answer.json()
    return made


def test_a_post_crosses_only_under_a_consent_covering_the_conversation(world: World) -> None:
    client, a, b = world.client, world.a, world.b
    post = _made(world.post(a, world.sam, kind="win", body="Thirty days, one at a time."))
    assert post["author_display_name"] == "Sam"
    assert post["counts"] == {"replies": 0, "helpful": 0, "reactions": {}}
    assert [p["id"] for p in world.posts(a)] == [post["id"]]
    # B takes part, but Sam has not consented: nothing, not even that it exists.
    assert world.posts(b) == []
    assert world.get(b, post["id"]).status_code == 404
    # A consent covering other data is not enough.
    grant(client, a, world.sam, b, ["profile"])
    assert world.posts(b) == []
    consent = grant(client, a, world.sam, b, ["conversation"])
    shown = world.posts(b)
    assert [(p["id"], p["author_display_name"], p["body"]) for p in shown] == [
        (post["id"], "Sam", "Thirty days, one at a time.")
    ]
    assert shown[0]["crisis_flagged"] is None  # the flag is for the home organization
    records = [r for r in accounting(client, a, world.sam) if r["operation"] == "listPosts"]
    assert len(records) == 1
    assert records[0]["recipient_organization_id"] == b.id
    assert records[0]["scopes"] == ["conversation"]
    assert consent in records[0]["consent_ids"]
    # B's member replies; the reply is B's member's data, so A needs Jo's consent to see it.
    reply = _made(
        client.post(
            f"/v1/posts/{post['id']}/replies",
            json={"author_member_id": world.jo, "body": "So proud of you."},
            headers=b.headers,
        )
    )
    assert reply["parent_id"] == post["id"]
    thread = world.get(a, post["id"]).json()
    assert "replies" in thread, thread
    assert thread["replies"] == []
    assert thread["post"]["counts"]["replies"] == 0
    grant(client, b, world.jo, a, ["conversation"])
    thread = world.get(a, post["id"]).json()
    assert [r["body"] for r in thread["replies"]] == ["So proud of you."]
    assert thread["post"]["counts"]["replies"] == 1
    # Revocation acts on the next read, and on the next write.
    revoked = client.post(
        f"/v1/consents/{consent}/revoke", json={"reason": "member asked"}, headers=a.headers
    )
    assert revoked.status_code == 200, revoked.text
    assert world.posts(b) == []
    assert world.get(b, post["id"]).status_code == 404
    for method, path, body in (
        ("POST", f"/v1/posts/{post['id']}/replies", {"author_member_id": world.jo, "body": "Hi"}),
        ("PUT", f"/v1/posts/{post['id']}/reactions/heart/members/{world.jo}", None),
        ("POST", f"/v1/posts/{post['id']}/reports", {"reason": "spam"}),
    ):
        answer = client.request(method, path, json=body, headers=b.headers)
        assert answer.status_code == 404, (path, answer.text)
    assert world.get(a, post["id"]).json()["post"]["counts"]["reactions"] == {}


def test_encouragement_and_helpful_advice_are_counted_once_per_member(world: World) -> None:
    client, a, b = world.client, world.a, world.b
    grant(client, a, world.sam, b, ["conversation"])
    advice = _made(world.post(a, world.sam, kind="advice", body="Call someone before 9pm."))
    other = _made(world.post(a, world.sam, kind="advice", body="Walk it off."))
    story = _made(world.post(a, world.sam, kind="share", body="Slept well."))
    react = f"/v1/posts/{advice['id']}/reactions/heart/members/{world.jo}"
    for _ in range(2):
        answer = client.put(react, headers=b.headers)
        assert answer.status_code == 200, answer.text
        assert answer.json()["reactions"] == {"heart": 1}
    strength = f"/v1/posts/{advice['id']}/reactions/strength/members/{world.sam}"
    assert client.put(strength, headers=a.headers).json()["reactions"] == {
        "heart": 1,
        "strength": 1,
    }
    # A member of another organization cannot be named.
    assert (
        client.put(
            f"/v1/posts/{advice['id']}/reactions/heart/members/{world.sam}", headers=b.headers
        ).status_code
        == 422
    )
    assert (
        client.put(
            f"/v1/posts/{advice['id']}/reactions/boo/members/{world.jo}", headers=b.headers
        ).status_code
        == 400
    )
    helpful = f"/v1/posts/{other['id']}/helpful-marks/{world.jo}"
    for _ in range(2):
        assert client.put(helpful, headers=b.headers).json()["helpful"] == 1
    assert (
        client.put(
            f"/v1/posts/{story['id']}/helpful-marks/{world.jo}", headers=b.headers
        ).status_code
        == 422
    )
    listed = client.get(f"/v1/networks/{world.network}/advice", headers=b.headers).json()
    assert [p["id"] for p in listed["data"]] == [other["id"], advice["id"]]
    # Paged one at a time over the same order.
    seen = _every_page(client, f"/v1/networks/{world.network}/advice", b.headers, limit=1)
    assert seen == [other["id"], advice["id"]]
    assert client.delete(react, headers=b.headers).json()["reactions"] == {"strength": 1}
    assert client.delete(react, headers=b.headers).json()["reactions"] == {"strength": 1}
    assert client.delete(helpful, headers=b.headers).json()["helpful"] == 0


def test_edit_keeps_history_and_delete_leaves_a_tombstone(world: World) -> None:
    client, a, b = world.client, world.a, world.b
    grant(client, a, world.sam, b, ["conversation"])
    post = world.post(a, world.sam, body="Tested clean again, still an addict at heart.")
    made = _made(post)
    assert [n["term"] for n in made["language_notes"]] == ["tested clean", "addict"]
    url = f"/v1/posts/{made['id']}"
    assert client.patch(url, json={"body": "x"}, headers=a.headers).status_code == 428
    assert (
        client.patch(
            url, json={"body": "x"}, headers={**b.headers, "If-Match": post.headers["etag"]}
        ).status_code
        == 403
    )
    edited = client.patch(
        url,
        json={"body": "Tested negative again."},
        headers={**a.headers, "If-Match": post.headers["etag"]},
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["language_notes"] == []
    assert edited.json()["version"] == 2
    stale = client.patch(
        url, json={"body": "again"}, headers={**a.headers, "If-Match": post.headers["etag"]}
    )
    assert stale.status_code == 412
    history = client.get(f"{url}/revisions", headers=a.headers).json()
    assert [r["body"] for r in history["data"]] == ["Tested clean again, still an addict at heart."]
    # B sees the post but is not a moderator: no history.
    assert client.get(f"{url}/revisions", headers=b.headers).status_code == 403
    reply = _made(
        client.post(
            f"{url}/replies",
            json={"author_member_id": world.jo, "body": "Nice."},
            headers=b.headers,
        )
    )
    gone = client.delete(url, headers={**a.headers, "If-Match": edited.headers["etag"]})
    assert gone.status_code == 200, gone.text
    tombstone = gone.json()
    assert (tombstone["state"], tombstone["body"], tombstone["author_display_name"]) == (
        "deleted",
        None,
        None,
    )
    thread = world.get(b, made["id"]).json()
    assert thread["post"]["state"] == "deleted"
    assert [r["id"] for r in thread["replies"]] == [reply["id"]]
    assert (
        client.post(
            f"{url}/replies", json={"author_member_id": world.jo, "body": "?"}, headers=b.headers
        ).status_code
        == 409
    )


def test_reports_wait_for_a_moderator_who_hides_and_the_log_keeps_it(world: World) -> None:
    client, a, b = world.client, world.a, world.b
    grant(client, b, world.jo, a, ["conversation"])
    post = _made(world.post(b, world.jo, kind="advice", body="Double up your dose."))
    report = client.post(
        f"/v1/posts/{post['id']}/reports",
        json={"reason": "unsafe_advice", "note": "dosing"},
        headers=a.headers,
    )
    assert report.status_code == 201, report.text
    # B is not a moderator (A created the circle).
    queue_url = f"/v1/networks/{world.network}/moderation-queue"
    assert client.get(queue_url, headers=b.headers).status_code == 403
    assert client.get(queue_url, headers=world.c.headers).status_code == 404
    queue = client.get(queue_url, headers=a.headers).json()
    assert [(q["post"]["id"], q["open_reports"]) for q in queue["data"]] == [
        (post["id"], {"unsafe_advice": 1})
    ]
    moderate = f"/v1/posts/{post['id']}/moderation"
    refused = client.post(moderate, json={"action": "hide", "reason": "x"}, headers=b.headers)
    assert refused.status_code == 403
    hidden = client.post(
        moderate, json={"action": "hide", "reason": "Unsafe dosing advice"}, headers=a.headers
    )
    assert hidden.status_code == 200, hidden.text
    assert hidden.json()["state"] == "hidden"
    assert client.get(queue_url, headers=a.headers).json()["data"] == []
    # The author's organization and the moderator still see it; nobody else would.
    assert world.get(b, post["id"]).json()["post"]["hidden_reason"] == "Unsafe dosing advice"
    assert world.get(a, post["id"]).status_code == 200
    again = client.post(moderate, json={"action": "hide", "reason": "x"}, headers=a.headers)
    assert again.status_code == 409
    log = client.get(f"/v1/networks/{world.network}/moderation-log", headers=a.headers).json()
    assert [(e["post_id"], e["action"], e["organization_id"]) for e in log["data"]] == [
        (post["id"], "hide", a.id)
    ]
    types = {e["type"] for e in world.feed(b)}
    assert {"post.created", "post.reported", "post.hidden"} <= types
    # Jo's consent ends: the log no longer names the post to the moderator.
    consents = client.get(f"/v1/members/{world.jo}/consents", headers=b.headers).json()["data"]
    for consent in consents:
        client.post(f"/v1/consents/{consent['id']}/revoke", json={}, headers=b.headers)
    log = client.get(f"/v1/networks/{world.network}/moderation-log", headers=a.headers).json()
    assert log["data"] == []


def test_a_hidden_post_is_hidden_from_other_participants(
    world: World, operator: dict[str, str]
) -> None:
    client, a, b = world.client, world.a, world.b
    d = make_org(client, operator)
    invited = client.post(
        f"/v1/networks/{world.network}/organizations",
        json={"organization_id": d.id},
        headers=a.headers,
    )
    assert invited.status_code == 201
    assert client.post(
        f"/v1/networks/{world.network}/invitation/accept", headers=d.headers
    ).is_success
    grant(client, a, world.sam, d, ["conversation"])
    post = _made(world.post(a, world.sam, body="Rough week."))
    assert [p["id"] for p in world.posts(d)] == [post["id"]]
    grant(client, a, world.sam, b, ["conversation"])
    hidden = client.post(
        f"/v1/posts/{post['id']}/moderation",
        json={"action": "hide", "reason": "names a person"},
        headers=a.headers,
    )
    assert hidden.status_code == 200
    assert world.posts(d) == []
    assert world.get(d, post["id"]).status_code == 404
    assert [p["id"] for p in world.posts(a)] == [post["id"]]


def test_a_crisis_phrase_flags_the_post_for_the_home_organization_only(world: World) -> None:
    client, a, b = world.client, world.a, world.b
    grant(client, a, world.sam, b, ["conversation"])
    post = _made(world.post(a, world.sam, kind="struggle", body="Some days I want to die."))
    assert post["crisis_flagged"] is True
    assert post["state"] == "visible"
    assert world.posts(b)[0]["body"] == "Some days I want to die."  # never hidden
    mine = world.feed(a, types="post.crisis_flagged")
    assert [(e["data"]["post_id"], e["data"]["matched_phrases"]) for e in mine] == [
        (post["id"], ["want to die"])
    ]
    assert world.feed(b, types="post.crisis_flagged") == []
    # The organization's own list replaces the default one, from the next post on: this
    # worker flagged the last one with the default list, and finds at the write that it was
    # replaced (the post is written once, with the new list).
    client.put("/v1/crisis-phrases", json={"phrases": ["need a ride to detox"]}, headers=a.headers)
    calm = _made(world.post(a, world.sam, body="I want to die of laughing."))
    assert calm["crisis_flagged"] is False
    mine_now = _made(world.post(a, world.sam, body="I NEED a ride to  detox"))
    assert mine_now["crisis_flagged"] is True
    # Back to the default list: a new version again, never the one the first list had.
    assert client.delete("/v1/crisis-phrases", headers=a.headers).status_code in (200, 204)
    ride = _made(world.post(a, world.sam, body="I need a ride to detox."))
    dark = _made(world.post(a, world.sam, body="Some days I want to die."))
    assert (ride["crisis_flagged"], dark["crisis_flagged"]) == (False, True)
    written = [p["id"] for p in world.posts(a)]
    assert sorted(written) == sorted(
        [post["id"], calm["id"], mine_now["id"], ride["id"], dark["id"]]
    )
    flagged = world.feed(a, types="post.crisis_flagged")
    assert [e["data"]["post_id"] for e in flagged] == [post["id"], mine_now["id"], dark["id"]]


def test_erasure_leaves_placeholders_and_its_marks_stop_counting(world: World) -> None:
    client, a, b = world.client, world.a, world.b
    grant(client, b, world.jo, a, ["conversation"])
    post = _made(world.post(a, world.sam, kind="advice", body="Keep a routine."))
    jos = _made(world.post(b, world.jo, body="Hello all."))
    client.put(f"/v1/posts/{post['id']}/helpful-marks/{world.jo}", headers=b.headers)
    client.put(f"/v1/posts/{post['id']}/reactions/heart/members/{world.jo}", headers=b.headers)
    erased = client.delete(f"/v1/members/{world.jo}", headers=b.headers)
    assert erased.status_code == 204, erased.text
    counts = world.get(a, post["id"]).json()["post"]["counts"]
    assert counts == {"replies": 0, "helpful": 0, "reactions": {}}
    theirs = {p["id"]: p for p in world.posts(b)}
    assert theirs[jos["id"]]["state"] == "erased"
    assert theirs[jos["id"]]["body"] is None
    assert theirs[jos["id"]]["author_member_id"] is None


def test_a_members_own_posts_for_the_home_organization(world: World) -> None:
    client, a, b = world.client, world.a, world.b
    first = _made(world.post(a, world.sam, body="One."))
    second = _made(world.post(a, world.sam, body="Two."))
    listed = client.get(f"/v1/members/{world.sam}/posts", headers=a.headers)
    assert [p["id"] for p in listed.json()["data"]] == [second["id"], first["id"]]
    grant(client, a, world.sam, b, ["conversation"])
    assert client.get(f"/v1/members/{world.sam}/posts", headers=b.headers).status_code == 404


def test_only_members_taking_part_post(world: World) -> None:
    client, a = world.client, world.a
    outsider = create_member(client, a, display_name="Lee")["id"]
    refused = world.post(a, outsider)
    assert refused.status_code == 422, refused.text
    assert world.post(world.b, world.sam).status_code == 422  # not B's member
    assert world.post(world.c, world.sam).status_code == 404  # C takes no part
    assert world.posts(a) == []


SECRET_WORDS = "the blue heron bridge at midnight"


def _walk(client: httpx.Client, org: Org, ids: list[str]) -> str:
    """Every GET path of the contract, with every id seen put in every path parameter (and
    `reaction` a kind): all the answers, for the caller to search. Each answer about an id
    must be the answer about an id that does not exist (the id itself aside): nothing tells
    "may not see" from "does not exist"."""
    contract = client.get("/schema/openapi.json").json()
    answers: list[str] = []

    def read(path: str, names: list[str], some: str) -> tuple[int, str]:
        url = path.format(**{n: ("heart" if n == "reaction" else some) for n in names})
        answer = client.get(url, params={"limit": 100}, headers=org.headers)
        assert answer.status_code < 500, (url, answer.text)
        return answer.status_code, answer.text.replace(some, "<id>")

    for path, item in contract["paths"].items():
        if "get" not in item:
            continue
        names = [part[1:-1] for part in path.split("/") if part.startswith("{")]
        for some in ids if names else [""]:
            status, text = read(path, names, some)
            answers.append(f"{path} {status} {text}")
            if names and status == 404:
                assert (status, text) == read(path, names, str(uuid4())), (path, some)
    return "\n".join(answers)


def test_a_stranger_walking_every_path_learns_nothing_of_posts_it_may_not_see(
    world: World,
) -> None:
    client, a, b, c = world.client, world.a, world.b, world.c
    post = _made(world.post(a, world.sam, kind="struggle", body=f"I keep going to {SECRET_WORDS}."))
    grant(client, b, world.jo, a, ["conversation"])
    reply = _made(
        client.post(
            f"/v1/posts/{post['id']}/replies",
            json={"author_member_id": world.sam, "body": "Still here."},
            headers=a.headers,
        )
    )
    jos = _made(world.post(b, world.jo, kind="advice", body="Ring the helpline first."))
    client.post(f"/v1/posts/{jos['id']}/reports", json={"reason": "spam"}, headers=a.headers)
    ids = [post["id"], reply["id"], jos["id"], world.network, world.sam, world.jo]

    def learns_nothing(org: Org) -> None:
        seen = _walk(client, org, ids)
        for secret in (SECRET_WORDS, post["id"], reply["id"], "Still here."):
            assert secret not in seen, (org, secret)

    # C takes part in nothing; B takes part, with no consent from Sam.
    learns_nothing(c)
    learns_nothing(b)
    # With Sam's consent, B sees the post; revoked, it learns nothing again.
    consent = grant(client, a, world.sam, b, ["conversation"])
    assert SECRET_WORDS in _walk(client, b, ids)
    revoked = client.post(
        f"/v1/consents/{consent}/revoke", json={"reason": "member asked"}, headers=a.headers
    )
    assert revoked.status_code == 200
    learns_nothing(b)
    # Writes on the post it may no longer see answer as for a post that does not exist.
    for target in (post["id"], str(uuid4())):
        for method, path, body in (
            ("POST", f"/v1/posts/{target}/replies", {"author_member_id": world.jo, "body": "x"}),
            ("PUT", f"/v1/posts/{target}/reactions/heart/members/{world.jo}", None),
            ("DELETE", f"/v1/posts/{target}/reactions/heart/members/{world.jo}", None),
            ("PUT", f"/v1/posts/{target}/helpful-marks/{world.jo}", None),
            ("POST", f"/v1/posts/{target}/reports", {"reason": "spam"}),
            ("POST", f"/v1/posts/{target}/moderation", {"action": "hide", "reason": "x"}),
            ("PATCH", f"/v1/posts/{target}", {"body": "x"}),
        ):
            headers = {**b.headers, "If-Match": '"1"'}
            answer = client.request(method, path, json=body, headers=headers)
            assert answer.status_code == 404, (method, path, answer.text)
            assert answer.json()["type"].endswith("/not-found")
    # The events about Sam's post reach B no more either.
    feed = world.feed(b, limit=100)
    assert all(e["data"].get("post_id") != post["id"] for e in feed)


def test_post_events_follow_the_reading_keys_scopes_and_the_consent(world: World) -> None:
    client, a, b = world.client, world.a, world.b
    consent = grant(client, a, world.sam, b, ["conversation"])
    post = _made(world.post(a, world.sam, body="Thirty days."))

    def post_events(org: Org) -> list[tuple[str, str]]:
        return [
            (e["type"], e["data"]["post_id"])
            for e in world.feed(org, limit=100)
            if e["type"].startswith("post.")
        ]

    assert post_events(b) == [("post.created", post["id"])]
    assert post_events(make_key(client, b, ["networks:read"])) == [("post.created", post["id"])]
    # A key that may not read networks gets no event about posts.
    assert post_events(make_key(client, b, ["members:read"])) == []
    # Revoked: the event it saw before is gone from the feed too.
    client.post(f"/v1/consents/{consent}/revoke", json={}, headers=a.headers)
    assert post_events(b) == []
    assert post_events(a) == [("post.created", post["id"])]


def test_post_webhooks_follow_the_consent_and_are_accounted(world: World) -> None:
    client, a, b = world.client, world.a, world.b
    with webhook_receiver(lambda _n: Answer()) as receiver:
        register(client, b, receiver.url, ["post.created", "post.crisis_flagged"])
        unseen = _made(world.post(a, world.sam, body="Before the consent."))
        grant(client, a, world.sam, b, ["conversation"])
        seen = _made(world.post(a, world.sam, body="I want to die, some days."))
        receiver.wait_for(1)
        # The one after the consent, and never the crisis flag (the home organization's).
        time.sleep(1)
        delivered = [r.json for r in receiver.received]
        assert [(e["type"], e["data"]["post_id"]) for e in delivered] == [
            ("post.created", seen["id"])
        ]
        assert unseen["id"] not in str(delivered)
    records = wait_until(
        lambda: [r for r in accounting(client, a, world.sam) if r["operation"] == "webhookDelivery"]
    )
    assert [(r["recipient_organization_id"], r["scopes"]) for r in records] == [
        (b.id, ["conversation"])
    ]


def test_a_networks_posts_filter_by_kind_tag_and_since_and_page_newest_first(
    world: World,
) -> None:
    client, a = world.client, world.a
    made = [
        _made(world.post(a, world.sam, kind=kind, body=f"Post {n}", tags=tags))
        for n, (kind, tags) in enumerate(
            [
                ("share", ["sleep"]),
                ("advice", ["cravings", "work"]),
                ("win", []),
                ("advice", ["sleep"]),
                ("question", ["cravings"]),
            ]
        )
    ]
    ids = [p["id"] for p in made]
    assert [p["id"] for p in world.posts(a)] == ids[::-1]
    assert [p["id"] for p in world.posts(a, kind="advice")] == [ids[3], ids[1]]
    assert [p["id"] for p in world.posts(a, tag="cravings")] == [ids[4], ids[1]]
    assert [p["id"] for p in world.posts(a, kind="advice", tag="sleep")] == [ids[3]]
    assert [p["id"] for p in world.posts(a, since=made[3]["created_at"])] == [ids[4], ids[3]]
    # Replies are not in the network's list.
    client.post(
        f"/v1/posts/{ids[0]}/replies",
        json={"author_member_id": world.sam, "body": "Update: slept 7 hours."},
        headers=a.headers,
    )
    paged = _every_page(client, f"/v1/networks/{world.network}/posts", a.headers, limit=2)
    assert paged == ids[::-1]
    for bad in ({"kind": "rant"}, {"tag": "money"}, {"since": "yesterday"}, {"limit": 0}):
        answer = client.get(f"/v1/networks/{world.network}/posts", params=bad, headers=a.headers)
        assert answer.status_code == 400, (bad, answer.text)


def test_a_deleted_posts_words_leave_its_stored_answer_too(world: World) -> None:
    client, a = world.client, world.a
    body = {"author_member_id": world.sam, "kind": "struggle", "body": "Private words."}
    keyed = {**a.headers, "Idempotency-Key": f"post-{uuid4()}"}
    url = f"/v1/networks/{world.network}/posts"
    made = client.post(url, json=body, headers=keyed)
    assert made.status_code == 201, made.text
    replayed = client.post(url, json=body, headers=keyed)
    assert replayed.json() == made.json()
    gone = client.delete(
        f"/v1/posts/{made.json()['id']}", headers={**a.headers, "If-Match": made.headers["etag"]}
    )
    assert gone.status_code == 200, gone.text
    after = client.post(url, json=body, headers=keyed)
    assert after.status_code == 410, after.text
    assert "Private words." not in after.text


def test_what_a_review_found_stays_fixed(world: World, operator: dict[str, str]) -> None:
    """One post's read is accounted; a reply shows only with the post it answers; a write's
    counts are the replies its caller sees; a delete takes the post's history too."""
    client, a, b = world.client, world.a, world.b
    post = _made(world.post(a, world.sam, body="Sam's words."))
    grant(client, a, world.sam, b, ["conversation"])
    assert world.get(b, post["id"]).status_code == 200
    reads = [r for r in accounting(client, a, world.sam) if r["operation"] == "getPost"]
    assert [(r["recipient_organization_id"], r["scopes"]) for r in reads] == [
        (b.id, ["conversation"])
    ]
    # Jo (B) replies; A has no consent from Jo: A's write answers count no reply.
    reply = _made(
        client.post(
            f"/v1/posts/{post['id']}/replies",
            json={"author_member_id": world.jo, "body": "Jo's words."},
            headers=b.headers,
        )
    )
    heart = f"/v1/posts/{post['id']}/reactions/heart/members/{world.sam}"
    assert client.put(heart, headers=a.headers).json()["replies"] == 0
    assert client.put(heart, headers=b.headers).status_code == 422  # not B's member
    # D takes part, with Jo's consent and not Sam's: Jo's reply does not show without
    # the post it answers (its parent_id would tell D that post exists).
    d = make_org(client, operator)
    invited = client.post(
        f"/v1/networks/{world.network}/organizations",
        json={"organization_id": d.id},
        headers=a.headers,
    )
    assert invited.status_code == 201
    accepted = client.post(f"/v1/networks/{world.network}/invitation/accept", headers=d.headers)
    assert accepted.status_code == 200
    grant(client, b, world.jo, d, ["conversation"])
    assert world.get(d, reply["id"]).status_code == 404
    assert post["id"] not in str(world.feed(d))
    # A delete takes the post's history with its words.
    edited = client.patch(
        f"/v1/posts/{post['id']}",
        json={"body": "Sam's second words."},
        headers={**a.headers, "If-Match": '"1"'},
    )
    assert edited.status_code == 200, edited.text
    gone = client.delete(
        f"/v1/posts/{post['id']}", headers={**a.headers, "If-Match": edited.headers["etag"]}
    )
    assert gone.status_code == 200
    history = client.get(f"/v1/posts/{post['id']}/revisions", headers=a.headers)
    assert history.json()["data"] == []


def test_post_events_reach_only_who_could_read_the_post(
    world: World, operator: dict[str, str]
) -> None:
    """Consent is not enough: an organization outside the network gets no event about a post
    there, and a participant that does not moderate gets no report or hiding."""
    client, a, b, c = world.client, world.a, world.b, world.c
    grant(client, a, world.sam, c, ["conversation"])  # C takes no part in the network
    grant(client, a, world.sam, b, ["conversation"])  # B takes part, and does not moderate
    post = _made(world.post(a, world.sam, body="Hard day."))
    client.post(f"/v1/posts/{post['id']}/reports", json={"reason": "spam"}, headers=a.headers)
    hidden = client.post(
        f"/v1/posts/{post['id']}/moderation",
        json={"action": "hide", "reason": "checking in with Sam"},
        headers=a.headers,
    )
    assert hidden.status_code == 200

    def kinds(org: Org) -> list[str]:
        feed = world.feed(org, limit=100)
        return [e["type"] for e in feed if e["data"].get("post_id") == post["id"]]

    assert kinds(c) == []
    assert kinds(b) == ["post.created"]
    assert kinds(a) == ["post.created", "post.reported", "post.hidden"]
