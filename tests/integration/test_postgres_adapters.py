"""The PostgreSQL adapters on their own, against the real database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import asyncpg
import msgspec
import pytest

from service.adapters.postgres.consent_sql import MEMBER_FOR_VIEWER, MEMBERS_FOR_VIEWERS
from service.adapters.postgres.events import PostgresEventFeed
from service.adapters.postgres.federation_queries import MemberHomes, PostgresFederationQueries
from service.adapters.postgres.members import (
    MEMBER_OF_ORGANIZATION,
    PostgresMemberQueries,
    member_from_row,
)
from service.adapters.postgres.organizations import PostgresApiKeyQueries, api_key_from_row
from service.adapters.postgres.pool import FairPool, open_pool
from service.adapters.postgres.session import Session, Write
from service.adapters.postgres.sql import Columns
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.system import SystemClock, UuidV7Source
from service.domain.accounting import Viewing
from service.domain.consent import HOME_ACCESS, DataScope
from service.domain.errors import (
    DuplicateExternalRef,
    IdempotencyKeyReused,
    IdempotentRequestInFlight,
)
from service.domain.event_payloads import member_event
from service.domain.events import EventType, FeedPosition, next_position
from service.domain.idempotency import AnswerAlreadyStored, StoredResponse
from service.domain.members import Contact, Member
from service.domain.organizations import ALL_SCOPES, Organization, OrganizationKind, new_api_key
from tests.support.builders import consent_to, new_member, stored_organization
from tests.support.statements import Statements, keep_session
from tests.support.waiting import feed_settled_on

NOW = datetime(2026, 11, 25, 12, 30, 15, 123456, tzinfo=UTC)


@pytest.fixture
async def pool(dsn: str) -> AsyncIterator[FairPool]:
    pool = await open_pool(dsn, min_size=1, max_size=2)
    yield pool
    await pool.close()


async def _organization(pool: FairPool) -> UUID:
    return await stored_organization(pool, NOW)


async def test_member_row_round_trip_with_every_field(pool: FairPool) -> None:
    org = await _organization(pool)
    member = Member(
        id=uuid4(),
        organization_id=org,
        display_name="Every Field",
        timezone="Pacific/Kiritimati",
        external_ref="ref-" + uuid4().hex,
        recovery_started_on=date(2025, 2, 28),
        contact=Contact(email="e@example.org", phone="+44 20 7946 0000"),
        version=3,
        created_at=NOW,
        updated_at=NOW,
    )
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(member)
        await uow.commit()
    assert await PostgresMemberQueries(pool).get(org, member.id) == member
    row = await pool.fetchrow("SELECT * FROM members WHERE id = $1", member.id)
    assert row is not None
    assert member_from_row(row) == member


async def test_api_key_row_round_trip_with_every_field(pool: FairPool) -> None:
    org = await _organization(pool)
    key = new_api_key(
        key_id=uuid4(),
        organization_id=org,
        name="all",
        scopes=ALL_SCOPES,
        token="snk_" + uuid4().hex * 2,
        now=NOW,
    )
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.api_keys.add(key)
        await uow.api_keys.revoke(org, key.id, NOW)
        await uow.commit()
    found = await PostgresApiKeyQueries(pool).find_by_hash(key.secret_hash)
    assert found is not None
    assert found.revoked_at == NOW
    row = await pool.fetchrow("SELECT * FROM api_keys WHERE id = $1", key.id)
    assert row is not None
    assert api_key_from_row(row) == found
    assert found == msgspec.structs.replace(key, revoked_at=NOW)


async def test_the_unit_of_work_rolls_back_unless_committed(pool: FairPool) -> None:
    org = await _organization(pool)
    organization = Organization(
        id=uuid4(), name="Never", kind=OrganizationKind.CLINIC, version=1, created_at=NOW
    )
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.organizations.add(organization)
    assert (
        await pool.fetchval("SELECT count(*) FROM organizations WHERE id = $1", organization.id)
        == 0
    )

    with pytest.raises(RuntimeError):
        async with uow:
            await uow.organizations.add(organization)
            raise RuntimeError("boom")
    assert (
        await pool.fetchval("SELECT count(*) FROM organizations WHERE id = $1", organization.id)
        == 0
    )
    assert org  # the committed one is there
    assert await pool.fetchval("SELECT count(*) FROM organizations WHERE id = $1", org) == 1


async def test_a_unit_of_work_entered_twice_refuses_and_changes_nothing(pool: FairPool) -> None:
    organization = Organization(
        id=uuid4(), name="Nested", kind=OrganizationKind.CLINIC, version=1, created_at=NOW
    )
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    with pytest.raises(RuntimeError, match="already open"):
        async with uow:
            await uow.organizations.add(organization)
            async with uow:  # a commit in here would be silently skipped: refused instead
                await uow.commit()
    assert (
        await pool.fetchval("SELECT count(*) FROM organizations WHERE id = $1", organization.id)
        == 0
    )
    async with uow:  # and it is usable again once left
        await uow.organizations.add(organization)
        await uow.commit()
    assert (
        await pool.fetchval("SELECT count(*) FROM organizations WHERE id = $1", organization.id)
        == 1
    )


async def test_pool_connections_are_returned_after_a_failure(pool: FairPool) -> None:
    for _ in range(5):  # more than max_size: a leaked connection would hang here
        uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
        with pytest.raises(asyncpg.PostgresError):
            async with uow:
                await uow.organizations.add(
                    Organization(
                        id=uuid4(),
                        name="\u0000",
                        kind=OrganizationKind.CLINIC,
                        version=1,
                        created_at=NOW,
                    )
                )


async def test_expired_idempotency_keys_are_purged(pool: FairPool) -> None:
    from datetime import timedelta

    from service.adapters.postgres.idempotency import PostgresIdempotencyStore

    store = PostgresIdempotencyStore(pool)
    scope = uuid4()
    for key, expires in (("old", NOW - timedelta(hours=1)), ("fresh", NOW + timedelta(hours=1))):
        await pool.execute(
            "INSERT INTO idempotency_keys (scope_id, key, fingerprint, state, claim_token, "
            "created_at, expires_at) VALUES ($1, $2, 'f', 'completed', $3, $4, $5)",
            scope,
            key,
            uuid4(),
            expires - timedelta(hours=1),
            expires,
        )
    assert await store.purge_expired(NOW, batch=10) >= 1
    keys = await pool.fetch("SELECT key FROM idempotency_keys WHERE scope_id = $1", scope)
    assert [k["key"] for k in keys] == ["fresh"]


async def _keyed_creation(
    pool: FairPool, org: UUID, key: str, fingerprint: bytes = b"f", *, member: Member | None = None
) -> Member:
    """A creation that only writes, under `key`: the member, its event, the stored answer."""
    member = member or _member(org)
    event = member_event(EventType.MEMBER_CREATED, member, event_id=uuid4(), now=NOW)
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        claim = await uow.idempotency.hold(org, key, fingerprint, NOW)
        await uow.members.add(member)
        await uow.outbox.append(event)
        await uow.idempotency.complete(claim, StoredResponse(status=201, headers={}, body=b"{}"))
        await uow.commit()
    return member


async def _keys(pool: FairPool, scope: UUID) -> int:
    return int(
        await pool.fetchval("SELECT count(*) FROM idempotency_keys WHERE scope_id = $1", scope)
    )


async def test_a_key_is_held_by_its_unit_of_work_and_then_replayed(pool: FairPool) -> None:
    org = await _organization(pool)
    first = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with first:
        claim = await first.idempotency.hold(org, "held", b"f", NOW)
        await first.idempotency.settle()  # checked now: the key is held from here on
        # While the first runs, a second with the same key is refused, with nothing written.
        attempt = _member(org)
        with pytest.raises(IdempotentRequestInFlight):
            await _keyed_creation(pool, org, "held", member=attempt)
        assert await _count(pool, "members", attempt.id) == 0
        assert await _keys(pool, org) == 0
        await first.idempotency.complete(claim, StoredResponse(status=201, headers={}, body=b"{}"))
        await first.commit()
    # Once it answered, a retry gets that answer, whether it only writes or reads first.
    retry = _member(org)
    with pytest.raises(AnswerAlreadyStored) as replayed:
        await _keyed_creation(pool, org, "held", member=retry)
    assert replayed.value.response == StoredResponse(status=201, headers={}, body=b"{}")
    assert await _count(pool, "members", retry.id) == 0
    reading = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with reading:
        await reading.idempotency.hold(org, "held", b"f", NOW)
        with pytest.raises(AnswerAlreadyStored):
            await reading.members.get_any(retry.id)  # the hold goes first, after BEGIN
    with pytest.raises(IdempotencyKeyReused):
        await _keyed_creation(pool, org, "held", b"another body")
    assert await _keys(pool, org) == 1


async def test_a_key_is_let_go_when_its_unit_of_work_ends_without_a_commit(
    pool: FairPool,
) -> None:
    scope = uuid4()
    failed = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    with pytest.raises(ValueError, match="the use case failed"):
        async with failed:
            await failed.idempotency.hold(scope, "k", b"f", NOW)
            await failed.idempotency.settle()
            raise ValueError("the use case failed")
    retry = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with retry:
        await retry.idempotency.hold(scope, "k", b"f", NOW)
        await retry.idempotency.settle()  # would raise IdempotentRequestInFlight if still held


async def test_a_use_case_that_fails_before_any_statement_finds_the_stored_answer(
    pool: FairPool,
) -> None:
    """The hold waits for the first statement; when the use case fails before sending one,
    settle() looks the key up, so that a retry of an answered request is replayed instead of
    answered with today's failure."""
    org = await _organization(pool)
    await _keyed_creation(pool, org, "answered")
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.idempotency.hold(org, "answered", b"f", NOW)
        with pytest.raises(AnswerAlreadyStored):
            await uow.idempotency.settle()
    fresh = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with fresh:
        await fresh.idempotency.hold(org, "not yet used", b"f", NOW)
        await fresh.idempotency.settle()  # nothing stored: the use case's own failure stands
    assert await _keys(pool, org) == 1


