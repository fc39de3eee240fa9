"""The delivery queue as the dispatcher works it: claiming a due endpoint, queuing the events
its organization may see, leasing and recording attempts, and accounting deliveries as
disclosures."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from uuid import UUID

import msgspec

from service.adapters.postgres.consent_sql import (
    consents_in_force,
    notice_consents,
    shown_data,
    still_allowed,
    visibility_arguments,
    visible_to,
)
from service.adapters.postgres.events import PostgresOutbox, event_from_row, readers_events
from service.adapters.postgres.pool import GENERIC_PLANS, DbConnection, FairPool
from service.adapters.postgres.session import Session
from service.adapters.postgres.webhooks import (
    DELIVERY_COLUMNS,
    ENDPOINT_COLUMNS,
    ENDPOINTS,
    WAIT_UNTIL,
    PostgresWebhookEndpointRepository,
    delivery_from_row,
)
from service.domain.consent import DataScope
from service.domain.deliveries import ClaimedEndpoint, HeadDelivery
from service.domain.events import Event
from service.domain.webhooks import Attempt, DeliveryStatus, WebhookEndpoint

# The dispatcher's statements. An endpoint is claimed with SKIP LOCKED, its new events queued
# and its head delivery leased (next_attempt_at pushed past the attempt's deadline) in one
# short transaction; the attempt runs with no transaction open, and its outcome is written in
# a second one, by the lease holder. A worker that dies leaves the delivery pending: when the
# lease runs out, the next claim attempts it again.
# A look: the endpoints with something to do, a pending delivery or an event of their
# organization's audience past their cursor (and below the horizon, where fan-out looks). An
# idle endpoint costs two index probes (one per monthly slice); a look feeds many claims, so
# a busy minute does not walk the idle endpoints once per claim (about 60 ms each at 1,000
# endpoints: see bench/README.md, issue #15).
WITH_WORK = """
SELECT w.id
FROM webhook_endpoints w
WHERE status = 'active' AND next_attempt_at <= $1
  AND (EXISTS (SELECT FROM webhook_deliveries d
               WHERE d.endpoint_id = w.id AND d.status = 'pending')
       OR EXISTS (SELECT FROM event_audience a
                  WHERE a.organization_id = w.organization_id
                    AND (a.txid, a.position) > (w.cursor_txid, w.cursor_position)
                    AND a.txid < pg_snapshot_xmin(pg_current_snapshot())))
ORDER BY next_attempt_at
LIMIT $2
"""

# One of a look's endpoints, if still due and nobody holds it.
CLAIM_ENDPOINT = f"""
SELECT {ENDPOINT_COLUMNS}, cursor_txid::text::bigint AS cursor_txid, cursor_position
FROM webhook_endpoints
WHERE id = ANY($2::uuid[]) AND status = 'active' AND next_attempt_at <= $1
ORDER BY next_attempt_at
LIMIT 1
FOR UPDATE SKIP LOCKED
"""  # noqa: S608

# New events the endpoint's organization may see (the feed's rule), after the endpoint's
# cursor, become pending deliveries, in feed order. The horizon comes back too: if fewer rows
# than the limit were found, everything below it has been looked at.
FAN_OUT = f"""
WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),
picked AS (
    SELECT e.id, e.txid, e.position
    {readers_events("$1", "$2", "$7", "$4", "(SELECT xmin FROM horizon)")}
      AND ({visible_to("$9")})
    ORDER BY a.txid, a.position
    LIMIT $3
),
queued AS (
    INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, redelivery,
                                    next_attempt_at, created_at)
    SELECT uuid_v7_at($9), $8, p.id, 'pending', false, $9, $9
    FROM picked p ORDER BY p.txid, p.position
    RETURNING 1
),
counted AS (SELECT count(*) AS found FROM queued),
last AS (SELECT txid, position FROM picked ORDER BY txid DESC, position DESC LIMIT 1),
-- The endpoint's cursor moves in the same statement: short of the limit, every row below the
-- horizon has been looked at; at the limit, it stops after the last row queued.
moved AS (
    UPDATE webhook_endpoints w SET
        cursor_txid = CASE WHEN c.found < $3 THEN h.xmin ELSE l.txid END,
        cursor_position = CASE WHEN c.found < $3 THEN 0 ELSE l.position END
    FROM counted c CROSS JOIN horizon h LEFT JOIN last l ON true
    WHERE w.id = $8
)
SELECT found FROM counted
"""  # noqa: S608

# `allowed`: false once no consent in force covers an event about another organization's member
# (or it was erased): a delivery queued or retried past that is not sent. $2: the endpoint's
# organization, $3/$4: visibility_arguments(), $5: now.
HEAD_DELIVERY = f"""
SELECT {DELIVERY_COLUMNS}, e.organization_id, e.subject_type, e.subject_id, e.occurred_at,
       ({shown_data("$2", "$5")})::text AS data, {still_allowed("$2", "$3", "$4", "$5")} AS allowed,
       {notice_consents("$2", "$5", "$3", "$4")} AS notice_consents
FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id
WHERE d.endpoint_id = $1 AND d.status = 'pending'
ORDER BY d.seq
LIMIT 1
"""  # noqa: S608

# A delivery of an event about another organization's member is a disclosure, recorded as the
# feed records its reads, of the scopes the event shows ($1: the member, $2: the endpoint's
# organization, $3: the delivery, $4: the time, $5: the scopes shown; none for a referral event,
# which shows the person referred under any consent in force). It is written before the first
# attempt, once per delivery.
_COVERING_SHOWN = "(cardinality($5::text[]) = 0 OR c.effective_scopes && $5::text[])"
_DISCLOSED_BY_DELIVERY = f"""
INSERT INTO disclosures (member_id, organization_id, recipient_organization_id, consent_ids,
                         scopes, operation, request_id, disclosed_at)
SELECT m.id, m.organization_id, $2,
       {consents_in_force("m.id", "$2", "$4", _COVERING_SHOWN)},
       $5::text[], 'webhookDelivery', $3, $4
FROM members m
WHERE m.id = $1 AND m.organization_id <> $2
  AND NOT EXISTS (SELECT 1 FROM disclosures d WHERE d.member_id = $1 AND d.request_id = $3)
"""  # noqa: S608


class PostgresDeliveryLine:
    """The dispatcher's reads and writes, inside the transaction that holds the endpoint."""

    def __init__(self, connection: DbConnection) -> None:
        self._connection = connection
        # What the dispatcher writes besides deliveries, in the same transaction.
        session = Session(connection, in_transaction=True)
        self.endpoints = PostgresWebhookEndpointRepository(session)
        self.outbox = PostgresOutbox(session)

    async def with_work(self, now: datetime, limit: int) -> list[UUID]:
        return [row["id"] for row in await self._connection.fetch(WITH_WORK, now, limit)]

    async def claim(self, now: datetime, among: Sequence[UUID]) -> ClaimedEndpoint | None:
        row = await self._connection.fetchrow(CLAIM_ENDPOINT, now, list(among))
        if row is None:
            return None
        # Only now: an idle look (most of them) and the attempt's record need no such plans.
        await self._connection.execute(GENERIC_PLANS)
        return ClaimedEndpoint(
            endpoint=ENDPOINTS.of(row),
            cursor_txid=row["cursor_txid"],
            cursor_position=row["cursor_position"],
        )

    async def fan_out(self, claimed: ClaimedEndpoint, now: datetime, limit: int = 500) -> int:
        endpoint = claimed.endpoint
        # What it asked for and its key's scopes cover: possibly nothing, then nothing is sent.
        types = sorted(t.value for t in endpoint.receives)
        row = await self._connection.fetchrow(
            FAN_OUT,
            endpoint.organization_id,
            str(claimed.cursor_txid),
            limit,
            types,
            *visibility_arguments(),
            claimed.cursor_position,
            endpoint.id,
            now,
        )
        assert row is not None
        found: int = row["found"]
        return found

    async def head(self, endpoint: WebhookEndpoint, now: datetime) -> HeadDelivery | None:
        row = await self._connection.fetchrow(
            HEAD_DELIVERY, endpoint.id, endpoint.organization_id, *visibility_arguments(), now
        )
        if row is None:
            return None
        event = event_from_row(row, id_column="event_id", type_column="event_type")
        return HeadDelivery(
            delivery=delivery_from_row(row),
            event=event,
            allowed=row["allowed"],
            notice_consents=tuple(row["notice_consents"]),
        )

    async def record_disclosure(
        self,
        sent: Event,
        shown: frozenset[DataScope],
        recipient_id: UUID,
        delivery_id: UUID,
        at: datetime,
    ) -> None:
        await self._connection.execute(
            _DISCLOSED_BY_DELIVERY,
            UUID(str(sent.data["member_id"])),
            recipient_id,
            str(delivery_id),
            at,
            sorted(shown),
        )

    async def wait_until(self, endpoint_id: UUID, at: datetime) -> None:
        await self._connection.execute(WAIT_UNTIL, endpoint_id, at)

    async def lease(self, endpoint_id: UUID, lease_id: UUID, until: datetime) -> None:
        await self._connection.execute(
            "UPDATE webhook_endpoints SET lease_id = $2, next_attempt_at = $3 WHERE id = $1",
            endpoint_id,
            lease_id,
            until,
        )

    async def holding(self, endpoint_id: UUID, lease_id: UUID) -> WebhookEndpoint | None:
        """The endpoint, locked, if this lease is still the one on it."""
        row = await self._connection.fetchrow(
            f"SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints "  # noqa: S608
            "WHERE id = $1 AND lease_id = $2 FOR UPDATE",
            endpoint_id,
            lease_id,
        )
        return ENDPOINTS.record(row)

    async def record_attempt(
        self,
        delivery_id: UUID,
        attempt: Attempt,
        status: DeliveryStatus,
        next_attempt_at: datetime,
    ) -> None:
        finished = None if status is DeliveryStatus.PENDING else attempt.at
        await self._connection.execute(
            "UPDATE webhook_deliveries SET status = $2, attempt_count = attempt_count + 1, "
            "attempts = attempts || $3::jsonb, next_attempt_at = $4, finished_at = $5 "
            "WHERE id = $1 AND status = 'pending'",
            delivery_id,
            status.value,
            msgspec.json.encode([attempt]).decode(),
            next_attempt_at,
            finished,
        )


class PostgresDeliveryQueue:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    @asynccontextmanager
    async def line(self) -> AsyncIterator[PostgresDeliveryLine]:
        async with self._pool.connection() as connection, connection.transaction():
            yield PostgresDeliveryLine(connection)
