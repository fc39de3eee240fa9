"""Webhook endpoints (/v1/webhook-endpoints): registration, secrets, the delivery log."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.params import JSONBody, PathParameter
from msgspec import UNSET, UnsetType

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
from service.adapters.http.services import BEARER, Services, authenticated, services_of
from service.adapters.http.webhook_schemas import (
    DeliveryList,
    DeliveryView,
    Redelivery,
    WebhookEndpointCreate,
    WebhookEndpointList,
    WebhookEndpointUpdate,
    WebhookEndpointView,
    WebhookEndpointWithSecret,
)
from service.domain.organizations import Scope
from service.domain.paging import DEFAULT_PAGE_SIZE
from service.domain.webhooks import (
    EndpointChanges,
    NewEndpoint,
    WebhookEndpoint,
)
from service.usecases import webhooks as usecases

EndpointId = Annotated[UUID, PathParameter(description="The webhook endpoint's id.")]


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