def _viewing(organization_id: UUID) -> Viewing:
    return Viewing(organization_id=organization_id, now=NOW, request_id="test", operation="test")


async def test_the_feed_never_skips_a_row_that_commits_late(pool: FairPool, dsn: str) -> None:
    """B takes its transaction id before C, C writes its event before B, B commits first. By
    position alone a cursor would pass C's row before it existed; by (txid, position) it
    waits below C and then hands C's row out."""
    org = await _organization(pool)
    feed = PostgresEventFeed(pool)
    start = FeedPosition(txid=int(await pool.fetchval("SELECT pg_current_xact_id()::text")))
    insert = (
        "INSERT INTO outbox_events (id, type, organization_id, subject_type, subject_id, "
        "occurred_at, data) VALUES ($1, 'member.created', $2, 'member', $1, now(), '{}')"
    )
    b, c = await asyncpg.connect(dsn), await asyncpg.connect(dsn)
    try:
        b_tx, c_tx = b.transaction(), c.transaction()
        await b_tx.start()
        await c_tx.start()
        xid_b = int(await b.fetchval("SELECT pg_current_xact_id()::text"))
        xid_c = int(await c.fetchval("SELECT pg_current_xact_id()::text"))
        assert xid_b < xid_c
        c_event, b_event = uuid4(), uuid4()
        await c.execute(insert, c_event, org)
        await b.execute(insert, b_event, org)
        await b_tx.commit()
        # Another session's transaction older than B (the service's own sweeps) can hold the
        # horizon for a moment: wait for it to pass.
        read = await feed.after(_viewing(org), start, 10, None)
        for _ in range(50):
            if read.events:
                break
            await asyncio.sleep(0.1)
            read = await feed.after(_viewing(org), start, 10, None)
        assert [f.event.id for f in read.events] == [b_event]
        # The cursor moves past everything looked at, and still waits below C.
        cursor = next_position(start, read, 10)
        assert cursor > read.events[-1].at
        assert cursor.txid < xid_c
        await c_tx.commit()
        await feed_settled_on(pool)
        later = await feed.after(_viewing(org), cursor, 10, None)
        assert [f.event.id for f in later.events] == [c_event]
    finally:
        await b.close()
        await c.close()


