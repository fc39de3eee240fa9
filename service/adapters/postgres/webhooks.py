"""Webhook endpoints, their deliveries, and the dispatcher's claims on them."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec
from asyncpg import Record

from service.adapters.postgres.consent_sql import (
    still_allowed,
    visibility_arguments,
)
from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.records import Table
from service.adapters.postgres.session import Session
from service.adapters.postgres.sql import BEFORE_ALL, Columns, struct_from_row
from service.domain.events import EventType
from service.domain.paging import Page, PageRequest, page_from_rows
from service.domain.webhooks import (
    Attempt,
    Delivery,
    WebhookEndpoint,
)

ENDPOINT = Columns(
    "id",
    "organization_id",
    "url",
    "description",
    "event_types",
    "secret",
    "previous_secret",
    "previous_secret_until",
    "status",
    "disabled_reason",
    "disabled_at",
    "version",
    "created_at",
    "updated_at",
    "key_scopes",
)
ENDPOINT_COLUMNS = ENDPOINT.list
DELIVERY_COLUMNS = (
    "d.id, d.seq, d.endpoint_id, d.event_id, e.type AS event_type, d.status, d.redelivery, "
    "d.attempt_count, d.attempts::text AS attempts, d.next_attempt_at, d.created_at, d.finished_at"
)


def delivery_from_row(row: Record) -> Delivery:
    return struct_from_row(
        Delivery,
        row,
        attempts=msgspec.json.decode(row["attempts"], type=list[Attempt]),
        next_attempt_at=row["next_attempt_at"] if row["status"] == "pending" else None,
    )


ENDPOINTS = Table(
    "webhook_endpoints",
    WebhookEndpoint,
    ENDPOINT,
    changing=tuple(c for c in ENDPOINT.names if c not in ("id", "organization_id", "created_at")),
)


# The endpoint's next look (no lease held): after a wait, or at once on re-enabling.
WAIT_UNTIL = "UPDATE webhook_endpoints SET next_attempt_at = $2, lease_id = NULL WHERE id = $1"


# A create replayed under its Idempotency-Key after the endpoint's deletion answers 410, as for
# an erased member: never a 201 naming an endpoint that is gone.
_DELETE_ENDPOINT = """
WITH gone AS (DELETE FROM webhook_endpoints WHERE id = $1 RETURNING id)
UPDATE idempotency_keys SET response_status = 410, response_headers = '{}'::jsonb,
    response_body = NULL
WHERE resource_id IN (SELECT id FROM gone)
"""


class PostgresWebhookEndpointRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, endpoint: WebhookEndpoint) -> None:
        # It receives what happens from now on: the cursor starts at the oldest transaction
        # still running, so an event committing after this one is not missed either.
        await self._connection.execute(
            f"INSERT INTO webhook_endpoints ({ENDPOINT.list}, "  # noqa: S608
            f"cursor_txid, cursor_position, next_attempt_at) VALUES ({ENDPOINT.values}, "
            "pg_snapshot_xmin(pg_current_snapshot()), 0, $13)",
            *ENDPOINTS.params(endpoint),
        )

    async def get_for_update(
        self, organization_id: UUID, endpoint_id: UUID
    ) -> WebhookEndpoint | None:
        row = await self._connection.fetchrow(ENDPOINTS.locked, endpoint_id, organization_id)
        return ENDPOINTS.record(row)

    async def save(self, endpoint: WebhookEndpoint) -> None:
        await ENDPOINTS.save(self._connection, endpoint)

    async def resume(self, endpoint_id: UUID, now: datetime) -> None:
        await self._connection.execute(
            "UPDATE webhook_deliveries SET status = 'pending', attempt_count = 0, "
            "next_attempt_at = $2, finished_at = NULL WHERE endpoint_id = $1 AND status = 'failed'",
            endpoint_id,
            now,
        )
        await self._connection.execute(WAIT_UNTIL, endpoint_id, now)

    async def delete(self, endpoint_id: UUID) -> None:
        await self._connection.execute(_DELETE_ENDPOINT, endpoint_id)

    async def may_still_see(self, organization_id: UUID, event_id: UUID, now: datetime) -> bool:
        allowed = await self._connection.fetchval(
            f"SELECT {still_allowed('$2', '$3', '$4', '$5')} "  # noqa: S608
            "FROM outbox_events e WHERE e.id = $1",
            event_id,
            organization_id,
            *visibility_arguments(),
            now,
        )
        return allowed is not False

    async def redeliver(
        self,
        endpoint_id: UUID,
        event_id: UUID,
        types: frozenset[EventType],
        delivery_id: UUID,
        now: datetime,
    ) -> bool:
        queued = await self._connection.fetchval(
            "INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, redelivery, "
            "next_attempt_at, created_at) "
            "SELECT $3, $1, $2, 'pending', true, $4, $4 WHERE EXISTS ("
            "  SELECT 1 FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id "
            "  WHERE d.endpoint_id = $1 AND d.event_id = $2 AND e.type = ANY($5::text[])) "
            "RETURNING 1",
            endpoint_id,
            event_id,
            delivery_id,
            now,
            sorted(t.value for t in types),
        )
        if queued:
            await self._connection.execute(
                "UPDATE webhook_endpoints SET next_attempt_at = LEAST(next_attempt_at, $2) "
                "WHERE id = $1",
                endpoint_id,
                now,
            )
        return bool(queued)


_AFTER_ALL_SEQ = 2**63 - 1  # newest first: every delivery's sequence number is below it


class PostgresWebhookQueries:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def get(self, organization_id: UUID, endpoint_id: UUID) -> WebhookEndpoint | None:
        return await ENDPOINTS.get(self._pool, organization_id, endpoint_id)

    async def list(self, organization_id: UUID, page: PageRequest) -> Page[WebhookEndpoint]:
        rows = await self._pool.fetch(
            f"SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints "  # noqa: S608
            "WHERE organization_id = $1 AND id > $2 ORDER BY id LIMIT $3",
            organization_id,
            page.after or BEFORE_ALL,
            page.limit + 1,
        )
        return page_from_rows(ENDPOINTS.records(rows), page, lambda e: e.id)

    async def deliveries(self, endpoint_id: UUID, page: PageRequest) -> Page[Delivery]:
        """Newest first; the cursor carries the last sequence number shown."""
        # A cursor this service did not hand out may name a sequence past any bigint.
        before = _AFTER_ALL_SEQ if page.after is None else min(page.after.int, _AFTER_ALL_SEQ)
        rows = await self._pool.fetch(
            f"SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries d "  # noqa: S608
            "JOIN outbox_events e ON e.id = d.event_id "
            "WHERE d.endpoint_id = $1 AND d.seq < $2 "
            "ORDER BY d.seq DESC LIMIT $3",
            endpoint_id,
            before,
            page.limit + 1,
        )
        return page_from_rows([delivery_from_row(r) for r in rows], page, lambda d: UUID(int=d.seq))
