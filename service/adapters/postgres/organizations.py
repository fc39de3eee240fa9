"""Organizations and API keys: columns, mapping, the repositories used inside a unit of work,
and the key reads authentication and key listing use."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.records import Executor, Table
from service.adapters.postgres.sql import (
    BEFORE_ALL,
    Columns,
    Row,
    struct_from_row,
)
from service.domain.organizations import ApiKey, Organization, Scope
from service.domain.paging import Page, PageRequest, page_from_rows

API_KEY = Columns(
    "id",
    "organization_id",
    "is_operator",
    "name",
    "prefix",
    "secret_hash",
    "scopes",
    "created_at",
    "revoked_at",
)
API_KEY_COLUMNS = API_KEY.list


ORGANIZATION = Columns("id", "name", "kind", "version", "created_at", "address")


def api_key_from_row(row: Row) -> ApiKey:
    return struct_from_row(
        ApiKey,
        row,
        secret_hash=bytes(row["secret_hash"]),
        # A scope this version does not know (a newer one wrote it) is left out.
        scopes=frozenset(Scope(s) for s in row["scopes"] if s in Scope.__members__.values()),
    )


ORGANIZATIONS = Table("organizations", Organization, ORGANIZATION)
API_KEYS = Table(
    "api_keys",
    ApiKey,
    API_KEY,
    from_row=api_key_from_row,
)


class PostgresOrganizationRepository:
    def __init__(self, connection: Executor) -> None:
        self._connection = connection

    async def add(self, organization: Organization) -> None:
        await ORGANIZATIONS.add(self._connection, organization)

    async def get(self, organization_id: UUID) -> Organization | None:
        row = await self._connection.fetchrow(
            f"SELECT {ORGANIZATION.list} FROM organizations WHERE id = $1",  # noqa: S608
            organization_id,
        )
        return ORGANIZATIONS.record(row)


class PostgresApiKeyRepository:
    def __init__(self, connection: Executor) -> None:
        self._connection = connection

    async def add(self, key: ApiKey) -> None:
        await API_KEYS.add(self._connection, key)

    async def get(self, organization_id: UUID, key_id: UUID) -> ApiKey | None:
        return await API_KEYS.get(self._connection, organization_id, key_id)

    async def revoke(self, organization_id: UUID, key_id: UUID, now: datetime) -> None:
        await self._connection.execute(
            "UPDATE api_keys SET revoked_at = $3 "
            "WHERE id = $1 AND organization_id = $2 AND revoked_at IS NULL",
            key_id,
            organization_id,
            now,
        )


_KEY_BY_HASH = f"SELECT {API_KEY_COLUMNS} FROM api_keys WHERE secret_hash = $1"  # noqa: S608


_KEYS_PAGE = f"""
SELECT {API_KEY_COLUMNS} FROM api_keys
WHERE organization_id = $1 AND id > $2
ORDER BY id
LIMIT $3
"""  # noqa: S608


class PostgresApiKeyQueries:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def find_by_hash(self, secret_hash: bytes) -> ApiKey | None:
        row = await self._pool.fetchrow(_KEY_BY_HASH, secret_hash)
        return API_KEYS.record(row)

    async def get(self, organization_id: UUID, key_id: UUID) -> ApiKey | None:
        return await API_KEYS.get(self._pool, organization_id, key_id)

    async def list(self, organization_id: UUID, page: PageRequest) -> Page[ApiKey]:
        after = page.after or BEFORE_ALL
        rows = await self._pool.fetch(_KEYS_PAGE, organization_id, after, page.limit + 1)
        return page_from_rows(API_KEYS.records(rows), page, lambda k: k.id)
