"""Repositories used inside a unit of work (one connection, one transaction)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import asyncpg
import msgspec

from service.adapters.postgres.mapping import (
    API_KEY_COLUMNS,
    MEMBER_COLUMN_NAMES,
    MEMBER_COLUMNS,
    ORGANIZATION_COLUMNS,
    api_key_from_row,
    api_key_to_params,
    member_from_row,
    member_to_columns,
    member_to_params,
    organization_from_row,
)
from service.adapters.postgres.session import Session, Write
from service.domain.errors import DuplicateExternalRef
from service.domain.events import Event
from service.domain.members import Member
from service.domain.organizations import ApiKey, Organization

_INSERT_MEMBER = f"""
INSERT INTO members ({MEMBER_COLUMNS})
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
ON CONFLICT (organization_id, external_ref) WHERE external_ref IS NOT NULL DO NOTHING
"""  # noqa: S608 (constant column list, no input)

_SELECT_MEMBER_FOR_UPDATE = f"""
SELECT {MEMBER_COLUMNS} FROM members WHERE id = $1 AND organization_id = $2 FOR UPDATE
"""  # noqa: S608

# Every column a change may touch; the key and created_at never change. Built from the names,
# and filled by name below: no parameter depends on a column's position.
_MEMBER_CHANGED_COLUMNS = tuple(
    c for c in MEMBER_COLUMN_NAMES if c not in ("id", "organization_id", "created_at")
)
_UPDATE_MEMBER = (
    "UPDATE members SET "  # noqa: S608 (column names are constants)
    + ", ".join(f"{c} = ${n}" for n, c in enumerate(_MEMBER_CHANGED_COLUMNS, start=3))
    + " WHERE id = $1 AND organization_id = $2"
)

# An erasure reaches every stored copy and every free text about the member: the texts of its
# pledges, check-in and restart notes, custom milestone titles, cheers on its milestones, its
# consents' signer, purpose and revocation reason, the reasons of its referrals and their
# changes, and the stored Idempotency-Key responses that carry any of these (or the member)
# by id. Ids, dates, statuses and scopes stay, so that the accounting of disclosures and the
# references of other organizations remain whole. One statement: one snapshot, one round trip.
ERASE_TRACES = """
WITH ids AS (
    SELECT $1::uuid AS id
    UNION ALL SELECT id FROM pledges WHERE member_id = $1
    UNION ALL SELECT id FROM consents WHERE member_id = $1
    UNION ALL SELECT id FROM custom_milestones WHERE member_id = $1
    UNION ALL SELECT id FROM cheers WHERE member_id = $1
    UNION ALL SELECT id FROM referrals WHERE member_id = $1
), pledge_texts AS (
    UPDATE pledges SET text = '' WHERE member_id = $1
), check_in_notes AS (
    UPDATE check_ins SET note = NULL
    WHERE note IS NOT NULL AND pledge_id IN (SELECT id FROM pledges WHERE member_id = $1)
), restart_notes AS (
    UPDATE recovery_periods SET note = NULL WHERE member_id = $1 AND note IS NOT NULL
), custom_titles AS (
    UPDATE custom_milestones SET title = '' WHERE member_id = $1
), cheer_messages AS (
    UPDATE cheers SET message = '' WHERE member_id = $1
), consent_texts AS (
    UPDATE consents SET signed_by = '', purpose = '', revocation_reason = NULL
    WHERE member_id = $1
), referral_reasons AS (
    UPDATE referrals SET reason = '' WHERE member_id = $1
), change_reasons AS (
    UPDATE referral_status_changes SET reason = NULL
    WHERE reason IS NOT NULL AND referral_id IN (SELECT id FROM referrals WHERE member_id = $1)
)
UPDATE idempotency_keys k SET response_status = 410, response_headers = '{}'::jsonb,
    response_body = NULL
WHERE k.resource_id = $1
   OR (k.response_body IS NOT NULL AND EXISTS (
        SELECT 1 FROM ids WHERE position(convert_to(ids.id::text, 'UTF8') IN k.response_body) > 0
   ))
