"""Webhooks over HTTP: Standard Webhooks signatures, the address guard, and the attempt itself.
What to send and when, and what an outcome means, is the use case's (usecases/deliveries.py);
this module only does the I/O."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import email.utils
import hashlib
import hmac
import ipaddress
import logging
import secrets
import socket
import time
from collections import Counter, OrderedDict
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta

import httpx
import msgspec

from service.adapters.metrics import Metrics
from service.domain import webhooks as rules
from service.domain.deliveries import Outcome
from service.domain.disclosure_notice import DisclosureNotice
from service.domain.errors import InvalidField
from service.domain.events import Event, EventView
from service.domain.ports import AddressResolver, Clock
from service.domain.webhooks import Attempt, IpNetwork, WebhookEndpoint

logger = logging.getLogger(__name__)

ADDRESSES_TRIED = 4  # of a host's checked addresses, in order, while they refuse

USER_AGENT = "SupportNetwork-Webhooks/1"

# Receivers whose connections are kept open between deliveries (each connection a few
# kilobytes and a descriptor), and connections kept per receiver address.
KEPT_RECEIVERS = 256
KEPT_CONNECTIONS_PER_RECEIVER = 4
# A receiver's answer is read to its end, for its connection to be kept, up to this size.
KEPT_BODY_BYTES = 16 * 1024


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


async def _read_short_body(response: httpx.Response) -> None:
    """Read (and drop) a receiver's body if it is short: a connection whose answer was read to
    its end is kept for the next delivery. A longer one is not our business: it is left unread,
    and its connection closed."""
    read = 0
    try:
        async for chunk in response.aiter_raw():
            read += len(chunk)
            if read > KEPT_BODY_BYTES:
                return
    except httpx.HTTPError:
        return  # the answer came; what went wrong after it only costs the connection


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


class HttpWebhookSender:
    """Sends one event to one endpoint over HTTP: signed (Standard Webhooks), to the addresses
    the guard has just checked, within one deadline. Counts its attempts by outcome."""

    def __init__(
        self,
        *,
        timeout_seconds: float,
        allowed_networks: Sequence[IpNetwork],
        resolver: AddressResolver | None = None,
        clock: Clock,
        metrics: Metrics | None = None,
    ) -> None:
        self._timeout = timeout_seconds
        self._allowed = allowed_networks
        self._resolver = resolver or SystemResolver()
        self._clock = clock
        self._metrics = metrics or Metrics()
        # One client per receiver's address, each keeping a few connections for its next
        # deliveries: httpx's pool looks at every connection it keeps on every request (a
        # system call each), so one shared pool of hundreds cost more than the sending.
        self._clients: OrderedDict[tuple[str, str, int | None, str | None], httpx.AsyncClient]
        self._clients = OrderedDict()
        # One TLS context for all of them, as httpx makes it (each would load the CA bundle again).
        self._tls = httpx.create_ssl_context()
        self._in_use: Counter[tuple[str, str, int | None, str | None]] = Counter()

    @contextlib.asynccontextmanager
    async def _client(self, pinned: httpx.URL, sni: str | None) -> AsyncIterator[httpx.AsyncClient]:
        """The client for one receiver address, for one request. Past KEPT_RECEIVERS, the
        least lately used client that no request is using is closed (its idle connections)."""
        key = (pinned.scheme, pinned.host, pinned.port, sni)
        client = self._clients.get(key)
        if client is None:
            client = httpx.AsyncClient(
                timeout=httpx.Timeout(self._timeout),
                follow_redirects=False,
                headers={"User-Agent": USER_AGENT},
                verify=self._tls,
                limits=httpx.Limits(
                    max_connections=None,
                    max_keepalive_connections=KEPT_CONNECTIONS_PER_RECEIVER,
                    keepalive_expiry=5,
                ),
            )
            self._clients[key] = client
        self._clients.move_to_end(key)
        self._in_use[key] += 1
        try:
            yield client
        finally:
            self._in_use[key] -= 1
            if not self._in_use[key]:
                del self._in_use[key]
            await self._forget_least_used()

    async def _forget_least_used(self) -> None:
        surplus = len(self._clients) - KEPT_RECEIVERS
        if surplus <= 0:
            return  # after most requests: nothing to walk
        idle = [key for key in self._clients if key not in self._in_use]  # least used first
        for key in idle[:surplus]:
            await self._clients.pop(key).aclose()

    @property
    def deadline(self) -> timedelta:
        return timedelta(seconds=self._timeout)

    async def close(self) -> None:
        clients, self._clients = list(self._clients.values()), OrderedDict()
        for client in clients:
            await client.aclose()

    async def attempt(
        self, endpoint: WebhookEndpoint, event: Event, notice: DisclosureNotice | None = None
    ) -> Outcome:
        outcome = await self._attempt(endpoint, event, notice)
        result = "delivered" if outcome.attempt.error is None else "failed"
        self._metrics.inc("webhook_attempts_total", (("outcome", result),))
        return outcome

    async def _attempt(
        self, endpoint: WebhookEndpoint, event: Event, notice: DisclosureNotice | None
    ) -> Outcome:
        # What a receiver gets: the event exactly as the feed shows it.
        body = msgspec.json.encode(EventView.of(event, notice))
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
                    **_notice_headers(notice),
                }
                for index, pinned in enumerate(addresses):
                    try:
                        async with (
                            self._client(pinned, sni) as client,
                            client.stream(
                                "POST",
                                pinned,
                                content=body,
                                headers=headers,
                                extensions={"sni_hostname": sni} if sni else {},
                            ) as response,
                        ):
                            status_code = response.status_code
                            after = retry_after(response.headers.get("Retry-After"), started)
                            await _read_short_body(response)
                        break
                    except httpx.ConnectError:
                        # Nothing was sent: the next checked address of the host may answer.
                        if index == len(addresses) - 1:
                            raise
            assert status_code is not None  # a host without addresses was refused above
        except (httpx.TimeoutException, TimeoutError):
            if status_code is None:  # the deadline ran out reading a body is still an answer
                error = f"no answer within {self._timeout:g} s"
        except InvalidField as refused:
            error = refused.detail
            reached = False  # refused before any connection
        except Exception as failure:
            logger.info("webhook %s to endpoint %s: %r", msg_id, endpoint.id, failure)
            error = f"could not deliver: {type(failure).__name__}"
            reached = not isinstance(failure, httpx.ConnectError)
        if error is None and status_code is not None and not 200 <= status_code < 300:
            error = f"answered {status_code}"
        latency = int((time.perf_counter() - began) * 1000)
        return Outcome(
            attempt=Attempt(at=started, status_code=status_code, latency_ms=latency, error=error),
            retry_after=after,
            reached=reached,
        )

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


def _notice_headers(notice: DisclosureNotice | None) -> dict[str, str]:
    """The notice of 42 CFR 2.32 and the DS4P labels, also as headers: a receiver that stores
    bodies without reading them still sees what the data is."""
    if notice is None:
        return {}
    return {
        "Disclosure-Notice": notice.notice,
        "Security-Labels": ", ".join(notice.security_labels),
    }
