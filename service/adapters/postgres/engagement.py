"""The daily evaluation of members: claiming those due, reading a batch's activity in one
statement, writing the batch back in one statement; each organization's thresholds."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from uuid import UUID

import msgspec

from service.adapters.postgres.session import Session
from service.domain.disengagement import (
    LONGEST_RUN_LOOKED_AT,
    Activity,
    Engagement,
    Episode,
    Evaluated,
    Reason,
    Thresholds,
    run_of,
)
from service.domain.meetings import AttendanceStatus, missed_in_a_row
from service.domain.reach_outs import ReachOutOutcome

# Claimed with SKIP LOCKED, oldest due first; an erased member comes back without a zone.
_DUE = """
SELECT e.member_id, m.organization_id, CASE WHEN m.erased_at IS NULL THEN m.timezone END
           AS timezone,
       e.episode_started_on, e.episode_reasons
FROM member_engagement e JOIN members m ON m.id = e.member_id
WHERE e.due_at <= $1
ORDER BY e.due_at
LIMIT $2
FOR UPDATE OF e SKIP LOCKED
"""

# A check-in by the member (not a period the sweep recorded as missed), current, on a pledge
# active now; its local day is the day it was recorded in the member's zone.
_CHECK_IN = (
    "p.member_id = b.member_id AND p.status = 'active' AND NOT ci.by_sweep "
    "AND ci.superseded_at IS NULL AND ci.outcome <> 'missed'"
)
_NO_LONGER_NEEDED = ReachOutOutcome.NO_LONGER_NEEDED.value
# The instant the evaluated local day ends: nothing after it counts for that day (a sweep
# that runs late reads the day as it was).
_DAY_ENDS = "((b.day + 1)::timestamp AT TIME ZONE m.timezone)"

# $1 members, $2 the local day evaluated for each, $3 how many periods and meetings a run
# looks back over. Every subquery is an index probe by member (or by pledge).
_ACTIVITY = f"""
SELECT b.member_id,
       ARRAY(SELECT DISTINCT (ci.recorded_at AT TIME ZONE m.timezone)::date
             FROM pledges p JOIN check_ins ci ON ci.pledge_id = p.id
             WHERE {_CHECK_IN}
               AND ci.recorded_at >= (b.day - 31)::timestamp AT TIME ZONE m.timezone
               AND ci.recorded_at < {_DAY_ENDS})
           AS recent_check_ins,
       (SELECT max((ci.recorded_at AT TIME ZONE m.timezone)::date)
        FROM pledges p JOIN check_ins ci ON ci.pledge_id = p.id
        WHERE {_CHECK_IN}
          AND ci.recorded_at < {_DAY_ENDS}) AS last_check_in,
       (SELECT min(p.starts_on) FROM pledges p
        WHERE p.member_id = b.member_id AND p.status = 'active' AND p.starts_on <= b.day)
           AS active_since,
       (SELECT coalesce(json_agg(x.outcomes), '[]')
        FROM pledges p CROSS JOIN LATERAL (
            SELECT ARRAY(SELECT ci.outcome FROM check_ins ci
                         WHERE ci.pledge_id = p.id AND ci.superseded_at IS NULL
                           AND ci.period_start <= b.day
                         ORDER BY ci.period_start DESC LIMIT $3) AS outcomes) x
        WHERE p.member_id = b.member_id AND p.status = 'active')::text AS pledge_outcomes,
       ARRAY(SELECT a.status FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id
             WHERE a.member_id = b.member_id AND a.local_date <= b.day
             ORDER BY a.local_date DESC, mt.local_time DESC, a.meeting_id DESC
             LIMIT $3) AS meetings,
       (SELECT max((a.local_date)) FROM attendance a
        WHERE a.member_id = b.member_id AND a.status = 'attended' AND a.local_date <= b.day)
           AS last_attended,
       (SELECT max((r.closed_at AT TIME ZONE m.timezone)::date) FROM reach_outs r
        WHERE r.member_id = b.member_id AND r.outcome = '{_NO_LONGER_NEEDED}'
          AND r.closed_at < {_DAY_ENDS}) AS no_longer_needed_on,
       (SELECT max((r.opened_at AT TIME ZONE m.timezone)::date) FROM reach_outs r
        WHERE r.member_id = b.member_id AND r.opened_at < {_DAY_ENDS}) AS last_reach_out,
       (SELECT max((po.created_at AT TIME ZONE m.timezone)::date) FROM posts po
        WHERE po.author_member_id = b.member_id AND po.created_at < {_DAY_ENDS}) AS last_post
