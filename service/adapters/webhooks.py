"""Pushing events to webhook endpoints: Standard Webhooks signatures, the address guard, and
the dispatcher every worker runs.

At least once, in order per endpoint: the oldest pending delivery of an endpoint goes first,
and while it waits for a retry the ones behind it wait too. A short transaction claims the
endpoint (SKIP LOCKED for the other workers) and leases its head delivery until the timeout
plus a margin; the attempt runs with no transaction open, and only the lease holder records
its outcome. A worker killed mid-flight leaves the delivery pending: once the lease runs out
the next claim sends it again, under the same `webhook-id` (the event's id)."""

from __future__ import annotations

import asyncio
import base64
import email.utils
import hashlib
import hmac
import ipaddress
import logging
import random
import secrets
import socket
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from uuid import UUID

import httpx
import msgspec

from service.adapters.metrics import Metrics
from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.webhooks import (
    ClaimedEndpoint,
    DispatchStore,
    HeadDelivery,
)
from service.domain import webhooks as rules
from service.domain.errors import InvalidField
from service.domain.events import Event, EventType, EventView, new_event
from service.domain.ports import AddressResolver, Clock, IdSource
from service.domain.webhooks import (
    Attempt,
    DeliveryStatus,
    EndpointStatus,
    IpNetwork,
    WebhookEndpoint,
)

logger = logging.getLogger(__name__)

ADDRESSES_TRIED = 4  # of a host's checked addresses, in order, while they refuse

USER_AGENT = "SupportNetwork-Webhooks/1"


def signature_header(
    signing_secrets: Sequence[str], msg_id: str, timestamp: int, body: bytes
) -> str:
    """Standard Webhooks: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, one per secret,
    space-separated (during a rotation the old secret signs too)."""
    content = f"{msg_id}.{timestamp}.".encode() + body
    signatures = []
    for secret in signing_secrets:
        key = base64.b64decode(secret.removeprefix("whsec_"))
        digest = hmac.new(key, content, hashlib.sha256).digest()
        signatures.append("v1," + base64.b64encode(digest).decode())
    return " ".join(signatures)


class WebhookSecretGenerator:
    def new_secret(self) -> str:
        return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


class SystemResolver:
    async def addresses(self, host: str) -> list[str]:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, None, type=socket.SOCK_STREAM
            )
        except (socket.gaierror, UnicodeError):
            return []
        # In the order the system prefers them (RFC 6724), each once.
        return list(dict.fromkeys(str(info[4][0]) for info in infos))