# Writes held back until commit (service/adapters/postgres/session.py), observed through the
# statements PostgreSQL receives.


@pytest.fixture
async def watched(dsn: str) -> AsyncIterator[tuple[FairPool, Statements, asyncpg.Pool]]:
    statements = Statements()
    raw = await asyncpg.create_pool(
        dsn, min_size=1, max_size=1, init=statements.watch, reset=keep_session
    )
    yield FairPool(raw, slots=1), statements, raw
    await raw.close()


def _member(organization_id: UUID, external_ref: str | None = None) -> Member:
    return new_member(organization_id, now=NOW, external_ref=external_ref)


async def _count(pool: FairPool, table: str, row_id: UUID) -> int:
    assert table in {"members", "outbox_events"}
    return int(await pool.fetchval(f"SELECT count(*) FROM {table} WHERE id = $1", row_id))


async def test_a_unit_of_work_that_only_writes_sends_one_statement(
    watched: tuple[FairPool, Statements, asyncpg.Pool],
) -> None:
    pool, statements, _ = watched
    org = await _organization(pool)
    member = _member(org, external_ref="one-" + uuid4().hex)
    event = member_event(EventType.MEMBER_CREATED, member, event_id=uuid4(), now=NOW)
    statements.sent.clear()
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(member)
        await uow.outbox.append(event)
        assert statements.sent == []  # held back until commit
        await uow.commit()
    assert len(statements.sent) == 1
    assert statements.sent[0].startswith("WITH w0 AS (INSERT INTO members")
    assert await _count(pool, "members", member.id) == 1
    assert await _count(pool, "outbox_events", event.id) == 1


async def test_a_write_that_misses_its_row_count_keeps_nothing_of_the_unit_of_work(
    watched: tuple[FairPool, Statements, asyncpg.Pool],
) -> None:
    pool, _, raw = watched
    org = await _organization(pool)
    first = _member(org, external_ref="dup-" + uuid4().hex)
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(first)
        await uow.commit()
    second = _member(org, external_ref=first.external_ref)
    event = member_event(EventType.MEMBER_CREATED, second, event_id=uuid4(), now=NOW)
    with pytest.raises(DuplicateExternalRef, match=str(first.id)):
        async with uow:
            await uow.members.add(second)
            await uow.outbox.append(event)
            try:
                await uow.commit()
            finally:
                # A caller that tries again is told, not answered with a commit of nothing.
                with pytest.raises(RuntimeError, match="cannot commit"):
                    await uow.commit()
    assert await _count(pool, "members", second.id) == 0
    assert await _count(pool, "outbox_events", event.id) == 0
    # Looking up the holder opened a transaction; it is not left open on the pooled connection.
    async with raw.acquire() as connection:
        assert not connection.is_in_transaction()


async def test_a_read_sees_the_writes_held_back_before_it(
    watched: tuple[FairPool, Statements, asyncpg.Pool],
) -> None:
    pool, statements, _ = watched
    org = await _organization(pool)
    member = _member(org)
    statements.sent.clear()
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(member)
        found = await uow.members.get_for_update(org, member.id)
        assert found == member
        await uow.commit()
    assert statements.sent[0] == "BEGIN;"
    assert statements.sent[1].startswith("INSERT INTO members")
    assert statements.sent[-1] == "COMMIT;"
    assert await _count(pool, "members", member.id) == 1


async def test_held_writes_are_forgotten_without_a_commit(
    watched: tuple[FairPool, Statements, asyncpg.Pool],
) -> None:
    pool, statements, _ = watched
    org = await _organization(pool)
    member = _member(org)
    statements.sent.clear()
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(member)
    assert statements.sent == []
    assert await _count(pool, "members", member.id) == 0


