"""Reach-outs (issue #14), end to end against the real service: the fan-out to the
organizations with an active supporter in a circle asked under the member's consent covering
`reach_outs` (feed and signed webhooks), nobody else; responses, the first answer, closing;
escalation once, with two services on one database; expiry at the instant due; revocation
acting at once; writes naming another organization's reach-out refused with nothing changed;
the settings, the figures, and the rate limit never refusing a reach-out."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import standardwebhooks

from tests.integration.conftest import (
    SERVICE_SETTINGS,
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
from tests.support.receiver import webhook_receiver
from tests.support.server import running_service
from tests.support.waiting import feed_settled, wait_until

REACH_OUT_EVENTS = ["reach_out.opened", "reach_out.answered", "reach_out.closed"]


class World:
    """Harbor Clinic (A) made a circle around Sam; B (with Jo), C (with Kim) and F (with Fay)
    take part in it, each with a supporter; D takes part too but has no supporter in it; E is
    a stranger."""

    def __init__(self, client: httpx.Client, operator: dict[str, str], db: Db) -> None:
        self.client = client
        self.db = db
        self.a = make_org(client, operator, kind="clinic")
        self.b = make_org(client, operator)
        self.c = make_org(client, operator)
        self.d = make_org(client, operator)
        self.e = make_org(client, operator)
        self.f = make_org(client, operator)
        self.sam = create_member(client, self.a, display_name="Sam")["id"]
        self.ana = create_member(client, self.a, display_name="Ana")["id"]
        self.jo = create_member(client, self.b, display_name="Jo")["id"]
        self.kim = create_member(client, self.c, display_name="Kim")["id"]
        self.fay = create_member(client, self.f, display_name="Fay")["id"]
        self.circle = shared_circle(client, self.a, self.sam, self.b, self.c, self.d, self.f)
        join(client, self.a, self.circle, self.ana)
        self.jo_membership = join(client, self.b, self.circle, self.jo)
        join(client, self.c, self.circle, self.kim)
        join(client, self.f, self.circle, self.fay)

    def open(self, **fields: Any) -> dict[str, Any]:
        # `today` unless a test says otherwise: a `now` one left open would escalate ten
        # minutes later, writing an event while another test checks that nothing was written.
        answer = self.client.post(
            f"/v1/members/{self.sam}/reach-outs",
            json={"urgency": "today", **fields},
            headers=self.a.headers,
        )
        assert answer.status_code == 201, answer.text
        made: dict[str, Any] = answer.json()
        return made

    def read(self, org: Org, reach_out_id: str) -> httpx.Response:
        return self.client.get(f"/v1/reach-outs/{reach_out_id}", headers=org.headers)

    def respond(self, org: Org, reach_out_id: str, supporter: str, kind: str) -> httpx.Response:
        return self.client.post(
            f"/v1/reach-outs/{reach_out_id}/responses",
            json={"supporter_member_id": supporter, "kind": kind},
            headers=org.headers,
        )

    def close(self, org: Org, reach_out_id: str, outcome: str) -> httpx.Response:
        return self.client.post(
            f"/v1/reach-outs/{reach_out_id}/close", json={"outcome": outcome}, headers=org.headers
        )

    def events(self, org: Org, *types: str) -> list[dict[str, Any]]:
        """`org`'s feed of `types`, once everything written so far is below its horizon."""
        feed_settled(self.db)
        answer = self.client.get(
            "/v1/events", params={"types": list(types), "limit": 100}, headers=org.headers
        )
        assert answer.status_code == 200, answer.text
        found: list[dict[str, Any]] = answer.json()["data"]
        return found


@pytest.fixture
def world(client: httpx.Client, operator: dict[str, str], db: Db) -> World:
    return World(client, operator, db)


