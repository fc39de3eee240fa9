"""Webhook endpoints (/v1/webhook-endpoints): registration, secrets, the delivery log."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated
from uuid import UUID

from litestar import Response, delete, get, patch, post
from litestar.params import JSONBody, PathParameter
from msgspec import UNSET, UnsetType

from service.adapters.http.idempotency import (
    Created,
    IdempotencyKey,
    IfMatch,
    create_idempotently,
    etag,
    expected_version,
)
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.paging import Paging, list_of
from service.adapters.http.services import Services
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
from service.domain.webhooks import EndpointChanges, NewEndpoint, WebhookEndpoint
from service.usecases import webhooks as usecases

EndpointId = Annotated[UUID, PathParameter(description="The webhook endpoint's id.")]


def _policy(services: Services) -> usecases.UrlPolicy:
    return usecases.UrlPolicy(allowed_networks=services.webhook_networks)


class WebhookEndpointController(ApiController):
    path = "/v1/webhook-endpoints"
    tags = ["webhooks"]

    @operation(
        post,
        "createWebhookEndpoint",
        Scope.WEBHOOKS_MANAGE,
        errors=(409, 413, 422),
        etag=True,
        created=True,
    )
    async def create(
        self,
        request: HttpRequest,
        data: JSONBody[WebhookEndpointCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[WebhookEndpointWithSecret]:
        """Register a URL to receive the organization's events

        Deliveries are signed the Standard Webhooks way (`webhook-id`, `webhook-timestamp`,
        `webhook-signature`) with the secret returned here, once. A URL resolving to a private,
        loopback, link-local or reserved address is refused (422) unless the operator allowed
        that network; elsewhere only https is accepted."""
        act = acting(request)
        caller = act.caller
        organization_id = act.organization_id
        new = NewEndpoint(
            url=data.url,
            description=data.description,
            event_types=frozenset(data.event_types),
            key_scopes=caller.scopes,
        )

        def present(endpoint: WebhookEndpoint) -> Created[WebhookEndpointWithSecret]:
            view = WebhookEndpointView.of(endpoint)
            return Created.of(
                WebhookEndpointWithSecret(endpoint=view, secret=endpoint.secret),
                version=endpoint.version,
                location=f"/v1/webhook-endpoints/{endpoint.id}",
                resource_id=endpoint.id,
                replay_body=WebhookEndpointWithSecret(endpoint=view, secret=None),
            )

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.register_endpoint(
                organization_id,
                new,
                uow,
                act.services.webhook_secrets,
                act.services.resolver,
                _policy(act.services),
                receipt=receipt,
            ),
            present=present,
        )

    @operation(get, "listWebhookEndpoints", Scope.WEBHOOKS_MANAGE)
    async def list_endpoints(self, request: HttpRequest, page: Paging) -> WebhookEndpointList:
        """The organization's webhook endpoints

        The caller organization's endpoints, oldest first, with their status and, when disabled,
        why. Secrets are never shown again.
        """
        act = acting(request)
        found = await usecases.list_endpoints(act.organization_id, page, act.services.webhooks)
        return list_of(WebhookEndpointList, found, WebhookEndpointView.of)

    @operation(
        get, "getWebhookEndpoint", Scope.WEBHOOKS_MANAGE, path="/{endpoint_id:uuid}", etag=True
    )
    async def get_endpoint(
        self, request: HttpRequest, endpoint_id: EndpointId
    ) -> Response[WebhookEndpointView]:
        """Read a webhook endpoint (whether it is enabled, and why not)

        An endpoint's URL, event types and status; `previous_secret_valid_until` says how long the
        secret before a rotation still signs.
        """
        act = acting(request)
        endpoint = await usecases.get_endpoint(
            act.organization_id, endpoint_id, act.services.webhooks
        )
        return Response(WebhookEndpointView.of(endpoint), headers={"ETag": etag(endpoint.version)})

    @operation(
        patch,
        "updateWebhookEndpoint",
        Scope.WEBHOOKS_MANAGE,
        errors=(409, 412, 413, 422),
        path="/{endpoint_id:uuid}",
        etag=True,
    )
    async def update(
        self,
        request: HttpRequest,
        endpoint_id: EndpointId,
        data: JSONBody[WebhookEndpointUpdate],
        if_match: IfMatch = None,
    ) -> Response[WebhookEndpointView]:
        """Change a webhook endpoint, or re-enable a disabled one

        Changes the URL, event types, description, or `enabled` (true resumes a disabled endpoint
        where it stopped). Whoever changes it vouches for it with their key's scopes: from then on
        it receives no more than those cover. Send `If-Match`.
        """
        act = acting(request)
        caller = act.caller
        endpoint = await usecases.change_endpoint(
            act.organization_id,
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
            act.uow(),
            act.services.resolver,
            _policy(act.services),
        )
        return Response(WebhookEndpointView.of(endpoint), headers={"ETag": etag(endpoint.version)})

    @operation(delete, "deleteWebhookEndpoint", Scope.WEBHOOKS_MANAGE, path="/{endpoint_id:uuid}")
    async def remove(self, request: HttpRequest, endpoint_id: EndpointId) -> None:
        """Remove a webhook endpoint and its delivery log

        Deletes the endpoint and its pending deliveries; nothing more is sent to it. The delivery
        log goes with it.
        """
        act = acting(request)
        await usecases.delete_endpoint(act.organization_id, endpoint_id, act.uow())

    @operation(
        post,
        "rotateWebhookSecret",
        Scope.WEBHOOKS_MANAGE,
        path="/{endpoint_id:uuid}/secret-rotations",
        status_code=200,
    )
    async def rotate(
        self, request: HttpRequest, endpoint_id: EndpointId
    ) -> WebhookEndpointWithSecret:
        """Replace the signing secret; the old one keeps signing for a while

        Returns the new secret, once. Until `previous_secret_valid_until` (24 hours by default)
        every delivery carries two signatures, one per secret, so the receiver can switch at its
        own pace."""
        act = acting(request)
        caller = act.caller
        endpoint = await usecases.rotate_secret(
            act.organization_id,
            endpoint_id,
            timedelta(hours=act.services.settings.webhook_secret_overlap_hours),
            act.uow(),
            act.services.webhook_secrets,
            caller.scopes,
        )
        return WebhookEndpointWithSecret(
            endpoint=WebhookEndpointView.of(endpoint), secret=endpoint.secret
        )

    @operation(
        get, "listWebhookDeliveries", Scope.WEBHOOKS_MANAGE, path="/{endpoint_id:uuid}/deliveries"
    )
    async def deliveries(
        self,
        request: HttpRequest,
        endpoint_id: EndpointId,
        page: Paging,
    ) -> DeliveryList:
        """The delivery log: each event sent, its attempts, status codes and latency

        Newest first. Retries follow about: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h,
        20 h, 24 h (with jitter; a `Retry-After` is honoured); after the last, the endpoint is
        disabled and a `webhook_endpoint.disabled` event says why. A 410 answer disables it at
        once."""
        act = acting(request)
        found = await usecases.delivery_log(
            act.organization_id, endpoint_id, page, act.services.webhooks
        )
        return list_of(DeliveryList, found, DeliveryView.of)

    @operation(
        post,
        "redeliverWebhookEvent",
        Scope.WEBHOOKS_MANAGE,
        errors=(409, 413),
        path="/{endpoint_id:uuid}/redeliveries",
        status_code=202,
    )
    async def redeliver(
        self, request: HttpRequest, endpoint_id: EndpointId, data: JSONBody[Redelivery]
    ) -> None:
        """Send an event this endpoint already had once more (same webhook-id)

        Refused with 409 `consent-not-in-force` when the event is about another organization's
        member and no consent in force covers it any more."""
        act = acting(request)
        await usecases.redeliver(act.organization_id, endpoint_id, data.event_id, act.uow())
