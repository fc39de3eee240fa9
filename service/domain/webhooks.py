"""Webhook endpoints: where an organization wants its events pushed, and the rules of delivery
(which addresses may be called, when to retry, when to give up)."""

from __future__ import annotations

import enum
import ipaddress
from collections.abc import Sequence
from datetime import datetime, timedelta
from uuid import UUID

import msgspec

from service.domain.errors import InvalidField
from service.domain.events import EVENT_SCOPES, EventType, event_types_for
from service.domain.organizations import Scope
from service.domain.records import new_record, next_version

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Attempt n (counting from 0) waits RETRY_SCHEDULE[n] after the previous failure: about three
# days in all. After the last one fails, the delivery is given up and the endpoint disabled.
RETRY_SCHEDULE: tuple[timedelta, ...] = (
    timedelta(0),
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=14),
    timedelta(hours=20),
    timedelta(hours=24),
)
# A receiver's Retry-After is honoured up to this long.
MAX_RETRY_AFTER = timedelta(hours=24)
JITTER = 0.1  # each wait is stretched or shrunk by up to this fraction


class EndpointStatus(enum.StrEnum):
    ACTIVE = "active"
    DISABLED = "disabled"


class WebhookEndpoint(msgspec.Struct, frozen=True, kw_only=True):
    id: UUID
    organization_id: UUID
    url: str
    description: str | None
    # Empty: every event the organization may see.
    event_types: frozenset[EventType]
    secret: str
    status: EndpointStatus
    version: int
    created_at: datetime
    updated_at: datetime
    # The scopes of the key that registered it or last changed it: it receives only the kinds
    # of event those cover (see events.EVENT_SCOPES).
    key_scopes: frozenset[Scope]
    # After a rotation the old secret still signs (as a second signature) until then.
    previous_secret: str | None = None
    previous_secret_until: datetime | None = None
    disabled_reason: str | None = None
    disabled_at: datetime | None = None

    @property
    def receives(self) -> frozenset[EventType]:
        """The event types sent to it: those it asked for (all if none) that its key covers."""
        covered = event_types_for(self.key_scopes)
        return covered & self.event_types if self.event_types else covered


class NewEndpoint(msgspec.Struct, frozen=True, kw_only=True):
    url: str
    description: str | None
    event_types: frozenset[EventType]
    key_scopes: frozenset[Scope]


class EndpointChanges(msgspec.Struct, frozen=True, kw_only=True):
    url: str | msgspec.UnsetType = msgspec.UNSET
    description: str | msgspec.UnsetType | None = msgspec.UNSET
    event_types: frozenset[EventType] | msgspec.UnsetType = msgspec.UNSET
    # true re-enables a disabled endpoint (and retries what it gave up); false disables it.
    enabled: bool | msgspec.UnsetType = msgspec.UNSET
    # The scopes of the key making the change: new event types must be within them, and the
    # endpoint receives no more than they cover from now on (a key with fewer scopes cannot
    # point an endpoint set up by a broader key at itself and keep its reach). Required: an
    # empty default would silently leave the endpoint receiving nothing.
    key_scopes: frozenset[Scope]


def check_event_types(event_types: frozenset[EventType], key_scopes: frozenset[Scope]) -> None:
    """A key subscribes only to kinds of event its scopes let it read."""
    beyond = sorted(event_types - event_types_for(key_scopes))
    if beyond:
        raise InvalidField(
            "event_types",
            f"This API key's scopes do not cover {beyond[0].value} "
            f"(it needs {EVENT_SCOPES[beyond[0]].value}).",
        )


def parse_networks(spec: str) -> tuple[IpNetwork, ...]:
    """The operator's allow-list, e.g. "127.0.0.0/8,::1/128"; empty allows nothing private."""
    return tuple(ipaddress.ip_network(part.strip()) for part in spec.split(",") if part.strip())