def test_a_reach_out_fans_out_to_signed_webhooks_of_consented_organizations_only(
    world: World,
) -> None:
    a, b, c, d, e, f = world.a, world.b, world.c, world.d, world.e, world.f
    for org in (b, c, d):
        grant(world.client, a, world.sam, org, ["reach_outs"])
    grant(world.client, a, world.sam, f, ["profile", "pledges"])  # not reach-outs
    with (
        webhook_receiver() as at_a,
        webhook_receiver() as at_b,
        webhook_receiver() as at_c,
        webhook_receiver() as at_d,
        webhook_receiver() as at_e,
        webhook_receiver() as at_f,
    ):
        secrets = {
            name: register(world.client, org, receiver.url, REACH_OUT_EVENTS)[1]
            for name, org, receiver in (("a", a, at_a), ("b", b, at_b), ("c", c, at_c))
        }
        # The others also hear of their own new members: one arriving after the reach-out's
        # events shows that their endpoints looked past them.
        for org, receiver in ((d, at_d), (e, at_e), (f, at_f)):
            register(world.client, org, receiver.url, [*REACH_OUT_EVENTS, "member.created"])
        opened = world.open(message="Cravings are bad tonight.")
        assert opened["asked"] == [world.ana]
        assert opened["status"] == "open"
        for name, receiver, mine in (("a", at_a, world.ana), ("b", at_b, world.jo)):
            delivery = receiver.wait_for(1)[0]
            payload = standardwebhooks.Webhook(secrets[name]).verify(
                delivery.body, delivery.headers
            )
            assert payload["type"] == "reach_out.opened"
            assert payload["subject_id"] == opened["id"]
            assert payload["data"]["asked"] == [mine]
            assert payload["data"]["circle_ids"] == [world.circle]
            assert "message" not in payload["data"]
            assert (payload["disclosure"] is None) == (name == "a")
        payload = standardwebhooks.Webhook(secrets["c"]).verify(
            at_c.wait_for(1)[0].body, at_c.wait_for(1)[0].headers
        )
        assert payload["data"]["asked"] == [world.kim]
        # Kim answers for C: everyone who saw it opened hears it was answered.
        answered = world.respond(c, opened["id"], world.kim, "calling")
        assert answered.status_code == 201, answered.text
        for receiver in (at_a, at_b, at_c):
            assert [d.json["type"] for d in receiver.wait_for(2)] == [
                "reach_out.opened",
                "reach_out.answered",
            ]
        # D takes part with a consent but has no supporter in the circle; F has a supporter
        # in it but no consent covering reach-outs; E takes no part.
        for org in (d, e, f):
            assert world.events(org, *REACH_OUT_EVENTS) == []
        for org, receiver in ((d, at_d), (e, at_e), (f, at_f)):
            create_member(world.client, org)
            assert [x.json["type"] for x in receiver.wait_for(1)] == ["member.created"]
    for org in (d, e, f):
        assert world.read(org, opened["id"]).status_code == 404
    assert world.respond(f, opened["id"], world.fay, "calling").status_code == 404


