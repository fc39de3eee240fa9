"""Delivering events to webhook endpoints: the dispatcher's decisions, over the delivery queue.

At least once, in order per endpoint: the oldest pending delivery of an endpoint goes first,
and while it waits for a retry the ones behind it wait too. A short transaction claims the
endpoint (the other workers skip it) and leases its head delivery until the attempt's timeout
plus a margin; the attempt runs with no transaction open, and only the lease holder records
its outcome. After a delivery the holder leases the next one in that same transaction, for up
to one poll interval, so a busy endpoint is not looked for again between its deliveries. A
worker killed mid-flight leaves the delivery pending: once the lease runs out
the next claim sends it again, under the same `webhook-id` (the event's id)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from uuid import UUID

import msgspec

from service.domain import webhooks as rules
from service.domain.consent_events import scopes_shown, shows_member
from service.domain.deliveries import ClaimedEndpoint, HeadDelivery, Outcome
from service.domain.disclosure_notice import notice_for_consents
from service.domain.event_payloads import endpoint_event
from service.domain.events import EventType
from service.domain.ports import Clock, DeliveryLine, DeliveryQueue, IdSource, WebhookSender
from service.domain.webhooks import Attempt, DeliveryStatus, EndpointStatus, WebhookEndpoint

logger = logging.getLogger(__name__)

# A look hands at most this many endpoints to the claims that follow it.
LOOK_LIMIT = 1000
# A claim asks for the first free one among this many of them, oldest due first: enough to
# pass over those the other dispatchers hold, without sending and probing the whole look on
# every claim (up to LOOK_LIMIT ids, each claim: quadratic in the look's length).
CLAIM_AMONG = 32

# An attempt's lease outlives its deadline by this much before another worker may take over.
LEASE_MARGIN = timedelta(seconds=5)

NO_CONSENT = "Not sent: no consent in force covers this event any more."
NOT_COVERED = "Not sent: the endpoint's key no longer covers this kind of event."


class DeliveryPolicy(msgspec.Struct, frozen=True, kw_only=True):
    """How the dispatcher paces itself (from Settings)."""

    poll: timedelta  # how soon an endpoint with nothing to send is looked at again
    schedule: Sequence[timedelta] = rules.RETRY_SCHEDULE


class Leased(msgspec.Struct, frozen=True, kw_only=True):
    claimed: ClaimedEndpoint
    head: HeadDelivery
    lease_id: UUID


class FoundEndpoints:
    """The endpoints one look found with something to do, claimed in turn by a process's
    dispatchers before anyone looks again: a look walks every due endpoint, a claim only
    these."""

    def __init__(self) -> None:
        self.ids: list[UUID] = []
        self.looking = asyncio.Lock()  # one dispatcher looks while the others wait for it

    def drop(self, gone: Sequence[UUID]) -> None:
        dropped = set(gone)
        self.ids = [endpoint for endpoint in self.ids if endpoint not in dropped]


class Deliveries(msgspec.Struct, frozen=True, kw_only=True):
    """What one dispatch step works with: the queue, the sender, time, ids, `jitter`
    (a random number in [0, 1) per retry, so receivers that failed together are not all
    retried in the same instant), and what the last look found, shared by the dispatchers
    that share this value."""

    queue: DeliveryQueue
    sender: WebhookSender
    clock: Clock
    ids: IdSource
    policy: DeliveryPolicy
    jitter: Callable[[], float]
    found: FoundEndpoints = msgspec.field(default_factory=FoundEndpoints)


async def dispatch_once(deliveries: Deliveries) -> bool:
    """Look for a due endpoint and serve it: queue its new events, then send its pending
    deliveries in order, one attempt at a time, for as long as they go through and for at most
    one poll interval (then the others get their turn). False when no endpoint was due."""
    prepared = await _prepare(deliveries)
    if not isinstance(prepared, Leased):
        return prepared
    staying_until = deliveries.clock.now() + deliveries.policy.poll
    leased: Leased | None = prepared
    while leased is not None:
        head = leased.head
        notice = notice_for_consents(head.notice_consents)
        outcome = await deliveries.sender.attempt(leased.claimed.endpoint, head.event, notice)
        leased = await _finish(deliveries, leased, outcome, staying_until)
    return True


async def _prepare(deliveries: Deliveries) -> Leased | bool:
    """The short first transaction: claim one of the endpoints the last look found (looking
    again when none is left), queue its new events, lease its head delivery if it is due."""
    while True:
        fresh, candidates = await _found(deliveries)
        if not candidates:
            return False
        async with deliveries.queue.line() as line:
            now = deliveries.clock.now()
            claimed = await line.claim(now, candidates)
            if claimed is None:
                # Taken by another worker, or waiting: these of the look are stale.
                deliveries.found.drop(candidates)
                if fresh and not deliveries.found.ids:
                    return False
                continue
            deliveries.found.drop([claimed.endpoint.id])
            await line.fan_out(claimed, now)
            # Its line empty just after fan-out looked: nothing more until the next poll.
            return await _lease_head(deliveries, line, claimed, now, now + deliveries.policy.poll)


async def _found(deliveries: Deliveries) -> tuple[bool, list[UUID]]:
    """What the last look found, or a new look's finds if nothing is left (True: new). The
    other dispatchers wait for a look under way holding no connection."""
    found = deliveries.found
    async with found.looking:
        if found.ids:
            return False, found.ids[:CLAIM_AMONG]
        async with deliveries.queue.line() as line:
            found.ids = await line.with_work(deliveries.clock.now(), LOOK_LIMIT)
        return True, found.ids[:CLAIM_AMONG]


async def _lease_head(
    deliveries: Deliveries,
    line: DeliveryLine,
    claimed: ClaimedEndpoint,
    now: datetime,
    if_empty_until: datetime,
) -> Leased | bool:
    """With the endpoint held: lease its oldest pending delivery if it is due and still
    allowed; otherwise decide when the endpoint is looked at again (`if_empty_until` when
    nothing is pending)."""
    endpoint = claimed.endpoint
    head = await line.head(endpoint, now)
    if head is None:
        await line.wait_until(endpoint.id, if_empty_until)
        return True
    covered = head.event.type in endpoint.receives
    if not head.allowed or not covered:
        # Logged as an attempt that was not made, so the partner sees why.
        withheld = Attempt(
            at=now, status_code=None, latency_ms=0, error=NO_CONSENT if covered else NOT_COVERED
        )
        await line.record_attempt(head.delivery.id, withheld, DeliveryStatus.FAILED, now)
        await line.wait_until(endpoint.id, now)
        return True
    due = head.delivery.next_attempt_at
    if due is not None and due > now:
        await line.wait_until(endpoint.id, due)
        return True
    lease = deliveries.ids.new_id()
    # Past the sender's own deadline, with a margin: only then may another worker take over.
    until = now + deliveries.sender.deadline + LEASE_MARGIN
    await line.lease(endpoint.id, lease, until)
    if shows_member(head.event):
        # Accounted before it is sent, so no data leaves without its record (once per
        # delivery: a retry sends the same data again).
        await line.record_disclosure(
            head.event,
            scopes_shown(head.event),
            endpoint.organization_id,
            head.delivery.id,
            now,
        )
    return Leased(claimed=claimed, head=head, lease_id=lease)


async def _finish(
    deliveries: Deliveries, leased: Leased, outcome: Outcome, staying_until: datetime
) -> Leased | None:
    """The second transaction: record the attempt, and, if the lease still holds, decide what
    the endpoint does next: after a delivery, before `staying_until`, lease the next one in the
    same transaction (the endpoint stays held, so the order holds); None when the run ends."""
    async with deliveries.queue.line() as line:
        now = deliveries.clock.now()
        delivery = leased.head.delivery
        attempt = outcome.attempt
        endpoint = await line.holding(leased.claimed.endpoint.id, leased.lease_id)
        if endpoint is None:
            # The lease ran out and another worker took over (or the endpoint was removed):
            # keep the record, leave the scheduling to the holder.
            status = DeliveryStatus.DELIVERED if attempt.error is None else DeliveryStatus.PENDING
            await line.record_attempt(delivery.id, attempt, status, now)
            return None
        if attempt.error is None:
            await line.record_attempt(delivery.id, attempt, DeliveryStatus.DELIVERED, now)
            if now < staying_until and endpoint.status is EndpointStatus.ACTIVE:
                # The endpoint as it is now: its key or event types may have changed.
                held = msgspec.structs.replace(leased.claimed, endpoint=endpoint)
                # Its line empty: free at once, for events that came during the run.
                following = await _lease_head(deliveries, line, held, now, now)
                return following if isinstance(following, Leased) else None
            await line.wait_until(endpoint.id, now)
            return None
        if attempt.status_code == 410:
            await line.record_attempt(delivery.id, attempt, DeliveryStatus.FAILED, now)
            await _disable(deliveries, line, endpoint, "The receiver answered 410 Gone.", now)
            return None
        failed = delivery.attempt_count + 1
        wait = rules.next_retry(
            failed,
            schedule=deliveries.policy.schedule,
            retry_after=outcome.retry_after,
            jitter=deliveries.jitter(),
        )
        if wait is None:
            await line.record_attempt(delivery.id, attempt, DeliveryStatus.FAILED, now)
            reason = f"Gave up after {failed} failed attempts (last: {attempt.error})."
            await _disable(deliveries, line, endpoint, reason, now)
            return None
        await line.record_attempt(delivery.id, attempt, DeliveryStatus.PENDING, now + wait)
        await line.wait_until(endpoint.id, now + wait)
        return None


async def _disable(
    deliveries: Deliveries,
    line: DeliveryLine,
    endpoint: WebhookEndpoint,
    reason: str,
    now: datetime,
) -> None:
    if endpoint.status is not EndpointStatus.ACTIVE:
        return  # the organization disabled it meanwhile
    disabled = rules.disable(endpoint, reason, now)
    await line.endpoints.save(disabled)
    event_id = deliveries.ids.new_id()
    told = endpoint_event(
        EventType.WEBHOOK_ENDPOINT_DISABLED, disabled, event_id, now, reason=reason
    )
    await line.outbox.append(told)
    logger.warning("webhook endpoint %s disabled: %s", disabled.id, reason)
