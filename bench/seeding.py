"""What the benches seed with COPY and share: an organization, and its members."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import asyncpg


async def new_organization(connection: asyncpg.Connection, name: str) -> uuid.UUID:
    organization = uuid.uuid4()
    await connection.execute(
        "INSERT INTO organizations (id, name, kind, version, created_at) "
        "VALUES ($1, $2, 'community_app', 1, now())",
        organization,
        name,
    )
    return organization


async def copy_members(
    connection: asyncpg.Connection, organization: uuid.UUID, count: int, zones: Sequence[str]
) -> list[uuid.UUID]:
    """`count` members of `organization` by COPY, their time zones taken in turn from `zones`."""
    now = datetime.now(UTC)
    ids = [uuid.uuid4() for _ in range(count)]
    await connection.copy_records_to_table(
        "members",
        columns=[
            "id",
            "organization_id",
            "display_name",
            "timezone",
            "version",
            "created_at",
            "updated_at",
        ],
        records=(
            (m, organization, f"Member {n}", zones[n % len(zones)], 1, now, now)
            for n, m in enumerate(ids)
        ),
    )
    return ids
