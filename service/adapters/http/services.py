"""What the controllers reach for: built once per process by the composition root."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, cast
from uuid import UUID

from litestar.connection import ASGIConnection

from service.adapters.http.auth import KeyCache, make_authentication
from service.adapters.http.rate_limit import RateLimiter
from service.adapters.http.request_context import client_request_id_var, request_id_var
from service.adapters.metrics import MetricsStore
from service.config import Settings
from service.domain.accounting import Viewing
from service.domain.ports import (
    AddressResolver,
    ApiKeyQueries,
    Clock,
    ConversationQueries,
    EventFeed,
    FederationQueries,
    IdempotencyStore,
    IncidentQueries,
    MeetingQueries,
    MemberQueries,
    ReachOutQueries,
    ReferralQueries,
    TokenSource,
    UnitOfWork,
    WebhookQueries,
    WebhookSecretSource,
)
from service.domain.webhooks import IpNetwork


class Services:
    """The ports the HTTP adapter works with; the composition root gives the concrete ones
    (this adapter names no other adapter's classes)."""

    def __init__(
        self,
        *,
        settings: Settings,
        unit_of_work: Callable[[], UnitOfWork],
        database_ready: Callable[[], Awaitable[object]],
        clock: Clock,
        tokens: TokenSource,
        key_cache: KeyCache,
        idempotency: IdempotencyStore,
        members: MemberQueries,
        api_keys: ApiKeyQueries,
        federation: FederationQueries,
        conversation: ConversationQueries,
        events: EventFeed,
        referrals: ReferralQueries,
        reach_outs: ReachOutQueries,
        meetings: MeetingQueries,
        webhooks: WebhookQueries,
        incidents: IncidentQueries,
        webhook_secrets: WebhookSecretSource,
        resolver: AddressResolver,
        webhook_networks: tuple[IpNetwork, ...],
        rate_limiter: RateLimiter,
        metrics_store: MetricsStore,
    ) -> None:
        self.settings = settings
        self._unit_of_work = unit_of_work
        self.database_ready = database_ready
        self.clock = clock
        self.tokens = tokens
        self.key_cache = key_cache
        self.idempotency = idempotency
        self.members = members
        self.api_keys = api_keys
        self.federation = federation
        self.conversation = conversation
        self.events = events
        self.referrals = referrals
        self.reach_outs = reach_outs
        self.meetings = meetings
        self.webhooks = webhooks
        self.incidents = incidents
        self.webhook_secrets = webhook_secrets
        self.resolver = resolver
        self.webhook_networks = webhook_networks
        self.rate_limiter = rate_limiter
        self.metrics_store = metrics_store

    def uow(self) -> UnitOfWork:
        """A new unit of work."""
        return self._unit_of_work()

    def viewing(self, organization_id: UUID, operation: str, key_id: UUID | None) -> Viewing:
        """The reader of a cross-organization read, for its disclosure record."""
        return Viewing(
            organization_id=organization_id,
            now=self.clock.now(),
            request_id=request_id_var.get(),
            operation=operation,
            client_request_id=client_request_id_var.get(),
            key_id=key_id,
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
