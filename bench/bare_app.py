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

    return Litestar([ping, get_member, create_member], lifespan=[lifespan])
