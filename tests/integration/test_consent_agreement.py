"""The domain's consent decision and the SQL's, side by side: random consents (scopes, expiry,
revocation, ended, to the reader or to someone else) and erased members. What the domain's
`read_access` decides from those consents, for each cross-organization read of a member (the
member, its journey, its milestones, its pledges, its membership in a network), must be
exactly what that read shows, and the disclosure it records."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import msgspec
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from service.adapters.postgres.deliveries import PostgresDeliveryQueue
from service.adapters.postgres.events import PostgresEventFeed
from service.adapters.postgres.federation_queries import PostgresFederationQueries
from service.adapters.postgres.pool import FairPool, open_pool
from service.adapters.postgres.referrals import PostgresReferralQueries
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.system import SystemClock, UuidV7Source
from service.domain import consent_terms
from service.domain import webhooks as webhook_rules
from service.domain.accounting import Viewing
from service.domain.consent import (
    MEMBER_EVENT_SCOPES,
    MEMBER_READ,
    MEMBERSHIP_READ,
    MILESTONES_READ,
    PLEDGES_READ,
    RECOVERY_READ,
    Access,
    Consent,
    DataScope,
    Reader,
    read_access,
)
from service.domain.consent_events import (
    MILESTONE_EVENTS,
    scopes_shown,
    sees_member_event,
    shows_milestone_period,
    still_sees_member_event,
)
from service.domain.consent_form import EndEvent
from service.domain.events import Event, EventType, FeedPosition, new_event
from service.domain.members import Member
from service.domain.networks import (
    Membership,
    MembershipStatus,
    Network,
    NetworkKind,
    NetworkStatus,
    Role,
)
from service.domain.paging import PageRequest
from service.domain.referral_sight import SeenReferral, referral_seen_by
from service.domain.referrals import Referral, ReferralStatus, StatusChange, Urgency
from service.domain.webhooks import WebhookEndpoint
from tests.support.builders import consent_to, endpoint, stored_organization
from tests.support.waiting import feed_settled_on

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
                home=runner.run(stored_organization(pool, NOW)),
                reader=runner.run(stored_organization(pool, NOW)),
                someone_else=runner.run(stored_organization(pool, NOW)),
            )
        finally:
            runner.run(pool.close())


class ConsentDraw(msgspec.Struct, frozen=True):
    scopes: frozenset[DataScope]
    to_reader: bool
    expires_in_hours: int | None
    revoked: bool
    ended: bool
    # What agreed restrictions take away (42 CFR 2.26): the SQL reads effective_scopes.
    restricted: frozenset[DataScope] = frozenset()


# Most drawn consents count (to the reader, neither revoked nor ended), so that most examples
# check what a read shows and records, not only that it shows nothing.
_usually = st.sampled_from([True, True, True, False])
_rarely = st.sampled_from([False, False, False, True])


def _seldom(values: st.SearchStrategy[int]) -> st.SearchStrategy[int | None]:
    """None three times in four."""
    return st.one_of(st.none(), st.none(), st.none(), values)


consents = st.lists(
    st.builds(
        ConsentDraw,
        scopes=st.frozensets(st.sampled_from(list(DataScope)), min_size=1),
        to_reader=_usually,
        expires_in_hours=st.none() | st.integers(min_value=-48, max_value=48),
        revoked=_rarely,
        ended=_rarely,
        restricted=st.one_of(
            st.just(frozenset()),
            st.just(frozenset()),
            st.frozensets(st.sampled_from(list(DataScope))),
        ),
    ),
    max_size=5,
)


def _examples(count: int) -> settings:
    return settings(max_examples=count, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _consent(draw: ConsentDraw, member: Member, recipient: UUID) -> Consent:
    expires_at = (
        None if draw.expires_in_hours is None else NOW + timedelta(hours=draw.expires_in_hours)
    )
    return consent_to(
        recipient,
        member,
        draw.scopes,
        signed_at=NOW - timedelta(days=3),
        expires_at=expires_at,
        revoked_at=NOW - timedelta(hours=1) if draw.revoked else None,
        revocation_reason="asked" if draw.revoked else None,
        ended_at=NOW - timedelta(hours=2) if draw.ended else None,
        restricted_scopes=draw.restricted & draw.scopes,
    )


async def _add_consents(uow: PostgresUnitOfWork, consents: list[Consent]) -> None:
    """Store the drawn consents as already announced: otherwise the service's expiry sweep
    (which shares this database) would announce the expiries these scenarios made up, later,
    in the middle of another module's before-and-after snapshot."""
    for consent in consents:
        await uow.consents.add(consent)
        await uow.consents.mark_expiry_announced(consent.id, NOW)


