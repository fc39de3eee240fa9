"""Organizations (the tenants), their API keys, and the caller a key stands for."""

from __future__ import annotations

import enum
import hashlib
from datetime import datetime
from uuid import UUID

import msgspec

from service.domain.errors import AuthenticationRequired, ScopeMissing


class OrganizationKind(enum.StrEnum):
    CLINIC = "clinic"
    COMMUNITY_APP = "community_app"
    PEER_ORG = "peer_org"
    # Passes records on to its participants (a health information exchange, a care
    # coordination organization: 42 CFR 2.11); a consent to it names which of them may receive.
    INTERMEDIARY = "intermediary"


class Scope(enum.StrEnum):
    MEMBERS_READ = "members:read"
    MEMBERS_WRITE = "members:write"
    KEYS_MANAGE = "keys:manage"
    NETWORKS_READ = "networks:read"
    NETWORKS_WRITE = "networks:write"
    CONSENTS_READ = "consents:read"
    CONSENTS_WRITE = "consents:write"
    REFERRALS_READ = "referrals:read"
    REFERRALS_WRITE = "referrals:write"
    WEBHOOKS_MANAGE = "webhooks:manage"


ALL_SCOPES: frozenset[Scope] = frozenset(Scope)


class Organization(msgspec.Struct, frozen=True, kw_only=True):
    id: UUID
    name: str
    kind: OrganizationKind
    version: int
    created_at: datetime
    # Where it can be written to: the accounting of disclosures names it (45 CFR 164.528).
    address: str | None = None


class ApiKey(msgspec.Struct, frozen=True, kw_only=True):
    """An API key as stored: never the secret itself, only its hash."""

    id: UUID
    organization_id: UUID | None
    is_operator: bool
    name: str
    prefix: str
    secret_hash: bytes
    scopes: frozenset[Scope]
    created_at: datetime
    revoked_at: datetime | None = None


class Caller(msgspec.Struct, frozen=True, kw_only=True):
    """Who is calling: resolved from an API key by the authentication adapter."""

    key_id: UUID
    organization_id: UUID | None
    is_operator: bool
    scopes: frozenset[Scope]

    def organization_with(self, scope: Scope) -> UUID:
        """The caller's organization, if the key carries `scope`; raises otherwise.

        An operator key belongs to no organization, so it holds no organization scope."""
        if self.organization_id is None or scope not in self.scopes:
            raise ScopeMissing(scope.value)
        return self.organization_id

    def organization(self) -> UUID:
        """The caller's organization, whatever scopes the key holds (an operator key has
        none, and is refused)."""
        if self.organization_id is None:
            raise ScopeMissing("an organization's key")
        return self.organization_id

    def require_operator(self) -> None:
        if not self.is_operator:
            raise ScopeMissing("operator")


ORG_KEY_PREFIX = "snk_"
OPERATOR_KEY_PREFIX = "sno_"


def hash_secret(token: str) -> bytes:
    """Keys are 256-bit random tokens, so one SHA-256 is enough: there is nothing to brute-force,
    and a slow hash would cost every request that misses the key cache."""
    return hashlib.sha256(token.encode()).digest()


def looks_like_api_key(token: str) -> bool:
    """Cheap shape check so that garbage never reaches the database."""
    return (
        40 <= len(token) <= 100
        and token.startswith((ORG_KEY_PREFIX, OPERATOR_KEY_PREFIX))
        and token.isascii()
    )


def new_api_key(
    *,
    key_id: UUID,
    organization_id: UUID | None,
    name: str,
    scopes: frozenset[Scope],
    token: str,
    now: datetime,
) -> ApiKey:
    return ApiKey(
        id=key_id,
        organization_id=organization_id,
        is_operator=organization_id is None,
        name=name,
        prefix=token[:12],
        secret_hash=hash_secret(token),
        scopes=frozenset() if organization_id is None else scopes,
        created_at=now,
    )


def caller_for(key: ApiKey) -> Caller:
    if key.revoked_at is not None:
        raise AuthenticationRequired("This API key was revoked.")
    return Caller(
        key_id=key.id,
        organization_id=key.organization_id,
        is_operator=key.is_operator,
        scopes=key.scopes,
    )


def check_grantable(caller_scopes: frozenset[Scope], requested: frozenset[Scope]) -> None:
    """A key can only hand out scopes it holds itself: no escalation through key creation."""
    missing = requested - caller_scopes
    if missing:
        raise ScopeMissing(sorted(missing)[0].value)
