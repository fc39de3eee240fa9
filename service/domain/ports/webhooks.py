"""Ports: Webhook endpoints and their deliveries."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID

from service.domain.events import EventType
from service.domain.paging import Page, PageRequest
from service.domain.webhooks import Delivery, WebhookEndpoint


class WebhookEndpointRepository(Protocol):
    async def add(self, endpoint: WebhookEndpoint) -> None:
        """Store a new endpoint; it receives events from now on."""
        ...

    async def get_for_update(
        self, organization_id: UUID, endpoint_id: UUID
    ) -> WebhookEndpoint | None:
        """One endpoint of the organization, locked; None if absent or someone else's."""
        ...

    async def save(self, endpoint: WebhookEndpoint) -> None:
        """Write back an endpoint loaded with get_for_update."""
        ...

    async def resume(self, endpoint_id: UUID, now: datetime) -> None:
        """After re-enabling: the deliveries given up on are pending again, first in line,
        with the retry schedule started afresh."""
        ...

    async def delete(self, endpoint_id: UUID) -> None:
        """Remove the endpoint and its delivery log."""
        ...

    async def may_still_see(self, organization_id: UUID, event_id: UUID, now: datetime) -> bool:
        """False when the event is about another organization's member and no consent in force
        covers it any more, or the member was erased (True for any other event, known or
        not)."""
        ...

    async def redeliver(
        self,
        endpoint_id: UUID,
        event_id: UUID,
        types: frozenset[EventType],
        delivery_id: UUID,
        now: datetime,
    ) -> bool:
        """Queue the event again for the endpoint (same webhook-id); False, queuing nothing, if
        the endpoint never had a delivery of that event, or the event is not of `types`."""
        ...


class WebhookQueries(Protocol):
    async def get(self, organization_id: UUID, endpoint_id: UUID) -> WebhookEndpoint | None:
        """One endpoint of the organization, or None."""
        ...

    async def list(self, organization_id: UUID, page: PageRequest) -> Page[WebhookEndpoint]:
        """The organization's endpoints, keyset-paged by id."""
        ...

    async def deliveries(self, endpoint_id: UUID, page: PageRequest) -> Page[Delivery]:
        """The endpoint's deliveries, newest first."""
        ...
