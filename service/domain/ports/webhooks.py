"""Ports: Webhook endpoints and their deliveries."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime, timedelta
from typing import Protocol
from uuid import UUID

from service.domain.consent import DataScope
from service.domain.deliveries import ClaimedEndpoint, HeadDelivery, Outcome
from service.domain.disclosure_notice import DisclosureNotice
from service.domain.events import Event, EventType
from service.domain.paging import Page, PageRequest
from service.domain.ports.events import Outbox
from service.domain.webhooks import Attempt, Delivery, DeliveryStatus, WebhookEndpoint


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


class DeliveryLine(Protocol):
    """The delivery queue inside one short transaction that holds the endpoint it claimed (the
    other workers skip it): every read and write of one dispatch step."""

    @property
    def endpoints(self) -> WebhookEndpointRepository:
        """Endpoint writes in the same transaction (disabling one that keeps failing)."""
        ...

    @property
    def outbox(self) -> Outbox:
        """Events announced in the same transaction."""
        ...

    async def with_work(self, now: datetime, limit: int) -> list[UUID]:
        """The active endpoints that are due (not leased, not waiting) and have something to
        do: a pending delivery, or a new event their organization may see; oldest due first,
        at most `limit`. Nothing is held."""
        ...

    async def claim(self, now: datetime, among: Sequence[UUID]) -> ClaimedEndpoint | None:
        """Hold the first of `among` that is still active and due (one another worker holds
        is passed over); None if none is."""
        ...

    async def fan_out(self, claimed: ClaimedEndpoint, now: datetime) -> int:
        """Queue, as pending deliveries, the new events the endpoint's organization may see and
        the endpoint receives, and move its cursor past what was looked at; how many."""
        ...

    async def head(self, endpoint: WebhookEndpoint, now: datetime) -> HeadDelivery | None:
        """The endpoint's oldest pending delivery, with whether a consent still allows it."""
        ...

    async def record_disclosure(
        self,
        sent: Event,
        shown: frozenset[DataScope],
        recipient_id: UUID,
        delivery_id: UUID,
        at: datetime,
    ) -> None:
        """Account a delivery about to be sent as a disclosure of the `shown` scopes of the
        data of the member `sent` (the event as it goes out) is about (none: a referral's
        person), naming the consents in force `at` that cover them, if the member belongs to
        another organization (nothing otherwise); once per delivery, whatever its retries."""
        ...

    async def wait_until(self, endpoint_id: UUID, at: datetime) -> None:
        """The endpoint is next due at `at` (and holds no lease)."""
        ...

    async def lease(self, endpoint_id: UUID, lease_id: UUID, until: datetime) -> None:
        """The endpoint is taken by one attempt until `until`; nobody else serves it meanwhile."""
        ...

    async def holding(self, endpoint_id: UUID, lease_id: UUID) -> WebhookEndpoint | None:
        """The endpoint, locked, if `lease_id` is still its lease; None if it ran out and
        another worker took over, or the endpoint is gone."""
        ...

    async def record_attempt(
        self, delivery_id: UUID, attempt: Attempt, status: DeliveryStatus, next_attempt_at: datetime
    ) -> None:
        """Add the attempt to a still-pending delivery's log and set its status."""
        ...


class DeliveryQueue(Protocol):
    def line(self) -> AbstractAsyncContextManager[DeliveryLine]:
        """One transaction over the queue: committed when the block ends, rolled back if it
        raises."""
        ...


class WebhookSender(Protocol):
    @property
    def deadline(self) -> timedelta:
        """The longest one attempt takes (name lookup, connection and answer)."""
        ...

    async def attempt(
        self, endpoint: WebhookEndpoint, event: Event, notice: DisclosureNotice | None = None
    ) -> Outcome:
        """Send the event to the endpoint, signed, with no transaction open, and with `notice`
        (in the body and as headers) when it carries another organization's member data.
        Never raises: whatever goes wrong is a failed attempt, so one broken receiver cannot
        stall others."""
        ...