async def test_a_key_answered_by_another_request_meanwhile_keeps_nothing_of_this_one(
    pool: FairPool,
) -> None:
    """A request that read the key before another's commit, and took the lock just after it,
    finds the other's answer stored at its own commit: that one won, this one keeps nothing."""
    org = await _organization(pool)
    member = _member(org)
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    with pytest.raises(IdempotentRequestInFlight):
        async with uow:
            claim = await uow.idempotency.hold(org, "raced", b"f", NOW)
            await uow.idempotency.settle()
            await _store_answer(pool, org, "raced")
            await uow.members.add(member)
            await uow.idempotency.complete(
                claim, StoredResponse(status=201, headers={}, body=b"{}")
            )
            await uow.commit()
    assert await _count(pool, "members", member.id) == 0


async def _store_answer(pool: FairPool, org: UUID, key: str) -> None:
    await pool.execute(
        "INSERT INTO idempotency_keys (scope_id, key, fingerprint, state, claim_token, "
        "response_status, response_headers, created_at, expires_at) "
        "VALUES ($1, $2, 'f', 'completed', $3, 201, '{}', $4, $5)",
        org,
        key,
        uuid4(),
        NOW,
        NOW + timedelta(hours=1),
    )


async def test_a_key_answered_before_this_ones_statement_replays_that_answer(
    pool: FairPool,
) -> None:
    """The creation only writes, so its hold goes with its writes; another request's answer
    stored between its hold() and its commit is found by that statement."""
    org = await _organization(pool)
    member = _member(org)
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    with pytest.raises(AnswerAlreadyStored):
        async with uow:
            claim = await uow.idempotency.hold(org, "raced", b"f", NOW)
            await _store_answer(pool, org, "raced")
            await uow.members.add(member)
            await uow.idempotency.complete(
                claim, StoredResponse(status=201, headers={}, body=b"{}")
            )
            await uow.commit()
    assert await _count(pool, "members", member.id) == 0


async def test_a_stored_answer_is_replayed_while_another_retry_holds_the_key(
    pool: FairPool, dsn: str
) -> None:
    """An answer stored for the key is final: a retry is replayed even at the moment another
    retry holds the key's lock (before, that was a 409)."""
    org = await _organization(pool)
    await _keyed_creation(pool, org, "answered")
    other_retry = await asyncpg.connect(dsn)
    try:
        async with other_retry.transaction():
            assert await other_retry.fetchval("SELECT idempotency_lock($1, 'answered')", org)
            reading = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
            async with reading:
                await reading.idempotency.hold(org, "answered", b"f", NOW)
                with pytest.raises(AnswerAlreadyStored):
                    await reading.idempotency.settle()
            with pytest.raises(AnswerAlreadyStored):
                await _keyed_creation(pool, org, "answered")
            assert await other_retry.fetchval(
                "SELECT idempotency_lock($1, 'not answered yet')", org
            )
            with pytest.raises(IdempotentRequestInFlight):
                await _keyed_creation(pool, org, "not answered yet")
    finally:
        await other_retry.close()
    assert await _keys(pool, org) == 1


async def test_the_hold_is_checked_before_the_writes_of_its_statement(
    pool: FairPool, dsn: str
) -> None:
    """While another request holds the key and has inserted a member with the same external
    reference (not yet committed), this one's write would wait for that transaction. The
    hold comes first in the statement, so it is refused at once instead."""
    org = await _organization(pool)
    reference = "same-" + uuid4().hex
    holder = await asyncpg.connect(dsn)
    try:
        async with holder.transaction():
            await holder.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended($1::uuid::text || ' ' || $2, 0))",
                org,
                "contested",
            )
            held = _member(org, external_ref=reference)
            await holder.execute(
                "INSERT INTO members (id, organization_id, display_name, timezone, external_ref, "
                "version, created_at, updated_at) VALUES ($1, $2, 'Holder', 'UTC', $3, 1, $4, $4)",
                held.id,
                org,
                reference,
                NOW,
            )
            attempt = _member(org, external_ref=reference)
            with pytest.raises(IdempotentRequestInFlight):
                await asyncio.wait_for(
                    _keyed_creation(pool, org, "contested", member=attempt), timeout=5
                )
    finally:
        await holder.close()
    assert await _count(pool, "members", attempt.id) == 0


async def test_a_keyed_creation_that_only_writes_is_one_statement(
    watched: tuple[FairPool, Statements, asyncpg.Pool],
) -> None:
    """Round trips of a creation under an Idempotency-Key. Before this: BEGIN, the lock with
    the lookup, the writes with the stored answer as one statement, COMMIT (and before that,
    a committed claim, then the writes with an update of the claim). Now the lock and the
    lookup are the first column of the writes' statement."""
    pool, statements, _ = watched
    org = await _organization(pool)
    await _keyed_creation(pool, org, "first")  # the connection learns the statement once
    statements.sent.clear()
    member = await _keyed_creation(pool, org, "counted")
    assert len(statements.sent) == 1, statements.sent
    assert statements.sent[0].startswith("WITH w0 AS (INSERT INTO members")
    assert "SELECT idempotency_gate($1::uuid, $2::text) AS g0," in (statements.sent[0])
    assert "INSERT INTO idempotency_keys" in statements.sent[0]
    assert await _count(pool, "members", member.id) == 1
    assert await _keys(pool, org) == 2


