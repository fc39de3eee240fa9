"""Members: their columns, the mapping by column name, the repository used inside a unit of
work, and the reads of one organization's own members."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import asyncpg
from asyncpg import Record

from service.adapters.postgres.conversation_erasure import erase_conversation
from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.session import Session, Write
from service.adapters.postgres.sql import BEFORE_ALL, Columns
from service.domain.errors import DuplicateExternalRef
from service.domain.members import Contact, Member
from service.domain.paging import Page, PageRequest, page_from_rows

MEMBER = Columns(
    "id",
    "organization_id",
    "display_name",
    "timezone",
    "external_ref",
    "recovery_started_on",
    "contact_email",
    "contact_phone",
    "version",
    "created_at",
    "updated_at",
    "erased_at",
    "recovery_started_time",
)


MEMBER_COLUMN_NAMES = MEMBER.names
MEMBER_COLUMNS = MEMBER.list


def member_from_row(row: Record) -> Member:
    email, phone = row["contact_email"], row["contact_phone"]
    return Member(
        id=row["id"],
        organization_id=row["organization_id"],
        display_name=row["display_name"],
        timezone=row["timezone"],
        external_ref=row["external_ref"],
        recovery_started_on=row["recovery_started_on"],
        contact=None if email is None and phone is None else Contact(email=email, phone=phone),
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        erased_at=row["erased_at"],
        recovery_started_time=row["recovery_started_time"],
    )


def member_to_columns(member: Member) -> dict[str, Any]:
    """The member's row, by column name."""
    contact = member.contact
    return {
        "id": member.id,
        "organization_id": member.organization_id,
        "display_name": member.display_name,
        "timezone": member.timezone,
        "external_ref": member.external_ref,
        "recovery_started_on": member.recovery_started_on,
        "contact_email": contact.email if contact else None,
        "contact_phone": contact.phone if contact else None,
        "version": member.version,
        "created_at": member.created_at,
        "updated_at": member.updated_at,
        "erased_at": member.erased_at,
        "recovery_started_time": member.recovery_started_time,
    }


def member_to_params(member: Member) -> tuple[Any, ...]:
    """Parameters in MEMBER_COLUMNS order, taken by name."""
    return MEMBER.params(member_to_columns(member))


_INSERT_MEMBER = f"""
INSERT INTO members ({MEMBER_COLUMNS})
VALUES ({MEMBER.values})
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
    UNION ALL SELECT id FROM reach_outs WHERE member_id = $1
), reach_out_messages AS (
    UPDATE reach_outs SET message = NULL WHERE member_id = $1 AND message IS NOT NULL
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
    UPDATE consents SET signed_by = '', purpose = '', revocation_reason = NULL,
                        revocation_received_by = NULL, patient_name = ''
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
            await erase_conversation(self._connection, member.id, member.erased_at)

    async def _duplicate(self, organization_id: UUID, external_ref: str) -> DuplicateExternalRef:
        existing = await self._connection.fetchval(
            _MEMBER_BY_EXTERNAL_REF, organization_id, external_ref
        )
        return DuplicateExternalRef(external_ref, existing)


# A member read by its home organization: no consent to check, nothing to record.
MEMBER_OF_ORGANIZATION = (
    f"SELECT {MEMBER_COLUMNS} FROM members WHERE id = $1 AND organization_id = $2"  # noqa: S608
)


_MEMBERS_PAGE = f"""
SELECT {MEMBER_COLUMNS} FROM members
WHERE organization_id = $1 AND id > $2 AND erased_at IS NULL
ORDER BY id
LIMIT $3
"""  # noqa: S608


_MEMBERS_BY_EXTERNAL_REF = f"""
SELECT {MEMBER_COLUMNS} FROM members
WHERE organization_id = $1 AND id > $2 AND external_ref = $4 AND erased_at IS NULL
ORDER BY id
LIMIT $3
"""  # noqa: S608


class PostgresMemberQueries:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def get(self, organization_id: UUID, member_id: UUID) -> Member | None:
        row = await self._pool.fetchrow(MEMBER_OF_ORGANIZATION, member_id, organization_id)
        return None if row is None else member_from_row(row)

    async def list(
        self, organization_id: UUID, page: PageRequest, external_ref: str | None
    ) -> Page[Member]:
        after = page.after or BEFORE_ALL
        if external_ref is None:
            rows = await self._pool.fetch(_MEMBERS_PAGE, organization_id, after, page.limit + 1)
        else:
            rows = await self._pool.fetch(
                _MEMBERS_BY_EXTERNAL_REF, organization_id, after, page.limit + 1, external_ref
            )
        return page_from_rows([member_from_row(r) for r in rows], page, lambda m: m.id)