"""

_MEMBER_BY_EXTERNAL_REF = """
SELECT id FROM members WHERE organization_id = $1 AND external_ref = $2
"""


class PostgresMemberRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, member: Member) -> None:
        external_ref = member.external_ref
        if external_ref is None:
            await self._connection.write(Write(_INSERT_MEMBER, *member_to_params(member)))
            return

        async def duplicate() -> Exception:
            return await self._duplicate(member.organization_id, external_ref)

        await self._connection.write(
            Write(_INSERT_MEMBER, *member_to_params(member), expected_rows=1, explain=duplicate)
        )

    async def get_for_update(self, organization_id: UUID, member_id: UUID) -> Member | None:
        row = await self._connection.fetchrow(_SELECT_MEMBER_FOR_UPDATE, member_id, organization_id)
        return None if row is None else member_from_row(row)

    async def get_any(self, member_id: UUID) -> Member | None:
        row = await self._connection.fetchrow(
            f"SELECT {MEMBER_COLUMNS} FROM members WHERE id = $1",  # noqa: S608
            member_id,
        )
        return None if row is None else member_from_row(row)

    async def get_any_for_share(self, member_id: UUID) -> Member | None:
        # FOR SHARE: many such writes at once, but not beside an erasure (FOR UPDATE) of the
        # member; it waits a moment behind the milestone sweep's claim of the row.
        row = await self._connection.fetchrow(
            f"SELECT {MEMBER_COLUMNS} FROM members WHERE id = $1 FOR SHARE",  # noqa: S608
            member_id,
        )
        return None if row is None else member_from_row(row)

    async def save(self, member: Member) -> None:
        columns = member_to_columns(member)
        params = (
            columns["id"],
            columns["organization_id"],
            *(columns[c] for c in _MEMBER_CHANGED_COLUMNS),
        )
        # Send what was held back first: its errors are not this update's.
        await self._connection.begin()
        try:
            # A savepoint keeps the transaction usable to look up the existing member.
            async with self._connection.savepoint():
                await self._connection.execute(_UPDATE_MEMBER, *params)
        except asyncpg.UniqueViolationError:
            assert member.external_ref is not None
            raise await self._duplicate(member.organization_id, member.external_ref) from None
        if member.erased_at is not None:
            await self._connection.execute(ERASE_TRACES, member.id)

    async def _duplicate(self, organization_id: UUID, external_ref: str) -> DuplicateExternalRef:
        existing = await self._connection.fetchval(
            _MEMBER_BY_EXTERNAL_REF, organization_id, external_ref
        )
        return DuplicateExternalRef(external_ref, existing)


class PostgresOrganizationRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, organization: Organization) -> None:
        await self._connection.execute(
            f"INSERT INTO organizations ({ORGANIZATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5)",  # noqa: S608
            organization.id,
            organization.name,
            organization.kind.value,
            organization.version,
            organization.created_at,
        )

    async def get(self, organization_id: UUID) -> Organization | None:
        row = await self._connection.fetchrow(
            f"SELECT {ORGANIZATION_COLUMNS} FROM organizations WHERE id = $1",  # noqa: S608
            organization_id,
        )
        return None if row is None else organization_from_row(row)


class PostgresApiKeyRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, key: ApiKey) -> None:
        await self._connection.execute(
            f"INSERT INTO api_keys ({API_KEY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",  # noqa: S608
            *api_key_to_params(key),
        )

    async def get(self, organization_id: UUID, key_id: UUID) -> ApiKey | None:
        row = await self._connection.fetchrow(
            f"SELECT {API_KEY_COLUMNS} FROM api_keys WHERE id = $1 AND organization_id = $2",  # noqa: S608
            key_id,
            organization_id,
        )
        return None if row is None else api_key_from_row(row)

    async def revoke(self, organization_id: UUID, key_id: UUID, now: datetime) -> None:
        await self._connection.execute(
            "UPDATE api_keys SET revoked_at = $3 "
            "WHERE id = $1 AND organization_id = $2 AND revoked_at IS NULL",
            key_id,
            organization_id,
            now,
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