async def test_a_keyed_creation_that_reads_holds_the_key_before_its_first_read(
    watched: tuple[FairPool, Statements, asyncpg.Pool],
) -> None:
    pool, statements, _ = watched
    org = await _organization(pool)
    member = _member(org)
    statements.sent.clear()
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        claim = await uow.idempotency.hold(org, "reads", b"f", NOW)
        assert statements.sent == []
        assert await uow.members.get_any(member.id) is None
        await uow.members.add(member)
        await uow.idempotency.complete(claim, StoredResponse(status=201, headers={}, body=b"{}"))
        await uow.commit()
    assert len(statements.sent) == 5, statements.sent
    assert statements.sent[0] == "BEGIN;"
    assert "idempotency_hold(" in statements.sent[1]
    assert "FROM members" in statements.sent[2]
    assert "INSERT INTO idempotency_keys" in statements.sent[3]
    assert statements.sent[4] == "COMMIT;"
    assert await _count(pool, "members", member.id) == 1


async def test_a_home_read_of_a_member_reads_the_members_table_alone(
    watched: tuple[FairPool, Statements, asyncpg.Pool],
) -> None:
    """The home organization's read is one statement on `members`: the consent statement
    (which opens every table a consent rule may need) runs only for another organization,
    after the home lookup found nothing, and decides and records as before. Once the member's
    home is known, another organization's read is the consent statement alone."""
    pool, statements, _ = watched
    home, consented, other = [await _organization(pool) for _ in range(3)]
    member = _member(home)
    consent = consent_to(
        consented,
        member,
        frozenset({DataScope.PROFILE}),
        signed_at=NOW - timedelta(days=1),
        expires_at=NOW + timedelta(days=30),
    )
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(member)
        await uow.consents.add(consent)
        # Announced already, so that no expiry sweep sharing this database picks it up.
        await uow.consents.mark_expiry_announced(consent.id, NOW)
        await uow.commit()
    queries = PostgresFederationQueries(pool)

    def viewing(organization_id: UUID) -> Viewing:
        return Viewing(organization_id=organization_id, now=NOW, request_id="r", operation="o")

    async def recorded() -> list[UUID]:
        rows = await pool.fetch(
            "SELECT recipient_organization_id FROM disclosures WHERE member_id = $1", member.id
        )
        return [row["recipient_organization_id"] for row in rows]

    await queries.member_for(viewing(other), uuid4())  # the connection learns the types once
    statements.sent.clear()
    assert await queries.member_for(viewing(home), member.id) == (member, HOME_ACCESS)
    assert statements.sent == [MEMBER_OF_ORGANIZATION]
    assert await recorded() == []

    statements.sent.clear()
    seen = await queries.member_for(viewing(consented), member.id)
    assert seen is not None
    assert seen[1].home is False
    assert seen[1].scopes == frozenset({DataScope.PROFILE})
    assert statements.sent == [MEMBER_OF_ORGANIZATION, MEMBER_FOR_VIEWER]
    assert await recorded() == [consented]

    statements.sent.clear()
    seen = await queries.member_for(viewing(consented), member.id)
    assert seen is not None
    assert seen[1].scopes == frozenset({DataScope.PROFILE})
    assert statements.sent == [MEMBER_FOR_VIEWER]
    assert await recorded() == [consented, consented]

    statements.sent.clear()
    assert await queries.member_for(viewing(home), member.id) == (member, HOME_ACCESS)
    assert statements.sent == [MEMBER_OF_ORGANIZATION]

    statements.sent.clear()
    assert await queries.member_for(viewing(other), member.id) is None
    assert statements.sent == [MEMBER_FOR_VIEWER]
    assert await recorded() == [consented, consented]

    # A revocation acts on the next read: the consent statement still decides every time.
    await pool.execute("UPDATE consents SET revoked_at = $2 WHERE id = $1", consent.id, NOW)
    statements.sent.clear()
    assert await queries.member_for(viewing(consented), member.id) is None
    assert statements.sent == [MEMBER_FOR_VIEWER]
    assert await recorded() == [consented, consented]


async def test_a_wrong_home_only_changes_which_statement_goes_first(
    watched: tuple[FairPool, Statements, asyncpg.Pool],
) -> None:
    """A member never changes organization, so the home a process learned is never wrong;
    were it wrong, the consent statement would still answer the home organization whole, and
    record nothing."""
    pool, statements, _ = watched
    home, elsewhere = await _organization(pool), await _organization(pool)
    member = _member(home)
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(member)
        await uow.commit()
    homes = MemberHomes(capacity=10)
    homes.learn(member.id, elsewhere)
    queries = PostgresFederationQueries(pool, homes)
    viewing = Viewing(organization_id=home, now=NOW, request_id="r", operation="o")
    await queries.member_for(viewing, uuid4())  # the connection learns the types once
    statements.sent.clear()
    assert await queries.member_for(viewing, member.id) == (member, HOME_ACCESS)
    assert statements.sent == [MEMBER_FOR_VIEWER]
    assert (
        await pool.fetchval("SELECT count(*) FROM disclosures WHERE member_id = $1", member.id) == 0
    )


