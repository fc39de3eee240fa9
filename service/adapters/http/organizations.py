"""/v1/organizations (operator) and /v1/api-keys (each organization's own keys)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated
from uuid import UUID

from litestar import Response, delete, get, post, put
from litestar.params import JSONBody, PathParameter

from service.adapters.http.idempotency import Created, IdempotencyKey, create_idempotently, etag
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.organization_schemas import (
    ApiKeyCreate,
    ApiKeyList,
    ApiKeyView,
    IssuedApiKey,
    OrganizationCreate,
    OrganizationCreated,
    OrganizationView,
    ParticipantList,
    ParticipantView,
    api_key_page,
    participant_page,
)
from service.adapters.http.paging import Paging
from service.domain.intermediaries import NamedParticipant
from service.domain.organizations import Caller, Scope
from service.domain.ports import UnitOfWork
from service.usecases import intermediaries
from service.usecases import organizations as usecases

OrganizationId = Annotated[UUID, PathParameter(description="The organization's id.")]
KeyId = Annotated[UUID, PathParameter(description="The API key's id.")]
ParticipantId = Annotated[UUID, PathParameter(description="The participant organization's id.")]


class OrganizationController(ApiController):
    path = "/v1/organizations"
    tags = ["organizations"]

    @operation(
        post, "createOrganization", None, errors=(409, 413, 422), operator=True, created=True
    )
    async def create(
        self,
        request: HttpRequest,
        data: JSONBody[OrganizationCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[OrganizationCreated]:
        """Create an organization and its first API key (operator key only)

        The first key holds every scope; its `token` is shown once."""
        act = acting(request)
        command = usecases.CreateOrganization(name=data.name, kind=data.kind, address=data.address)

        def present(made: usecases.OrganizationWithKey) -> Created[OrganizationCreated]:
            organization = OrganizationView.of(made.organization)
            key = ApiKeyView.of(made.first_key.key)
            return Created.of(
                OrganizationCreated(
                    organization=organization,
                    first_key=IssuedApiKey(key=key, token=made.first_key.token),
                ),
                location=f"/v1/organizations/{organization.id}",
                replay_body=OrganizationCreated(
                    organization=organization, first_key=IssuedApiKey(key=key, token=None)
                ),
            )

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.create_organization(
                command, uow, act.services.tokens, receipt=receipt
            ),
            present=present,
        )

    @operation(get, "getOrganization", None, path="/{organization_id:uuid}", etag=True)
    async def get_organization(
        self, request: HttpRequest, organization_id: OrganizationId
    ) -> Response[OrganizationView]:
        """Read an organization (the operator any, an organization itself)

        An organization reads only itself (another's id is a 404); an operator key reads every
        organization.
        """
        act = acting(request)
        organization = await usecases.get_organization(act.caller, organization_id, act.uow())
        return Response(
            OrganizationView.of(organization), headers={"ETag": etag(organization.version)}
        )

    @operation(
        put,
        "addIntermediaryParticipant",
        None,
        errors=(422,),
        path="/{organization_id:uuid}/participants/{participant_id:uuid}",
        operator=True,
    )
    async def add_participant(
        self, request: HttpRequest, organization_id: OrganizationId, participant_id: ParticipantId
    ) -> ParticipantView:
        """Record that an organization takes part in an intermediary (operator)

        From now, consents to the intermediary that name the participant, or describe it
        (treating providers), reach it. Recording it again changes nothing."""
        return await _participation(
            request, intermediaries.add_participant, organization_id, participant_id
        )

    @operation(
        delete,
        "endIntermediaryParticipation",
        None,
        path="/{organization_id:uuid}/participants/{participant_id:uuid}",
        operator=True,
        status_code=200,
    )
    async def end_participation(
        self, request: HttpRequest, organization_id: OrganizationId, participant_id: ParticipantId
    ) -> ParticipantView:
        """Record that an organization no longer takes part in an intermediary (operator)

        From the next read, consents to the intermediary no longer reach it. Recording it again
        changes nothing."""
        return await _participation(
            request, intermediaries.end_participation, organization_id, participant_id
        )

    @operation(
        get,
        "listIntermediaryParticipants",
        None,
        path="/{organization_id:uuid}/participants",
    )
    async def list_participants(
        self, request: HttpRequest, organization_id: OrganizationId, page: Paging
    ) -> ParticipantList:
        """The organizations that take or took part in an intermediary

        Any organization may read an intermediary's, to name participants in a consent to it.
        Another organization has none: the operator and the organization itself get an empty
        list, anyone else a 404."""
        act = acting(request)
        listed = await intermediaries.list_participants(
            act.caller, organization_id, page, act.uow()
        )
        return participant_page(listed)


ParticipationChange = Callable[[Caller, UUID, UUID, UnitOfWork], Awaitable[NamedParticipant]]


async def _participation(
    request: HttpRequest, change: ParticipationChange, intermediary_id: UUID, participant_id: UUID
) -> ParticipantView:
    act = acting(request)
    return ParticipantView.of(await change(act.caller, intermediary_id, participant_id, act.uow()))


class ApiKeyController(ApiController):
    path = "/v1/api-keys"
    tags = ["api-keys"]

    @operation(
        post, "createApiKey", Scope.KEYS_MANAGE, errors=(409, 413, 422), etag=True, created=True
    )
    async def create(
        self,
        request: HttpRequest,
        data: JSONBody[ApiKeyCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[IssuedApiKey]:
        """Create an API key for the caller's organization

        The new key can hold only scopes the calling key holds. Its `token` is shown once, in
        this response."""
        act = acting(request)
        caller = act.caller
        command = usecases.CreateApiKey(name=data.name, scopes=frozenset(data.scopes))

        def present(issued: usecases.IssuedKey) -> Created[IssuedApiKey]:
            key = ApiKeyView.of(issued.key)
            return Created.of(
                IssuedApiKey(key=key, token=issued.token),
                version=key.version,
                location=f"/v1/api-keys/{key.id}",
                resource_id=key.id,
                replay_body=IssuedApiKey(key=key, token=None),
            )

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.create_api_key(
                caller, command, uow, act.services.tokens, receipt=receipt
            ),
            present=present,
        )

    @operation(get, "listApiKeys", Scope.KEYS_MANAGE)
    async def list_keys(self, request: HttpRequest, page: Paging) -> ApiKeyList:
        """List the caller organization's API keys (never their secrets)

        The caller organization's keys, oldest first, revoked ones included (with `revoked_at`).
        Tokens are never shown again after creation: a key is known by its `prefix`.
        """
        act = acting(request)
        found = await usecases.list_api_keys(act.caller, page, act.services.api_keys)
        return api_key_page(found)

    @operation(get, "getApiKey", Scope.KEYS_MANAGE, errors=(410,), path="/{key_id:uuid}", etag=True)
    async def get_key(self, request: HttpRequest, key_id: KeyId) -> Response[ApiKeyView]:
        """Read one of the caller organization's API keys (never its secret)

        A revoked key answers 410; the list keeps revoked keys for the record."""
        act = acting(request)
        key = ApiKeyView.of(await usecases.get_api_key(act.caller, key_id, act.services.api_keys))
        return Response(key, headers={"ETag": etag(key.version)})

    @operation(
        delete,
        "revokeApiKey",
        Scope.KEYS_MANAGE,
        errors=(409,),
        path="/{key_id:uuid}",
        status_code=204,
    )
    async def revoke(self, request: HttpRequest, key_id: KeyId) -> None:
        """Revoke an API key

        Effective at once on the worker that answers, and on every other worker within the key
        cache TTL (30 seconds by default)."""
        act = acting(request)
        await usecases.revoke_api_key(act.caller, key_id, act.uow())
        act.services.key_cache.forget_key(key_id)
