"""What the controllers reach for: built once per process by the composition root."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any, cast
from uuid import UUID

from litestar.connection import ASGIConnection

from service.adapters.http.auth import KeyCache, make_authentication
from service.adapters.http.rate_limit import RateLimiter
from service.adapters.http.request_context import client_request_id_var, request_id_var
from service.adapters.postgres.events import PostgresEventFeed
from service.adapters.postgres.federation_queries import PostgresFederationQueries
from service.adapters.postgres.idempotency import PostgresIdempotencyStore
from service.adapters.postgres.metrics import PostgresMetrics
from service.adapters.postgres.pool import Database
from service.adapters.postgres.queries import PostgresApiKeyQueries, PostgresMemberQueries
from service.adapters.postgres.referrals import PostgresReferralQueries
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.postgres.webhooks import PostgresWebhookQueries
from service.config import Settings
from service.domain.consent import Viewing
from service.domain.ports import (
    AddressResolver,
    Clock,
    IdSource,
    TokenSource,
    WebhookSecretSource,
)
from service.domain.webhooks import IpNetwork


class Services:
    def __init__(
        self,
        *,
        settings: Settings,
        pool: Database,
        clock: Clock,
        ids: IdSource,
        tokens: TokenSource,
        key_cache: KeyCache,
        idempotency: PostgresIdempotencyStore,
        members: PostgresMemberQueries,
        api_keys: PostgresApiKeyQueries,
        federation: PostgresFederationQueries,
        events: PostgresEventFeed,
        referrals: PostgresReferralQueries,
        webhooks: PostgresWebhookQueries,
        webhook_secrets: WebhookSecretSource,
        resolver: AddressResolver,
        webhook_networks: tuple[IpNetwork, ...],
        rate_limiter: RateLimiter,
        metrics_store: PostgresMetrics,
    ) -> None:
        self.settings = settings
        self.pool = pool
        self.clock = clock
        self.ids = ids
        self.tokens = tokens
        self.key_cache = key_cache
        self.idempotency = idempotency
        self.members = members
        self.api_keys = api_keys
        self.federation = federation
        self.events = events
        self.referrals = referrals
        self.webhooks = webhooks
        self.webhook_secrets = webhook_secrets
        self.resolver = resolver
        self.webhook_networks = webhook_networks
        self.rate_limiter = rate_limiter
        self.metrics_store = metrics_store

    def uow(self) -> PostgresUnitOfWork:
        return PostgresUnitOfWork(self.pool)

    def viewing(self, organization_id: UUID, operation: str) -> Viewing:
        """The reader of a cross-organization read, for its disclosure record."""
        return Viewing(
            organization_id=organization_id,
            now=self.clock.now(),
            request_id=request_id_var.get(),
            operation=operation,
            client_request_id=client_request_id_var.get(),
        )


def services_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Services:
    return cast(Services, connection.app.state.services)


def key_cache_of(scope: MutableMapping[str, Any]) -> KeyCache:
    return cast(Services, scope["app"].state.services).key_cache


def rate_limiter_of(scope: MutableMapping[str, Any]) -> RateLimiter:
    return cast(Services, scope["app"].state.services).rate_limiter


# Route middleware of every API controller: a valid key, the scope the route's `opt` names,
# and the key's rate limit.
authenticated = make_authentication(key_cache_of, rate_limiter_of)
BEARER: list[dict[str, list[str]]] = [{"BearerAuth": []}]