async def test_home_reads_that_wait_go_together_and_each_gets_only_its_own(
    watched: tuple[FairPool, Statements, asyncpg.Pool],
) -> None:
    """Reads that arrive while a home read is out go to PostgreSQL as one statement, each
    organization's member matched to it alone: a member asked for by another organization is
    not in that statement's answer, and its read goes on to the consent statement."""
    pool, statements, _ = watched
    first_org, second_org, stranger = [await _organization(pool) for _ in range(3)]
    members = [_member(first_org), _member(second_org), _member(first_org)]
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        for member in members:
            await uow.members.add(member)
        await uow.commit()
    queries = PostgresFederationQueries(pool, home_reads_in_flight=1, consented_reads_in_flight=1)

    def viewing(organization_id: UUID) -> Viewing:
        return Viewing(organization_id=organization_id, now=NOW, request_id="r", operation="o")

    asked = [
        (viewing(first_org), members[0].id),  # goes alone, at once
        (viewing(second_org), members[1].id),  # the rest wait for it, then go together
        (viewing(first_org), members[2].id),
        (viewing(first_org), members[1].id),  # another organization's member
        (viewing(stranger), members[0].id),  # another organization's member, no consent
        (viewing(second_org), uuid4()),  # nobody's
    ]
    # The connection learns each statement (alone, and for several reads) and its types once.
    await queries.member_for(viewing(stranger), uuid4())
    await queries._read_homes([(uuid4(), stranger), (uuid4(), stranger)])
    await queries._consented_together([(viewing(stranger), uuid4())] * 2)
    statements.sent.clear()
    first = asyncio.create_task(queries.member_for(*asked[0]))
    for _ in range(10):  # it goes on the loop's next turn
        if queries._home_reads._in_flight:
            break
        await asyncio.sleep(0)
    assert queries._home_reads._in_flight == 1  # the first read is out, alone
    seen = [await first, *await asyncio.gather(*(queries.member_for(v, m) for v, m in asked[1:]))]
    assert seen == [
        (members[0], HOME_ACCESS),
        (members[1], HOME_ACCESS),
        (members[2], HOME_ACCESS),
        None,
        None,
        None,
    ]
    batched = [sql for sql in statements.sent if "unnest($1::uuid[], $2::uuid[])" in sql]
    assert statements.sent[0] == MEMBER_OF_ORGANIZATION
    assert len(batched) == 1, statements.sent
    # Only the three reads that found nothing at home went on to the consent statement, all
    # three together: they left the home statement in the same turn of the loop.
    assert statements.sent[2:] == [MEMBERS_FOR_VIEWERS]
    assert len(statements.sent) == 3


async def test_consent_reads_sent_together_are_each_decided_and_recorded_as_alone(
    watched: tuple[FairPool, Statements, asyncpg.Pool],
) -> None:
    """One consent statement for many reads of one member by several organizations: each read
    sees what its own consents in force show, at its own time, and each disclosure record names
    its own reader, request, key and scopes; a read that nothing covers gets nothing and leaves
    no record, whatever the others in the statement found."""
    pool, statements, _ = watched
    home, profile_reader, full_reader, lapsed, stranger = [
        await _organization(pool) for _ in range(5)
    ]
    member = _member(home)
    consents = [
        consent_to(
            profile_reader,
            member,
            frozenset({DataScope.PROFILE}),
            signed_at=NOW - timedelta(days=2),
            expires_at=NOW + timedelta(days=30),
        ),
        consent_to(
            full_reader,
            member,
            frozenset({DataScope.PROFILE, DataScope.RECOVERY}),
            signed_at=NOW - timedelta(days=2),
            expires_at=NOW + timedelta(days=30),
        ),
        consent_to(  # expired a minute before the reads
            lapsed,
            member,
            frozenset({DataScope.PROFILE}),
            signed_at=NOW - timedelta(days=2),
            expires_at=NOW - timedelta(minutes=1),
        ),
    ]
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(member)
        for consent in consents:
            await uow.consents.add(consent)
            await uow.consents.mark_expiry_announced(consent.id, NOW)
        await uow.commit()
    queries = PostgresFederationQueries(pool, consented_reads_in_flight=1)
    keys = {org: uuid4() for org in (profile_reader, full_reader, lapsed, stranger)}

    def viewing(organization_id: UUID, request_id: str) -> Viewing:
        return Viewing(
            organization_id=organization_id,
            now=NOW,
            request_id=request_id,
            operation="member.read",
            client_request_id=f"client-{request_id}",
            key_id=keys.get(organization_id),
        )

    queries._homes.learn(member.id, home)  # every read goes straight to the consent statement
    # The statements (one read, several), learned once by the connection.
    await queries._consented_together([(viewing(stranger, "warm"), uuid4())])
    await queries._consented_together([(viewing(stranger, "warm"), uuid4())] * 2)
    statements.sent.clear()
    asked = [
        viewing(stranger, "first"),  # all come in one turn of the loop and go together
        viewing(profile_reader, "profile"),
        viewing(stranger, "stranger"),
        viewing(full_reader, "full"),
        viewing(lapsed, "lapsed"),
        viewing(home, "home"),
    ]
    seen = await asyncio.gather(*(queries.member_for(v, member.id) for v in asked))
    # The home organization's read is its own (members alone); the other five, one statement.
    assert sorted(statements.sent) == sorted([MEMBERS_FOR_VIEWERS, MEMBER_OF_ORGANIZATION])
    assert seen[0] is None
    assert seen[2] is None
    assert seen[4] is None
    assert seen[5] == (member, HOME_ACCESS)
    profile, full = seen[1], seen[3]
    assert profile is not None
    assert full is not None
    assert profile[1].scopes == frozenset({DataScope.PROFILE})
    assert profile[1].consent_ids == (consents[0].id,)
    assert full[1].scopes == frozenset({DataScope.PROFILE, DataScope.RECOVERY})
    assert full[1].consent_ids == (consents[1].id,)
    recorded = await pool.fetch(
        "SELECT recipient_organization_id, request_id, client_request_id, key_id, scopes, "
        "consent_ids, operation, disclosed_at FROM disclosures WHERE member_id = $1 "
        "ORDER BY request_id",
        member.id,
    )
    assert [dict(r) for r in recorded] == [
        {
            "recipient_organization_id": full_reader,
            "request_id": "full",
            "client_request_id": "client-full",
            "key_id": keys[full_reader],
            "scopes": sorted([DataScope.RECOVERY.value, DataScope.PROFILE.value]),
            "consent_ids": [consents[1].id],
            "operation": "member.read",
            "disclosed_at": NOW,
        },
        {
            "recipient_organization_id": profile_reader,
            "request_id": "profile",
            "client_request_id": "client-profile",
            "key_id": keys[profile_reader],
            "scopes": [DataScope.PROFILE.value],
            "consent_ids": [consents[0].id],
            "operation": "member.read",
            "disclosed_at": NOW,
        },
    ]