def test_reads_and_responses_follow_the_consent_and_are_accounted(world: World) -> None:
    a, b, c = world.a, world.b, world.c
    opened = world.open(message="Rough day.")
    # B has a supporter asked, but no consent covering reach-outs yet.
    grant(world.client, a, world.sam, b, ["profile"])
    assert world.read(b, opened["id"]).status_code == 404
    refused = world.respond(b, opened["id"], world.jo, "on_my_way")
    assert refused.status_code == 404
    consent = grant(world.client, a, world.sam, b, ["reach_outs"])
    seen = world.read(b, opened["id"])
    assert seen.status_code == 200, seen.text
    body = seen.json()
    assert body["message"] == "Rough day."
    assert body["asked"] == [world.jo]
    assert consent in body["disclosure"]["consent_ids"]
    records = [r for r in accounting(world.client, a, world.sam) if r["operation"] == "getReachOut"]
    assert [(r["recipient_organization_id"], r["scopes"]) for r in records] == [
        (b.id, ["reach_outs"])
    ]
    # Only a member of B's asked by it: C's Kim is not B's to name (404, as for anything it
    # may not know of); B's own member outside the circle is a field to correct.
    outsider = create_member(world.client, b, display_name="Lee")["id"]
    assert world.respond(b, opened["id"], world.kim, "calling").status_code == 404
    wrong = world.respond(b, opened["id"], outsider, "calling")
    assert wrong.status_code == 422, wrong.text
    assert wrong.json()["errors"][0]["field"] == "supporter_member_id"
    cannot = world.respond(b, opened["id"], world.jo, "cannot_now")
    assert cannot.status_code == 201
    assert world.read(a, opened["id"]).json()["first_answered_at"] is None
    on_way = world.respond(b, opened["id"], world.jo, "on_my_way")
    assert on_way.status_code == 201
    home = world.read(a, opened["id"]).json()
    assert home["first_answered_at"] == on_way.json()["responded_at"]
    # A sees that B answered, not which of B's members did; B sees its own member.
    assert [(r["organization_id"], r["supporter_member_id"]) for r in home["responses"]] == [
        (b.id, None),
        (b.id, None),
    ]
    mine = world.read(b, opened["id"]).json()["responses"]
    assert [r["supporter_member_id"] for r in mine] == [world.jo, world.jo]
    assert [r["kind"] for r in mine] == ["cannot_now", "on_my_way"]
    answered = world.events(a, "reach_out.answered")
    assert [e["data"]["kind"] for e in answered if e["subject_id"] == opened["id"]] == ["on_my_way"]
    # C without a consent: nothing, and its write changes nothing.
    assert world.respond(c, opened["id"], world.kim, "calling").status_code == 404
    assert len(world.read(a, opened["id"]).json()["responses"]) == 2
    # With one, C learns that someone answered, not which organization supports Sam.
    grant(world.client, a, world.sam, c, ["reach_outs"])
    theirs = world.read(c, opened["id"]).json()["responses"]
    assert [(r["organization_id"], r["supporter_member_id"]) for r in theirs] == [
        (None, None),
        (None, None),
    ]
    # The answer is told by the home organization (B answered: its own key sees the rest).
    told = world.events(b, "reach_out.answered")
    assert [e["organization_id"] for e in told if e["subject_id"] == opened["id"]] == [a.id]


def test_only_the_home_organization_closes_and_a_closed_one_takes_no_response(
    world: World,
) -> None:
    a, b = world.a, world.b
    grant(world.client, a, world.sam, b, ["reach_outs"])
    opened = world.open(urgency="today")
    assert world.close(b, opened["id"], "supported").status_code == 404
    assert world.read(a, opened["id"]).json()["status"] == "open"
    bad = world.close(a, opened["id"], "expired")
    assert bad.status_code == 400, bad.text  # `expired` is not an outcome one chooses
    closed = world.close(a, opened["id"], "no_longer_needed")
    assert closed.status_code == 200, closed.text
    assert closed.json()["outcome"] == "no_longer_needed"
    assert closed.headers["etag"] == '"2"'
    again = world.close(a, opened["id"], "supported")
    assert again.status_code == 409
    assert again.json()["type"].endswith("/reach-out-closed")
    late = world.respond(b, opened["id"], world.jo, "on_my_way")
    assert late.status_code == 409
    closing = [e for e in world.events(b, "reach_out.closed") if e["subject_id"] == opened["id"]]
    assert [e["data"]["outcome"] for e in closing] == ["no_longer_needed"]


def test_revocation_stops_later_reach_outs_at_once(world: World) -> None:
    a, b = world.a, world.b
    consent = grant(world.client, a, world.sam, b, ["reach_outs"])
    with webhook_receiver() as at_b:
        register(world.client, b, at_b.url, REACH_OUT_EVENTS)
        first = world.open()
        assert at_b.wait_for(1)[0].json["subject_id"] == first["id"]
        revoked = world.client.post(f"/v1/consents/{consent}/revoke", json={}, headers=a.headers)
        assert revoked.status_code == 200, revoked.text
        second = world.open()
        # A's own endpoint-less feed sees the second; B's neither in its feed nor by webhook.
        assert second["id"] in [e["subject_id"] for e in world.events(a, "reach_out.opened")]
        assert [e["subject_id"] for e in world.events(b, "reach_out.opened")] == []
        assert world.read(b, second["id"]).status_code == 404
        assert world.respond(b, first["id"], world.jo, "calling").status_code == 404
        # Asked again under a new consent, B hears of the third. An endpoint's deliveries go in
        # feed order, so had the second been queued for B it would have arrived before.
        grant(world.client, a, world.sam, b, ["reach_outs"])
        third = world.open()
        assert [d.json["subject_id"] for d in at_b.wait_for(2)] == [first["id"], third["id"]]


