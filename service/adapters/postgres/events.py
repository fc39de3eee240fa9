"""The events feed: outbox rows an organization may see, in a stable order."""

from __future__ import annotations

import msgspec
from asyncpg import Record

from service.adapters.postgres.federation import CONSENT_IN_FORCE
from service.adapters.postgres.pool import FairPool
from service.domain.consent import Viewing
from service.domain.events import Event, EventType, FeedEvent, FeedPosition

# The member an event `e` is about (events of SCOPE_OF_EVENT's types carry one).
_EVENT_MEMBER = "(e.data->>'member_id')::uuid"


def _own_member(viewer: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM members m "  # noqa: S608 (placeholders only)
        f"WHERE m.id = {_EVENT_MEMBER} AND m.organization_id = {viewer})"
    )


def _consent_covers_now(viewer: str, scopes: str, now: str) -> str:
    """A consent to `viewer` in force at `now` covers event e's kind of data (`scopes`: the
    SCOPE_OF_EVENT JSON), and its member is not erased: a read of it would answer 410."""
    return f"""EXISTS (
        SELECT 1 FROM consents c JOIN members m ON m.id = c.member_id
        WHERE c.member_id = {_EVENT_MEMBER} AND c.recipient_organization_id = {viewer}
          AND {CONSENT_IN_FORCE.format(now=now)} AND m.erased_at IS NULL
          AND (({scopes}::jsonb)->>e.type) = ANY(c.scopes))"""  # noqa: S608


def consents_in_force(member: str, viewer: str, now: str, covering: str) -> str:
    """The ids of `member`'s consents to `viewer` in force at `now` whose scopes satisfy
    `covering`, as an array: what a disclosure record names."""
    return (
        f"ARRAY(SELECT c.id FROM consents c "  # noqa: S608 (placeholders only)
        f"WHERE c.member_id = {member} AND c.recipient_organization_id = {viewer} "
        f"AND {CONSENT_IN_FORCE.format(now=now)} AND {covering} ORDER BY c.id)"
    )


def still_allowed(viewer: str, types: str, scopes: str, now: str) -> str:
    """Whether event e may still go to `viewer` at `now`: an event about another
    organization's member needs a consent covering it now (`types`: SCOPE_OF_EVENT's keys)."""
    return (
        f"(e.type <> ALL({types}::text[]) OR e.organization_id = {viewer} "
        f"OR {_own_member(viewer)} OR {_consent_covers_now(viewer, scopes, now)})"
    )


def shown_data(viewer: str, now: str) -> str:
    """Event e's data as `viewer` may see it. A milestone's key names the start of its recovery
    period (`2026-01-05.30d`): restart history, the `recovery` scope's. Another organization
    without a consent in force covering `recovery` gets the event without that key (its label
    and dates stay: those are the `milestones` scope's)."""
    return f"""CASE
        WHEN e.type IN ('milestone.reached', 'milestone.cheered')
         AND e.data ? 'milestone_key'
         AND NOT {_own_member(viewer)}
         AND NOT EXISTS (
            SELECT 1 FROM consents c
            WHERE c.member_id = {_EVENT_MEMBER} AND c.recipient_organization_id = {viewer}
              AND {CONSENT_IN_FORCE.format(now=now)} AND 'recovery' = ANY(c.scopes))
        THEN e.data - 'milestone_key'
        ELSE e.data
    END"""  # noqa: S608 (placeholders only)


def visible_to(now: str) -> str:
    """Visible to organization $1: what it did itself; what happened in networks it takes part
    in; consents granted to it (granted, revoked, expired); referrals it sent or received;
    events about its own members (whoever acted); and events about another organization's
    member under a consent covering their kind of data both when the event happened and at
    `now` (revocation, expiry and erasure act at once, on every read). $5/$6 are
    visibility_arguments().

    Order is (txid, position): every transaction below the snapshot's xmin has ended, and any
    transaction still to commit has a txid at or above it, so once a row is handed out nothing
    can appear before it (see migration 0008)."""
    return f"""
    e.organization_id = $1
    OR (e.subject_type = 'network' AND EXISTS (
        SELECT 1 FROM network_organizations p
        WHERE p.network_id = e.subject_id AND p.organization_id = $1 AND p.status = 'active'))
    OR (e.subject_type = 'consent'
        AND e.data->>'recipient_organization_id' = $1::text)
    OR (e.subject_type = 'referral'
        AND (e.data->>'receiver_organization_id' = $1::text
             OR e.data->>'sender_organization_id' = $1::text))
    OR (e.type = ANY($5::text[]) AND {_own_member("$1")})
    OR (e.type = ANY($5::text[]) AND EXISTS (
        SELECT 1 FROM consents c
        WHERE c.member_id = {_EVENT_MEMBER}
          AND c.recipient_organization_id = $1
          AND c.created_at <= e.occurred_at
          AND (c.revoked_at IS NULL OR c.revoked_at > e.occurred_at)
          AND (c.ended_at IS NULL OR c.ended_at > e.occurred_at)
          AND (c.expires_at IS NULL OR c.expires_at > e.occurred_at)
          AND (($6::jsonb)->>e.type) = ANY(c.scopes))
      AND {_consent_covers_now("$1", "$6", now)})
"""  # noqa: S608


