"""Reach-outs, their responses, and each organization's reach-out settings."""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

import msgspec
from asyncpg import Record

from service.adapters.postgres.consent_sql import (
    consents_in_force,
    reach_out_audience,
    reach_out_supporters,
)
from service.adapters.postgres.networks import takes_part_sql
from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.session import Session
from service.domain.accounting import Viewing
from service.domain.consent import DataScope
from service.domain.networks import NetworkKind
from service.domain.reach_outs import (
    CrisisResource,
    EscalationWindows,
    ReachOut,
    ReachOutOutcome,
    ReachOutSettings,
    ReachOutUrgency,
    Response,
    ResponseTimes,
    SeenReachOut,
    response_seen_by,
)

_PLAIN_COLUMNS = (
    "id",
    "member_id",
    "organization_id",
    "urgency",
    "message",
    "circle_ids",
    "opened_at",
    "escalates_at",
    "first_answered_at",
    "escalated_at",
    "closed_at",
    "outcome",
    "version",
)


def reach_out_columns(alias: str) -> str:
    """A reach-out's columns of table alias `alias`, as reach_out_from_row reads them."""
    plain = ", ".join(f"{alias}.{c}" for c in _PLAIN_COLUMNS)
    return f"{plain}, {alias}.crisis_resources::text AS crisis_resources"


REACH_OUT_COLUMNS = reach_out_columns("reach_outs")
_RESOURCES = msgspec.json.Decoder(tuple[CrisisResource, ...])
_REACH_OUTS = f"'{DataScope.REACH_OUTS.value}'"
_CIRCLE = NetworkKind.CIRCLE.value


def reach_out_from_row(row: Record) -> ReachOut:
    outcome = row["outcome"]
    return ReachOut(
        id=row["id"],
        member_id=row["member_id"],
        organization_id=row["organization_id"],
        urgency=ReachOutUrgency(row["urgency"]),
        message=row["message"],
        circle_ids=tuple(row["circle_ids"]),
        crisis_resources=_RESOURCES.decode(row["crisis_resources"]),
        opened_at=row["opened_at"],
        escalates_at=row["escalates_at"],
        first_answered_at=row["first_answered_at"],
        escalated_at=row["escalated_at"],
        closed_at=row["closed_at"],
        outcome=None if outcome is None else ReachOutOutcome(outcome),
        version=row["version"],
    )


def _consents_to(viewer: str, now: str) -> str:
    """The ids of the consents from reach-out r's member to `viewer`, in force at `now`,
    covering `reach_outs`."""
    return consents_in_force("r.member_id", viewer, now, f"{_REACH_OUTS} = ANY(c.effective_scopes)")


def _seen_by(viewer: str, now: str) -> str:
    """Reach-out r (joined to its member m) is the viewer's to see: its home organization, or
    one in its audience (a consent in force covering `reach_outs`, the member not erased, an
    active supporter of the viewer's in a circle asked)."""
    return f"""(r.organization_id = {viewer} OR (
        m.erased_at IS NULL AND cardinality({_consents_to(viewer, now)}) > 0
        AND {reach_out_audience("r.circle_ids", "r.member_id", viewer)}))"""


# $1 reach-out, $2 viewer, $3 now, $4 home only.
_FOR_UPDATE = f"""
SELECT {reach_out_columns("r")}
FROM reach_outs r JOIN members m ON m.id = r.member_id
WHERE r.id = $1 AND (r.organization_id = $2 OR (NOT $4 AND {_seen_by("$2", "$3")}))
FOR UPDATE OF r
"""  # noqa: S608

