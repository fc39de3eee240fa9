"""Meetings and attendance (issue #14), end to end: a network's meetings for the
organizations taking part only; occurrences keep their local time across DST; cancelling;
attendance recorded by the member's organization or the network's moderator, corrections kept;
a member's rate and run; foreign reads and events under a consent covering `meetings`, each
accounted; writes naming another organization's member or meeting refused with nothing
changed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.integration.conftest import Org, create_member, join, make_org, shared_circle
from tests.integration.test_consent_accounting import accounting, grant
from tests.support.database import Db
from tests.support.waiting import feed_settled

TODAY = datetime.now(UTC).date()
EVERY_DAY = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class World:
    """A (a clinic) made a circle around Sam, which B takes part in with Jo; E is a stranger."""

    def __init__(self, client: httpx.Client, operator: dict[str, str], db: Db) -> None:
        self.client = client
        self.db = db
        self.a = make_org(client, operator, kind="clinic")
        self.b = make_org(client, operator)
        self.e = make_org(client, operator)
        self.sam = create_member(client, self.a, display_name="Sam")["id"]
        self.jo = create_member(client, self.b, display_name="Jo")["id"]
        self.circle = shared_circle(client, self.a, self.sam, self.b)
        self.jo_membership = join(client, self.b, self.circle, self.jo)

    def schedule(self, org: Org, **fields: Any) -> httpx.Response:
        body = {
            "title": "Tuesday check-in",
            "timezone": "UTC",
            "local_time": "00:00",
            "repeat": "weekly",
            "weekdays": EVERY_DAY,
            "starts_on": (TODAY - timedelta(days=20)).isoformat(),
            **fields,
        }
        return self.client.post(
            f"/v1/networks/{self.circle}/meetings", json=body, headers=org.headers
        )

    def meeting(self) -> dict[str, Any]:
        made = self.schedule(self.a)
        assert made.status_code == 201, made.text
        body: dict[str, Any] = made.json()
        return body

    def record(
        self, org: Org, meeting_id: str, day: date, member: str, status: str
    ) -> httpx.Response:
        return self.client.put(
            f"/v1/meetings/{meeting_id}/attendance/{day.isoformat()}/{member}",
            json={"status": status},
            headers=org.headers,
        )

    def attendance(self, org: Org, member: str, **params: Any) -> httpx.Response:
        return self.client.get(
            f"/v1/members/{member}/attendance", params=params, headers=org.headers
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


def test_a_meeting_is_for_the_organizations_taking_part(world: World) -> None:
    made = world.meeting()
    assert made["occurrences"][0]["local_date"] == TODAY.isoformat()
    assert len(made["occurrences"]) == 28
    listed = world.client.get(f"/v1/networks/{world.circle}/meetings", headers=world.b.headers)
    assert [m["id"] for m in listed.json()["data"]] == [made["id"]]
    assert (
        world.client.get(f"/v1/meetings/{made['id']}", headers=world.b.headers).status_code == 200
    )
    # A stranger learns nothing, and cannot schedule there.
    stranger = world.client.get(f"/v1/networks/{world.circle}/meetings", headers=world.e.headers)
    assert stranger.status_code == 404
    assert (
        world.client.get(f"/v1/meetings/{made['id']}", headers=world.e.headers).status_code == 404
    )
    assert world.schedule(world.e).status_code == 404
    assert [e["subject_id"] for e in world.events(world.b, "meeting.scheduled")] == [made["id"]]
    assert world.events(world.e, "meeting.scheduled") == []


def test_a_weekly_meeting_keeps_its_local_time_across_dst(world: World) -> None:
    # Santiago leaves DST at midnight on 2026-04-05 (UTC-3 to UTC-4).
    made = world.schedule(
        world.a,
        timezone="America/Santiago",
        local_time="19:00",
        weekdays=["saturday", "sunday"],
        starts_on="2026-03-28",
        ends_on="2026-04-12",
    )
    assert made.status_code == 201, made.text
    shown = world.client.get(
        f"/v1/meetings/{made.json()['id']}",
        params={"start_on": "2026-03-28", "days": 16},
        headers=world.a.headers,
    ).json()["occurrences"]
    assert [(o["local_date"], o["starts_at"]) for o in shown] == [
        ("2026-03-28", "2026-03-28T22:00:00Z"),
        ("2026-03-29", "2026-03-29T22:00:00Z"),
        ("2026-04-04", "2026-04-04T22:00:00Z"),
        ("2026-04-05", "2026-04-05T23:00:00Z"),
        ("2026-04-11", "2026-04-11T23:00:00Z"),
        ("2026-04-12", "2026-04-12T23:00:00Z"),
    ]


def test_only_the_scheduling_organization_cancels_an_occurrence(world: World, db: Db) -> None:
    made = world.meeting()
    day = (TODAY + timedelta(days=3)).isoformat()
    url = f"/v1/meetings/{made['id']}/cancellations"
    before = db.snapshot()
    for other in (world.b, world.e):
        refused = world.client.post(url, json={"local_date": day}, headers=other.headers)
        assert refused.status_code == 404, refused.text
    assert db.snapshot() == before
    cancelled = world.client.post(url, json={"local_date": day}, headers=world.a.headers)
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["cancelled_dates"] == [day]
    assert day not in [o["local_date"] for o in cancelled.json()["occurrences"]]
    again = world.client.post(url, json={"local_date": day}, headers=world.a.headers)
    assert again.json()["version"] == cancelled.json()["version"]
    cancellations = world.events(world.b, "meeting.cancelled")
    assert [e["data"]["local_date"] for e in cancellations] == [day]


def test_attendance_is_recorded_by_the_members_organization_or_the_moderator(
    world: World, db: Db
) -> None:
    meeting = world.meeting()["id"]
    yesterday = TODAY - timedelta(days=1)
    assert world.record(world.a, meeting, yesterday, world.sam, "attended").status_code == 200
    assert world.record(world.b, meeting, yesterday, world.jo, "attended").status_code == 200
    # A created the circle: it moderates, and may record Jo's attendance too, but learns
    # nothing of B's record from the answer.
    corrected = world.record(world.a, meeting, yesterday, world.jo, "excused")
    assert corrected.status_code == 200, corrected.text
    body = corrected.json()
    assert (body["status"], body["version"], body["corrections"]) == ("excused", 2, [])
    # B, Jo's own organization, sees what the correction replaced; the same status from it
    # changes nothing.
    same = world.record(world.b, meeting, yesterday, world.jo, "excused").json()
    assert same["version"] == 2
    assert [(c["status"], c["recorded_by_organization_id"]) for c in same["corrections"]] == [
        ("attended", world.b.id)
    ]
    # B neither moderates nor is Sam's organization; E takes no part: nothing changes.
    outsider = create_member(world.client, world.a)["id"]
    before = db.snapshot()
    assert world.record(world.b, meeting, yesterday, world.sam, "absent").status_code == 404
    assert world.record(world.e, meeting, yesterday, world.sam, "absent").status_code == 404
    assert world.record(world.a, meeting, yesterday, outsider, "absent").status_code == 404
    assert db.snapshot() == before
    # Not before it began; not a date it does not meet on.
    future = world.record(world.a, meeting, TODAY + timedelta(days=2), world.sam, "attended")
    assert future.status_code == 422, future.text
    early = world.record(world.a, meeting, TODAY - timedelta(days=30), world.sam, "attended")
    assert early.status_code == 422
    edge = world.record(world.a, meeting, date(9999, 12, 31), world.sam, "attended")
    assert edge.status_code == 422, edge.text
    # Jo leaves the circle: no attendance of Jo's is recorded any more.
    left = world.client.patch(
        f"/v1/networks/{world.circle}/memberships/{world.jo_membership['id']}",
        json={"status": "left"},
        headers={**world.b.headers, "If-Match": f'"{world.jo_membership["version"]}"'},
    )
    assert left.status_code == 200, left.text
    assert world.record(world.b, meeting, yesterday, world.jo, "absent").status_code == 404


def test_a_members_rate_and_run_and_who_may_read_them(world: World) -> None:
    meeting = world.meeting()["id"]
    history = ["attended", "absent", "attended", "excused", "attended"]  # oldest first
    for back, status in zip(range(len(history), 0, -1), history, strict=True):
        answer = world.record(world.a, meeting, TODAY - timedelta(days=back), world.sam, status)
        assert answer.status_code == 200, answer.text
    home = world.attendance(world.a, world.sam, last=4).json()
    assert (home["considered"], home["attended"], home["absent"], home["excused"]) == (4, 2, 1, 1)
    assert home["rate"] == pytest.approx(2 / 3)
    assert home["current_run"] == 2
    assert [r["status"] for r in home["data"]] == ["attended", "excused", "attended", "absent"]
    assert home["disclosure"] is None
    # B takes part but has no consent covering meetings: nothing, and no event.
    assert world.attendance(world.b, world.sam).status_code == 404
    assert world.events(world.b, "attendance.recorded") == []
    consent = grant(world.client, world.a, world.sam, world.b, ["meetings"])
    seen = world.attendance(world.b, world.sam)
    assert seen.status_code == 200, seen.text
    assert consent in seen.json()["disclosure"]["consent_ids"]
    records = [
        r
        for r in accounting(world.client, world.a, world.sam)
        if r["operation"] == "getMemberAttendance"
    ]
    assert [(r["recipient_organization_id"], r["scopes"]) for r in records] == [
        (world.b.id, ["meetings"])
    ]
    # Recorded from now on, under the consent: B is told.
    assert world.record(world.a, meeting, TODAY, world.sam, "attended").status_code == 200
    told = world.events(world.b, "attendance.recorded")
    assert [(e["data"]["member_id"], e["data"]["status"]) for e in told] == [
        (world.sam, "attended")
    ]
    assert world.attendance(world.e, world.sam).status_code == 404


def test_attendance_counts_next_to_pledges_in_the_recovery_summary(world: World) -> None:
    meeting = world.meeting()["id"]
    for back, status in ((2, "attended"), (1, "attended")):
        answer = world.record(world.a, meeting, TODAY - timedelta(days=back), world.sam, status)
        assert answer.status_code == 200, answer.text
    home = world.client.get(f"/v1/members/{world.sam}/recovery", headers=world.a.headers)
    assert home.json()["attendance"] == {
        "considered": 2,
        "attended": 2,
        "absent": 0,
        "excused": 0,
        "rate": 1.0,
        "current_run": 2,
    }
    # Under a consent covering recovery alone, the attendance stays home.
    grant(world.client, world.a, world.sam, world.b, ["recovery"])
    seen = world.client.get(f"/v1/members/{world.sam}/recovery", headers=world.b.headers)
    assert seen.status_code == 200, seen.text
    assert seen.json()["attendance"] is None
