"""The events feed: outbox rows an organization may see, in a stable order."""

from __future__ import annotations

import msgspec
from asyncpg import Record

from service.adapters.postgres.consent_sql import (
    MILESTONE_TYPES,
    RECOVERY,
    consents_in_force,
    notice_consents,
    shown_data,
    visibility_arguments,
    visible_to,
)
from service.adapters.postgres.pool import GENERIC_PLANS, FairPool
from service.adapters.postgres.session import Session, Write
from service.domain.accounting import Viewing
from service.domain.events import Event, EventType, FeedEvent, FeedPosition, FeedRead


def readers_events(reader: str, txid: str, position: str, types: str, horizon: str) -> str:
    """FROM and WHERE for the events in `reader`'s audience (migration 0031) after (`txid`,
    `position`) and below `horizon`, of `types` (NULL: every type), in feed order when
    ordered by (a.txid, a.position): `e` is the event's outbox row. The caller adds the
    consent rule with AND. Each event is fetched by a LATERAL lookup with LIMIT 1, so that
    the rule is applied above the join, once, and not pushed into the scan of each monthly
    slice, where it would be planned once per slice."""
    return f"""FROM event_audience a CROSS JOIN LATERAL (
            SELECT o.* FROM outbox_events o
            WHERE o.position = a.position AND o.recorded_at = a.recorded_at
            LIMIT 1
        ) AS e
        WHERE a.organization_id = {reader}
          AND (a.txid, a.position) > ({txid}::text::xid8, {position}::bigint)
          AND a.txid < {horizon}
          AND ({types}::text[] IS NULL OR a.type = ANY({types}))"""  # noqa: S608 (placeholders only)


# Events about another organization's member that this read shows are disclosures: one record
# per member (the scopes its events stand for, the consents in force that allow them), written
# by the same statement, as every other cross-organization read does.
_FEED = f"""
WITH shown AS (
    SELECT e.txid::text::bigint AS txid, e.position, e.id, e.type, e.organization_id,
           e.subject_type, e.subject_id, e.occurred_at, {shown_data("$1", "$8")} AS data,
           {notice_consents("$1", "$8", "$5", "$6")} AS notice_consents
    {readers_events("$1", "$2", "$7", "$4", "pg_snapshot_xmin(pg_current_snapshot())")}
      AND ({visible_to("$8")})
    ORDER BY a.txid, a.position
    LIMIT $3
), about_others AS (
    -- By the member's home organization: a cheer's event belongs to the one that cheered.
    -- A milestone event shown with its key (which names its period's start) shows recovery
    -- data too (shown_data keeps the key only under a recovery consent).
    SELECT m.id AS member_id, m.organization_id, array_agg(DISTINCT x.scope) AS scopes
    FROM shown s JOIN members m ON m.id = (s.data->>'member_id')::uuid
    CROSS JOIN LATERAL (VALUES
        (($6::jsonb)->>s.type),
        (CASE WHEN s.type IN ({MILESTONE_TYPES})
                   AND s.data ? 'milestone_key' THEN {RECOVERY} END)
    ) AS x(scope)
    WHERE s.type = ANY($5::text[]) AND m.organization_id <> $1 AND x.scope IS NOT NULL
    GROUP BY m.id, m.organization_id
), logged AS (
    INSERT INTO disclosures (member_id, organization_id, recipient_organization_id, consent_ids,
                             scopes, operation, request_id, disclosed_at, client_request_id,
                             key_id)
    SELECT o.member_id, o.organization_id, $1,
           {consents_in_force("o.member_id", "$1", "$8", "c.effective_scopes && o.scopes")},
           o.scopes, $10, $9, $8, $11, $12::uuid
    FROM about_others o
), referred AS (
    -- Referral events that kept the person referred (shown_data removed it otherwise): the
    -- person is the member's data, shown under any consent in force; no scope of the
    -- member's record.
    SELECT DISTINCT m.id AS member_id, m.organization_id
    FROM shown s JOIN members m ON m.id = (s.data->>'member_id')::uuid
    WHERE s.subject_type = 'referral' AND m.organization_id <> $1
), logged_referred AS (
    INSERT INTO disclosures (member_id, organization_id, recipient_organization_id, consent_ids,
                             scopes, operation, request_id, disclosed_at, client_request_id,
                             key_id)
    SELECT r.member_id, r.organization_id, $1,
           {consents_in_force("r.member_id", "$1", "$8", "true")}, '{{}}'::text[], $10, $9, $8,
           $11, $12::uuid
    FROM referred r
)
-- The horizon comes back even when nothing was shown: below it, everything was looked at.
SELECT h.horizon, s.txid, s.position, s.id, s.type, s.organization_id, s.subject_type,
       s.subject_id, s.occurred_at, s.data::text AS data, s.notice_consents
FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon) h
LEFT JOIN shown s ON true
ORDER BY s.txid, s.position
"""  # noqa: S608 (constant SQL, no input)


def event_from_row(r: Record, *, id_column: str = "id", type_column: str = "type") -> Event:
    """An outbox row (with `data` selected as text) as an Event."""
    return Event(
        id=r[id_column],
        type=EventType(r[type_column]),
        organization_id=r["organization_id"],
        subject_type=r["subject_type"],
        subject_id=r["subject_id"],
        occurred_at=r["occurred_at"],
        data=msgspec.json.decode(r["data"]),
    )


def feed_event_from_row(r: Record) -> FeedEvent:
    return FeedEvent(
        at=FeedPosition(txid=r["txid"], position=r["position"]),
        event=event_from_row(r),
        notice_consents=tuple(r["notice_consents"]),
    )


class PostgresEventFeed:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def after(
        self, viewing: Viewing, cursor: FeedPosition, limit: int, types: list[str] | None
    ) -> FeedRead:
        """The next events `viewing.organization_id` may see, and the horizon looked to;
        those about another organization's member are recorded as disclosures."""
        async with self._pool.connection() as connection, connection.transaction():
            await connection.execute(GENERIC_PLANS)
            rows = await connection.fetch(
                _FEED,
                viewing.organization_id,
                str(cursor.txid),
                limit,
                types,
                *visibility_arguments(),
                cursor.position,
                viewing.now,
                viewing.request_id,
                viewing.operation,
                viewing.client_request_id,
                viewing.key_id,
            )
        return FeedRead(
            events=[feed_event_from_row(r) for r in rows if r["id"] is not None],
            horizon=rows[0]["horizon"],
        )


class PostgresOutbox:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def append(self, event: Event) -> None:
        await self._connection.write(
            Write(
                "INSERT INTO outbox_events "
                "(id, type, organization_id, subject_type, subject_id, occurred_at, data) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)",
                event.id,
                event.type.value,
                event.organization_id,
                event.subject_type,
                event.subject_id,
                event.occurred_at,
                msgspec.json.encode(event.data).decode(),
            )
        )