async def test_writes_after_a_read_go_together_and_a_missed_count_is_explained(
    watched: tuple[FairPool, Statements, asyncpg.Pool],
) -> None:
    """In a transaction, writes after a read are held until the next read or the commit and
    sent as one statement; a write whose row count is not the expected one is explained by a
    read in the same transaction, which is still usable."""
    pool, statements, _ = watched
    org = await _organization(pool)
    first = _member(org, external_ref="after-read-" + uuid4().hex)
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(first)
        await uow.commit()
    second, third = _member(org), _member(org, external_ref=first.external_ref)
    async with uow:  # the connection learns the read's statement and types once
        await uow.members.get_for_update(org, first.id)
    statements.sent.clear()
    with pytest.raises(DuplicateExternalRef, match=str(first.id)):
        async with uow:
            assert await uow.members.get_for_update(org, first.id) == first
            await uow.members.add(second)
            await uow.members.add(third)
            await uow.commit()
    assert statements.sent[0] == "BEGIN;"
    assert statements.sent[2].startswith("WITH w0 AS (INSERT INTO members")
    assert await _count(pool, "members", second.id) == 0
    assert await _count(pool, "members", third.id) == 0


async def test_nothing_is_sent_after_a_commit(pool: FairPool) -> None:
    org = await _organization(pool)
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(_member(org))
        await uow.commit()
        late = _member(org)
        with pytest.raises(RuntimeError, match="committed"):
            await uow.members.add(late)
        with pytest.raises(RuntimeError, match="committed"):
            await uow.members.get_for_update(org, late.id)
    assert await _count(pool, "members", late.id) == 0


async def test_a_caller_that_swallows_a_held_write_error_cannot_commit_the_rest(
    pool: FairPool,
) -> None:
    org = await _organization(pool)
    first = _member(org, external_ref="swallow-" + uuid4().hex)
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(first)
        await uow.commit()
    duplicate = _member(org, external_ref=first.external_ref)
    event = member_event(EventType.MEMBER_CREATED, duplicate, event_id=uuid4(), now=NOW)
    async with uow:
        await uow.members.add(duplicate)
        await uow.outbox.append(event)
        with pytest.raises(DuplicateExternalRef):
            await uow.members.get_for_update(org, first.id)  # a read sends what was held
        with pytest.raises(RuntimeError, match="cannot commit"):
            await uow.commit()
    assert await _count(pool, "outbox_events", event.id) == 0


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO t (a) VALUES ('$1')",
        "INSERT INTO t (a) VALUES ($1);",
        "INSERT INTO t (a) VALUES ($1) RETURNING a",
        "UPDATE t SET a = $$x$$",
        "SELECT $1",  # not a write
        "WITH x AS (DELETE FROM t RETURNING a) INSERT INTO u SELECT a FROM x",  # not one write
        "MERGE INTO t USING u ON t.a = u.a WHEN MATCHED THEN DELETE",
    ],
)
def test_a_write_that_cannot_be_sent_with_others_is_refused_when_made(sql: str) -> None:
    with pytest.raises(ValueError, match="not a write that can be sent with others"):
        Write(sql, 1)


async def test_a_quiet_key_reads_its_shared_count_without_rewriting_it(pool: FairPool) -> None:
    from service.adapters.postgres.rate_limits import PostgresRateLimitCounts

    counts = PostgresRateLimitCounts(pool)
    busy, quiet, window = uuid4(), uuid4(), 1_800_000_000
    assert await counts.add(window, {quiet: 2}) == {quiet: 2}
    version = "SELECT xmin::text FROM rate_limit_usage WHERE key_id = $1"
    written = await pool.fetchval(version, quiet)
    assert await counts.add(window, {busy: 1, quiet: 0}) == {busy: 1, quiet: 2}
    assert await pool.fetchval(version, quiet) == written  # read, not rewritten
    assert await counts.add(window, {busy: 2}) == {busy: 3}