FROM unnest($1::uuid[], $2::date[]) AS b(member_id, day)
JOIN members m ON m.id = b.member_id
"""  # noqa: S608 (constants only)

# An erased member (no next due time) is never due again.
_SAVE = """
UPDATE member_engagement e SET
    due_at = coalesce(u.due_at, 'infinity'), evaluated_on = u.evaluated_on,
    episode_started_on = u.started_on,
    episode_reasons = CASE WHEN u.started_on IS NULL THEN NULL
                           ELSE string_to_array(u.reasons, ',') END
FROM unnest($1::uuid[], $2::timestamptz[], $3::date[], $4::date[], $5::text[])
     AS u(member_id, due_at, evaluated_on, started_on, reasons)
WHERE e.member_id = u.member_id
"""

_THRESHOLD_COLUMNS = (
    "gap_factor, gap_floor_days, missed_periods, missed_meetings, quiet_days_after_reach_out, "
    "version"
)
_OUTCOMES = msgspec.json.Decoder(list[list[str]])


def _latest(*days: date | None) -> date | None:
    known = [d for d in days if d is not None]
    return max(known) if known else None


class PostgresEngagementRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def due(self, now: datetime, limit: int) -> list[Engagement]:
        rows = await self._connection.fetch(_DUE, now, limit)
        return [
            Engagement(
                member_id=r["member_id"],
                organization_id=r["organization_id"],
                timezone=r["timezone"],
                episode=None
                if r["episode_started_on"] is None
                else Episode(
                    started_on=r["episode_started_on"],
                    reasons=tuple(Reason(x) for x in r["episode_reasons"]),
                ),
            )
            for r in rows
        ]

    async def activity(self, members: Sequence[tuple[UUID, date]]) -> dict[UUID, Activity]:
        if not members:
            return {}
        rows = await self._connection.fetch(
            _ACTIVITY,
            [m for m, _ in members],
            [d for _, d in members],
            LONGEST_RUN_LOOKED_AT,
        )
        found: dict[UUID, Activity] = {}
        for r in rows:
            recent: list[date] = list(r["recent_check_ins"])
            last_check_in = r["last_check_in"]
            if last_check_in is not None and last_check_in not in recent:
                recent.append(last_check_in)
            outcomes = _OUTCOMES.decode(r["pledge_outcomes"])
            found[r["member_id"]] = Activity(
                check_in_days=recent,
                active_pledge_since=r["active_since"],
                missed_periods_in_a_row=max((run_of(o, "missed") for o in outcomes), default=0),
                meetings_missed_in_a_row=missed_in_a_row(
                    [AttendanceStatus(s) for s in r["meetings"]]
                ),
                reach_out_no_longer_needed_on=r["no_longer_needed_on"],
                last_activity_on=_latest(
                    last_check_in, r["last_attended"], r["last_reach_out"], r["last_post"]
                ),
            )
        return found

    async def thresholds(self, organization_ids: Sequence[UUID]) -> dict[UUID, Thresholds]:
        rows = await self._connection.fetch(
            f"SELECT organization_id, {_THRESHOLD_COLUMNS} FROM disengagement_thresholds "  # noqa: S608
            "WHERE organization_id = ANY($1::uuid[])",
            list(organization_ids),
        )
        found = {
            r["organization_id"]: Thresholds(
                gap_factor=r["gap_factor"],
                gap_floor_days=r["gap_floor_days"],
                missed_periods=r["missed_periods"],
                missed_meetings=r["missed_meetings"],
                quiet_days_after_reach_out=r["quiet_days_after_reach_out"],
                version=r["version"],
            )
            for r in rows
        }
        return {o: found.get(o, Thresholds()) for o in organization_ids}

    async def save_thresholds(
        self, organization_id: UUID, thresholds: Thresholds, now: datetime
    ) -> None:
        t = thresholds
        await self._connection.execute(
            f"INSERT INTO disengagement_thresholds (organization_id, {_THRESHOLD_COLUMNS}, "  # noqa: S608
            "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
            "ON CONFLICT (organization_id) DO UPDATE SET gap_factor = excluded.gap_factor, "
            "gap_floor_days = excluded.gap_floor_days, "
            "missed_periods = excluded.missed_periods, "
            "missed_meetings = excluded.missed_meetings, "
            "quiet_days_after_reach_out = excluded.quiet_days_after_reach_out, "
            "version = excluded.version, updated_at = excluded.updated_at",
            organization_id,
            t.gap_factor,
            t.gap_floor_days,
            t.missed_periods,
            t.missed_meetings,
            t.quiet_days_after_reach_out,
            t.version,
            now,
        )

    async def save(self, evaluated: Sequence[Evaluated]) -> None:
        if not evaluated:
            return
        await self._connection.execute(
            _SAVE,
            [e.member_id for e in evaluated],
            [e.due_at for e in evaluated],
            [e.evaluated_on for e in evaluated],
            [None if e.episode is None else e.episode.started_on for e in evaluated],
            [
                None if e.episode is None else ",".join(r.value for r in e.episode.reasons)
                for e in evaluated
            ],
        )
