"""Creations committed together (service/adapters/postgres/commits.py), on a real PostgreSQL:
one statement for the units that waited, and, when PostgreSQL refuses that statement, each unit
with the outcome it would have had alone."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from uuid import UUID, uuid4

import asyncpg
import pytest
from asyncpg.transaction import Transaction

from service.adapters.postgres.commits import Commits
from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.system import SystemClock, UuidV7Source
from service.domain.errors import DuplicateExternalRef, IdempotentRequestInFlight
from service.domain.event_payloads import member_event
from service.domain.events import EventType
from service.domain.idempotency import AnswerAlreadyStored, StoredResponse
from service.domain.members import Member
from tests.support.builders import new_member, stored_organization
from tests.support.statements import Statements, keep_session

NOW = datetime(2026, 11, 25, 12, 30, 15, tzinfo=UTC)


@pytest.fixture
async def watched(dsn: str) -> AsyncIterator[tuple[FairPool, Statements]]:
    statements = Statements()
    raw = await asyncpg.create_pool(
        dsn, min_size=1, max_size=10, init=statements.watch, reset=keep_session
    )
    yield FairPool(raw, slots=10), statements
    await raw.close()


def _member(organization_id: UUID, external_ref: str | None = None) -> Member:
    return new_member(organization_id, now=NOW, external_ref=external_ref, display_name="Together")


async def _create(
    pool: FairPool, commits: Commits, member: Member, key: str | None = None
) -> Member:
    """A creation that only writes: the member, its event and (under `key`) the answer."""
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source(), commits=commits)
    async with uow:
        claim = (
            None
            if key is None
            else await uow.idempotency.hold(member.organization_id, key, b"f", NOW)
        )
        await uow.members.add(member)
        await uow.outbox.append(
            member_event(EventType.MEMBER_CREATED, member, event_id=uuid4(), now=NOW)
        )
        if claim is not None:
            await uow.idempotency.complete(
                claim, StoredResponse(status=201, headers={}, body=b"{}")
            )
        await uow.commit()
    return member


async def _members(pool: FairPool, organization: UUID) -> set[UUID]:
    async with pool.connection() as connection:
        rows = await connection.fetch(
            "SELECT m.id FROM members m JOIN outbox_events e ON e.subject_id = m.id "
            "WHERE m.organization_id = $1 AND e.type = 'member.created'",
            organization,
        )
    return {row["id"] for row in rows}


async def _holding(
    dsn: str, organization: UUID, reference: str
) -> tuple[asyncpg.Connection, Transaction]:
    """An open transaction that inserted a member with `reference`: a creation with the same
    reference waits for it on the unique index."""
    blocker = await asyncpg.connect(dsn)
    transaction = blocker.transaction()
    await transaction.start()
    await blocker.execute(
        "INSERT INTO members (id, organization_id, display_name, timezone, external_ref, "
        "version, created_at, updated_at) VALUES ($1, $2, 'B', 'UTC', $3, 1, $4, $4)",
        uuid4(),
        organization,
        reference,
        NOW,
    )
    return blocker, transaction


async def _behind_a_blocked_statement(
    pool: FairPool, dsn: str, commits: Commits, organization: UUID
) -> tuple[asyncio.Task[Member], asyncpg.Connection, Transaction]:
    """A creation whose statement waits behind an open transaction, and so keeps the one
    slot taken, until the caller rolls that transaction back."""
    blocker, transaction = await _holding(dsn, organization, "blocked")
    first = asyncio.create_task(_create(pool, commits, _member(organization, "blocked")))
    return first, blocker, transaction


async def _until_waiting(commits: Commits, count: int) -> None:
    for _ in range(500):
        if commits.waiting == count:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{commits.waiting} units wait, not {count}")


async def _made_after_waiting(
    pool: FairPool, dsn: str, statements: Statements, organization: UUID, count: int
) -> tuple[Member, list[Member]]:
    """`count` creations queued behind a blocked statement (one slot), then the block lifted,
    and all made: the blocked creation and the others. `statements` then holds what was sent
    from the moment the block lifted. It lifts whether or not all of them got to wait, so a
    failure ends the test instead of hanging it."""
    commits = Commits(in_flight=1, largest=32, held_seconds=60)
    first, blocker, transaction = await _behind_a_blocked_statement(
        pool, dsn, commits, organization
    )
    members = [_member(organization, f"ref-{i}") for i in range(count)]
    waiting = [asyncio.create_task(_create(pool, commits, m)) for m in members]
    try:
        await _until_waiting(commits, count)
    finally:
        statements.sent.clear()
        await transaction.rollback()
        await blocker.close()
        await asyncio.gather(first, *waiting)
    return first.result(), members


async def test_creations_that_wait_go_as_one_statement_and_are_all_made(
    dsn: str, watched: tuple[FairPool, Statements]
) -> None:
    pool, statements = watched
    organization = await stored_organization(pool, NOW)
    first, members = await _made_after_waiting(pool, dsn, statements, organization, 4)
    # The blocked unit's statement (logged when it ends), then the four units' eight writes
    # in one statement.
    assert len(statements.sent) == 2, statements.sent
    assert "w2 AS" not in statements.sent[0]
    assert "w7 AS (INSERT INTO outbox_events" in statements.sent[1]
    assert "w8 AS" not in statements.sent[1]
    assert await _members(pool, organization) == {m.id for m in members} | {first.id}


async def test_creations_waiting_to_go_together_hold_no_connection_of_the_pool(dsn: str) -> None:
    """A pool of three connections, one of them under a blocked statement: eight creations
    still all reach the queue (a unit takes a connection only when its statement goes), and
    go as one statement on one connection, instead of two at a time."""
    statements = Statements()
    raw = await asyncpg.create_pool(
        dsn, min_size=1, max_size=3, init=statements.watch, reset=keep_session
    )
    pool = FairPool(raw, slots=3)
    try:
        # A pool this small that loses a connection stalls: the deadline makes that a failure.
        async with asyncio.timeout(30):
            organization = await stored_organization(pool, NOW)
            first, members = await _made_after_waiting(pool, dsn, statements, organization, 8)
            # Every connection taken (the blocked unit's, the carrier's) went back to the pool.
            assert raw.get_idle_size() == raw.get_size()
            assert len(statements.sent) == 2, statements.sent
            assert "w15 AS (INSERT INTO outbox_events" in statements.sent[1]
            assert await _members(pool, organization) == {m.id for m in members} | {first.id}
    finally:
        raw.terminate()  # closing would wait for a connection never given back


async def test_a_refused_statement_gives_each_unit_what_it_would_have_had_alone(
    dsn: str, watched: tuple[FairPool, Statements]
) -> None:
    """Four creations under keys wait together: one names a reference another member has,
    two share one key. PostgreSQL refuses the statement; each then goes alone: the duplicate
    is refused as alone, one of the two with the same key is made and the other refused or
    answered with its stored answer, and the rest are made, each once."""
    pool, statements = watched
    organization = await stored_organization(pool, NOW)
    taken = await _create(pool, Commits(in_flight=1, largest=1), _member(organization, "taken"))
    commits = Commits(in_flight=1, largest=32, held_seconds=60)
    first, blocker, transaction = await _behind_a_blocked_statement(
        pool, dsn, commits, organization
    )
    fine = _member(organization, "fine")
    duplicate = _member(organization, "taken")
    same_key = [_member(organization, f"same-{i}") for i in range(2)]
    units = [
        (fine, "key-fine"),
        (duplicate, "key-duplicate"),
        (same_key[0], "key-same"),
        (same_key[1], "key-same"),
    ]
    waiting = [asyncio.create_task(_create(pool, commits, m, key)) for m, key in units]
    await _until_waiting(commits, 4)
    statements.refused.clear()
    await transaction.rollback()
    await blocker.close()
    outcomes = await asyncio.gather(first, *waiting, return_exceptions=True)
    # The statement of all four (four holds of keys, twelve writes) was refused.
    together = [s for s in statements.refused if "w11 AS" in s]
    assert len(together) == 1
    assert "idempotency_gate($7::uuid, $8::text) AS g3" in together[0]
    assert isinstance(outcomes[2], DuplicateExternalRef)
    assert str(taken.id) in str(outcomes[2])
    made_with_key = [o for o in outcomes[3:5] if isinstance(o, Member)]
    refused = [o for o in outcomes[3:5] if not isinstance(o, Member)]
    assert len(made_with_key) == 1, outcomes
    assert isinstance(refused[0], IdempotentRequestInFlight | AnswerAlreadyStored), refused
    assert await _members(pool, organization) == {
        taken.id,
        first.result().id,
        fine.id,
        made_with_key[0].id,
    }


async def test_a_unit_that_waits_on_a_lock_waits_alone(
    dsn: str, watched: tuple[FairPool, Statements]
) -> None:
    """One of four units waiting together names a reference an open transaction inserted:
    alone it would wait for that transaction. The statement of the four gives up on the lock
    soon, and each unit goes alone: the other three are made at once, and that one waits,
    alone, until the transaction ends."""
    pool, statements = watched
    organization = await stored_organization(pool, NOW)
    commits = Commits(in_flight=1, largest=32, held_seconds=60)
    first, blocker, transaction = await _behind_a_blocked_statement(
        pool, dsn, commits, organization
    )
    holder, held = await _holding(dsn, organization, "held")
    others = [_member(organization, f"other-{i}") for i in range(3)]
    waiting = [asyncio.create_task(_create(pool, commits, _member(organization, "held")))] + [
        asyncio.create_task(_create(pool, commits, m)) for m in others
    ]
    await _until_waiting(commits, 4)
    statements.refused.clear()
    await transaction.rollback()
    await blocker.close()
    try:
        await asyncio.wait_for(asyncio.gather(first, *waiting[1:]), timeout=10)
        assert not waiting[0].done()  # still waiting for the lock, alone
        assert [s for s in statements.refused if "w7 AS" in s] != []
    finally:
        await held.rollback()
        await holder.close()
    made = await asyncio.wait_for(waiting[0], timeout=10)
    assert await _members(pool, organization) == {m.id for m in others} | {
        first.result().id,
        made.id,
    }
