"""The dispatcher's decisions, over an in-memory delivery queue and a scripted sender: what is
sent, in what order, what is withheld, when it is retried, when an endpoint is given up on, and
which deliveries are accounted as disclosures."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from uuid import UUID

import msgspec

from service.domain.deliveries import Outcome
from service.domain.disclosure_notice import PART2_NOTICE, SECURITY_LABELS, DisclosureNotice
from service.domain.events import Event, EventType, new_event
from service.domain.organizations import ALL_SCOPES, Scope
from service.domain.webhooks import Attempt, DeliveryStatus, EndpointStatus, WebhookEndpoint
from service.usecases.deliveries import (
    CLAIM_AMONG,
    LEASE_MARGIN,
    NO_CONSENT,
    NOT_COVERED,
    Deliveries,
    DeliveryPolicy,
    dispatch_once,
)
from tests.support.builders import endpoint
from tests.unit.fakes import FakeDeliveryQueue, FixedClock, ScriptedSender, SequentialIds

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
ORG = UUID(int=7)
SCHEDULE = (timedelta(0), timedelta(seconds=5), timedelta(minutes=5))
POLICY = DeliveryPolicy(poll=timedelta(seconds=1), schedule=SCHEDULE)


def _endpoint(scopes: frozenset[Scope] = ALL_SCOPES) -> WebhookEndpoint:
    return endpoint(organization_id=ORG, now=NOW, scopes=scopes, endpoint_id=UUID(int=100))


def _event(number: int, event_type: EventType = EventType.MEMBER_UPDATED) -> Event:
    return new_event(
        event_type,
        organization_id=UUID(int=8),
        subject_type="member",
        subject_id=UUID(int=9),
        event_id=UUID(int=number),
        now=NOW,
        data={"member_id": str(UUID(int=9))},
    )


def _answered(status: int, *, retry_after: timedelta | None = None) -> Outcome:
    error = None if 200 <= status < 300 else f"answered {status}"
    attempt = Attempt(at=NOW, status_code=status, latency_ms=3, error=error)
    return Outcome(attempt=attempt, retry_after=retry_after, reached=True)


REFUSED = Outcome(
    attempt=Attempt(at=NOW, status_code=None, latency_ms=0, error="refused"),
    retry_after=None,
    reached=False,
)


class World:
    def __init__(self, *outcomes: Outcome, endpoint: WebhookEndpoint | None = None) -> None:
        self.clock = FixedClock(NOW)
        self.queue = FakeDeliveryQueue()
        self.endpoint = endpoint or _endpoint()
        self.queue.add(self.endpoint, due=NOW)
        self.sender = ScriptedSender(*outcomes)
        self.deliveries = Deliveries(
            queue=self.queue,
            sender=self.sender,
            clock=self.clock,
            ids=SequentialIds(),
            policy=POLICY,
            jitter=lambda: 0.5,  # the middle: waits exactly as scheduled
        )

    def use(self, sender: ScriptedSender) -> None:
        self.sender = sender
        self.deliveries = msgspec.structs.replace(self.deliveries, sender=sender)

    def arrive(self, *events: Event) -> None:
        self.queue.arriving.setdefault(self.endpoint.id, []).extend(events)

    async def dispatch(self) -> bool:
        return await dispatch_once(self.deliveries)

    def statuses(self) -> list[DeliveryStatus]:
        return [d.status for d in self.queue.deliveries]


async def test_nothing_due_is_no_work() -> None:
    world = World()
    world.queue.next_look[world.endpoint.id] = NOW + timedelta(seconds=1)
    assert await world.dispatch() is False
    assert world.sender.sent == []


async def test_an_endpoint_with_nothing_pending_is_looked_at_again_after_the_poll() -> None:
    world = World()
    assert await world.dispatch() is True
    assert world.sender.sent == []
    assert world.queue.next_look[world.endpoint.id] == NOW + POLICY.poll


async def test_a_delivered_event_is_recorded_accounted_and_the_endpoint_is_free_again() -> None:
    world = World(_answered(204))
    world.arrive(_event(1))
    assert await world.dispatch() is True
    assert world.sender.sent == [(world.endpoint.id, UUID(int=1))]
    [delivery] = world.queue.deliveries
    assert delivery.status is DeliveryStatus.DELIVERED
    assert [a.status_code for a in delivery.attempts] == [204]
    # Accounted before the attempt, to the endpoint's organization.
    assert world.queue.disclosures == [(UUID(int=1), ORG, delivery.id, NOW)]
    assert world.queue.next_look[world.endpoint.id] == NOW
    assert world.endpoint.id not in world.queue.leases


async def test_an_event_whose_consent_ended_is_withheld_and_says_why() -> None:
    world = World()
    world.arrive(_event(1))
    world.queue.consent_ended.add(UUID(int=1))
    await world.dispatch()
    assert world.sender.sent == []
    [delivery] = world.queue.deliveries
    assert delivery.status is DeliveryStatus.FAILED
    assert [a.error for a in delivery.attempts] == [NO_CONSENT]
    assert world.queue.disclosures == []


async def test_an_event_the_endpoints_key_no_longer_covers_is_withheld() -> None:
    world = World(endpoint=_endpoint(scopes=frozenset({Scope.NETWORKS_READ})))
    # Queued while a broader key held the endpoint; members:read, which the key now lacks.
    world.queue.queue(world.endpoint.id, _event(1, EventType.MEMBER_UPDATED), NOW)
    await world.dispatch()
    assert world.sender.sent == []
    assert [a.error for a in world.queue.deliveries[0].attempts] == [NOT_COVERED]


async def test_a_failure_waits_as_scheduled_and_holds_the_events_behind_it() -> None:
    world = World(_answered(500), _answered(204), _answered(204))
    world.arrive(_event(1), _event(2))
    await world.dispatch()
    assert world.statuses() == [DeliveryStatus.PENDING, DeliveryStatus.PENDING]
    retry_at = NOW + SCHEDULE[1]
    assert world.queue.deliveries[0].next_attempt_at == retry_at
    assert world.queue.next_look[world.endpoint.id] == retry_at
    # Accounted before the attempt, whatever it came to.
    assert [d[0] for d in world.queue.disclosures] == [UUID(int=1)]

    world.clock.current = retry_at - timedelta(milliseconds=1)
    assert await world.dispatch() is False  # not due: nothing is sent, not even event 2
    world.clock.current = retry_at
    await world.dispatch()
    await world.dispatch()
    assert [event for _, event in world.sender.sent] == [UUID(int=1), UUID(int=1), UUID(int=2)]
    assert world.statuses() == [DeliveryStatus.DELIVERED, DeliveryStatus.DELIVERED]


async def test_a_receivers_retry_after_is_a_floor() -> None:
    world = World(_answered(503, retry_after=timedelta(minutes=2)))
    world.arrive(_event(1))
    await world.dispatch()
    assert world.queue.deliveries[0].next_attempt_at == NOW + timedelta(minutes=2)


async def test_after_the_last_scheduled_failure_the_endpoint_is_disabled_and_announced() -> None:
    world = World(_answered(500), _answered(500), _answered(500))
    world.arrive(_event(1))
    for _ in SCHEDULE:
        world.clock.current = world.queue.next_look[world.endpoint.id]
        await world.dispatch()
    assert world.statuses() == [DeliveryStatus.FAILED]
    disabled = world.queue.endpoints[world.endpoint.id]
    assert disabled.status is EndpointStatus.DISABLED
    assert disabled.disabled_reason == "Gave up after 3 failed attempts (last: answered 500)."
    [announced] = world.queue.announced
    assert announced.type is EventType.WEBHOOK_ENDPOINT_DISABLED
    assert announced.data["reason"] == disabled.disabled_reason
    assert await world.dispatch() is False  # a disabled endpoint is never claimed


async def test_410_gone_disables_the_endpoint_at_once() -> None:
    world = World(_answered(410))
    world.arrive(_event(1), _event(2))
    await world.dispatch()
    assert world.statuses() == [DeliveryStatus.FAILED, DeliveryStatus.PENDING]
    assert world.queue.endpoints[world.endpoint.id].status is EndpointStatus.DISABLED
    assert world.queue.endpoints[world.endpoint.id].disabled_reason == (
        "The receiver answered 410 Gone."
    )


async def test_a_delivery_is_accounted_before_it_is_sent_and_once_whatever_its_retries() -> None:
    world = World(REFUSED, REFUSED)
    world.arrive(_event(1))
    await world.dispatch()
    [delivery] = world.queue.deliveries
    assert delivery.attempts[0].error == "refused"
    # No data leaves without its record: it is written with the lease, before the attempt,
    # so even an attempt that never connected is accounted (as one that may have reached).
    assert world.queue.disclosures == [(UUID(int=1), ORG, delivery.id, NOW)]
    world.clock.current = world.queue.next_look[world.endpoint.id]
    await world.dispatch()
    assert len(world.queue.deliveries[0].attempts) == 2
    assert world.queue.disclosures == [(UUID(int=1), ORG, delivery.id, NOW)]


async def test_a_lease_lost_mid_attempt_keeps_the_record_and_leaves_scheduling_to_its_holder() -> (
    None
):
    world = World()
    world.arrive(_event(1))

    def taken_over(endpoint: WebhookEndpoint) -> None:
        # Another worker's lease replaced ours while the attempt ran past its deadline.
        world.queue.leases[endpoint.id] = UUID(int=999)
        world.queue.next_look[endpoint.id] = NOW + timedelta(minutes=9)

    world.use(ScriptedSender(_answered(500), meanwhile=taken_over))
    await world.dispatch()
    [delivery] = world.queue.deliveries
    assert delivery.status is DeliveryStatus.PENDING
    assert delivery.attempt_count == 1
    assert world.queue.leases[world.endpoint.id] == UUID(int=999)
    assert world.queue.next_look[world.endpoint.id] == NOW + timedelta(minutes=9)


async def test_while_an_attempt_runs_its_endpoint_is_leased_past_the_senders_deadline() -> None:
    world = World()
    world.arrive(_event(1))
    leased_until: list[object] = []

    world.use(
        ScriptedSender(
            _answered(204),
            meanwhile=lambda endpoint: leased_until.append(world.queue.next_look[endpoint.id]),
        )
    )
    await world.dispatch()
    assert leased_until == [NOW + ScriptedSender.deadline + LEASE_MARGIN]


async def test_an_event_with_another_organizations_member_data_goes_with_its_notice() -> None:
    world = World(_answered(204), _answered(204))
    consent = UUID(int=77)
    world.arrive(_event(1), _event(2))
    world.queue.notice_consents[UUID(int=1)] = (consent,)
    await world.dispatch()
    await world.dispatch()
    assert world.sender.notices == [
        DisclosureNotice(
            notice=PART2_NOTICE, consent_ids=(consent,), security_labels=SECURITY_LABELS
        ),
        None,  # no consent named it: not another organization's member data
    ]


def _taking(world: World, takes: timedelta) -> Callable[[WebhookEndpoint], None]:
    """Each attempt takes `takes` of the world's clock."""

    def take(endpoint: WebhookEndpoint) -> None:
        world.clock.current += takes

    return take


