"""The request and response bodies of /v1/webhook-endpoints, apart from the domain's Structs
(requests refuse unknown fields)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import UNSET, Meta, UnsetType

from service.adapters.http.schemas import PRINTABLE
from service.adapters.http.views import CopiedView, view_of
from service.domain.events import EventType
from service.domain.webhooks import (
    Delivery,
    DeliveryStatus,
    EndpointStatus,
    WebhookEndpoint,
)

Url = Annotated[
    str,
    Meta(
        min_length=8,
        max_length=2000,
        pattern=r"^https?://[\x21-\x7e]+$",
        extra_json_schema={"extra": {"format": "uri"}},
    ),
]


Description = Annotated[str, Meta(max_length=500, pattern=PRINTABLE)]


EventTypes = Annotated[list[EventType], Meta(max_length=len(EventType))]


class WebhookEndpointCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """`event_types` empty or absent: every event the organization may see."""

    url: Url
    description: Description | None = None
    event_types: EventTypes = msgspec.field(default_factory=list)


class WebhookEndpointUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Absent fields stay. `enabled: true` re-enables a disabled endpoint; its pending
    deliveries resume in order."""

    url: Url | UnsetType = UNSET
    description: Description | UnsetType | None = UNSET
    event_types: EventTypes | UnsetType = UNSET
    enabled: bool | UnsetType = UNSET


class Redelivery(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    event_id: UUID


class WebhookEndpointView(msgspec.Struct, kw_only=True):
    """`previous_secret_valid_until`: after a rotation, the old secret also signs until then."""

    id: UUID
    url: str
    description: str | None
    event_types: list[EventType]
    status: EndpointStatus
    disabled_reason: str | None
    disabled_at: datetime | None
    previous_secret_valid_until: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, endpoint: WebhookEndpoint) -> WebhookEndpointView:
        return view_of(
            cls,
            endpoint,
            previous_secret_valid_until=endpoint.previous_secret_until,
        )


class WebhookEndpointWithSecret(msgspec.Struct, kw_only=True):
    """`secret` (`whsec_...`) verifies the `webhook-signature` of every delivery. It is shown
    in this response only (an idempotent replay answers null)."""

    endpoint: WebhookEndpointView
    secret: str | None


class WebhookEndpointList(msgspec.Struct, kw_only=True):
    data: list[WebhookEndpointView]
    next_cursor: str | None


class AttemptView(CopiedView, kw_only=True):
    at: datetime
    status_code: int | None
    latency_ms: int
    error: str | None


class DeliveryView(msgspec.Struct, kw_only=True):
    """`event_id` is also the `webhook-id` header of every attempt of this delivery."""

    id: UUID
    event_id: UUID
    event_type: str
    status: DeliveryStatus
    redelivery: bool
    attempts: list[AttemptView]
    next_attempt_at: datetime | None
    created_at: datetime
    finished_at: datetime | None

    @classmethod
    def of(cls, delivery: Delivery) -> DeliveryView:
        return view_of(cls, delivery, attempts=[AttemptView.of(a) for a in delivery.attempts])


class DeliveryList(msgspec.Struct, kw_only=True):
    data: list[DeliveryView]
    next_cursor: str | None
