"""The domain's consent decision and the SQL's, side by side: random consents (scopes, expiry,
revocation, ended, to the reader or to someone else) and erased members, read at random times.
What the domain's `read_access` decides from those consents must be exactly what
the cross-organization member read shows, and the disclosure it records."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.adapters.postgres.federation_queries import PostgresFederationQueries
from service.adapters.postgres.pool import FairPool, open_pool
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.domain.consent import (
    MEMBER_READ_SCOPES,
    Consent,
    DataScope,
    EndEvent,
    SignatureMethod,
    Viewing,
    read_access,
)
from service.domain.members import Member
from tests.integration.test_postgres_adapters import _organization

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


class World(msgspec.Struct, frozen=True, kw_only=True):
    runner: asyncio.Runner
    pool: FairPool
    home: UUID
    reader: UUID
    someone_else: UUID


@pytest.fixture(scope="module")
def world(dsn: str) -> Iterator[World]:
    with asyncio.Runner() as runner:
        pool = runner.run(open_pool(dsn, min_size=1, max_size=2))
        try:
            yield World(
                runner=runner,
                pool=pool,
                home=runner.run(_organization(pool)),
                reader=runner.run(_organization(pool)),
                someone_else=runner.run(_organization(pool)),
            )
        finally:
            runner.run(pool.close())


class ConsentDraw(msgspec.Struct, frozen=True):
    scopes: frozenset[DataScope]
    to_reader: bool
    expires_in_hours: int | None
    revoked: bool
    ended: bool


consents = st.lists(
    st.builds(
        ConsentDraw,
        scopes=st.frozensets(st.sampled_from(list(DataScope)), min_size=1),
        to_reader=st.booleans(),
        expires_in_hours=st.none() | st.integers(min_value=-48, max_value=48),
        revoked=st.booleans(),
        ended=st.booleans(),
    ),
    max_size=5,
)


def _consent(draw: ConsentDraw, member: Member, recipient: UUID) -> Consent:
    expires_at = (
        None if draw.expires_in_hours is None else NOW + timedelta(hours=draw.expires_in_hours)
    )
    return Consent(
        id=uuid4(),
        member_id=member.id,
        organization_id=member.organization_id,
        recipient_organization_id=recipient,
        scopes=draw.scopes,
        purpose="Coordinate peer support",
        expires_on=None if expires_at is None else expires_at.date(),
        expires_at=expires_at,
        # Without a date, an end event (a consent always has an expiry of one kind).
        end_event=EndEvent.TREATMENT_ENDED if expires_at is None else None,
        signature_method=SignatureMethod.ELECTRONIC,
        signed_at=NOW - timedelta(days=3),
        signed_by="the member",
        recorded_by="intake",
        recorded_by_key_id=uuid4(),
        version=1,
        created_at=NOW - timedelta(days=3),
        updated_at=NOW - timedelta(days=3),
        revoked_at=NOW - timedelta(hours=1) if draw.revoked else None,
        revocation_reason="asked" if draw.revoked else None,
        ended_at=NOW - timedelta(hours=2) if draw.ended else None,
    )


async def _scenario(
    world: World, draws: list[ConsentDraw], erased: bool
) -> tuple[list[Consent], Member, object, list[list[str]]]:
    member = Member(
        id=uuid4(),
        organization_id=world.home,
        # An erased member keeps no personal field (a check constraint says so).
        display_name=None if erased else "Robin",
        timezone=None if erased else "UTC",
        external_ref=None,
        recovery_started_on=None,
        contact=None,
        version=1,
        created_at=NOW - timedelta(days=10),
        updated_at=NOW - timedelta(days=10),
        erased_at=NOW - timedelta(hours=3) if erased else None,
    )
    made = [_consent(d, member, world.reader if d.to_reader else world.someone_else) for d in draws]
    uow = PostgresUnitOfWork(world.pool)
    async with uow:
        await uow.members.add(member)
        for consent in made:
            await uow.consents.add(consent)
        await uow.commit()
    viewing = Viewing(
        organization_id=world.reader, now=NOW, request_id="agreement", operation="getMember"
    )
    seen = await PostgresFederationQueries(world.pool).member_for(viewing, member.id)
    recorded = [
        sorted(r["scopes"])
        for r in await world.pool.fetch(
            "SELECT scopes FROM disclosures WHERE member_id = $1", member.id
        )
    ]
    return made, member, seen, recorded


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(draws=consents, erased=st.booleans())
def test_the_sql_shows_and_records_exactly_what_the_domain_decides(
    world: World, draws: list[ConsentDraw], erased: bool
) -> None:
    made, member, seen, recorded = world.runner.run(_scenario(world, draws, erased))
    # The domain's rule for one read (the member read needs and shows MEMBER_READ_SCOPES).
    expected = read_access(
        world.reader,
        member,
        made,
        needed=MEMBER_READ_SCOPES,
        shown=MEMBER_READ_SCOPES,
        now=NOW,
    )
    if expected is None:
        assert seen is None
        assert recorded == []
        return
    assert isinstance(seen, tuple)
    shown_member, access = seen
    assert shown_member.id == member.id
    assert access.scopes == expected.scopes
    assert access.consent_ids == expected.consent_ids
    # Data about an erased member never leaves (the read then answers 410), so no record.
    assert recorded == ([] if erased else [sorted(s.value for s in expected.scopes)])