def test_a_member_who_left_the_circle_is_asked_no_more(world: World) -> None:
    a, b = world.a, world.b
    grant(world.client, a, world.sam, b, ["reach_outs"])
    jo = world.jo_membership
    left = world.client.patch(
        f"/v1/networks/{world.circle}/memberships/{jo['id']}",
        json={"status": "left"},
        headers={**b.headers, "If-Match": f'"{jo["version"]}"'},
    )
    assert left.status_code == 200, left.text
    opened = world.open()
    assert world.read(b, opened["id"]).status_code == 404


def test_escalation_fires_once_with_two_services_on_one_database(
    world: World, dsn: str, db: Db
) -> None:
    a = world.a
    unanswered = [world.open()["id"] for _ in range(20)]
    answered = world.open()["id"]
    assert world.respond(a, answered, world.ana, "messaged").status_code == 201
    mine = {*unanswered, answered}

    def escalated() -> list[str]:
        return [
            e["subject_id"]
            for e in world.events(a, "reach_out.escalated")
            if e["subject_id"] in mine
        ]

    settings = {**SERVICE_SETTINGS, "reach_out_sweep_seconds": "0.05"}
    with running_service(dsn, **settings):
        # Due at once for both services, each sweeping every 50 ms.
        db.execute(
            "UPDATE reach_outs SET escalates_at = now() - interval '1 second' "
            "WHERE id = ANY($1::uuid[])",
            list(mine),
        )
        wait_until(lambda: len(escalated()) >= len(unanswered))
        time.sleep(1.0)  # both kept sweeping
        assert sorted(escalated()) == sorted(unanswered)
    assert world.read(a, answered).json()["escalated_at"] is None
    assert all(world.read(a, r).json()["escalated_at"] is not None for r in unanswered)
    # Escalation is the home organization's alone.
    assert world.events(world.b, "reach_out.escalated") == []


def test_an_open_reach_out_expires_a_day_after_it_opened(world: World, db: Db) -> None:
    a = world.a
    opened = world.open()
    db.execute(
        "UPDATE reach_outs SET opened_at = opened_at - interval '25 hours', "
        "escalates_at = escalates_at - interval '25 hours' WHERE id = $1",
        opened["id"],
    )
    wait_until(lambda: world.read(a, opened["id"]).json()["status"] == "closed")
    body = world.read(a, opened["id"]).json()
    assert body["outcome"] == "expired"
    assert body["closed_at"] == body["expires_at"]


def test_settings_and_crisis_resources_go_with_each_reach_out(world: World) -> None:
    a = world.a
    default = world.client.get("/v1/reach-out-settings", headers=a.headers).json()
    assert default == {
        "escalate_now_after_seconds": 600,
        "escalate_today_after_seconds": 7200,
        "crisis_resources": [],
        "version": 0,
    }
    line = {"name": "988 Suicide & Crisis Lifeline", "phone": "988"}
    replaced = world.client.put(
        "/v1/reach-out-settings",
        json={
            "escalate_now_after_seconds": 300,
            "escalate_today_after_seconds": 3600,
            "crisis_resources": [line],
        },
        headers=a.headers,
    )
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["version"] == 1
    opened = world.open()
    assert opened["crisis_resources"] == [line]
    opened_at = datetime.fromisoformat(opened["opened_at"])
    assert datetime.fromisoformat(opened["escalates_at"]) - opened_at == timedelta(hours=1)
    # `now` after `today` breaks a rule (422); 30 s is below the contract's bound (400).
    for bad, status in (
        ({"escalate_now_after_seconds": 7200, "escalate_today_after_seconds": 3600}, 422),
        ({"escalate_now_after_seconds": 30, "escalate_today_after_seconds": 3600}, 400),
    ):
        refused = world.client.put(
            "/v1/reach-out-settings", json={**bad, "crisis_resources": []}, headers=a.headers
        )
        assert refused.status_code == status, refused.text
    assert world.client.get("/v1/reach-out-settings", headers=a.headers).json()["version"] == 1


