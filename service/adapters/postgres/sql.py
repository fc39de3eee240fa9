"""Small SQL helpers the aggregate modules share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

# Keyset start for "from the beginning": every UUID sorts after the nil UUID. A plain `id > $n`
# (no "$n IS NULL OR") stays an index condition in a generic prepared plan.
BEFORE_ALL = UUID(int=0)


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

    def params(self, row: Mapping[str, Any]) -> tuple[Any, ...]:
        if row.keys() != set(self.names):
            raise KeyError(f"not the table's columns: {sorted(row.keys() ^ set(self.names))}")
        return tuple(row[name] for name in self.names)