def check_addresses(scheme: str, addresses: Sequence[str], allowed: Sequence[IpNetwork]) -> None:
    """Refuse a URL that leads anywhere but the public internet (private, loopback,
    link-local, reserved...), unless the operator allowed that network. Plain http is only
    accepted towards an allowed network (a local test receiver): elsewhere the body would
    travel in clear."""
    if not addresses:
        raise InvalidField("url", "The host does not resolve.")
    for text in addresses:
        address = _effective(ipaddress.ip_address(text.split("%", 1)[0]))
        permitted = any(address in network for network in allowed)
        if not permitted and not _public(address):
            raise InvalidField(
                "url", "The URL leads to a private, loopback or reserved address; refused."
            )
        if not permitted and scheme != "https":
            raise InvalidField("url", "Use https.")


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _effective(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The IPv4 address an IPv6 one stands for (mapped, 6to4, NAT64), if any: that is where
    the packets end up."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.sixtofour is not None:
            return address.sixtofour
        if address in _NAT64:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def _public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if not address.is_global or address.is_multicast or address.is_reserved:
        return False
    # Older Pythons call these global; neither is the public internet.
    return not (
        isinstance(address, ipaddress.IPv6Address)
        and (address.is_site_local or address.teredo is not None)
    )


def register_endpoint(
    new: NewEndpoint,
    *,
    endpoint_id: UUID,
    organization_id: UUID,
    secret: str,
    now: datetime,
) -> WebhookEndpoint:
    check_event_types(new.event_types, new.key_scopes)
    return new_record(
        WebhookEndpoint,
        new,
        id=endpoint_id,
        organization_id=organization_id,
        secret=secret,
        status=EndpointStatus.ACTIVE,
        created_at=now,
        updated_at=now,
    )


def change_endpoint(
    endpoint: WebhookEndpoint, changes: EndpointChanges, now: datetime
) -> WebhookEndpoint:
    updated = endpoint
    if not isinstance(changes.url, msgspec.UnsetType):
        updated = msgspec.structs.replace(updated, url=changes.url)
    if not isinstance(changes.description, msgspec.UnsetType):
        updated = msgspec.structs.replace(updated, description=changes.description)
    if not isinstance(changes.event_types, msgspec.UnsetType):
        check_event_types(changes.event_types, changes.key_scopes)
        updated = msgspec.structs.replace(updated, event_types=changes.event_types)
    # Whoever changes the endpoint vouches for it: their key's scopes now decide what it gets.
    updated = msgspec.structs.replace(updated, key_scopes=changes.key_scopes)
    if not isinstance(changes.enabled, msgspec.UnsetType):
        if changes.enabled:
            updated = msgspec.structs.replace(
                updated, status=EndpointStatus.ACTIVE, disabled_reason=None, disabled_at=None
            )
        elif updated.status is EndpointStatus.ACTIVE:
            updated = disable(updated, "Disabled by the organization.", now)
    if updated == endpoint:
        return endpoint
    return next_version(updated, updated_at=now)


def rotate_secret(
    endpoint: WebhookEndpoint,
    new_secret: str,
    *,
    overlap: timedelta,
    now: datetime,
    key_scopes: frozenset[Scope],
) -> WebhookEndpoint:
    """The new secret signs from now on; the old one keeps signing too until `overlap` ends,
    so the receiver can switch without missing a delivery. The rotating key's scopes decide
    what the endpoint receives from now on (its holder gets the secret)."""
    return next_version(
        endpoint,
        key_scopes=key_scopes,
        secret=new_secret,
        previous_secret=endpoint.secret,
        previous_secret_until=now + overlap,
        updated_at=now,
    )


def signing_secrets(endpoint: WebhookEndpoint, now: datetime) -> list[str]:
    secrets = [endpoint.secret]
    if (
        endpoint.previous_secret is not None
        and endpoint.previous_secret_until is not None
        and endpoint.previous_secret_until > now
    ):
        secrets.append(endpoint.previous_secret)
    return secrets


def disable(endpoint: WebhookEndpoint, reason: str, now: datetime) -> WebhookEndpoint:
    return next_version(
        endpoint,
        status=EndpointStatus.DISABLED,
        disabled_reason=reason,
        disabled_at=now,
        updated_at=now,
    )


def next_retry(
    failed_attempts: int,
    *,
    schedule: Sequence[timedelta] = RETRY_SCHEDULE,
    retry_after: timedelta | None,
    jitter: float,
) -> timedelta | None:
    """How long to wait after the `failed_attempts`-th failure, or None to give up.

    `jitter` is a random number in [0, 1) from the caller, so that receivers that failed
    together are not all retried in the same instant. A Retry-After from the receiver is a
    floor (never sooner than it asked), up to MAX_RETRY_AFTER."""
    if failed_attempts >= len(schedule):
        return None
    wait = schedule[failed_attempts] * (1 + JITTER * (2 * jitter - 1))
    if retry_after is not None:
        wait = max(wait, min(retry_after, MAX_RETRY_AFTER))
    return wait


class DeliveryStatus(enum.StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


class Attempt(msgspec.Struct, frozen=True, kw_only=True):
    """One try: the receiver's status code (None when there was no answer), how long it
    took, and what went wrong if it did."""

    at: datetime
    status_code: int | None
    latency_ms: int
    error: str | None = None


class Delivery(msgspec.Struct, frozen=True, kw_only=True):
    id: UUID
    seq: int
    endpoint_id: UUID
    event_id: UUID
    event_type: str
    status: DeliveryStatus
    redelivery: bool
    # Attempts since the endpoint was last (re-)enabled: what the retry schedule counts.
    attempt_count: int
    attempts: list[Attempt]
    next_attempt_at: datetime | None
    created_at: datetime
    finished_at: datetime | None
