"""Pushing events to webhook endpoints: Standard Webhooks signatures, the address guard, and
the dispatcher every worker runs.

At least once, in order per endpoint: the oldest pending delivery of an endpoint goes first,
and while it waits for a retry the ones behind it wait too. The endpoint row is locked (SKIP
LOCKED for the other workers) from the claim until the attempt is recorded, so a worker killed
mid-flight leaves the delivery pending and unlocks the endpoint with its connection: the next
claim sends it again, under the same `webhook-id` (the event's id)."""

from __future__ import annotations

import asyncio
import base64
import email.utils
import hashlib
import hmac
import logging
import random
import secrets
import socket
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from uuid import UUID

import httpx
import msgspec

from service.adapters.postgres.pool import Database
from service.adapters.postgres.repositories import PostgresOutbox
from service.adapters.postgres.webhooks import (
    ClaimedEndpoint,
    DispatchStore,
    HeadDelivery,
    PostgresWebhookEndpointRepository,
)
from service.domain import webhooks as rules
from service.domain.errors import InvalidField
from service.domain.events import EventType, new_event
from service.domain.ports import Clock, IdSource
from service.domain.webhooks import Attempt, DeliveryStatus, IpNetwork

logger = logging.getLogger(__name__)

USER_AGENT = "SupportNetwork-Webhooks/1"


class WebhookBody(msgspec.Struct, kw_only=True):
    """What a receiver gets: the event exactly as the feed shows it."""

    id: UUID
    type: str
    occurred_at: datetime
    organization_id: UUID
    subject_type: str
    subject_id: UUID
    data: dict[str, str | int | list[str]]


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
        return sorted({str(info[4][0]) for info in infos})


