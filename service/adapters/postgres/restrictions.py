"""Restrictions: columns, mapping and the repository used inside a unit of work."""

from __future__ import annotations

from uuid import UUID

from service.adapters.postgres.session import Session
from service.adapters.postgres.sql import BEFORE_ALL, Columns, struct_from_row, struct_to_columns
from service.domain.paging import Page, PageRequest, page_from_rows
from service.domain.restrictions import Restriction

RESTRICTION = Columns(
    "id",
    "member_id",
    "organization_id",
    "scopes",
    "recipient_organization_ids",
    "purpose_codes",
    "requested_on",
    "status",
    "decided_at",
    "ended_at",
    "created_at",
    "version",
)


def _params(r: Restriction) -> tuple[object, ...]:
    return RESTRICTION.params(
        struct_to_columns(
            r,
            scopes=sorted(s.value for s in r.scopes),
            recipient_organization_ids=sorted(r.recipient_organization_ids),
            purpose_codes=sorted(p.value for p in r.purpose_codes),
        )
    )


class PostgresRestrictionRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, restriction: Restriction) -> None:
        await self._connection.execute(
            f"INSERT INTO restrictions ({RESTRICTION.list}) "  # noqa: S608
            f"VALUES ({RESTRICTION.values})",
            *_params(restriction),
        )

    async def get_for_update(
        self, organization_id: UUID, restriction_id: UUID
    ) -> Restriction | None:
        row = await self._connection.fetchrow(
            f"SELECT {RESTRICTION.list} FROM restrictions "  # noqa: S608
            "WHERE id = $1 AND organization_id = $2 FOR UPDATE",
            restriction_id,
            organization_id,
        )
        return None if row is None else struct_from_row(Restriction, row)

    async def save(self, restriction: Restriction) -> None:
        await self._connection.execute(
            "UPDATE restrictions SET status = $2, decided_at = $3, ended_at = $4, version = $5 "
            "WHERE id = $1",
            restriction.id,
            restriction.status.value,
            restriction.decided_at,
            restriction.ended_at,
            restriction.version,
        )

    async def agreed_for(self, member_id: UUID) -> list[Restriction]:
        rows = await self._connection.fetch(
            f"SELECT {RESTRICTION.list} FROM restrictions "  # noqa: S608
            "WHERE member_id = $1 AND status = 'agreed' ORDER BY id",
            member_id,
        )
        return [struct_from_row(Restriction, r) for r in rows]

    async def of_member(
        self, organization_id: UUID, member_id: UUID, page: PageRequest
    ) -> Page[Restriction]:
        rows = await self._connection.fetch(
            f"SELECT {RESTRICTION.list} FROM restrictions "  # noqa: S608
            "WHERE member_id = $1 AND organization_id = $2 AND id > $3 ORDER BY id LIMIT $4",
            member_id,
            organization_id,
            page.after or BEFORE_ALL,
            page.limit + 1,
        )
        found = [struct_from_row(Restriction, r) for r in rows]
        return page_from_rows(found, page, lambda r: r.id)
