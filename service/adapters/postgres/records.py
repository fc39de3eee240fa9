"""The table of a small aggregate whose columns are its Struct's fields by name (incidents,
restrictions, requests for an accounting), and the repository every such table has: add, lock
one for a change, save its changed state, read a member's a page at a time. A repository that
has more subclasses it and names only what is its own."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Generic, Protocol
from uuid import UUID

import asyncpg
import msgspec

from service.adapters.postgres.sql import (
    BEFORE_ALL,
    Columns,
    Row,
    S,
    struct_from_row,
    struct_to_columns,
)
from service.domain.paging import Page, PageRequest, page_from_rows


class Executor(Protocol):
    """What a table reads and writes through: a unit of work's session, or the pool."""

    async def execute(self, query: str, *args: Any) -> str: ...

    async def fetch(self, query: str, *args: Any) -> list[asyncpg.Record]: ...

    async def fetchrow(self, query: str, *args: Any) -> asyncpg.Record | None: ...

    async def fetchval(self, query: str, *args: Any) -> Any: ...


class Table(Generic[S]):
    """A table holding one Struct a row, its columns the Struct's fields by name (see
    struct_to_columns). `changing`: the columns a save writes back (the rest never change after
    the insert; a table with none is never saved). The lock, get and page by member read tables
    with an organization_id (and a member_id)."""

    def __init__(
        self,
        name: str,
        kind: type[S],
        columns: Columns,
        *,
        changing: tuple[str, ...] = (),
        from_row: Callable[[Row], S] | None = None,
    ) -> None:
        self._from_row = from_row or partial(struct_from_row, kind)
        self._columns = columns
        self._changing = changing
        select = f"SELECT {columns.list} FROM {name}"  # noqa: S608
        self.insert = f"INSERT INTO {name} ({columns.list}) VALUES ({columns.values})"  # noqa: S608
        self.one = f"{select} WHERE id = $1 AND organization_id = $2"
        self.locked = self.one + " FOR UPDATE"
        assignments = ", ".join(f"{column} = ${i}" for i, column in enumerate(changing, start=2))
        self._update = f"UPDATE {name} SET {assignments} WHERE id = $1" if changing else None  # noqa: S608
        self.of_member = (
            f"{select} WHERE member_id = $1 AND organization_id = $2 AND id > $3 "
            "ORDER BY id LIMIT $4"
        )

    def params(self, record: S) -> tuple[Any, ...]:
        return self._columns.params(struct_to_columns(record))

    def of(self, row: Row) -> S:
        """The record a row of this table's columns holds."""
        return self._from_row(row)

    def record(self, row: Row | None) -> S | None:
        return None if row is None else self._from_row(row)

    def records(self, rows: list[asyncpg.Record]) -> list[S]:
        return [self._from_row(row) for row in rows]

    async def add(self, executor: Executor, record: S) -> None:
        await executor.execute(self.insert, *self.params(record))

    async def save(self, executor: Executor, record: S) -> None:
        """Write back the `changing` columns of the record with its id."""
        if self._update is None:
            raise TypeError("this table's rows never change after the insert")
        row = struct_to_columns(record)
        await executor.execute(self._update, row["id"], *(row[c] for c in self._changing))

    async def get(self, executor: Executor, organization_id: UUID, record_id: UUID) -> S | None:
        """The organization's record (not locked)."""
        return self.record(await executor.fetchrow(self.one, record_id, organization_id))


class TableRecords(Generic[S]):
    """An organization's records in one table, inside a unit of work."""

    def __init__(self, connection: Executor, table: Table[S]) -> None:
        self._connection = connection
        self._table = table

    async def add(self, record: S) -> None:
        await self._table.add(self._connection, record)

    async def get_for_update(self, organization_id: UUID, record_id: UUID) -> S | None:
        row = await self._connection.fetchrow(self._table.locked, record_id, organization_id)
        return self._table.record(row)

    async def save(self, record: S) -> None:
        await self._table.save(self._connection, record)


class MemberTableRecords(TableRecords[S]):
    """Records about one member, kept by the member's home organization."""

    async def of_member(self, organization_id: UUID, member_id: UUID, page: PageRequest) -> Page[S]:
        after = page.after or BEFORE_ALL
        rows = await self._connection.fetch(
            self._table.of_member, member_id, organization_id, after, page.limit + 1
        )
        return page_from_rows(self._table.records(rows), page, _record_id)


def _record_id(record: msgspec.Struct) -> UUID:
    record_id: UUID = getattr(record, "id")  # noqa: B009 (every such table is keyed by id)
    return record_id