def retry_after(value: str | None, now: datetime) -> timedelta | None:
    """Retry-After as seconds or as an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return timedelta(seconds=int(value))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(when - now, timedelta(0))


class Dispatcher:
    def __init__(
        self,
        pool: Database,
        clock: Clock,
        ids: IdSource,
        *,
        timeout_seconds: float,
        poll_seconds: float,
        allowed_networks: Sequence[IpNetwork],
        schedule: Sequence[timedelta] = rules.RETRY_SCHEDULE,
        resolver: SystemResolver | None = None,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self._pool = pool
        self._clock = clock
        self._ids = ids
        self._timeout = timeout_seconds
        self._poll = timedelta(seconds=poll_seconds)
        self._allowed = allowed_networks
        self._schedule = schedule
        self._resolver = resolver or SystemResolver()
        self._jitter = jitter
        self._http = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_seconds),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
        )

    async def close(self) -> None:
        await self._http.aclose()

    async def run_forever(self) -> None:
        while True:
            try:
                while await self.dispatch_once():
                    pass
            except Exception:
                logger.exception("webhook dispatch failed; will retry")
            await asyncio.sleep(self._poll.total_seconds())

    async def dispatch_once(self) -> bool:
        """Serve one due endpoint: queue its new events, attempt its oldest pending delivery.
        False when no endpoint was due."""
        connection = await self._pool.acquire()
        try:
            async with connection.transaction():
                store = DispatchStore(connection)
                now = self._clock.now()
                claimed = await store.claim(now)
                if claimed is None:
                    return False
                await store.fan_out(claimed, now)
                head = await store.head(claimed.endpoint.id)
                if head is None:
                    await store.wait_until(claimed.endpoint.id, now + self._poll)
                elif head.delivery.next_attempt_at and head.delivery.next_attempt_at > now:
                    await store.wait_until(claimed.endpoint.id, head.delivery.next_attempt_at)
                else:
                    await self._attempt(store, claimed, head)
            return True
        finally:
            await self._pool.release(connection)

    async def _attempt(
        self, store: DispatchStore, claimed: ClaimedEndpoint, head: HeadDelivery
    ) -> None:
        endpoint = claimed.endpoint
        event = head.event
        body = msgspec.json.encode(
            WebhookBody(
                id=event.id,
                type=event.type.value,
                occurred_at=event.occurred_at,
                organization_id=event.organization_id,
                subject_type=event.subject_type,
                subject_id=event.subject_id,
                data=event.data,
            )
        )
        started = self._clock.now()
        timestamp = int(started.timestamp())
        msg_id = str(event.id)
        status_code: int | None = None
        error: str | None = None
        after: timedelta | None = None
        began = time.perf_counter()
        try:
            await self._check_destination(endpoint.url)
            # Streamed and never read: a receiver's body, however large, is not our business.
            # The overall deadline also stops a receiver that trickles its headers.
            async with (
                asyncio.timeout(self._timeout),
                self._http.stream(
                    "POST",
                    endpoint.url,
                    content=body,
                    headers={
                        "Content-Type": "application/json",
                        "webhook-id": msg_id,
                        "webhook-timestamp": str(timestamp),
                        "webhook-signature": signature_header(
                            rules.signing_secrets(endpoint, started), msg_id, timestamp, body
                        ),
                    },
                ) as response,
            ):
                status_code = response.status_code
                after = retry_after(response.headers.get("Retry-After"), started)
            if not 200 <= status_code < 300:
                error = f"answered {status_code}"
        except (httpx.TimeoutException, TimeoutError):
            error = f"no answer within {self._timeout:g} s"
        except httpx.HTTPError as failure:
            error = f"could not deliver: {type(failure).__name__}"
        except InvalidField as refused:
            error = refused.detail
        latency = int((time.perf_counter() - began) * 1000)
        now = self._clock.now()
        attempt = Attempt(at=started, status_code=status_code, latency_ms=latency, error=error)
        endpoints = PostgresWebhookEndpointRepository(store.connection)
        if error is None:
            await store.record_attempt(head.delivery.id, attempt, DeliveryStatus.DELIVERED, now)
            return
        if status_code == 410:
            await store.record_attempt(head.delivery.id, attempt, DeliveryStatus.FAILED, now)
            await self._disable(store, endpoints, claimed, "The receiver answered 410 Gone.", now)
            return
        failed = len(head.delivery.attempts) + 1
        wait = rules.next_retry(
            failed, schedule=self._schedule, retry_after=after, jitter=self._jitter()
        )
        if wait is None:
            await store.record_attempt(head.delivery.id, attempt, DeliveryStatus.FAILED, now)
            await self._disable(
                store,
                endpoints,
                claimed,
                f"Gave up after {failed} failed attempts (last: {error}).",
                now,
            )
            return
        await store.record_attempt(head.delivery.id, attempt, DeliveryStatus.PENDING, now + wait)
        await store.wait_until(endpoint.id, now + wait)
        logger.info(
            "webhook %s to endpoint %s failed (%s); retry in %s", msg_id, endpoint.id, error, wait
        )

    async def _disable(
        self,
        store: DispatchStore,
        endpoints: PostgresWebhookEndpointRepository,
        claimed: ClaimedEndpoint,
        reason: str,
        now: datetime,
    ) -> None:
        endpoint = rules.disable(claimed.endpoint, reason, now)
        await endpoints.save(endpoint)
        await PostgresOutbox(store.connection).append(
            new_event(
                EventType.WEBHOOK_ENDPOINT_DISABLED,
                organization_id=endpoint.organization_id,
                subject_type="webhook_endpoint",
                subject_id=endpoint.id,
                event_id=self._ids.new_id(),
                now=now,
                data={"endpoint_id": str(endpoint.id), "reason": reason},
            )
        )
        logger.warning("webhook endpoint %s disabled: %s", endpoint.id, reason)

    async def _check_destination(self, url: str) -> None:
        """Checked again at each attempt: a name can come to resolve elsewhere."""
        parts = urlsplit(url)
        addresses = await self._resolver.addresses(parts.hostname or "")
        rules.check_addresses(parts.scheme, addresses, self._allowed)
