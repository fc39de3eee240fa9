"""The request and response bodies of organizations and API keys."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

from service.adapters.http.schemas import KeyName, Name, encode_cursor
from service.adapters.http.views import CopiedView, view_of
from service.domain.organizations import ApiKey, OrganizationKind, Scope
from service.domain.paging import Page


class OrganizationCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    name: Name
    kind: OrganizationKind


class OrganizationView(CopiedView, kw_only=True):
    id: UUID
    name: str
    kind: OrganizationKind
    version: int
    created_at: datetime


class ApiKeyCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    name: KeyName
    scopes: Annotated[list[Scope], Meta(min_length=1, max_length=len(Scope))]


class ApiKeyView(msgspec.Struct, kw_only=True):
    """A key, never its secret. A key changes once at most: `version` 2 means revoked."""

    id: UUID
    organization_id: UUID | None
    name: str
    prefix: str
    scopes: list[Scope]
    version: int
    created_at: datetime
    revoked_at: datetime | None

    @classmethod
    def of(cls, key: ApiKey) -> ApiKeyView:
        return view_of(cls, key, version=1 if key.revoked_at is None else 2)


class IssuedApiKey(msgspec.Struct, kw_only=True):
    """A new key. `token` is shown here once and never again; it is null when this response is
    an idempotent replay, because the service keeps only a hash of it."""

    key: ApiKeyView
    token: str | None


class OrganizationCreated(msgspec.Struct, kw_only=True):
    organization: OrganizationView
    first_key: IssuedApiKey


class ApiKeyList(msgspec.Struct, kw_only=True):
    data: list[ApiKeyView]
    next_cursor: str | None


def api_key_page(page: Page[ApiKey]) -> ApiKeyList:
    return ApiKeyList(
        data=[ApiKeyView.of(k) for k in page.items], next_cursor=encode_cursor(page.next_after)
    )
