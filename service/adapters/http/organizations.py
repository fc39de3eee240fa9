"""/v1/organizations (operator) and /v1/api-keys (each organization's own keys)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, Request, Response, delete, get, post
from litestar.params import JSONBody, PathParameter

from service.adapters.http import responses
from service.adapters.http.auth import OPERATOR_ONLY, caller_of, scope_required
from service.adapters.http.idempotency import Created, IdempotencyKey, create_idempotently, etag
from service.adapters.http.paging import Cursor, Limit, page_request
from service.adapters.http.schemas import (
    ApiKeyCreate,
    ApiKeyList,
    ApiKeyView,
    IssuedApiKey,
    OrganizationCreate,
    OrganizationCreated,
    OrganizationView,
    api_key_page,
)
from service.adapters.http.services import BEARER, authenticated, services_of
from service.domain.organizations import Scope
from service.domain.paging import DEFAULT_PAGE_SIZE
from service.usecases import organizations as usecases

OrganizationId = Annotated[UUID, PathParameter(description="The organization's id.")]
KeyId = Annotated[UUID, PathParameter(description="The API key's id.")]


class OrganizationController(Controller):
    path = "/v1/organizations"
    tags = ["organizations"]
    middleware = [authenticated]
    security = BEARER

    @post(
        operation_id="createOrganization",
        summary="Create an organization and its first API key (operator key only)",
        description="The first key holds every scope; its `token` is shown once.",
        opt=OPERATOR_ONLY,
        responses=responses.OPERATOR,
        response_headers=[responses.LOCATION_HEADER],
    )
    async def create(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[OrganizationCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[OrganizationCreated]:
        services = services_of(request)
        command = usecases.CreateOrganization(name=data.name, kind=data.kind)

        def present(made: usecases.OrganizationWithKey) -> Created[OrganizationCreated]:
            organization = OrganizationView.of(made.organization)
            key = ApiKeyView.of(made.first_key.key)
            return Created(
                body=OrganizationCreated(
                    organization=organization,
                    first_key=IssuedApiKey(key=key, token=made.first_key.token),
                ),
                headers={"Location": f"/v1/organizations/{organization.id}"},
                replay_body=OrganizationCreated(
                    organization=organization, first_key=IssuedApiKey(key=key, token=None)
                ),
            )

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.create_organization(
                command, uow, services.clock, services.ids, services.tokens, receipt=receipt
            ),
            present=present,
        )

    @get(
        "/{organization_id:uuid}",
        operation_id="getOrganization",
        summary="Read an organization (the operator any, an organization itself)",
        responses=responses.READ,
        response_headers=[responses.ETAG_HEADER],
    )
    async def get_organization(
        self, request: Request[Any, Any, Any], organization_id: OrganizationId
    ) -> Response[OrganizationView]:
        services = services_of(request)
        organization = await usecases.get_organization(
            caller_of(request), organization_id, services.uow()
        )
        return Response(
            OrganizationView.of(organization), headers={"ETag": etag(organization.version)}
        )


class ApiKeyController(Controller):
    path = "/v1/api-keys"
    tags = ["api-keys"]
    middleware = [authenticated]
    security = BEARER

    @post(
        operation_id="createApiKey",
        summary="Create an API key for the caller's organization",
        description="The new key can hold only scopes the calling key holds. Its `token` is "
        "shown once, in this response.",
        opt=scope_required(Scope.KEYS_MANAGE),
        responses=responses.CREATE,
        response_headers=[responses.LOCATION_HEADER, responses.ETAG_HEADER],
    )
    async def create(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[ApiKeyCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[IssuedApiKey]:
        services = services_of(request)
        caller = caller_of(request)
        command = usecases.CreateApiKey(name=data.name, scopes=frozenset(data.scopes))

        def present(issued: usecases.IssuedKey) -> Created[IssuedApiKey]:
            key = ApiKeyView.of(issued.key)
            return Created(
                body=IssuedApiKey(key=key, token=issued.token),
                headers={"Location": f"/v1/api-keys/{key.id}", "ETag": etag(key.version)},
                resource_id=key.id,
                replay_body=IssuedApiKey(key=key, token=None),
            )

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.create_api_key(
                caller, command, uow, services.clock, services.ids, services.tokens, receipt=receipt
            ),
            present=present,
        )

    @get(
        operation_id="listApiKeys",
        summary="List the caller organization's API keys (never their secrets)",
        opt=scope_required(Scope.KEYS_MANAGE),
        responses=responses.READ,
    )
    async def list_keys(
        self,
        request: Request[Any, Any, Any],
        limit: Limit = DEFAULT_PAGE_SIZE,
        cursor: Cursor = None,
    ) -> ApiKeyList:
        page = await usecases.list_api_keys(
            caller_of(request), page_request(limit, cursor), services_of(request).api_keys
        )
        return api_key_page(page)

    @get(
        "/{key_id:uuid}",
        operation_id="getApiKey",
        summary="Read one of the caller organization's API keys (never its secret)",
        description="A revoked key answers 410; the list keeps revoked keys for the record.",
        opt=scope_required(Scope.KEYS_MANAGE),
        responses=responses.error_responses(403, 410),
        response_headers=[responses.ETAG_HEADER],
    )
    async def get_key(self, request: Request[Any, Any, Any], key_id: KeyId) -> Response[ApiKeyView]:
        key = ApiKeyView.of(
            await usecases.get_api_key(caller_of(request), key_id, services_of(request).api_keys)
        )
        return Response(key, headers={"ETag": etag(key.version)})

    @delete(
        "/{key_id:uuid}",
        operation_id="revokeApiKey",
        summary="Revoke an API key",
        description="Effective at once on the worker that answers, and on every other worker "
        "within the key cache TTL (30 seconds by default).",
        opt=scope_required(Scope.KEYS_MANAGE),
        responses=responses.error_responses(403, 409),
        status_code=204,
    )
    async def revoke(self, request: Request[Any, Any, Any], key_id: KeyId) -> None:
        services = services_of(request)
        await usecases.revoke_api_key(
            caller_of(request), key_id, services.uow(), services.clock, services.ids
        )
        services.key_cache.forget_key(key_id)
