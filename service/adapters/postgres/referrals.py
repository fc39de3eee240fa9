"""Referrals and their status history."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from asyncpg import Record

from service.adapters.postgres.consent_sql import consents_in_force
from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.session import Session
from service.adapters.postgres.sql import BEFORE_ALL, struct_from_row
from service.domain.accounting import Viewing
from service.domain.paging import Page, PageRequest, page_from_rows
from service.domain.referral_sight import SeenReferral, referral_seen_by
from service.domain.referrals import (
    DuplicateReferral,
    Referral,
    ReferralStatus,
    StatusChange,
)

REFERRAL_COLUMNS = (
    "id, sender_organization_id, receiver_organization_id, member_id, network_id, consent_id, "
    "reason, urgency, external_ref, status, answer_by, version, created_at, updated_at"
)
CHANGE_COLUMNS = "id, referral_id, from_status, to_status, actor_organization_id, reason, at"
# The sender or the receiver; nobody else learns that a referral exists.
_EITHER_SIDE = "(sender_organization_id = $2 OR receiver_organization_id = $2)"


def referral_from_row(row: Record) -> Referral:
    return struct_from_row(Referral, row)


def change_from_row(row: Record) -> StatusChange:
    return struct_from_row(StatusChange, row)


class PostgresReferralRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, referral: Referral, change: StatusChange) -> None:
        r = referral
        inserted = await self._connection.fetchval(
            f"INSERT INTO referrals ({REFERRAL_COLUMNS}) "  # noqa: S608
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
            "ON CONFLICT (sender_organization_id, external_ref) DO NOTHING RETURNING id",
            r.id,
            r.sender_organization_id,
            r.receiver_organization_id,
            r.member_id,
            r.network_id,
            r.consent_id,
            r.reason,
            r.urgency.value,
            r.external_ref,
            r.status.value,
            r.answer_by,
            r.version,
            r.created_at,
            r.updated_at,
        )
        if inserted is None:
            assert r.external_ref is not None  # NULLs never conflict
            existing = await self._connection.fetchval(
                "SELECT id FROM referrals WHERE sender_organization_id = $1 AND external_ref = $2",
                r.sender_organization_id,
                r.external_ref,
            )
            raise DuplicateReferral(r.external_ref, existing)
        await self._append(change)

    async def _append(self, change: StatusChange) -> None:
        await self._connection.execute(
            f"INSERT INTO referral_status_changes ({CHANGE_COLUMNS}) "  # noqa: S608
            "VALUES ($1, $2, $3, $4, $5, $6, $7)",
            change.id,
            change.referral_id,
            None if change.from_status is None else change.from_status.value,
            change.to_status.value,
            change.actor_organization_id,
            change.reason,
            change.at,
        )

    async def get_for_update(self, organization_id: UUID, referral_id: UUID) -> Referral | None:
        row = await self._connection.fetchrow(
            f"SELECT {REFERRAL_COLUMNS} FROM referrals "  # noqa: S608
            f"WHERE id = $1 AND {_EITHER_SIDE} FOR UPDATE",
            referral_id,
            organization_id,
        )
        return None if row is None else referral_from_row(row)

    async def save(self, referral: Referral, change: StatusChange) -> None:
        await self._connection.execute(
            "UPDATE referrals SET status = $2, version = $3, updated_at = $4 WHERE id = $1",
            referral.id,
            referral.status.value,
            referral.version,
            referral.updated_at,
        )
        await self._append(change)

    async def open_with_consent(self, consent_id: UUID, *, excluding: UUID) -> bool:
        found: bool = await self._connection.fetchval(
            "SELECT EXISTS (SELECT 1 FROM referrals WHERE consent_id = $1 AND id <> $2 "
            "AND status IN ('requested', 'accepted', 'in_progress'))",
            consent_id,
            excluding,
        )
        return found

    async def overdue(self, now: datetime, limit: int) -> list[Referral]:
        rows = await self._connection.fetch(
            f"SELECT {REFERRAL_COLUMNS} FROM referrals "  # noqa: S608
            "WHERE status = 'requested' AND answer_by <= $1 "
            "ORDER BY answer_by LIMIT $2 FOR UPDATE SKIP LOCKED",
            now,
            limit,
        )
        return [referral_from_row(r) for r in rows]


def _disclosed(
    rows: str,
    viewer: str,
    now: str,
    *,
    operation: str,
    request_id: str,
    client_request_id: str,
    key_id: str,
) -> str:
    """Record, for each of `rows` (a referral `s` with the consents `in_force`), that its person
    and reason went to `viewer` at `now`, read by `operation` in the request and with the key
    those placeholders name. A referral shows no scope of the member's record: its scopes are
    empty, its operation says what was read."""
    return f"""
    INSERT INTO disclosures (member_id, organization_id, recipient_organization_id, consent_ids,
                             scopes, operation, request_id, disclosed_at, client_request_id,
                             key_id)
    SELECT s.member_id, s.sender_organization_id, {viewer}, s.in_force, '{{}}'::text[],
           {operation}, {request_id}, {now}, {client_request_id}, {key_id}::uuid
    FROM {rows} AND cardinality(s.in_force) > 0"""  # noqa: S608 (placeholders only)


# A referral the viewer ($2) sent or received, with the member's consents to it in force at $3
# when it is the receiver ($4-$7: the request and key); a read that shows it the person is
# recorded by the same statement.
_GET_SEEN = f"""
WITH seen AS (
    SELECT {REFERRAL_COLUMNS},
           CASE WHEN sender_organization_id = $2 THEN '{{}}'::uuid[]
                ELSE {consents_in_force("r.member_id", "$2", "$3", "true")} END AS in_force
    FROM referrals r WHERE id = $1 AND {_EITHER_SIDE}
), logged AS ({
    _disclosed(
        "seen s WHERE true",
        "$2",
        "$3",
        operation="$4",
        request_id="$5",
        client_request_id="$6",
        key_id="$7",
    )
})
SELECT * FROM seen
"""  # noqa: S608 (constant SQL, no input)


def _received(wanted: str) -> str:
    """A page of the referrals the viewer ($1) received after $2, as _GET_SEEN sees each ($3:
    the page size plus one, to know whether there is more; only the rows the page shows are
    recorded; $4 now, $5-$8 the request and key, $9 the status wanted)."""
    return f"""
    WITH page AS (
        SELECT {REFERRAL_COLUMNS}, row_number() OVER (ORDER BY id) AS n FROM referrals
        WHERE receiver_organization_id = $1 AND id > $2 {wanted} ORDER BY id LIMIT $3
    ), seen AS (
        SELECT p.*, {consents_in_force("p.member_id", "$1", "$4", "true")} AS in_force
        FROM page p
    ), logged AS ({
        _disclosed(
            "seen s WHERE s.n < $3",
            "$1",
            "$4",
            operation="$5",
            request_id="$6",
            client_request_id="$7",
            key_id="$8",
        )
    })
    SELECT * FROM seen ORDER BY id"""  # noqa: S608 (constant SQL, no input)


_RECEIVED_ANY = _received("")
_RECEIVED_IN = _received("AND status = $9")


class PostgresReferralQueries:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def get(self, viewing: Viewing, referral_id: UUID) -> SeenReferral | None:
        row = await self._pool.fetchrow(
            _GET_SEEN,
            referral_id,
            viewing.organization_id,
            viewing.now,
            viewing.operation,
            viewing.request_id,
            viewing.client_request_id,
            viewing.key_id,
        )
        return None if row is None else _seen(row, viewing.organization_id)

    async def history(self, referral_id: UUID) -> list[StatusChange]:
        rows = await self._pool.fetch(
            f"SELECT {CHANGE_COLUMNS} FROM referral_status_changes "  # noqa: S608
            "WHERE referral_id = $1 ORDER BY at, id",
            referral_id,
        )
        return [change_from_row(r) for r in rows]

    async def list(
        self,
        viewing: Viewing,
        *,
        sent: bool,
        status: ReferralStatus | None,
        page: PageRequest,
    ) -> Page[SeenReferral]:
        viewer = viewing.organization_id
        wanted = () if status is None else (status.value,)
        if sent:
            # The sender is the member's home organization: it sees its own referrals whole.
            # Two statement texts, not "$n IS NULL OR": each stays an index condition
            # (migration 0008 has an index per side with and without status).
            rows = await self._pool.fetch(
                f"SELECT {REFERRAL_COLUMNS}, '{{}}'::uuid[] AS in_force FROM referrals "  # noqa: S608
                f"WHERE sender_organization_id = $1 AND id > $2 "
                f"{'' if status is None else 'AND status = $4 '}ORDER BY id LIMIT $3",
                viewer,
                page.after or BEFORE_ALL,
                page.limit + 1,
                *wanted,
            )
        else:
            rows = await self._pool.fetch(
                _RECEIVED_ANY if status is None else _RECEIVED_IN,
                viewer,
                page.after or BEFORE_ALL,
                page.limit + 1,
                viewing.now,
                viewing.operation,
                viewing.request_id,
                viewing.client_request_id,
                viewing.key_id,
                *wanted,
            )
        seen = [_seen(r, viewer) for r in rows]
        return page_from_rows(seen, page, lambda s: s.referral.id)


def _seen(row: Record, viewer: UUID) -> SeenReferral:
    return referral_seen_by(referral_from_row(row), viewer, row["in_force"])
