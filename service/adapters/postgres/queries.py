"""Reads outside any transaction: one statement each, straight from the pool."""

from __future__ import annotations

from uuid import UUID

from service.adapters.postgres.mapping import (
    API_KEY_COLUMNS,
    BEFORE_ALL,
    MEMBER_COLUMNS,
    api_key_from_row,
    member_from_row,
)
from service.adapters.postgres.pool import FairPool
from service.domain.members import Member
from service.domain.organizations import ApiKey
from service.domain.paging import Page, PageRequest, page_from_rows

_MEMBER_BY_ID = f"SELECT {MEMBER_COLUMNS} FROM members WHERE id = $1 AND organization_id = $2"  # noqa: S608

_MEMBERS_PAGE = f"""
SELECT {MEMBER_COLUMNS} FROM members
WHERE organization_id = $1 AND id > $2 AND erased_at IS NULL
ORDER BY id
LIMIT $3
"""  # noqa: S608

_MEMBERS_BY_EXTERNAL_REF = f"""
SELECT {MEMBER_COLUMNS} FROM members
WHERE organization_id = $1 AND id > $2 AND external_ref = $4 AND erased_at IS NULL
ORDER BY id
LIMIT $3
"""  # noqa: S608

_KEY_BY_HASH = f"SELECT {API_KEY_COLUMNS} FROM api_keys WHERE secret_hash = $1"  # noqa: S608

_KEY_BY_ID = f"SELECT {API_KEY_COLUMNS} FROM api_keys WHERE id = $1 AND organization_id = $2"  # noqa: S608

_KEYS_PAGE = f"""
SELECT {API_KEY_COLUMNS} FROM api_keys
WHERE organization_id = $1 AND id > $2
ORDER BY id
LIMIT $3
"""  # noqa: S608


class PostgresMemberQueries:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def get(self, organization_id: UUID, member_id: UUID) -> Member | None:
        row = await self._pool.fetchrow(_MEMBER_BY_ID, member_id, organization_id)
        return None if row is None else member_from_row(row)

    async def list(
        self, organization_id: UUID, page: PageRequest, external_ref: str | None
    ) -> Page[Member]:
        after = page.after or BEFORE_ALL
        if external_ref is None:
            rows = await self._pool.fetch(_MEMBERS_PAGE, organization_id, after, page.limit + 1)
        else:
            rows = await self._pool.fetch(
                _MEMBERS_BY_EXTERNAL_REF, organization_id, after, page.limit + 1, external_ref
            )
        return page_from_rows([member_from_row(r) for r in rows], page, lambda m: m.id)


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