def test_figures_agree_with_what_happened(world: World, db: Db) -> None:
    a, b = world.a, world.b
    grant(world.client, a, world.sam, b, ["reach_outs"])
    since = datetime.now(UTC) - timedelta(minutes=1)
    made = [world.open() for _ in range(3)]
    for delay, reach_out in zip((30, 90), made, strict=False):
        assert world.respond(b, reach_out["id"], world.jo, "calling").status_code == 201
        db.execute(
            "UPDATE reach_outs SET first_answered_at = opened_at + $2::int * interval '1 second' "
            "WHERE id = $1",
            reach_out["id"],
            delay,
        )
    db.execute("UPDATE reach_outs SET escalated_at = now() WHERE id = $1", made[2]["id"])
    figures = world.client.get(
        "/v1/reach-out-figures",
        params={"since": since.isoformat(), "network_id": world.circle},
        headers=a.headers,
    )
    assert figures.status_code == 200, figures.text
    got = figures.json()
    assert (got["opened"], got["answered"], got["unanswered"], got["escalated"]) == (3, 2, 1, 1)
    assert (got["p50_seconds_to_answer"], got["p90_seconds_to_answer"]) == (30.0, 90.0)
    # B's figures are of its own members' reach-outs: none.
    assert world.client.get("/v1/reach-out-figures", headers=b.headers).json()["opened"] == 0


def test_a_reach_out_is_never_refused_by_the_rate_limit(dsn: str, operator: dict[str, str]) -> None:
    settings = {**SERVICE_SETTINGS, "rate_limit_quota": "3", "rate_limit_window_seconds": "60"}
    with running_service(dsn, **settings) as url, httpx.Client(base_url=url) as client:
        org = make_org(client, operator)
        member = create_member(client, org)["id"]
        limited = [client.get("/v1/members", headers=org.headers).status_code for _ in range(4)]
        assert limited[-1] == 429
        for _ in range(3):
            opened = client.post(
                f"/v1/members/{member}/reach-outs", json={"urgency": "today"}, headers=org.headers
            )
            assert opened.status_code == 201, opened.text


def test_erasing_the_member_takes_the_message_away(world: World) -> None:
    opened = world.open(message="Please call.")
    erased = world.client.delete(f"/v1/members/{world.sam}", headers=world.a.headers)
    assert erased.status_code == 204, erased.text
    assert world.read(world.a, opened["id"]).json()["message"] is None


def test_reach_out_events_follow_the_reading_keys_scopes(world: World) -> None:
    grant(world.client, world.a, world.sam, world.b, ["reach_outs"])
    opened = world.open()
    narrow = make_key(world.client, world.b, ["networks:read"])
    assert world.events(narrow, "reach_out.opened") == []
    members = make_key(world.client, world.b, ["members:read"])
    assert [e["subject_id"] for e in world.events(members, "reach_out.opened")] == [opened["id"]]
    assert world.read(narrow, opened["id"]).status_code == 403


def test_a_reader_sees_only_the_circles_asked_it_takes_part_in(world: World) -> None:
    a, b = world.a, world.b
    # A second circle around Sam, which only A takes part in.
    private = shared_circle(world.client, a, world.sam)
    grant(world.client, a, world.sam, b, ["reach_outs"])
    opened = world.open()
    assert sorted(opened["circle_ids"]) == sorted([world.circle, private])
    assert world.read(b, opened["id"]).json()["circle_ids"] == [world.circle]
    [event] = [e for e in world.events(b, "reach_out.opened") if e["subject_id"] == opened["id"]]
    assert event["data"]["circle_ids"] == [world.circle]
    [home] = [e for e in world.events(a, "reach_out.opened") if e["subject_id"] == opened["id"]]
    assert sorted(home["data"]["circle_ids"]) == sorted([world.circle, private])
