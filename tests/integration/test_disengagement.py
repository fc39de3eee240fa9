"""Disengagement signals (issue #14), end to end against PostgreSQL: the evaluation reads
each rule's activity right (quiet for longer than usual, pledge periods without a check-in,
meetings missed in a row, quiet since a reach-out closed as no longer needed), raises one
signal per episode and announces the return; the signal reaches another organization only
under a consent covering `engagement`; thresholds per organization."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.integration.conftest import (
    SERVICE_SETTINGS,
    Org,
    create_member,
    make_org,
    shared_circle,
)
from tests.integration.test_consent_accounting import grant
from tests.support.database import Db
from tests.support.server import running_service
from tests.support.waiting import feed_settled, wait_until

TODAY = datetime.now(UTC).date()
SIGNAL = "member.disengagement_signal"
REENGAGED = "member.reengaged"


def _events(client: httpx.Client, org: Org, member: str, *types: str) -> list[dict[str, Any]]:
    answer = client.get(
        "/v1/events", params={"types": list(types), "limit": 100}, headers=org.headers
    )
    assert answer.status_code == 200, answer.text
    return [e for e in answer.json()["data"] if e["data"]["member_id"] == member]


def _evaluate_now(db: Db, member: str) -> None:
    db.execute(
        "UPDATE member_engagement SET due_at = now() - interval '1 second' WHERE member_id = $1",
        member,
    )


def _evaluated_after(db: Db, member: str, before: Any) -> bool:
    due = db.fetchval("SELECT due_at FROM member_engagement WHERE member_id = $1", member)
    return bool(due > before)


def _evaluate(db: Db, member: str) -> None:
    """Evaluate the member now, and wait until the sweep has and the feed shows what it
    wrote (or that it wrote nothing)."""
    before = datetime.now(UTC)
    _evaluate_now(db, member)
    wait_until(lambda: _evaluated_after(db, member, before))
    feed_settled(db)


def _pledge(client: httpx.Client, db: Db, org: Org, member: str, days_ago: int) -> str:
    """A daily pledge, started `days_ago` (a pledge starts at most a week back: moved there)."""
    made = client.post(
        f"/v1/members/{member}/pledges",
        json={"text": "Call Jo", "cadence": "daily", "starts_on": TODAY.isoformat()},
        headers=org.headers,
    )
    assert made.status_code == 201, made.text
    pledge: str = made.json()["id"]
    db.execute(
        "UPDATE pledges SET starts_on = $2 WHERE id = $1", pledge, TODAY - timedelta(days=days_ago)
    )
    return pledge


def _check_in(
    db: Db, pledge: str, days_ago: int, outcome: str = "kept", sweep: bool = False
) -> None:
    db.execute(
        "INSERT INTO check_ins (id, pledge_id, period_start, outcome, recorded_at, by_sweep) "
        "VALUES (gen_random_uuid(), $1, $2, $3, now() - $5::int * interval '1 day', $4)",
        pledge,
        TODAY - timedelta(days=days_ago),
        outcome,
        sweep,
        days_ago,
    )


@pytest.fixture
def home(client: httpx.Client, operator: dict[str, str]) -> Org:
    return make_org(client, operator, kind="clinic")


def test_quiet_for_longer_than_usual_raises_one_signal_then_the_return(
    client: httpx.Client, operator: dict[str, str], home: Org, db: Db
) -> None:
    sam = create_member(client, home, timezone="UTC")["id"]
    partner = make_org(client, operator)
    stranger = make_org(client, operator)
    pledge = _pledge(client, db, home, sam, 30)
    for days_ago in (14, 13, 12, 11):  # every day, then nothing for ten days
        _check_in(db, pledge, days_ago)
    grant(client, home, sam, partner, ["engagement"])
    _evaluate(db, sam)
    [signal] = _events(client, home, sam, SIGNAL)
    assert signal["data"]["reasons"] == ["quiet_longer_than_usual"]
    assert signal["data"]["since"] == (TODAY - timedelta(days=1)).isoformat()
    assert "failed" not in " ".join(signal["data"]["descriptions"]).lower()
    # The partner has a consent covering engagement; the stranger nothing.
    assert [e["id"] for e in _events(client, partner, sam, SIGNAL)] == [signal["id"]]
    assert _events(client, stranger, sam, SIGNAL) == []
    # Evaluated again while still quiet: no repeat.
    _evaluate(db, sam)
    assert len(_events(client, home, sam, SIGNAL)) == 1
    # A check-in yesterday: the episode ends, announced once.
    _check_in(db, pledge, 1)
    _evaluate(db, sam)
    [back] = _events(client, home, sam, REENGAGED)
    assert back["data"]["since"] == signal["data"]["since"]
    assert [e["id"] for e in _events(client, partner, sam, REENGAGED)] == [back["id"]]


def test_pledge_periods_without_a_check_in(client: httpx.Client, home: Org, db: Db) -> None:
    sam = create_member(client, home, timezone="UTC")["id"]
    pledge = _pledge(client, db, home, sam, 10)
    _check_in(db, pledge, 5)
    for days_ago in (4, 3, 2):
        _check_in(db, pledge, days_ago, outcome="missed", sweep=True)
    _evaluate(db, sam)
    [signal] = _events(client, home, sam, SIGNAL)
    assert "pledge_periods_without_check_in" in signal["data"]["reasons"]


def test_two_meetings_missed_in_a_row(
    client: httpx.Client, operator: dict[str, str], home: Org, db: Db
) -> None:
    sam = create_member(client, home, timezone="UTC")["id"]
    circle = shared_circle(client, home, sam)
    meeting = client.post(
        f"/v1/networks/{circle}/meetings",
        json={
            "title": "Circle",
            "timezone": "UTC",
            "local_time": "00:00",
            "repeat": "weekly",
            "weekdays": [
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            ],
            "starts_on": (TODAY - timedelta(days=10)).isoformat(),
        },
        headers=home.headers,
    ).json()["id"]

    def record(days_ago: int, status: str) -> None:
        day = (TODAY - timedelta(days=days_ago)).isoformat()
        answer = client.put(
            f"/v1/meetings/{meeting}/attendance/{day}/{sam}",
            json={"status": status},
            headers=home.headers,
        )
        assert answer.status_code == 200, answer.text

    record(4, "attended")
    record(3, "absent")
    record(2, "excused")
    _evaluate(db, sam)
    assert _events(client, home, sam, SIGNAL) == []  # one missed, an excused passed over
    record(1, "absent")
    _evaluate(db, sam)
    [signal] = _events(client, home, sam, SIGNAL)
    assert signal["data"]["reasons"] == ["meetings_missed"]


def test_quiet_since_a_reach_out_closed_as_no_longer_needed(
    client: httpx.Client, home: Org, db: Db
) -> None:
    sam = create_member(client, home, timezone="UTC")["id"]
    opened = client.post(
        f"/v1/members/{sam}/reach-outs", json={"urgency": "today"}, headers=home.headers
    ).json()
    closed = client.post(
        f"/v1/reach-outs/{opened['id']}/close",
        json={"outcome": "no_longer_needed"},
        headers=home.headers,
    )
    assert closed.status_code == 200, closed.text
    _evaluate(db, sam)
    assert _events(client, home, sam, SIGNAL) == []  # closed today: too soon
    db.execute(
        "UPDATE reach_outs SET opened_at = opened_at - interval '5 days', "
        "closed_at = closed_at - interval '5 days' WHERE id = $1",
        opened["id"],
    )
    _evaluate(db, sam)
    [signal] = _events(client, home, sam, SIGNAL)
    assert signal["data"]["reasons"] == ["quiet_since_reach_out"]


def test_thresholds_are_per_organization(client: httpx.Client, home: Org, db: Db) -> None:
    defaults = client.get("/v1/disengagement-thresholds", headers=home.headers).json()
    assert defaults == {
        "gap_factor": 2.0,
        "gap_floor_days": 3,
        "missed_periods": 3,
        "missed_meetings": 2,
        "quiet_days_after_reach_out": 3,
        "version": 0,
    }
    replaced = client.put(
        "/v1/disengagement-thresholds", json={"missed_periods": 5}, headers=home.headers
    )
    assert replaced.status_code == 200, replaced.text
    assert (replaced.json()["missed_periods"], replaced.json()["version"]) == (5, 1)
    refused = client.put(
        "/v1/disengagement-thresholds", json={"missed_periods": 0}, headers=home.headers
    )
    assert refused.status_code == 400
    sam = create_member(client, home, timezone="UTC")["id"]
    pledge = _pledge(client, db, home, sam, 10)
    _check_in(db, pledge, 4)
    for days_ago in (3, 2, 1):
        _check_in(db, pledge, days_ago, outcome="missed", sweep=True)
    _evaluate(db, sam)
    assert _events(client, home, sam, SIGNAL) == []  # five periods, for this organization


def test_each_signal_is_written_once_with_two_services_on_one_database(
    client: httpx.Client, home: Org, db: Db, dsn: str
) -> None:
    members = [create_member(client, home, timezone="UTC")["id"] for _ in range(30)]
    for member in members:
        pledge = _pledge(client, db, home, member, 30)
        for days_ago in (14, 13, 12):
            _check_in(db, pledge, days_ago)
    settings = {**SERVICE_SETTINGS, "engagement_sweep_seconds": "0.05"}
    with running_service(dsn, **settings):
        before = datetime.now(UTC)
        db.execute(
            "UPDATE member_engagement SET due_at = now() - interval '1 second' "
            "WHERE member_id = ANY($1::uuid[])",
            members,
        )
        wait_until(lambda: all(_evaluated_after(db, m, before) for m in members))
        time.sleep(0.5)  # both kept sweeping
    signalled = db.fetchval(
        "SELECT count(*) FROM outbox_events WHERE type = $1 "
        "AND data->>'member_id' = ANY($2::text[])",
        SIGNAL,
        members,
    )
    assert signalled == len(members)
