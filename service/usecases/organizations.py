"""Organizations and their API keys."""

from __future__ import annotations

from uuid import UUID

import msgspec

from service.domain.errors import ApiKeyRevoked, CannotRevokeOwnKey, NotFound, found
from service.domain.event_payloads import api_key_event, organization_event
from service.domain.events import EventType
from service.domain.organizations import (
    ALL_SCOPES,
    OPERATOR_KEY_PREFIX,
    ORG_KEY_PREFIX,
    ApiKey,
    Caller,
    Organization,
    OrganizationKind,
    Scope,
    check_grantable,
    new_api_key,
)
from service.domain.paging import Page, PageRequest
from service.domain.ports import (
    ApiKeyQueries,
    Receipt,
    TokenSource,
    UnitOfWork,
    no_receipt,
)


class CreateOrganization(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    kind: OrganizationKind
    first_key_name: str = "first key"
    address: str | None = None


class CreateApiKey(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    scopes: frozenset[Scope]


class IssuedKey(msgspec.Struct, frozen=True, kw_only=True):
    """A key together with its secret token: the only moment the token exists outside a client."""

    key: ApiKey
    token: str


class OrganizationWithKey(msgspec.Struct, frozen=True, kw_only=True):
    organization: Organization
    first_key: IssuedKey


async def create_organization(
    command: CreateOrganization,
    uow: UnitOfWork,
    tokens: TokenSource,
    receipt: Receipt[OrganizationWithKey] = no_receipt,
) -> OrganizationWithKey:
    """Create an organization and its first key, which holds every scope."""
    now = uow.clock.now()
    organization = Organization(
        id=uow.ids.new_id(),
        name=command.name,
        kind=command.kind,
        version=1,
        created_at=now,
        address=command.address,
    )
    token = tokens.new_token(ORG_KEY_PREFIX)
    key = new_api_key(
        key_id=uow.ids.new_id(),
        organization_id=organization.id,
        name=command.first_key_name,
        scopes=ALL_SCOPES,
        token=token,
        now=now,
    )
    async with uow:
        await uow.organizations.add(organization)
        await uow.api_keys.add(key)
        created = organization_event(
            EventType.ORGANIZATION_CREATED, organization, uow.ids.new_id(), now
        )
        await uow.outbox.append(created)
        await uow.outbox.append(
            api_key_event(EventType.API_KEY_CREATED, key, uow.ids.new_id(), now)
        )
        made = OrganizationWithKey(
            organization=organization, first_key=IssuedKey(key=key, token=token)
        )
        await receipt(uow, made)  # the stored response, if any, commits with it
        await uow.commit()
    return made


async def get_organization(caller: Caller, organization_id: UUID, uow: UnitOfWork) -> Organization:
    """The operator sees every organization; an organization sees only itself."""
    if not caller.is_operator and caller.organization_id != organization_id:
        raise NotFound("organization", organization_id)
    async with uow:
        organization = await uow.organizations.get(organization_id)
    if organization is None:
        raise NotFound("organization", organization_id)
    return organization


async def create_operator_key(name: str, uow: UnitOfWork, tokens: TokenSource) -> IssuedKey:
    """A platform operator key: it creates organizations and reads them, nothing else."""
    return await _issue_key(None, name, frozenset(), uow, tokens)


async def create_api_key(
    caller: Caller,
    command: CreateApiKey,
    uow: UnitOfWork,
    tokens: TokenSource,
    receipt: Receipt[IssuedKey] = no_receipt,
) -> IssuedKey:
    """A new key for the caller's organization, with at most the caller's own scopes."""
    organization_id = caller.organization_with(Scope.KEYS_MANAGE)
    check_grantable(caller.scopes, command.scopes)
    return await _issue_key(organization_id, command.name, command.scopes, uow, tokens, receipt)


async def list_api_keys(caller: Caller, page: PageRequest, queries: ApiKeyQueries) -> Page[ApiKey]:
    """The caller organization's keys (never their secrets)."""
    organization_id = caller.organization_with(Scope.KEYS_MANAGE)
    return await queries.list(organization_id, page)


async def revoke_api_key(caller: Caller, key_id: UUID, uow: UnitOfWork) -> ApiKey:
    """Revoke one of the caller organization's keys, if the caller holds every scope it has.
    Other workers stop accepting it once their key cache entry expires (see
    Settings.key_cache_ttl_seconds)."""
    organization_id = caller.organization_with(Scope.KEYS_MANAGE)
    if key_id == caller.key_id:
        raise CannotRevokeOwnKey(
            "A key cannot revoke itself; revoke it with another key that holds keys:manage."
        )
    now = uow.clock.now()
    async with uow:
        key = found(await uow.api_keys.get(organization_id, key_id), "api key", key_id)
        # A key manages only keys it could have made: one with fewer scopes cannot cut off
        # a key that holds more (a keys:manage-only key revoking the full-scope key).
        check_grantable(caller.scopes, key.scopes)
        if key.revoked_at is None:
            await uow.api_keys.revoke(organization_id, key_id, now)
            key = msgspec.structs.replace(key, revoked_at=now)
            await uow.outbox.append(
                api_key_event(EventType.API_KEY_REVOKED, key, uow.ids.new_id(), now)
            )
            await uow.commit()
    return key


async def _issue_key(
    organization_id: UUID | None,
    name: str,
    scopes: frozenset[Scope],
    uow: UnitOfWork,
    tokens: TokenSource,
    receipt: Receipt[IssuedKey] = no_receipt,
) -> IssuedKey:
    prefix = OPERATOR_KEY_PREFIX if organization_id is None else ORG_KEY_PREFIX
    token = tokens.new_token(prefix)
    key = new_api_key(
        key_id=uow.ids.new_id(),
        organization_id=organization_id,
        name=name,
        scopes=scopes,
        token=token,
        now=uow.clock.now(),
    )
    async with uow:
        await uow.api_keys.add(key)
        # Operator keys belong to no organization: there is no tenant to tell.
        if organization_id is not None:
            await uow.outbox.append(
                api_key_event(EventType.API_KEY_CREATED, key, uow.ids.new_id(), key.created_at)
            )
        issued = IssuedKey(key=key, token=token)
        await receipt(uow, issued)  # the stored response, if any, commits with it
        await uow.commit()
    return issued


async def get_api_key(caller: Caller, key_id: UUID, queries: ApiKeyQueries) -> ApiKey:
    """One of the caller organization's keys (never its secret)."""
    organization_id = caller.organization_with(Scope.KEYS_MANAGE)
    key = found(await queries.get(organization_id, key_id), "api key", key_id)
    if key.revoked_at is not None:
        raise ApiKeyRevoked(key.id, key.revoked_at)
    return key
