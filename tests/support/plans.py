"""What a statement really read, from the plan PostgreSQL ran (EXPLAIN ANALYZE)."""

from __future__ import annotations

import re
from typing import Any

import asyncpg
import msgspec


def rows_read(plan: dict[str, Any], relation: str) -> int:
    """Rows that plan nodes scanning `relation` looked at (handed up or filtered out), over all
    their loops."""
    own = 0
    # The table itself, or one of its monthly slices (migration 0032).
    if re.fullmatch(rf"{relation}(_\d{{4}}_\d{{2}})?", plan.get("Relation Name", "")):
        looked_at = plan.get("Actual Rows", 0) + plan.get("Rows Removed by Filter", 0)
        own = int(looked_at * plan.get("Actual Loops", 1))
    return own + sum(rows_read(child, relation) for child in plan.get("Plans", []))


async def explain(connection: asyncpg.Connection, sql: str, *args: Any) -> dict[str, Any]:
    """The plan `sql` ran with, and what each node found."""
    document = await connection.fetchval(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", *args)
    plan: dict[str, Any] = msgspec.json.decode(document)[0]["Plan"]
    return plan
