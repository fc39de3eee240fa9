"""Webhook endpoints (/v1/webhook-endpoints): registration, secrets, the delivery log."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.params import JSONBody, PathParameter
from msgspec import UNSET, Meta, UnsetType

from service.adapters.http import responses
from service.adapters.http.auth import caller_of, scope_required
from service.adapters.http.idempotency import (
    Created,
    IdempotencyKey,
    IfMatch,
    create_idempotently,
    etag,
    expected_version,
)
from service.adapters.http.paging import Cursor, Limit, list_of, page_request
from service.adapters.http.schemas import PRINTABLE
from service.adapters.http.services import BEARER, Services, authenticated, services_of
from service.domain.events import EventType
from service.domain.organizations import Scope
from service.domain.paging import DEFAULT_PAGE_SIZE
from service.domain.webhooks import (
    Attempt,
    Delivery,
    DeliveryStatus,
    EndpointChanges,
    EndpointStatus,
    NewEndpoint,
    WebhookEndpoint,
)
from service.usecases import webhooks as usecases

EndpointId = Annotated[UUID, PathParameter(description="The webhook endpoint's id.")]
Url = Annotated[str, Meta(min_length=8, max_length=2000, pattern=r"^https?://[\x21-\x7e]+$")]
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
        return cls(
            id=endpoint.id,
            url=endpoint.url,
            description=endpoint.description,
            event_types=sorted(endpoint.event_types),
            status=endpoint.status,
            disabled_reason=endpoint.disabled_reason,
            disabled_at=endpoint.disabled_at,
            previous_secret_valid_until=endpoint.previous_secret_until,
            version=endpoint.version,
            created_at=endpoint.created_at,
            updated_at=endpoint.updated_at,
        )


class WebhookEndpointWithSecret(msgspec.Struct, kw_only=True):
    """`secret` (`whsec_...`) verifies the `webhook-signature` of every delivery. It is shown
    in this response only (an idempotent replay answers null)."""

    endpoint: WebhookEndpointView
    secret: str | None


class WebhookEndpointList(msgspec.Struct, kw_only=True):
    data: list[WebhookEndpointView]
    next_cursor: str | None


class AttemptView(msgspec.Struct, kw_only=True):
    at: datetime
    status_code: int | None
    latency_ms: int
    error: str | None

    @classmethod
    def of(cls, attempt: Attempt) -> AttemptView:
        return cls(
            at=attempt.at,
            status_code=attempt.status_code,
            latency_ms=attempt.latency_ms,
            error=attempt.error,
        )


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
        return cls(
            id=delivery.id,
            event_id=delivery.event_id,
            event_type=delivery.event_type,
            status=delivery.status,
            redelivery=delivery.redelivery,
            attempts=[AttemptView.of(a) for a in delivery.attempts],
            next_attempt_at=delivery.next_attempt_at,
            created_at=delivery.created_at,
            finished_at=delivery.finished_at,
        )


class DeliveryList(msgspec.Struct, kw_only=True):
    data: list[DeliveryView]
    next_cursor: str | None


def _policy(services: Services) -> usecases.UrlPolicy:
    return usecases.UrlPolicy(allowed_networks=services.webhook_networks)


class WebhookEndpointController(Controller):
    path = "/v1/webhook-endpoints"
    tags = ["webhooks"]
    middleware = [authenticated]
    security = BEARER

    @post(
        operation_id="createWebhookEndpoint",
        summary="Register a URL to receive the organization's events",
        description="Deliveries are signed the Standard Webhooks way (`webhook-id`, "
        "`webhook-timestamp`, `webhook-signature`) with the secret returned here, once. A URL "
        "resolving to a private, loopback, link-local or reserved address is refused (422) "
        "unless the operator allowed that network; elsewhere only https is accepted.",
        opt=scope_required(Scope.WEBHOOKS_MANAGE),
        responses=responses.CREATE,
        response_headers=[responses.ETAG_HEADER, responses.LOCATION_HEADER],
    )
    async def create(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[WebhookEndpointCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[WebhookEndpointWithSecret]:
        services = services_of(request)
        caller = caller_of(request)
        organization_id = caller.organization_with(Scope.WEBHOOKS_MANAGE)
        new = NewEndpoint(
            url=data.url,
            description=data.description,
            event_types=frozenset(data.event_types),
            key_scopes=caller.scopes,
        )

        def present(endpoint: WebhookEndpoint) -> Created[WebhookEndpointWithSecret]:
            view = WebhookEndpointView.of(endpoint)
            return Created(
                body=WebhookEndpointWithSecret(endpoint=view, secret=endpoint.secret),
                headers={
                    "ETag": etag(endpoint.version),
                    "Location": f"/v1/webhook-endpoints/{endpoint.id}",
                },
                replay_body=WebhookEndpointWithSecret(endpoint=view, secret=None),
            )

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.register_endpoint(
                organization_id,
                new,
                uow,
                services.clock,
                services.ids,
                services.webhook_secrets,
                services.resolver,
                _policy(services),
                receipt=receipt,
            ),
            present=present,
        )

    @get(
        operation_id="listWebhookEndpoints",
        summary="The organization's webhook endpoints",
        opt=scope_required(Scope.WEBHOOKS_MANAGE),
        responses=responses.READ,
    )
    async def list_endpoints(
        self,
        request: Request[Any, Any, Any],
        limit: Limit = DEFAULT_PAGE_SIZE,
        cursor: Cursor = None,
    ) -> WebhookEndpointList:
        services = services_of(request)
        page = await usecases.list_endpoints(
            caller_of(request).organization_with(Scope.WEBHOOKS_MANAGE),
            page_request(limit, cursor),
            services.webhooks,
        )
        return list_of(WebhookEndpointList, page, WebhookEndpointView.of)

    @get(
        "/{endpoint_id:uuid}",
        operation_id="getWebhookEndpoint",
        summary="Read a webhook endpoint (whether it is enabled, and why not)",
        opt=scope_required(Scope.WEBHOOKS_MANAGE),
        responses=responses.READ,
        response_headers=[responses.ETAG_HEADER],
    )
    async def get_endpoint(
        self, request: Request[Any, Any, Any], endpoint_id: EndpointId
    ) -> Response[WebhookEndpointView]:
        endpoint = await usecases.get_endpoint(
            caller_of(request).organization_with(Scope.WEBHOOKS_MANAGE),
            endpoint_id,
            services_of(request).webhooks,
        )
        return Response(WebhookEndpointView.of(endpoint), headers={"ETag": etag(endpoint.version)})

    @patch(
        "/{endpoint_id:uuid}",
        operation_id="updateWebhookEndpoint",
        summary="Change a webhook endpoint, or re-enable a disabled one",
        opt=scope_required(Scope.WEBHOOKS_MANAGE),
        responses=responses.WRITE,
        response_headers=[responses.ETAG_HEADER],
    )
    async def update(
        self,
        request: Request[Any, Any, Any],
        endpoint_id: EndpointId,
        data: JSONBody[WebhookEndpointUpdate],
        if_match: IfMatch = None,
    ) -> Response[WebhookEndpointView]:
        services = services_of(request)
        caller = caller_of(request)
        endpoint = await usecases.change_endpoint(
            caller.organization_with(Scope.WEBHOOKS_MANAGE),
            endpoint_id,
            EndpointChanges(
                url=data.url,
                description=data.description,
                event_types=UNSET
                if isinstance(data.event_types, UnsetType)
                else frozenset(data.event_types),
                enabled=data.enabled,
                key_scopes=caller.scopes,
            ),
            expected_version(if_match),
            services.uow(),
            services.clock,
            services.resolver,
            _policy(services),
        )
        return Response(WebhookEndpointView.of(endpoint), headers={"ETag": etag(endpoint.version)})

    @delete(
        "/{endpoint_id:uuid}",
        operation_id="deleteWebhookEndpoint",
        summary="Remove a webhook endpoint and its delivery log",
        opt=scope_required(Scope.WEBHOOKS_MANAGE),
        responses=responses.READ,
    )
    async def remove(self, request: Request[Any, Any, Any], endpoint_id: EndpointId) -> None:
        services = services_of(request)
        await usecases.delete_endpoint(
            caller_of(request).organization_with(Scope.WEBHOOKS_MANAGE), endpoint_id, services.uow()
        )

    @post(
        "/{endpoint_id:uuid}/secret-rotations",
        operation_id="rotateWebhookSecret",
        summary="Replace the signing secret; the old one keeps signing for a while",
        description="Returns the new secret, once. Until `previous_secret_valid_until` "
        "(24 hours by default) every delivery carries two signatures, one per secret, so the "
        "receiver can switch at its own pace.",
        opt=scope_required(Scope.WEBHOOKS_MANAGE),
        responses=responses.READ,
        status_code=200,
    )
    async def rotate(
        self, request: Request[Any, Any, Any], endpoint_id: EndpointId
    ) -> WebhookEndpointWithSecret:
        services = services_of(request)
        caller = caller_of(request)
        endpoint = await usecases.rotate_secret(
            caller.organization_with(Scope.WEBHOOKS_MANAGE),
            endpoint_id,
            timedelta(hours=services.settings.webhook_secret_overlap_hours),
            services.uow(),
            services.clock,
            services.webhook_secrets,
            caller.scopes,
        )
        return WebhookEndpointWithSecret(
            endpoint=WebhookEndpointView.of(endpoint), secret=endpoint.secret
        )

    @get(
        "/{endpoint_id:uuid}/deliveries",
        operation_id="listWebhookDeliveries",
        summary="The delivery log: each event sent, its attempts, status codes and latency",
        description="Newest first. Retries follow about: at once, 5 s, 5 min, 30 min, 2 h, "
        "5 h, 10 h, 14 h, 20 h, 24 h (with jitter; a `Retry-After` is honoured); after the "
        "last, the endpoint is disabled and a `webhook_endpoint.disabled` event says why. A "
        "410 answer disables it at once.",
        opt=scope_required(Scope.WEBHOOKS_MANAGE),
        responses=responses.READ,
    )
    async def deliveries(
        self,
        request: Request[Any, Any, Any],
        endpoint_id: EndpointId,
        limit: Limit = DEFAULT_PAGE_SIZE,
        cursor: Cursor = None,
    ) -> DeliveryList:
        services = services_of(request)
        page = await usecases.delivery_log(
            caller_of(request).organization_with(Scope.WEBHOOKS_MANAGE),
            endpoint_id,
            page_request(limit, cursor),
            services.webhooks,
        )
        return list_of(DeliveryList, page, DeliveryView.of)

    @post(
        "/{endpoint_id:uuid}/redeliveries",
        operation_id="redeliverWebhookEvent",
        summary="Send an event this endpoint already had once more (same webhook-id)",
        description="Refused with 409 `consent-not-in-force` when the event is about another "
        "organization's member and no consent in force covers it any more.",
        opt=scope_required(Scope.WEBHOOKS_MANAGE),
        responses=responses.error_responses(403, 409, 413),
        status_code=202,
    )
    async def redeliver(
        self, request: Request[Any, Any, Any], endpoint_id: EndpointId, data: JSONBody[Redelivery]
    ) -> None:
        services = services_of(request)
        await usecases.redeliver(
            caller_of(request).organization_with(Scope.WEBHOOKS_MANAGE),
            endpoint_id,
            data.event_id,
            services.uow(),
            services.clock,
            services.ids,
        )