def retry_after(value: str | None, now: datetime) -> timedelta | None:
    """Retry-After as seconds or as an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        # Capped long before timedelta's limits; the schedule caps it further.
        return timedelta(seconds=min(int(value[:12]), 7 * 86400))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(when - now, timedelta(0))


# An attempt's lease outlives its deadline by this much before another worker may take over.
LEASE_MARGIN = timedelta(seconds=5)


class Leased(msgspec.Struct, frozen=True, kw_only=True):
    claimed: ClaimedEndpoint
    head: HeadDelivery
    lease_id: UUID


class Outcome(msgspec.Struct, frozen=True, kw_only=True):
    attempt: Attempt
    retry_after: timedelta | None
    # The body may have reached the receiver: it answered, or went quiet once connected.
    reached: bool = False


class Dispatcher:
    def __init__(
        self,
        pool: FairPool,
        clock: Clock,
        ids: IdSource,
        *,
        timeout_seconds: float,
        poll_seconds: float,
        allowed_networks: Sequence[IpNetwork],
        schedule: Sequence[timedelta] = rules.RETRY_SCHEDULE,
        resolver: AddressResolver | None = None,
        jitter: Callable[[], float] = random.random,
        metrics: Metrics | None = None,
    ) -> None:
        self._pool = pool
        self._clock = clock
        self._ids = ids
        self._timeout = timeout_seconds
        self._lease = timedelta(seconds=timeout_seconds) + LEASE_MARGIN
        self._poll = timedelta(seconds=poll_seconds)
        self._allowed = allowed_networks
        self._schedule = schedule
        self._resolver = resolver or SystemResolver()
        self._jitter = jitter
        self._metrics = metrics or Metrics()
        self._http = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_seconds),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
        )

    async def close(self) -> None:
        await self._http.aclose()

    async def dispatch_once(self) -> bool:
        """Serve one due endpoint: queue its new events, attempt its oldest pending delivery.
        False when no endpoint was due."""
        prepared = await self._prepare()
        if prepared is None:
            return False
        if isinstance(prepared, Leased):
            outcome = await self._send(prepared)
            result = "delivered" if outcome.attempt.error is None else "failed"
            self._metrics.inc("webhook_attempts_total", (("outcome", result),))
            await self._finish(prepared, outcome)
        return True

    async def _prepare(self) -> Leased | bool | None:
        """The short first transaction: claim, queue, lease the head delivery if it is due."""
        connection = await self._pool.acquire()
        try:
            async with connection.transaction():
                store = DispatchStore(connection)
                now = self._clock.now()
                claimed = await store.claim(now)
                if claimed is None:
                    return None
                await store.fan_out(claimed, now)
                head = await store.head(claimed.endpoint, now)
                if head is None:
                    await store.wait_until(claimed.endpoint.id, now + self._poll)
                    return True
                covered = head.event.type in claimed.endpoint.receives
                if not head.allowed or not covered:
                    # Logged as an attempt that was not made, so the partner sees why.
                    withheld = Attempt(
                        at=now,
                        status_code=None,
                        latency_ms=0,
                        error="Not sent: no consent in force covers this event any more."
                        if covered
                        else "Not sent: the endpoint's key no longer covers this kind of event.",
                    )
                    await store.record_attempt(
                        head.delivery.id, withheld, DeliveryStatus.FAILED, now
                    )
                    await store.wait_until(claimed.endpoint.id, now)
                    return True
                due = head.delivery.next_attempt_at
                if due is not None and due > now:
                    await store.wait_until(claimed.endpoint.id, due)
                    return True
                lease = self._ids.new_id()
                await store.lease(claimed.endpoint.id, lease, now + self._lease)
                return Leased(claimed=claimed, head=head, lease_id=lease)
        finally:
            await self._pool.release(connection)

    async def _send(self, leased: Leased) -> Outcome:
        return await self.attempt(leased.claimed.endpoint, leased.head.event)

    async def attempt(self, endpoint: WebhookEndpoint, event: Event) -> Outcome:
        """The attempt itself, with no transaction open. Never raises: whatever goes wrong is
        a failed attempt, so that one broken endpoint cannot stall the others."""
        # What a receiver gets: the event exactly as the feed shows it.
        body = msgspec.json.encode(EventView.of(event))
        started = self._clock.now()
        timestamp = int(started.timestamp())
        msg_id = str(event.id)
        status_code: int | None = None
        error: str | None = None
        after: timedelta | None = None
        # Unless the attempt failed before connecting, count the body as received: a disclosure
        # is recorded for what may have reached the receiver.
        reached = True
        began = time.perf_counter()
        try:
            # One deadline for the name lookup, the connection and the answer's headers.
            async with asyncio.timeout(self._timeout):
                addresses, host_header, sni = await self._destination(endpoint.url)
                headers = {
                    "Host": host_header,
                    "Content-Type": "application/json",
                    "webhook-id": msg_id,
                    "webhook-timestamp": str(timestamp),
                    "webhook-signature": signature_header(
                        rules.signing_secrets(endpoint, started), msg_id, timestamp, body
                    ),
                }
                for index, pinned in enumerate(addresses):
                    try:
                        # Streamed and never read: a receiver's body is not our business.
                        async with self._http.stream(
                            "POST",
                            pinned,
                            content=body,
                            headers=headers,
                            extensions={"sni_hostname": sni} if sni else {},
                        ) as response:
                            status_code = response.status_code
                            after = retry_after(response.headers.get("Retry-After"), started)
                        break
                    except httpx.ConnectError:
                        # Nothing was sent: the next checked address of the host may answer.
                        if index == len(addresses) - 1:
                            raise
            assert status_code is not None  # a host without addresses was refused above
            if not 200 <= status_code < 300:
                error = f"answered {status_code}"
        except (httpx.TimeoutException, TimeoutError):
            error = f"no answer within {self._timeout:g} s"
        except InvalidField as refused:
            error = refused.detail
            reached = False  # refused before any connection
        except Exception as failure:
            logger.info("webhook %s to endpoint %s: %r", msg_id, endpoint.id, failure)
            error = f"could not deliver: {type(failure).__name__}"
            reached = not isinstance(failure, httpx.ConnectError)
        latency = int((time.perf_counter() - began) * 1000)
        return Outcome(
            attempt=Attempt(at=started, status_code=status_code, latency_ms=latency, error=error),
            retry_after=after,
            reached=reached,
        )

    async def _finish(self, leased: Leased, outcome: Outcome) -> None:
        """The second transaction: record the attempt, and (if the lease still holds) decide
        what the endpoint does next."""
        connection = await self._pool.acquire()
        try:
            async with connection.transaction():
                store = DispatchStore(connection)
                now = self._clock.now()
                delivery = leased.head.delivery
                attempt = outcome.attempt
                if outcome.reached:
                    # As of the attempt: its time, and the consents in force then.
                    await store.record_disclosure(
                        leased.head.event.id,
                        leased.claimed.endpoint.organization_id,
                        delivery.id,
                        attempt.at,
                    )
                endpoint = await store.holding(leased.claimed.endpoint.id, leased.lease_id)
                if endpoint is None:
                    # The lease ran out and another worker took over (or the endpoint was
                    # removed): keep the record, leave the scheduling to the holder.
                    status = DeliveryStatus.PENDING
                    if attempt.error is None:
                        status = DeliveryStatus.DELIVERED
                    await store.record_attempt(delivery.id, attempt, status, now)
                    return
                if attempt.error is None:
                    await store.record_attempt(delivery.id, attempt, DeliveryStatus.DELIVERED, now)
                    await store.wait_until(endpoint.id, now)
                    return
                if attempt.status_code == 410:
                    await store.record_attempt(delivery.id, attempt, DeliveryStatus.FAILED, now)
                    await self._disable(store, endpoint, "The receiver answered 410 Gone.", now)
                    return
                failed = delivery.attempt_count + 1
                wait = rules.next_retry(
                    failed,
                    schedule=self._schedule,
                    retry_after=outcome.retry_after,
                    jitter=self._jitter(),
                )
                if wait is None:
                    await store.record_attempt(delivery.id, attempt, DeliveryStatus.FAILED, now)
                    reason = f"Gave up after {failed} failed attempts (last: {attempt.error})."
                    await self._disable(store, endpoint, reason, now)
                    return
                await store.record_attempt(delivery.id, attempt, DeliveryStatus.PENDING, now + wait)
                await store.wait_until(endpoint.id, now + wait)
        finally:
            await self._pool.release(connection)

    async def _disable(
        self, store: DispatchStore, endpoint: WebhookEndpoint, reason: str, now: datetime
    ) -> None:
        if endpoint.status is not EndpointStatus.ACTIVE:
            return  # the organization disabled it meanwhile
        disabled = rules.disable(endpoint, reason, now)
        await store.endpoints.save(disabled)
        await store.outbox.append(
            new_event(
                EventType.WEBHOOK_ENDPOINT_DISABLED,
                organization_id=disabled.organization_id,
                subject_type="webhook_endpoint",
                subject_id=disabled.id,
                event_id=self._ids.new_id(),
                now=now,
                data={"endpoint_id": str(disabled.id), "reason": reason},
            )
        )
        logger.warning("webhook endpoint %s disabled: %s", disabled.id, reason)

    async def _destination(self, url: str) -> tuple[list[httpx.URL], str, str | None]:
        """Where to connect: the URL with its host replaced by each address just checked, in
        the order to try them (so that a second lookup cannot lead elsewhere), the Host
        header, and the TLS name."""
        parsed = httpx.URL(url)
        addresses = await self._resolver.addresses(parsed.host)
        rules.check_addresses(parsed.scheme, addresses, self._allowed)
        # Every address was checked; a few are tried, so that a host with a hundred records
        # cannot make one attempt knock on a hundred machines.
        pinned = [
            parsed.copy_with(host=address.split("%", 1)[0])
            for address in addresses[:ADDRESSES_TRIED]
        ]
        host_header = parsed.netloc.decode("ascii")
        try:
            ipaddress.ip_address(parsed.host)
            literal = True
        except ValueError:
            literal = False
        sni = parsed.host if parsed.scheme == "https" and not literal else None
        return pinned, host_header, sni