# Events about another organization's member that this read shows are disclosures: one record
# per member (the scopes its events stand for, the consents in force that allow them), written
# by the same statement, as every other cross-organization read does.
_FEED = f"""
WITH shown AS (
    SELECT e.txid::text::bigint AS txid, e.position, e.id, e.type, e.organization_id,
           e.subject_type, e.subject_id, e.occurred_at, {shown_data("$1", "$8")} AS data
    FROM outbox_events e
    WHERE (e.txid, e.position) > ($2::text::xid8, $7::bigint)
      AND e.txid < pg_snapshot_xmin(pg_current_snapshot())
      AND ($4::text[] IS NULL OR e.type = ANY($4))
      AND ({visible_to("$8")})
    ORDER BY e.txid, e.position
    LIMIT $3
), about_others AS (
    -- By the member's home organization: a cheer's event belongs to the one that cheered.
    -- A milestone event shown with its key (which names its period's start) shows recovery
    -- data too (shown_data keeps the key only under a recovery consent).
    SELECT m.id AS member_id, m.organization_id, array_agg(DISTINCT x.scope) AS scopes
    FROM shown s JOIN members m ON m.id = (s.data->>'member_id')::uuid
    CROSS JOIN LATERAL (VALUES
        (($6::jsonb)->>s.type),
        (CASE WHEN s.type IN ('milestone.reached', 'milestone.cheered')
                   AND s.data ? 'milestone_key' THEN 'recovery' END)
    ) AS x(scope)
    WHERE s.type = ANY($5::text[]) AND m.organization_id <> $1 AND x.scope IS NOT NULL
    GROUP BY m.id, m.organization_id
), logged AS (
    INSERT INTO disclosures (member_id, organization_id, recipient_organization_id, consent_ids,
                             scopes, operation, request_id, disclosed_at, client_request_id)
    SELECT o.member_id, o.organization_id, $1,
           {consents_in_force("o.member_id", "$1", "$8", "c.scopes && o.scopes")},
           o.scopes, $10, $9, $8, $11
    FROM about_others o
)
SELECT s.txid, s.position, s.id, s.type, s.organization_id, s.subject_type, s.subject_id,
       s.occurred_at, s.data::text AS data
FROM shown s
ORDER BY s.txid, s.position
"""  # noqa: S608 (constant SQL, no input)


# Which consent scope lets another organization see each kind of member event.
SCOPE_OF_EVENT: dict[str, str] = {
    "member.updated": "profile",
    "recovery.restarted": "recovery",
    "milestone.reached": "milestones",
    "milestone.cheered": "milestones",
    "pledge.created": "pledges",
    "pledge.checked_in": "pledges",
    "pledge.missed": "pledges",
}


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
        at=FeedPosition(txid=r["txid"], position=r["position"]), event=event_from_row(r)
    )


# The $5 and $6 of VISIBLE_TO.
_VISIBILITY_ARGUMENTS = (list(SCOPE_OF_EVENT), msgspec.json.encode(SCOPE_OF_EVENT).decode())


def visibility_arguments() -> tuple[list[str], str]:
    return _VISIBILITY_ARGUMENTS


class PostgresEventFeed:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def after(
        self, viewing: Viewing, cursor: FeedPosition, limit: int, types: list[str] | None
    ) -> list[FeedEvent]:
        """The next events `viewing.organization_id` may see; those about another
        organization's member are recorded as disclosures."""
        rows = await self._pool.fetch(
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
        )
        return [feed_event_from_row(r) for r in rows]
