"""Restrictions: columns, mapping and the repository used inside a unit of work."""

from __future__ import annotations

from uuid import UUID

from service.adapters.postgres.records import Executor, MemberTableRecords, Table
from service.adapters.postgres.sql import Columns, struct_from_row
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


RESTRICTIONS = Table(
    "restrictions",
    Restriction,
    RESTRICTION,
    changing=("status", "decided_at", "ended_at", "version"),
)


class PostgresRestrictionRepository(MemberTableRecords[Restriction]):
    def __init__(self, connection: Executor) -> None:
        super().__init__(connection, RESTRICTIONS)

    async def agreed_for(self, member_id: UUID) -> list[Restriction]:
        rows = await self._connection.fetch(
            f"SELECT {RESTRICTION.list} FROM restrictions "  # noqa: S608
            "WHERE member_id = $1 AND status = 'agreed' ORDER BY id",
            member_id,
        )
        return [struct_from_row(Restriction, r) for r in rows]
