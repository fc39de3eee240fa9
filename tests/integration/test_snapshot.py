"""The before-and-after snapshot that the "nothing changed" tests compare: it must see what a
request writes, and not what the service's schedules write meanwhile on their own."""

from __future__ import annotations

import uuid

import pytest

from tests.support.database import SCHEDULED_EVENT_TYPES, Db


def _event(db: Db, event_type: str, organization: uuid.UUID, member: uuid.UUID) -> None:
    db.execute(
        "INSERT INTO outbox_events (id, type, organization_id, subject_type, subject_id, "
        "occurred_at, data) VALUES ($1, $2, $3, 'member', $4, now(), "
        "jsonb_build_object('member_id', $4::uuid))",
        uuid.uuid4(),
        event_type,
        organization,
        member,
    )


@pytest.fixture(scope="module")
def quiet(own_dsn: str) -> tuple[Db, uuid.UUID, uuid.UUID]:
    db = Db(own_dsn)
    organization, member = uuid.uuid4(), uuid.uuid4()
    db.execute(
        "INSERT INTO organizations (id, name, kind, version, created_at) "
        "VALUES ($1, 'Snapshot', 'community_app', 1, now())",
        organization,
    )
    db.execute(
        "INSERT INTO members (id, organization_id, display_name, timezone, version, "
        "created_at, updated_at) VALUES ($1, $2, 'M', 'UTC', 1, now(), now())",
        member,
        organization,
    )
    return db, organization, member


@pytest.mark.parametrize("event_type", sorted(SCHEDULED_EVENT_TYPES))
def test_a_scheduled_event_written_between_snapshots_is_not_a_change(
    quiet: tuple[Db, uuid.UUID, uuid.UUID], event_type: str
) -> None:
    db, organization, member = quiet
    before = db.snapshot()
    _event(db, event_type, organization, member)
    assert db.snapshot() == before


@pytest.mark.parametrize("event_type", ["member.created", "consent.granted", "reach_out.closed"])
def test_any_other_event_written_between_snapshots_is_a_change(
    quiet: tuple[Db, uuid.UUID, uuid.UUID], event_type: str
) -> None:
    db, organization, member = quiet
    before = db.snapshot()
    _event(db, event_type, organization, member)
    after = db.snapshot()
    assert after != before
    assert {t for t in after if after[t] != before[t]} == {"outbox_events"}
