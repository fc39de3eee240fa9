"""Webhook endpoints: register, change, rotate the secret, remove, redeliver, read."""

from __future__ import annotations

import ipaddress
import re
from datetime import timedelta
from urllib.parse import urlsplit
from uuid import UUID

import msgspec

from service.domain import webhooks as rules
from service.domain.errors import (
    Conflict,
    InvalidField,
    NotFound,
    Precondition,
    check_version,
    found,
)
from service.domain.organizations import Scope
from service.domain.paging import Page, PageRequest
from service.domain.ports import (
    AddressResolver,
    Receipt,
    UnitOfWork,
    WebhookQueries,
    WebhookSecretSource,
    no_receipt,
)
from service.domain.webhooks import (
    Delivery,
    EndpointChanges,
    EndpointStatus,
    IpNetwork,
    NewEndpoint,
    WebhookEndpoint,
)
from service.usecases.records import locked


class UrlPolicy(msgspec.Struct, frozen=True, kw_only=True):
    """Which addresses the operator lets webhooks reach beyond the public internet."""

    allowed_networks: tuple[IpNetwork, ...] = ()


_DNS_NAME = re.compile(
    r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.?"
)


_HEX_NUMBER = re.compile(r"0x[0-9a-f]*", re.IGNORECASE | re.ASCII)


def ends_in_a_number(host: str) -> bool:
    """WHATWG URL "ends in a number": the last label (a trailing dot aside) is decimal digits
    or 0x followed by hex digits, so browsers and URL parsers read the host as IPv4."""
    labels = host.split(".")
    if labels[-1] == "" and len(labels) > 1:
        labels.pop()
    last = labels[-1]
    return (last.isascii() and last.isdigit()) or bool(_HEX_NUMBER.fullmatch(last))


def host_of(url: str) -> tuple[str, str]:
    """The host a webhook URL names, or InvalidField if it is not a usable http(s) URL."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise InvalidField("url", "Not a valid URL.") from None
    del port
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InvalidField("url", "Give an absolute https URL.")
    if parts.username is not None or parts.password is not None:
        raise InvalidField(
            "url", "Credentials do not belong in the URL; the signature authenticates deliveries."
        )
    if parts.fragment:
        raise InvalidField("url", "A webhook URL has no fragment.")
    host = parts.hostname
    try:
        ipaddress.ip_address(host)
    except ValueError:
        # A name, then, unless it ends in a number: under the WHATWG URL rules such a host is
        # an IPv4 address in disguise ("8.8.8.010", "1.0x7f").
        if not _DNS_NAME.fullmatch(host) or ends_in_a_number(host):
            raise InvalidField("url", "The host is neither a DNS name nor an IP address.") from None
    return parts.scheme, host


async def _check_url(url: str, resolver: AddressResolver, policy: UrlPolicy) -> None:
    scheme, host = host_of(url)
    rules.check_addresses(scheme, await resolver.addresses(host), policy.allowed_networks)


async def register_endpoint(
    organization_id: UUID,
    new: NewEndpoint,
    uow: UnitOfWork,
    secrets: WebhookSecretSource,
    resolver: AddressResolver,
    policy: UrlPolicy,
    receipt: Receipt[WebhookEndpoint] = no_receipt,
) -> WebhookEndpoint:
    """Register where the organization's events should be pushed. The URL must lead to the
    public internet (or a network the operator allowed). The secret is returned here only."""
    await _check_url(new.url, resolver, policy)
    endpoint = rules.register_endpoint(
        new,
        endpoint_id=uow.ids.new_id(),
        organization_id=organization_id,
        secret=secrets.new_secret(),
        now=uow.clock.now(),
    )
    async with uow:
        await uow.webhooks.add(endpoint)
        await receipt(uow, endpoint)  # the stored response, if any, commits with it
        await uow.commit()
    return endpoint


async def change_endpoint(
    organization_id: UUID,
    endpoint_id: UUID,
    changes: EndpointChanges,
    expected_version: Precondition | None,
    uow: UnitOfWork,
    resolver: AddressResolver,
    policy: UrlPolicy,
) -> WebhookEndpoint:
    """Change the URL, description or event types, or re-enable a disabled endpoint (its
    pending deliveries resume, in order)."""
    if not isinstance(changes.url, msgspec.UnsetType):
        await _check_url(changes.url, resolver, policy)
    async with uow:
        endpoint = await locked(uow.webhooks, organization_id, endpoint_id, "webhook endpoint")
        check_version(endpoint.version, expected_version)
        now = uow.clock.now()
        changed = rules.change_endpoint(endpoint, changes, now)
        if changed is not endpoint:
            await uow.webhooks.save(changed)
            if endpoint.status is not changed.status and changed.status is EndpointStatus.ACTIVE:
                await uow.webhooks.resume(endpoint.id, now)
            await uow.commit()
    return changed


async def rotate_secret(
    organization_id: UUID,
    endpoint_id: UUID,
    overlap: timedelta,
    uow: UnitOfWork,
    secrets: WebhookSecretSource,
    key_scopes: frozenset[Scope],
) -> WebhookEndpoint:
    """A new secret, returned here only; the old one keeps signing for `overlap`. From now on
    the endpoint receives what the rotating key's scopes cover."""
    async with uow:
        endpoint = await locked(uow.webhooks, organization_id, endpoint_id, "webhook endpoint")
        rotated = rules.rotate_secret(
            endpoint,
            secrets.new_secret(),
            overlap=overlap,
            now=uow.clock.now(),
            key_scopes=key_scopes,
        )
        await uow.webhooks.save(rotated)
        await uow.commit()
    return rotated


