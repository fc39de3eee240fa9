"""Small SQL helpers the aggregate modules share."""

from __future__ import annotations

from uuid import UUID

# Keyset start for "from the beginning": every UUID sorts after the nil UUID. A plain `id > $n`
# (no "$n IS NULL OR") stays an index condition in a generic prepared plan.
BEFORE_ALL = UUID(int=0)


def placeholders(count: int) -> str:
    """`$1, $2, ... $count`: the VALUES of an INSERT of `count` columns."""
    return ", ".join(f"${i}" for i in range(1, count + 1))