async def test_one_claim_sends_the_endpoints_line_in_order_while_it_goes_through() -> None:
    world = World(_answered(204), _answered(204), _answered(204))
    world.arrive(_event(1), _event(2), _event(3))
    assert await world.dispatch() is True
    assert world.queue.claims == 1
    assert [event for _, event in world.sender.sent] == [UUID(int=1), UUID(int=2), UUID(int=3)]
    assert world.statuses() == [DeliveryStatus.DELIVERED] * 3
    # Each one accounted before it went, under the endpoint held all along.
    assert [d[0] for d in world.queue.disclosures] == [UUID(int=1), UUID(int=2), UUID(int=3)]
    # Its line empty, it is free at once for what came meanwhile.
    assert world.queue.next_look[world.endpoint.id] == NOW
    assert world.endpoint.id not in world.queue.leases


async def test_an_endpoint_is_held_for_one_poll_interval_at_most_then_the_others_get_a_turn() -> (
    None
):
    world = World()
    world.use(
        ScriptedSender(*[_answered(204)] * 3, meanwhile=_taking(world, timedelta(milliseconds=600)))
    )
    world.arrive(_event(1), _event(2), _event(3))
    await world.dispatch()
    # 0.6 s, then 1.2 s: past one poll interval after the claim, the run ends there.
    assert [event for _, event in world.sender.sent] == [UUID(int=1), UUID(int=2)]
    assert world.statuses() == [
        DeliveryStatus.DELIVERED,
        DeliveryStatus.DELIVERED,
        DeliveryStatus.PENDING,
    ]
    assert world.queue.next_look[world.endpoint.id] == NOW + timedelta(milliseconds=1200)
    assert world.endpoint.id not in world.queue.leases
    await world.dispatch()
    assert world.queue.claims == 2
    assert world.statuses() == [DeliveryStatus.DELIVERED] * 3


