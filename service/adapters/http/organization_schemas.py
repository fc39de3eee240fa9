"""The request and response bodies of organizations and API keys."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

from service.adapters.http.schemas import KeyName, Name, encode_cursor
from service.adapters.http.views import CopiedView, view_of
from service.domain.intermediaries import NamedParticipant
from service.domain.organizations import ApiKey, OrganizationKind, Scope
from service.domain.paging import Page

Address = Annotated[
    str,
    Meta(
        min_length=1,
        max_length=500,
        # Printable, and not blank.
        pattern=r"^[^\x00-\x1f\x7f]*[^\x00-\x20\x7f][^\x00-\x1f\x7f]*$",
        description="Where the organization can be written to: the accounting of disclosures "
        "a member receives names it (45 CFR 164.528(b)(2)).",
    ),
]


class OrganizationCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """`kind`: `clinic` (a HIPAA covered entity), `community_app`, `peer_org`, or
    `intermediary` (passes records on to its participants, such as a health information
    exchange: a consent to it names which of them may receive)."""

    name: Name
    kind: OrganizationKind
    address: Address | None = None


class OrganizationView(CopiedView, kw_only=True):
    id: UUID
    name: str
    kind: OrganizationKind
    version: int
    created_at: datetime
    address: Annotated[
        str | None,
        Meta(description="Where it can be written to; accounting entries name it."),
    ]


class ParticipantView(msgspec.Struct, kw_only=True):
    """An organization's taking part in an intermediary: active while `ended_at` is null."""

    intermediary_organization_id: UUID
    participant_organization_id: UUID
    participant_name: str
    participant_kind: OrganizationKind
    joined_at: datetime
    ended_at: datetime | None
    version: int

    @classmethod
    def of(cls, participation: NamedParticipant) -> ParticipantView:
        record = participation.record
        return cls(
            intermediary_organization_id=record.intermediary_organization_id,
            participant_organization_id=record.participant_organization_id,
            participant_name=participation.participant.name,
            participant_kind=participation.participant.kind,
            joined_at=record.joined_at,
            ended_at=record.ended_at,
            version=record.version,
        )


class ParticipantList(msgspec.Struct, kw_only=True):
    data: list[ParticipantView]
    next_cursor: str | None


def participant_page(page: Page[NamedParticipant]) -> ParticipantList:
    return ParticipantList(
        data=[ParticipantView.of(p) for p in page.items],
        next_cursor=encode_cursor(page.next_after),
    )


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