def test_a_rows_parameters_follow_its_column_list_by_name() -> None:
    table = Columns("id", "name", "created_at")
    assert table.list == "id, name, created_at"
    assert table.values == "$1, $2, $3"
    assert table.params({"created_at": NOW, "id": 1, "name": "n"}) == (1, "n", NOW)
    with pytest.raises(KeyError, match="name"):
        table.params({"id": 1, "created_at": NOW})  # a column forgotten
    with pytest.raises(KeyError, match="nickname"):
        table.params({"id": 1, "name": "n", "nickname": "x", "created_at": NOW})


async def test_writes_that_depend_on_one_another_are_refused_at_commit(pool: FairPool) -> None:
    """An UPDATE sent in one statement with an INSERT of the same table would not see the new
    row (one snapshot): refused loudly, and nothing is written."""
    organization = Organization(
        id=uuid4(), name="Held", kind=OrganizationKind.CLINIC, version=1, created_at=NOW
    )
    insert = (
        "INSERT INTO organizations (id, name, kind, version, created_at) "
        "VALUES ($1, $2, $3, $4, $5)"
    )
    rename = "UPDATE organizations SET name = $2 WHERE id = $1"
    async with pool.connection() as connection:
        session = Session(connection)
        await session.write(Write(insert, organization.id, "Held", "clinic", 1, NOW))
        await session.write(Write(rename, organization.id, "Renamed"))
        with pytest.raises(ValueError, match="UPDATE of organizations held back with another"):
            await session.commit()
        await session.rollback()
    count = await pool.fetchval("SELECT count(*) FROM organizations WHERE id = $1", organization.id)
    assert count == 0


async def test_a_held_write_reads_back_what_its_answer_needs_in_the_statement_that_sends_it(
    pool: FairPool,
) -> None:
    """A `read_back` is evaluated with its write, as the database was just before it: held
    back, in the one statement at commit; in an open transaction, when the next read sends
    it."""
    insert = (
        "INSERT INTO organizations (id, name, kind, version, created_at) "
        "VALUES ($1, $2, $3, $4, $5)"
    )
    # What the table held before the write, and one of the write's own parameters.
    read_back = "(SELECT count(*) FROM organizations WHERE id = $1) || ':' || $2"
    held, sent = uuid4(), uuid4()
    async with pool.connection() as connection:
        session = Session(connection)
        write = Write(insert, held, "Held", "clinic", 1, NOW, read_back=read_back)
        await session.write(write)
        await session.write(Write(insert, uuid4(), "Other", "clinic", 1, NOW))
        assert write.value is None  # nothing sent yet
        await session.commit()
    assert write.value == "0:Held"
    async with pool.connection() as connection:
        session = Session(connection)
        await session.begin()
        write = Write(insert, sent, "Sent", "clinic", 1, NOW, read_back=read_back)
        await session.write(write)
        assert write.value is None  # held until the next read or the commit
        await session.fetchval("SELECT 1")
        assert write.value == "0:Sent"
        await session.commit()
    names = await pool.fetch("SELECT name FROM organizations WHERE id = ANY($1)", [held, sent])
    assert sorted(r["name"] for r in names) == ["Held", "Sent"]
    with pytest.raises(ValueError, match="not an expression"):
        Write(insert, held, "x", "clinic", 1, NOW, read_back="(SELECT '$1')")


async def test_statements_that_answer_several_reads_keep_one_plan(dsn: str) -> None:
    """The statements that take arrays (reads sent together) are planned once per session
    however many reads each answers; left to itself, PostgreSQL planned them afresh for every
    length of array, 1.5 ms each time for the consent statement."""
    pool = await open_pool(dsn, min_size=1, max_size=1, generic_plans=True)
    try:
        org = await _organization(pool)
        queries = PostgresFederationQueries(
            pool, batches=pool, home_reads_in_flight=1, consented_reads_in_flight=1
        )
        viewing = Viewing(organization_id=org, now=NOW, request_id="r", operation="o")
        for count in (3, 5, 2, 7, 4, 6, 3, 8):
            await asyncio.gather(*(queries.member_for(viewing, uuid4()) for _ in range(count)))
        plans = {
            row["statement"]: (row["generic_plans"], row["custom_plans"])
            for row in await pool.fetch(
                "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements"
            )
        }
    finally:
        await pool.close()
    together = [p for statement, p in plans.items() if "WITH ORDINALITY" in statement]
    assert len(together) == 2, plans  # the home read and the consent statement
    # How many statements went depends on when each read arrived; every one kept the plan.
    assert all(custom == 0 and generic >= 3 for generic, custom in together), together


async def test_without_a_statement_cache_no_plan_setting_is_sent(dsn: str) -> None:
    """Through a PgBouncer without prepared statements nothing is cached, and it would refuse
    a startup parameter it does not know."""
    pool = await open_pool(dsn, min_size=1, max_size=1, generic_plans=True, statement_cache_size=0)
    try:
        assert await pool.fetchval("SHOW plan_cache_mode") == "auto"
    finally:
        await pool.close()
    pool = await open_pool(dsn, min_size=1, max_size=1, generic_plans=True)
    try:
        assert await pool.fetchval("SHOW plan_cache_mode") == "force_generic_plan"
    finally:
        await pool.close()
