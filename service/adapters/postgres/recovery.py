"""Closed recovery periods (the restart history): columns, mapping, repository."""

from __future__ import annotations

from uuid import UUID

from asyncpg import Record

from service.adapters.postgres.session import Session
from service.adapters.postgres.sql import struct_from_row
from service.domain.recovery import ClosedPeriod

PERIOD_COLUMNS = "id, member_id, started_on, ended_on, note, recorded_at"


CLOSED_PERIODS = (
    f"SELECT {PERIOD_COLUMNS} FROM recovery_periods "  # noqa: S608
    "WHERE member_id = $1 ORDER BY started_on, recorded_at"
)


def period_from_row(row: Record) -> ClosedPeriod:
    return struct_from_row(ClosedPeriod, row)


class PostgresRecoveryRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def closed_periods(self, member_id: UUID) -> list[ClosedPeriod]:
        rows = await self._connection.fetch(CLOSED_PERIODS, member_id)
        return [period_from_row(r) for r in rows]

    async def add_closed_period(self, period: ClosedPeriod, organization_id: UUID) -> None:
        await self._connection.execute(
            "INSERT INTO recovery_periods "
            "(id, member_id, organization_id, started_on, ended_on, note, recorded_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7)",
            period.id,
            period.member_id,
            organization_id,
            period.started_on,
            period.ended_on,
            period.note,
            period.recorded_at,
        )