async def test_a_failure_ends_the_run_and_the_events_behind_it_wait() -> None:
    world = World(_answered(204), _answered(500))
    world.arrive(_event(1), _event(2), _event(3))
    await world.dispatch()
    assert [event for _, event in world.sender.sent] == [UUID(int=1), UUID(int=2)]
    assert world.statuses() == [
        DeliveryStatus.DELIVERED,
        DeliveryStatus.PENDING,
        DeliveryStatus.PENDING,
    ]
    assert world.queue.next_look[world.endpoint.id] == NOW + SCHEDULE[1]


async def test_an_event_withheld_mid_run_ends_the_run_and_is_logged() -> None:
    world = World(_answered(204), _answered(204))
    world.arrive(_event(1), _event(2), _event(3))
    world.queue.consent_ended.add(UUID(int=2))
    await world.dispatch()
    assert [event for _, event in world.sender.sent] == [UUID(int=1)]
    assert [a.error for a in world.queue.deliveries[1].attempts] == [NO_CONSENT]
    assert [d[0] for d in world.queue.disclosures] == [UUID(int=1)]
    await world.dispatch()
    assert [event for _, event in world.sender.sent] == [UUID(int=1), UUID(int=3)]


async def test_an_endpoint_disabled_by_its_organization_mid_run_gets_nothing_more() -> None:
    world = World()

    def disabled(endpoint: WebhookEndpoint) -> None:
        # The organization turned it off while the first attempt ran.
        world.queue.endpoints[endpoint.id] = msgspec.structs.replace(
            endpoint, status=EndpointStatus.DISABLED
        )

    world.use(ScriptedSender(_answered(204), _answered(204), meanwhile=disabled))
    world.arrive(_event(1), _event(2))
    await world.dispatch()
    assert [event for _, event in world.sender.sent] == [UUID(int=1)]
    assert world.statuses() == [DeliveryStatus.DELIVERED, DeliveryStatus.PENDING]
    assert await world.dispatch() is False


