"""Small SQL helpers the aggregate modules share."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, Protocol, TypeVar
from uuid import UUID

import msgspec

S = TypeVar("S", bound=msgspec.Struct)


class Row(Protocol):
    """A fetched row (asyncpg's Record), read by column name."""

    def __getitem__(self, column: str, /) -> Any: ...


# Keyset start for "from the beginning": every UUID sorts after the nil UUID. A plain `id > $n`
# (no "$n IS NULL OR") stays an index condition in a generic prepared plan.
BEFORE_ALL = UUID(int=0)
# And for a list newest first (id descending): every UUID sorts before the largest.
AFTER_ALL = UUID(int=(1 << 128) - 1)


def placeholders(count: int) -> str:
    """`$1, $2, ... $count`: the VALUES of an INSERT of `count` columns."""
    return ", ".join(f"${i}" for i in range(1, count + 1))


class Columns:
    """A table's columns in one order: `list` for SELECT and INSERT, `values` for the INSERT's
    placeholders, and `params(row)` for its parameters, taken by column name from a row dict,
    so that the order of the list and of the parameters cannot drift apart."""

    def __init__(self, *names: str) -> None:
        self.names = names
        self.list = ", ".join(names)
        self.values = placeholders(len(names))

    def of(self, alias: str) -> str:
        """The column list qualified by a table alias, for a join: `m.id, m.name, ...`."""
        return ", ".join(f"{alias}.{name}" for name in self.names)

    def params(self, row: Mapping[str, Any]) -> tuple[Any, ...]:
        # A column missing fails below, by name; one too many is caught by the count (cheap:
        # this runs on every insert).
        if len(row) != len(self.names):
            raise KeyError(f"not the table's columns: {sorted(row.keys() ^ set(self.names))}")
        return tuple(row[name] for name in self.names)


def struct_from_row(kind: type[S], row: Row, **computed: Any) -> S:
    """The Struct whose fields are the row's columns of the same names, converted by msgspec
    (a text column to its enum, an array to a frozenset or a tuple), with `computed` for the
    fields that are not a column as they are."""
    values = {name: row[name] for name in kind.__struct_fields__ if name not in computed}
    values.update(computed)
    return msgspec.convert(values, kind)


def struct_to_columns(value: msgspec.Struct, **computed: Any) -> dict[str, Any]:
    """The row of a Struct whose fields are columns of the same names (an enum as its value, a
    set as a sorted array), with `computed` for the fields that are not a column as they are."""
    columns: dict[str, Any] = {}
    for name in value.__struct_fields__:
        if name not in computed:
            item = getattr(value, name)
            if isinstance(item, frozenset):
                columns[name] = sorted(_column_value(member) for member in item)
            else:
                columns[name] = _column_value(item)
    columns.update(computed)
    return columns


def _column_value(item: Any) -> Any:
    return item.value if isinstance(item, enum.Enum) else item