def _member(world: World, erased: bool) -> Member:
    return Member(
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


async def _read(
    queries: PostgresFederationQueries, read: str, viewing: Viewing, member: Member
) -> tuple[UUID, Access] | None:
    """One of the cross-organization member reads: the id of the member it returned and what
    the viewer may see of it, or None."""
    if read == "memberships":
        # A membership always shows (its role and status); the member in it, by consent.
        page = await queries.memberships_for(viewing, _network_of(member), PageRequest(limit=5))
        [seen] = page.items
        return (seen.membership.member_id, seen.access) if seen.access.scopes else None
    if read == "member":
        # Answered as reads sent together are: in one statement with the home organization's
        # read of the same member and a read of nobody, which must change nothing of it.
        home = msgspec.structs.replace(viewing, organization_id=member.organization_id)
        by_home, nobody, found = await queries._consented_together(
            [(home, member.id), (viewing, uuid4()), (viewing, member.id)]
        )
        assert by_home is not None
        assert by_home[0].id == member.id
        assert by_home[1].home
        assert nobody is None
    elif read == "recovery":
        journey = await queries.recovery_for(viewing, member.id)
        found = None if journey is None else (journey[0], journey[1])
    elif read == "milestones":
        facts = await queries.milestones_for(viewing, member.id)
        found = None if facts is None else (facts.member, facts.access)
    else:
        pledges = await queries.pledges_for(viewing, member.id, PageRequest(limit=5))
        found = None if pledges is None else (pledges[0], pledges[1])
    return None if found is None else (found[0].id, found[1])


# Each read, and what the domain says it needs and shows.
READS = {
    "member": MEMBER_READ,
    "recovery": RECOVERY_READ,
    "milestones": MILESTONES_READ,
    "pledges": PLEDGES_READ,
    "memberships": MEMBERSHIP_READ,
}


def _network_of(member: Member) -> UUID:
    """The group each scenario's member belongs to (one per member)."""
    return UUID(int=member.id.int ^ 1)


async def _group_with(uow: PostgresUnitOfWork, member: Member) -> None:
    at = NOW - timedelta(days=5)
    await uow.networks.add(
        Network(
            id=_network_of(member),
            kind=NetworkKind.GROUP,
            name="Tuesday group",
            description=None,
            focus_member_id=None,
            created_by_organization_id=member.organization_id,
            status=NetworkStatus.ACTIVE,
            version=1,
            created_at=at,
            updated_at=at,
        )
    )
    await uow.networks.add_membership(
        Membership(
            id=uuid4(),
            network_id=_network_of(member),
            member_id=member.id,
            member_organization_id=member.organization_id,
            role=Role.PEER_SUPPORTER,
            status=MembershipStatus.ACTIVE,
            added_by_organization_id=member.organization_id,
            invited_at=None,
            joined_at=at,
            left_at=None,
            version=1,
            created_at=at,
            updated_at=at,
        )
    )


async def _scenario(
    world: World, draws: list[ConsentDraw], erased: bool, read: str
) -> tuple[list[Consent], Member, tuple[UUID, Access] | None, list[list[str]]]:
    member = _member(world, erased)
    made = [_consent(d, member, world.reader if d.to_reader else world.someone_else) for d in draws]
    uow = PostgresUnitOfWork(world.pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(member)
        await _add_consents(uow, made)
        if read == "memberships":
            await _group_with(uow, member)
        await uow.commit()
    viewing = Viewing(organization_id=world.reader, now=NOW, request_id="agreement", operation=read)
    seen = await _read(PostgresFederationQueries(world.pool), read, viewing, member)
    recorded = [
        sorted(r["scopes"])
        for r in await world.pool.fetch(
            "SELECT scopes FROM disclosures WHERE member_id = $1", member.id
        )
    ]
    return made, member, seen, recorded


@_examples(250)
@given(draws=consents, erased=st.booleans(), read=st.sampled_from(sorted(READS)))
def test_the_sql_shows_and_records_exactly_what_the_domain_decides(
    world: World, draws: list[ConsentDraw], erased: bool, read: str
) -> None:
    made, member, seen, recorded = world.runner.run(_scenario(world, draws, erased, read))
    expected = read_access(Reader(organization_id=world.reader), member, made, READS[read], NOW)
    if expected is None:
        assert seen is None
        assert recorded == []
        return
    assert seen is not None
    shown_member, access = seen
    assert shown_member == member.id
    assert access.scopes == expected.scopes
    assert access.consent_ids == expected.consent_ids
    # Data about an erased member never leaves (the read then answers 410), so no record.
    assert recorded == ([] if erased else [sorted(s.value for s in expected.scopes)])


# The feed: an event about the member, at a time the consents' own times are drawn around.
HAPPENED = NOW - timedelta(hours=24)


class TimedConsentDraw(msgspec.Struct, frozen=True):
    scopes: frozenset[DataScope]
    to_reader: bool
    created: int  # hours from the event
    lasts: int | None  # hours from its creation to its expiry (None: until an end event)
    revoked_after: int | None  # hours from its creation
    ended_after: int | None


timed_consents = st.lists(
    st.builds(
        TimedConsentDraw,
        scopes=st.frozensets(st.sampled_from(list(DataScope)), min_size=1),
        to_reader=_usually,
        created=st.integers(min_value=-48, max_value=20),
        lasts=st.none() | st.integers(min_value=1, max_value=72),
        revoked_after=_seldom(st.integers(min_value=0, max_value=30)),
        ended_after=_seldom(st.integers(min_value=0, max_value=30)),
    ),
    max_size=4,
)


def _timed_consent(draw: TimedConsentDraw, member: Member, recipient: UUID) -> Consent:
    created = HAPPENED + timedelta(hours=draw.created)

    def after(hours: int | None) -> datetime | None:
        # Nothing is revoked or ended in the future.
        return None if hours is None else min(created + timedelta(hours=hours), NOW)

    expires_at = None if draw.lasts is None else created + timedelta(hours=draw.lasts)
    return msgspec.structs.replace(
        _consent(ConsentDraw(draw.scopes, True, None, False, False), member, recipient),
        created_at=created,
        updated_at=created,
        signed_at=created,
        expires_on=None if expires_at is None else expires_at.date(),
        expires_at=expires_at,
        end_event=EndEvent.TREATMENT_ENDED if expires_at is None else None,
        revoked_at=after(draw.revoked_after),
        revocation_reason=None if draw.revoked_after is None else "asked",
        ended_at=after(draw.ended_after),
    )


async def _stored_event(
    world: World, draws: list[TimedConsentDraw], erased: bool, event_type: EventType
) -> tuple[list[Consent], Member, Event, UUID]:
    """A member, consents drawn around an event about it, and the event, stored; and a reader
    organization of its own (so that its reads show only this scenario)."""
    member = _member(world, erased)
    reader = await stored_organization(world.pool, NOW)
    made = [_timed_consent(d, member, reader if d.to_reader else world.someone_else) for d in draws]
    event = new_event(
        event_type,
        organization_id=member.organization_id,
        subject_type="member",
        subject_id=member.id,
        event_id=uuid4(),
        now=HAPPENED,
        # A milestone's key names its period's start: restart history.
        data={"member_id": str(member.id), "milestone_key": "2026-09-01.30d"},
    )
    uow = PostgresUnitOfWork(world.pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(member)
        await _add_consents(uow, made)
        await uow.outbox.append(event)
        await uow.commit()
    return made, member, event, reader


async def _feed_scenario(
    world: World, draws: list[TimedConsentDraw], erased: bool, event_type: EventType
) -> tuple[list[Consent], Member, Event | None, UUID]:
    made, member, event, reader = await _stored_event(world, draws, erased, event_type)
    await feed_settled_on(world.pool)
    viewing = Viewing(organization_id=reader, now=NOW, request_id="agreement", operation="feed")
    page = await PostgresEventFeed(world.pool).after(viewing, FeedPosition(), 50, None)
    shown = [item.event for item in page.events if item.event.id == event.id]
    return made, member, shown[0] if shown else None, reader


member_events = st.sampled_from(sorted(MEMBER_EVENT_SCOPES))


@_examples(200)
@given(draws=timed_consents, erased=st.booleans(), event_type=member_events)
def test_the_feed_shows_an_event_exactly_when_the_domain_says_it_may(
    world: World, draws: list[TimedConsentDraw], erased: bool, event_type: EventType
) -> None:
    made, member, shown, reader = world.runner.run(_feed_scenario(world, draws, erased, event_type))
    assert (shown is not None) == sees_member_event(
        Reader(organization_id=reader), member, event_type, HAPPENED, made, NOW
    )


@_examples(150)
@given(draws=timed_consents, event_type=st.sampled_from(sorted(MILESTONE_EVENTS)))
@example(  # milestones only: the event shows, its period does not
    draws=[TimedConsentDraw(frozenset({DataScope.MILESTONES}), True, -10, 72, None, None)],
    event_type=EventType.MILESTONE_REACHED,
)
@example(  # and recovery too: the period shows
    draws=[
        TimedConsentDraw(frozenset({DataScope.MILESTONES}), True, -10, 72, None, None),
        TimedConsentDraw(frozenset({DataScope.RECOVERY}), True, 5, None, None, None),
    ],
    event_type=EventType.MILESTONE_CHEERED,
)
@example(  # the recovery consent was revoked since: the period no longer shows
    draws=[
        TimedConsentDraw(
            frozenset({DataScope.MILESTONES, DataScope.PROFILE}), True, -1, 72, None, None
        ),
        TimedConsentDraw(frozenset({DataScope.RECOVERY}), True, -5, None, 10, None),
    ],
    event_type=EventType.MILESTONE_REACHED,
)
def test_a_milestone_event_names_its_period_exactly_when_the_domain_says_it_may(
    world: World, draws: list[TimedConsentDraw], event_type: EventType
) -> None:
    made, member, shown, reader = world.runner.run(_feed_scenario(world, draws, False, event_type))
    assert (shown is not None) == sees_member_event(
        Reader(organization_id=reader), member, event_type, HAPPENED, made, NOW
    )
    if shown is not None:
        keyed = "milestone_key" in shown.data
        assert keyed == shows_milestone_period(Reader(organization_id=reader), member, made, NOW)


@asynccontextmanager
async def _queued(world: World, reader: UUID, event: Event) -> AsyncIterator[WebhookEndpoint]:
    """A webhook endpoint of the reader with a delivery of `event` queued, removed after. It is
    disabled, so never claimed by the dispatcher of the service sharing this database (which
    would try the made-up receiver, give up and announce it in the middle of another module's
    snapshot); the queue's head() reads it all the same."""
    disabled = webhook_rules.disable(
        endpoint(organization_id=reader, now=HAPPENED), "a test endpoint", HAPPENED
    )
    uow = PostgresUnitOfWork(world.pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.webhooks.add(disabled)
        await uow.commit()
    await world.pool.execute(
        "INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, redelivery, "
        "next_attempt_at, created_at) VALUES ($1, $2, $3, 'pending', false, $4, $4)",
        uuid4(),
        disabled.id,
        event.id,
        HAPPENED,
    )
    try:
        yield disabled
    finally:
        async with uow:
            await uow.webhooks.delete(disabled.id)  # and its delivery log
            await uow.commit()


async def _delivery_scenario(
    world: World, draws: list[TimedConsentDraw], erased: bool, event_type: EventType
) -> tuple[list[Consent], Member, bool, UUID]:
    """An event about the member, queued for a webhook endpoint of the reader before the
    consents changed: whether the delivery may still be sent now."""
    made, member, event, reader = await _stored_event(world, draws, erased, event_type)
    async with (
        _queued(world, reader, event) as queued_for,
        PostgresDeliveryQueue(world.pool).line() as line,
    ):
        head = await line.head(queued_for, NOW)
    assert head is not None
    assert head.event.id == event.id
    return made, member, head.allowed, reader


@_examples(150)
@given(draws=timed_consents, erased=st.booleans(), event_type=member_events)
def test_a_queued_delivery_is_sent_exactly_when_the_domain_says_it_still_may(
    world: World, draws: list[TimedConsentDraw], erased: bool, event_type: EventType
) -> None:
    made, member, allowed, reader = world.runner.run(
        _delivery_scenario(world, draws, erased, event_type)
    )
    assert allowed == still_sees_member_event(
        Reader(organization_id=reader), member, event_type, made, NOW
    )


async def _delivery_accounted(world: World) -> list[str]:
    """A milestone event queued while a recovery consent was in force (so it goes out with its
    key), the recovery consent revoked during the attempt: the scopes the delivery's
    disclosure records."""
    milestones = TimedConsentDraw(frozenset({DataScope.MILESTONES}), True, -10, None, None, None)
    recovery = TimedConsentDraw(frozenset({DataScope.RECOVERY}), True, -10, None, None, None)
    made, member, event, reader = await _stored_event(
        world, [milestones, recovery], False, EventType.MILESTONE_REACHED
    )
    queue = PostgresDeliveryQueue(world.pool)
    async with _queued(world, reader, event) as queued_for:
        async with queue.line() as line:
            head = await line.head(queued_for, NOW)
        assert head is not None
        assert "milestone_key" in head.event.data  # it goes out naming the period
        uow = PostgresUnitOfWork(world.pool, SystemClock(), UuidV7Source())
        async with uow:
            await uow.consents.save(consent_terms.revoke(made[1], reason="asked", now=NOW))
            await uow.commit()
        sent = head.event
        async with queue.line() as line:
            await line.record_disclosure(
                sent, scopes_shown(sent), reader, head.delivery.id, NOW + timedelta(seconds=1)
            )
    scopes: list[str] = await world.pool.fetchval(
        "SELECT scopes FROM disclosures WHERE member_id = $1", member.id
    )
    return sorted(scopes)


def test_a_delivery_is_accounted_as_it_went_out(world: World) -> None:
    """The record says what was sent, not what a consent would allow by the time the attempt
    ends: the period went out, so recovery is recorded, revoked meanwhile or not."""
    assert world.runner.run(_delivery_accounted(world)) == ["milestones", "recovery"]


async def _referral_scenario(
    world: World, draws: list[ConsentDraw]
) -> tuple[list[Consent], SeenReferral | None, list[list[UUID]]]:
    member = _member(world, erased=False)
    made = [_consent(d, member, world.reader if d.to_reader else world.someone_else) for d in draws]
    # The consent the referral was made under, revoked since: what the receiver may see now is
    # decided by the consents in force now, whichever the referral names.
    anchor = _consent(
        ConsentDraw(
            scopes=frozenset({DataScope.PROFILE}),
            to_reader=True,
            expires_in_hours=None,
            revoked=True,
            ended=False,
        ),
        member,
        world.reader,
    )
    referral = Referral(
        id=uuid4(),
        sender_organization_id=world.home,
        receiver_organization_id=world.reader,
        member_id=member.id,
        network_id=None,
        consent_id=anchor.id,
        reason="Peer support after discharge",
        urgency=Urgency.ROUTINE,
        external_ref=None,
        status=ReferralStatus.REQUESTED,
        answer_by=NOW + timedelta(days=30),
        version=1,
        created_at=NOW - timedelta(days=3),
        updated_at=NOW - timedelta(days=3),
    )
    uow = PostgresUnitOfWork(world.pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(member)
        await _add_consents(uow, [anchor, *made])
        await uow.referrals.add(
            referral,
            StatusChange(
                id=uuid4(),
                referral_id=referral.id,
                to_status=ReferralStatus.REQUESTED,
                actor_organization_id=world.home,
                at=referral.created_at,
            ),
        )
        await uow.commit()
    viewing = Viewing(
        organization_id=world.reader, now=NOW, request_id="agreement", operation="getReferral"
    )
    seen = await PostgresReferralQueries(world.pool).get(viewing, referral.id)
    recorded = [
        sorted(r["consent_ids"])
        for r in await world.pool.fetch(
            "SELECT consent_ids FROM disclosures WHERE member_id = $1", member.id
        )
    ]
    return [anchor, *made], seen, recorded


@_examples(150)
@given(draws=consents)
def test_a_referral_shows_the_person_exactly_when_the_domain_says(
    world: World, draws: list[ConsentDraw]
) -> None:
    """The receiver of a referral sees the person and the reason under a consent in force now
    from the member to it (referral_sight.referral_seen_by), and that read is recorded naming
    those consents; without one it sees the referral only, and nothing is recorded."""
    made, seen, recorded = world.runner.run(_referral_scenario(world, draws))
    assert seen is not None
    in_force = [
        c.id for c in made if c.recipient_organization_id == world.reader and c.is_active(NOW)
    ]
    expected = referral_seen_by(seen.referral, world.reader, in_force)
    assert seen.shows_person == expected.shows_person
    assert seen.consent_ids == expected.consent_ids
    assert recorded == ([sorted(expected.consent_ids)] if expected.is_disclosure else [])