def _another_endpoint(world: World, number: int) -> WebhookEndpoint:
    other = endpoint(organization_id=ORG, now=NOW, endpoint_id=UUID(int=100 + number))
    world.queue.add(other, due=NOW)
    return other


async def test_one_look_feeds_the_claims_of_every_endpoint_it_found() -> None:
    world = World(_answered(204), _answered(204), _answered(204))
    endpoints = [world.endpoint, _another_endpoint(world, 1), _another_endpoint(world, 2)]
    for number, each in enumerate(endpoints, start=1):
        world.queue.arriving[each.id] = [_event(number)]
    for _ in endpoints:
        assert await world.dispatch() is True
    assert world.sender.sent == [(each.id, UUID(int=n)) for n, each in enumerate(endpoints, 1)]
    assert world.queue.looks == 1
    assert world.queue.claims == 3


async def test_a_claim_asks_among_a_short_slice_of_a_long_look() -> None:
    """A look of 41 endpoints feeds claims that each ask among at most CLAIM_AMONG of them,
    oldest due first; a slice that others took meanwhile is dropped and the next one asked,
    without a new look."""
    world = World(_answered(204), _answered(204))
    others = [_another_endpoint(world, number) for number in range(1, 41)]
    world.arrive(_event(1))
    world.queue.arriving[others[CLAIM_AMONG].id] = [_event(2)]
    assert await world.dispatch() is True
    for taken in others[:CLAIM_AMONG]:  # other workers serve these meanwhile
        world.queue.next_look[taken.id] = NOW + timedelta(minutes=1)
    assert await world.dispatch() is True
    assert world.sender.sent == [
        (world.endpoint.id, UUID(int=1)),
        (others[CLAIM_AMONG].id, UUID(int=2)),
    ]
    assert world.queue.looks == 1
    assert world.queue.claimed_among == [CLAIM_AMONG, CLAIM_AMONG, 40 - CLAIM_AMONG]


async def test_a_found_endpoint_no_longer_due_is_dropped_and_a_new_look_taken() -> None:
    world = World(_answered(204), _answered(204))
    other = _another_endpoint(world, 1)
    world.arrive(_event(1))
    await world.dispatch()
    # Meanwhile another worker served the other one: it waits now.
    world.queue.next_look[other.id] = NOW + timedelta(minutes=1)
    world.arrive(_event(2))
    assert await world.dispatch() is True
    assert world.queue.looks == 2
    assert [event for _, event in world.sender.sent] == [UUID(int=1), UUID(int=2)]


async def test_while_one_dispatcher_looks_the_others_wait_for_it_holding_no_connection() -> None:
    world = World(_answered(204))
    world.arrive(_event(1))
    world.queue.look_held = asyncio.Event()
    first = asyncio.create_task(world.dispatch())
    second = asyncio.create_task(world.dispatch())
    for _ in range(5):
        await asyncio.sleep(0)
    assert world.queue.looks == 1
    assert world.queue.lines_open == 1  # the look's own
    world.queue.look_held.set()
    await asyncio.gather(first, second)
    assert [event for _, event in world.sender.sent] == [UUID(int=1)]
