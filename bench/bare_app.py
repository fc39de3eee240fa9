"""The yardstick: a minimal Litestar + asyncpg app doing the same single-row work as the
service, with no auth, no tenancy, no idempotency, no outbox, and asyncpg's default pool.

Run: DATABASE_URL=... uvicorn --factory bench.bare_app:create_app
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import asyncpg
from litestar import Litestar, Request, get, post


@get("/bare/ping", sync_to_thread=False)
def ping() -> dict[str, str]:
    return {"status": "ok"}


@get("/bare/members/{member_id:uuid}")
async def get_member(request: Request[Any, Any, Any], member_id: uuid.UUID) -> dict[str, Any]:
    pool: asyncpg.Pool = request.app.state.pool
    row = await pool.fetchrow(
        "SELECT id, organization_id, display_name, timezone, external_ref, recovery_started_on, "
        "contact_email, contact_phone, version, created_at, updated_at FROM members WHERE id = $1",
        member_id,
    )
    return dict(row) if row else {}


@post("/bare/members")
async def create_member(request: Request[Any, Any, Any], data: dict[str, Any]) -> dict[str, Any]:
    pool: asyncpg.Pool = request.app.state.pool
    now = datetime.now(UTC)
    row = await pool.fetchrow(
        "INSERT INTO members (id, organization_id, display_name, timezone, version, created_at, "
        "updated_at) VALUES ($1, $2, $3, $4, 1, $5, $5) RETURNING id, display_name, version",
        uuid.uuid4(),
        request.app.state.organization_id,
        data["display_name"],
        data["timezone"],
        now,
    )
    return dict(row) if row else {}


@get("/bare/networks/{network_id:uuid}/posts")
async def list_posts(
    request: Request[Any, Any, Any], network_id: uuid.UUID, limit: int = 50
) -> list[dict[str, Any]]:
    """A network's page of posts newest first, with their kept counts: no consent, no
    disclosure record, no standing."""
    pool: asyncpg.Pool = request.app.state.pool
    rows = await pool.fetch(
        "SELECT id, network_id, organization_id, author_member_id, parent_id, kind, body, tags, "
        "content_note, state, crisis_flagged, reply_count, helpful_count, reaction_counts, "
        "version, created_at, updated_at FROM posts "
        "WHERE network_id = $1 AND parent_id IS NULL ORDER BY id DESC LIMIT $2",
        network_id,
        limit,
    )
    return [dict(row) for row in rows]


@post("/bare/networks/{network_id:uuid}/posts")
async def create_post(
    request: Request[Any, Any, Any], network_id: uuid.UUID, data: dict[str, Any]
) -> dict[str, Any]:
    pool: asyncpg.Pool = request.app.state.pool
    now = datetime.now(UTC)
    row = await pool.fetchrow(
        "INSERT INTO posts (id, network_id, organization_id, author_member_id, kind, body, state, "
        "version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'visible', 1, $7, $7) "
        "RETURNING id, version",
        uuid.uuid4(),
        network_id,
        request.app.state.organization_id,
        uuid.UUID(data["author_member_id"]),
        data["kind"],
        data["body"],
        now,
    )
    return dict(row) if row else {}


def create_app() -> Litestar:
    dsn = os.environ["DATABASE_URL"]

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        pool = await asyncpg.create_pool(dsn, min_size=4, max_size=16)
        app.state.pool = pool
        app.state.organization_id = uuid.UUID(os.environ["BENCH_ORGANIZATION_ID"])
        try:
            yield
        finally:
            await pool.close()

    return Litestar([ping, get_member, create_member, list_posts, create_post], lifespan=[lifespan])