async def delete_endpoint(organization_id: UUID, endpoint_id: UUID, uow: UnitOfWork) -> None:
    """Stop pushing events there, and forget its delivery log."""
    async with uow:
        await locked(uow.webhooks, organization_id, endpoint_id, "webhook endpoint")
        await uow.webhooks.delete(endpoint_id)
        await uow.commit()


async def redeliver(
    organization_id: UUID, endpoint_id: UUID, event_id: UUID, uow: UnitOfWork
) -> None:
    """Send an event the endpoint already had once more (same webhook-id), after what is
    already queued; not one whose consent has ended since."""
    now = uow.clock.now()
    async with uow:
        endpoint = await locked(uow.webhooks, organization_id, endpoint_id, "webhook endpoint")
        # Queued only if this endpoint ever had it, of a kind it still receives: any other
        # event id is unknown here (404), so that another organization's event tells nothing.
        queued = await uow.webhooks.redeliver(
            endpoint_id, event_id, endpoint.receives, uow.ids.new_id(), now
        )
        if not queued:
            raise NotFound("delivery of event", event_id)
        if not await uow.webhooks.may_still_see(organization_id, event_id, now):
            # Not committed: the queued delivery goes with the unit of work.
            raise Conflict(
                "consent-not-in-force",
                "No consent in force covers this event any more (or its member was erased); "
                "it cannot be sent again.",
            )
        await uow.commit()


async def get_endpoint(
    organization_id: UUID, endpoint_id: UUID, queries: WebhookQueries
) -> WebhookEndpoint:
    """One of the organization's endpoints."""
    return found(await queries.get(organization_id, endpoint_id), "webhook endpoint", endpoint_id)


async def list_endpoints(
    organization_id: UUID, page: PageRequest, queries: WebhookQueries
) -> Page[WebhookEndpoint]:
    """The organization's endpoints."""
    return await queries.list(organization_id, page)


async def delivery_log(
    organization_id: UUID, endpoint_id: UUID, page: PageRequest, queries: WebhookQueries
) -> Page[Delivery]:
    """The endpoint's deliveries, newest first, each with its attempts."""
    await get_endpoint(organization_id, endpoint_id, queries)
    return await queries.deliveries(endpoint_id, page)