# A reach-out as the viewer may see it, the responses to it and the viewer's members it asks;
# a read by another organization than the home one is recorded as a disclosure of the member.
# $1 reach-out, $2 viewer, $3 now, $4 operation, $5 request id, $6 caller's request id, $7 key.
_SEEN = f"""
WITH seen AS (
    SELECT {reach_out_columns("r")},
           CASE WHEN r.organization_id = $2 THEN '{{}}'::uuid[]
                ELSE {_consents_to("$2", "$3")} END AS consent_ids
    FROM reach_outs r JOIN members m ON m.id = r.member_id
    WHERE r.id = $1 AND {_seen_by("$2", "$3")}
), logged AS (
    INSERT INTO disclosures (member_id, organization_id, recipient_organization_id, consent_ids,
                             scopes, operation, request_id, disclosed_at, client_request_id,
                             key_id)
    SELECT s.member_id, s.organization_id, $2, s.consent_ids, ARRAY[{_REACH_OUTS}], $4, $5, $3,
           $6, $7::uuid
    FROM seen s
    WHERE s.organization_id <> $2
)
SELECT {", ".join(f"s.{c}" for c in _PLAIN_COLUMNS if c != "circle_ids")},
       s.crisis_resources, s.consent_ids,
       -- Only the circles asked that the viewer takes part in: the others are not its to know.
       ARRAY(SELECT c FROM unnest(s.circle_ids) AS c
             WHERE {takes_part_sql("c", "$2")} ORDER BY c) AS circle_ids,
       ARRAY({reach_out_supporters("s.circle_ids", "s.member_id", "$2")}
             ORDER BY ms.member_id) AS asked,
       (SELECT coalesce(json_agg(json_build_object(
                   'id', x.id, 'reach_out_id', x.reach_out_id,
                   'supporter_member_id', x.supporter_member_id,
                   'organization_id', x.organization_id, 'kind', x.kind, 'at', x.responded_at)
                   ORDER BY x.responded_at, x.id), '[]')
        FROM reach_out_responses x WHERE x.reach_out_id = s.id)::text AS responses
FROM seen s
"""  # noqa: S608

_RESPONSES = msgspec.json.Decoder(list[Response])

# The organization's reach-outs opened in [$2, $3), those that asked $4 only if given: the
# nearest-rank percentiles (percentile_disc) of the time to a first answer.
_RESPONSE_TIMES = """
SELECT count(*) AS opened,
       count(first_answered_at) AS answered,
       count(*) FILTER (WHERE first_answered_at IS NULL) AS unanswered,
       count(escalated_at) AS escalated,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY first_answered_at - opened_at) AS p50,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY first_answered_at - opened_at) AS p90
FROM reach_outs
WHERE organization_id = $1 AND opened_at >= $2 AND opened_at < $3
  AND ($4::uuid IS NULL OR $4 = ANY(circle_ids))
"""


class PostgresReachOutRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def circles_around(self, member_id: UUID) -> list[UUID]:
        rows = await self._connection.fetch(
            "SELECT id FROM networks WHERE focus_member_id = $1 AND kind = $2 "
            "AND status = 'active' ORDER BY id",
            member_id,
            _CIRCLE,
        )
        return [r["id"] for r in rows]

    async def settings(self, organization_id: UUID) -> ReachOutSettings:
        row = await self._connection.fetchrow(
            "SELECT escalate_now_seconds, escalate_today_seconds, "
            "crisis_resources::text AS crisis_resources, version "
            "FROM reach_out_settings WHERE organization_id = $1",
            organization_id,
        )
        if row is None:
            return ReachOutSettings()
        return ReachOutSettings(
            windows=EscalationWindows(
                now=timedelta(seconds=row["escalate_now_seconds"]),
                today=timedelta(seconds=row["escalate_today_seconds"]),
            ),
            resources=_RESOURCES.decode(row["crisis_resources"]),
            version=row["version"],
        )

    async def save_settings(
        self, organization_id: UUID, settings: ReachOutSettings, now: datetime
    ) -> None:
        await self._connection.execute(
            "INSERT INTO reach_out_settings (organization_id, escalate_now_seconds, "
            "escalate_today_seconds, crisis_resources, version, updated_at) "
            "VALUES ($1, $2, $3, $4::jsonb, $5, $6) "
            "ON CONFLICT (organization_id) DO UPDATE SET "
            "escalate_now_seconds = excluded.escalate_now_seconds, "
            "escalate_today_seconds = excluded.escalate_today_seconds, "
            "crisis_resources = excluded.crisis_resources, version = excluded.version, "
            "updated_at = excluded.updated_at",
            organization_id,
            int(settings.windows.now.total_seconds()),
            int(settings.windows.today.total_seconds()),
            msgspec.json.encode(settings.resources).decode(),
            settings.version,
            now,
        )

    async def add(self, reach_out: ReachOut) -> None:
        r = reach_out
        await self._connection.execute(
            "INSERT INTO reach_outs (id, member_id, organization_id, urgency, message, "
            "circle_ids, crisis_resources, opened_at, escalates_at, version) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)",
            r.id,
            r.member_id,
            r.organization_id,
            r.urgency.value,
            r.message,
            list(r.circle_ids),
            msgspec.json.encode(r.crisis_resources).decode(),
            r.opened_at,
            r.escalates_at,
            r.version,
        )

    async def get_for_update(
        self, viewer: UUID, reach_out_id: UUID, now: datetime, *, home_only: bool
    ) -> ReachOut | None:
        row = await self._connection.fetchrow(_FOR_UPDATE, reach_out_id, viewer, now, home_only)
        return None if row is None else reach_out_from_row(row)

    async def asked(self, reach_out: ReachOut, organization_id: UUID) -> list[UUID]:
        rows = await self._connection.fetch(
            f"{reach_out_supporters('$1::uuid[]', '$2', '$3')} ORDER BY ms.member_id",
            list(reach_out.circle_ids),
            reach_out.member_id,
            organization_id,
        )
        return [r["member_id"] for r in rows]

    async def add_response(self, response: Response) -> None:
        await self._connection.execute(
            "INSERT INTO reach_out_responses (id, reach_out_id, supporter_member_id, "
            "organization_id, kind, responded_at) VALUES ($1, $2, $3, $4, $5, $6)",
            response.id,
            response.reach_out_id,
            response.supporter_member_id,
            response.organization_id,
            response.kind.value,
            response.at,
        )

    async def save(self, reach_out: ReachOut) -> None:
        r = reach_out
        await self._connection.execute(
            "UPDATE reach_outs SET first_answered_at = $2, escalated_at = $3, closed_at = $4, "
            "outcome = $5, version = $6 WHERE id = $1",
            r.id,
            r.first_answered_at,
            r.escalated_at,
            r.closed_at,
            None if r.outcome is None else r.outcome.value,
            r.version,
        )

    async def due_to_escalate(self, now: datetime, limit: int) -> list[ReachOut]:
        rows = await self._connection.fetch(
            f"SELECT {REACH_OUT_COLUMNS} FROM reach_outs "  # noqa: S608
            "WHERE closed_at IS NULL AND first_answered_at IS NULL AND escalated_at IS NULL "
            "AND escalates_at <= $1 ORDER BY escalates_at LIMIT $2 FOR UPDATE SKIP LOCKED",
            now,
            limit,
        )
        return [reach_out_from_row(r) for r in rows]

    async def due_to_expire(self, opened_before: datetime, limit: int) -> list[ReachOut]:
        rows = await self._connection.fetch(
            f"SELECT {REACH_OUT_COLUMNS} FROM reach_outs "  # noqa: S608
            "WHERE closed_at IS NULL AND opened_at <= $1 "
            "ORDER BY opened_at LIMIT $2 FOR UPDATE SKIP LOCKED",
            opened_before,
            limit,
        )
        return [reach_out_from_row(r) for r in rows]


class PostgresReachOutQueries:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def get(self, viewing: Viewing, reach_out_id: UUID) -> SeenReachOut | None:
        row = await self._pool.fetchrow(
            _SEEN,
            reach_out_id,
            viewing.organization_id,
            viewing.now,
            viewing.operation,
            viewing.request_id,
            viewing.client_request_id,
            viewing.key_id,
        )
        if row is None:
            return None
        viewer = viewing.organization_id
        return SeenReachOut(
            reach_out=reach_out_from_row(row),
            responses=tuple(
                response_seen_by(r, viewer, row["organization_id"])
                for r in _RESPONSES.decode(row["responses"])
            ),
            asked=tuple(row["asked"]),
            consent_ids=tuple(row["consent_ids"]),
        )

    async def response_times(
        self,
        organization_id: UUID,
        since: datetime,
        until: datetime,
        network_id: UUID | None,
    ) -> ResponseTimes:
        row = await self._pool.fetchrow(_RESPONSE_TIMES, organization_id, since, until, network_id)
        assert row is not None
        return ResponseTimes(
            opened=row["opened"],
            answered=row["answered"],
            unanswered=row["unanswered"],
            escalated=row["escalated"],
            p50=row["p50"],
            p90=row["p90"],
        )
