"""What the controllers reach for: built once per process by the composition root."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any, cast

from litestar.connection import ASGIConnection

from service.adapters.http.auth import KeyCache, make_authentication
from service.adapters.postgres.idempotency import PostgresIdempotencyStore
from service.adapters.postgres.pool import Database
from service.adapters.postgres.queries import PostgresApiKeyQueries, PostgresMemberQueries
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.config import Settings
from service.domain.ports import Clock, IdSource, TokenSource


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

    def uow(self) -> PostgresUnitOfWork:
        return PostgresUnitOfWork(self.pool)


def services_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Services:
    return cast(Services, connection.app.state.services)


def key_cache_of(scope: MutableMapping[str, Any]) -> KeyCache:
    return cast(Services, scope["app"].state.services).key_cache


# Route middleware of every API controller: a valid key, and the scope the route's `opt` names.
authenticated = make_authentication(key_cache_of)
BEARER: list[dict[str, list[str]]] = [{"BearerAuth": []}]
