"""Organizations and API keys: columns, mapping, the repositories used inside a unit of work,
and the key reads authentication and key listing use."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from asyncpg import Record

from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.session import Session
from service.adapters.postgres.sql import BEFORE_ALL, Columns, struct_from_row, struct_to_columns
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


ORGANIZATION_COLUMNS = "id, name, kind, version, created_at"


def api_key_from_row(row: Record) -> ApiKey:
    return struct_from_row(
        ApiKey,
        row,
        secret_hash=bytes(row["secret_hash"]),
        # A scope this version does not know (a newer one wrote it) is left out.
        scopes=frozenset(Scope(s) for s in row["scopes"] if s in Scope.__members__.values()),
    )


def api_key_to_params(key: ApiKey) -> tuple[Any, ...]:
    """Parameters in API_KEY_COLUMNS order, taken by name."""
    return API_KEY.params(struct_to_columns(key, scopes=sorted(s.value for s in key.scopes)))


def organization_from_row(row: Record) -> Organization:
    return struct_from_row(Organization, row)


class PostgresOrganizationRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, organization: Organization) -> None:
        await self._connection.execute(
            f"INSERT INTO organizations ({ORGANIZATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5)",  # noqa: S608
            organization.id,
            organization.name,
            organization.kind.value,
            organization.version,
            organization.created_at,
        )

    async def get(self, organization_id: UUID) -> Organization | None:
        row = await self._connection.fetchrow(
            f"SELECT {ORGANIZATION_COLUMNS} FROM organizations WHERE id = $1",  # noqa: S608
            organization_id,
        )
        return None if row is None else organization_from_row(row)


class PostgresApiKeyRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, key: ApiKey) -> None:
        await self._connection.execute(
            f"INSERT INTO api_keys ({API_KEY_COLUMNS}) VALUES ({API_KEY.values})",  # noqa: S608
            *api_key_to_params(key),
        )

    async def get(self, organization_id: UUID, key_id: UUID) -> ApiKey | None:
        row = await self._connection.fetchrow(
            f"SELECT {API_KEY_COLUMNS} FROM api_keys WHERE id = $1 AND organization_id = $2",  # noqa: S608
            key_id,
            organization_id,
        )
        return None if row is None else api_key_from_row(row)

    async def revoke(self, organization_id: UUID, key_id: UUID, now: datetime) -> None:
        await self._connection.execute(
            "UPDATE api_keys SET revoked_at = $3 "
            "WHERE id = $1 AND organization_id = $2 AND revoked_at IS NULL",
            key_id,
            organization_id,
            now,
        )


_KEY_BY_HASH = f"SELECT {API_KEY_COLUMNS} FROM api_keys WHERE secret_hash = $1"  # noqa: S608


_KEY_BY_ID = f"SELECT {API_KEY_COLUMNS} FROM api_keys WHERE id = $1 AND organization_id = $2"  # noqa: S608


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
        return None if row is None else api_key_from_row(row)

    async def get(self, organization_id: UUID, key_id: UUID) -> ApiKey | None:
        row = await self._pool.fetchrow(_KEY_BY_ID, key_id, organization_id)
        return None if row is None else api_key_from_row(row)

    async def list(self, organization_id: UUID, page: PageRequest) -> Page[ApiKey]:
        after = page.after or BEFORE_ALL
        rows = await self._pool.fetch(_KEYS_PAGE, organization_id, after, page.limit + 1)
        return page_from_rows([api_key_from_row(r) for r in rows], page, lambda k: k.id)
