"""Consents and the accounting of disclosures: columns, mapping, the repository used inside a
unit of work, and the statements of the consent and accounting reads (which
federation_queries.py runs). The consent rule's SQL is in consent_sql.py."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from asyncpg import Record

from service.adapters.postgres.consent_sql import CONSENT_IN_FORCE, consent_reaches
from service.adapters.postgres.records import Executor, Table, TableRecords
from service.adapters.postgres.sql import Columns, struct_from_row
from service.domain.accounting import Disclosure, Viewing
from service.domain.consent import Consent, DataScope
from service.domain.members import Member
from service.domain.paging import Page, PageRequest, page_from_rows

CONSENT = Columns(
    "id",
    "member_id",
    "organization_id",
    "recipient_organization_id",
    "scopes",
    "purpose",
    "expires_on",
    "expires_at",
    "end_event",
    "signature_method",
    "signed_at",
    "signed_by",
    "recorded_by",
    "recorded_by_key_id",
    "version",
    "created_at",
    "updated_at",
    "revoked_at",
    "revocation_reason",
    "ended_at",
    "revocation_received_via",
    "revocation_received_at",
    "revocation_received_by",
    "revoked_by_key_id",
    "consent_type",
    "patient_name",
    "information",
    "data_period_start",
    "data_period_end",
    "purpose_code",
    "form_version",
    "statements",
    "signer_authority",
    "document_sha256",
    "restricted_scopes",
    "recipient_class",
    "participant_organization_ids",
    "participant_class",
)


# A consent's terms never change; what does is its revocation, its end and its restrictions.
CONSENTS = Table(
    "consents",
    Consent,
    CONSENT,
    changing=(
        "revoked_at",
        "revocation_reason",
        "ended_at",
        "version",
        "updated_at",
        "revocation_received_via",
        "revocation_received_at",
        "revocation_received_by",
        "revoked_by_key_id",
        "restricted_scopes",
    ),
)


def scope_set(scopes: Sequence[str]) -> frozenset[DataScope]:
    """A consent's scopes as stored (text[]) as the domain's set."""
    return _scope_set(tuple(scopes))


# Rows come with a handful of distinct scope lists: each is parsed once.
@functools.cache
def _scope_set(scopes: tuple[str, ...]) -> frozenset[DataScope]:
    return frozenset(DataScope(s) for s in scopes)


class PostgresConsentRepository(TableRecords[Consent]):
    def __init__(self, connection: Executor) -> None:
        super().__init__(connection, CONSENTS)

    async def in_force(
        self, member_id: UUID, recipient_organization_id: UUID, now: datetime
    ) -> list[tuple[UUID, frozenset[DataScope]]]:
        rows = await self._connection.fetch(
            "SELECT c.id, c.effective_scopes AS scopes FROM consents c "  # noqa: S608
            f"WHERE c.member_id = $1 AND {consent_reaches('$2')} AND "
            + CONSENT_IN_FORCE.format(now="$3"),
            member_id,
            recipient_organization_id,
            now,
        )
        return [(r["id"], scope_set(r["scopes"])) for r in rows]

    async def record_disclosure(
        self,
        member: Member,
        viewing: Viewing,
        consent_ids: list[UUID],
        scopes: frozenset[DataScope],
    ) -> None:
        await self._connection.execute(
            "INSERT INTO disclosures (member_id, organization_id, recipient_organization_id, "
            "consent_ids, scopes, operation, request_id, disclosed_at, client_request_id, key_id) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            member.id,
            member.organization_id,
            viewing.organization_id,
            consent_ids,
            sorted(scopes),
            viewing.operation,
            viewing.request_id,
            viewing.now,
            viewing.client_request_id,
            viewing.key_id,
        )

    async def in_force_of_member_for_update(self, member_id: UUID, now: datetime) -> list[Consent]:
        rows = await self._connection.fetch(
            f"SELECT {CONSENT.list} FROM consents c "  # noqa: S608
            "WHERE c.member_id = $1 AND " + CONSENT_IN_FORCE.format(now="$2") + " "
            "ORDER BY c.id FOR UPDATE",
            member_id,
            now,
        )
        return CONSENTS.records(rows)

    async def due_for_expiry_notice(self, now: datetime, limit: int) -> list[Consent]:
        """Consents whose expiry passed and was not announced yet, claimed for this
        transaction: several workers can run this at once and never claim the same one."""
        rows = await self._connection.fetch(
            f"SELECT {CONSENT.list} FROM consents "  # noqa: S608
            "WHERE expiry_announced_at IS NULL AND revoked_at IS NULL AND ended_at IS NULL "
            "AND expires_at <= $1 "
            "ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED",
            now,
            limit,
        )
        return CONSENTS.records(rows)

    async def mark_expiry_announced(self, consent_id: UUID, now: datetime) -> None:
        await self._connection.execute(
            "UPDATE consents SET expiry_announced_at = $2 WHERE id = $1", consent_id, now
        )


CONSENTS_OF_MEMBER = f"""
SELECT {CONSENT.list} FROM consents
WHERE member_id = $1 AND organization_id = $2 AND id > $3 ORDER BY id LIMIT $4
"""  # noqa: S608


CONSENT_FOR_VIEWER = f"""
SELECT {CONSENT.of("c")} FROM consents c
WHERE c.id = $1 AND (c.organization_id = $2 OR {consent_reaches("$2")})
"""  # noqa: S608


# A disclosure as the accounting shows it: with the recipient's name and address as they are
# now, the purposes its consents state (erasure blanks them), and the intermediary it went
# through, if a consent to one let it reach the recipient. Its WHERE follows.
DISCLOSURE_ENTRIES = """
SELECT d.id, d.position, d.member_id, d.recipient_organization_id, d.consent_ids, d.scopes,
       d.operation, d.request_id, d.client_request_id, d.disclosed_at, d.key_id,
       o.name AS recipient_name, o.address AS recipient_address,
       ARRAY(SELECT c.purpose FROM consents c
             WHERE c.id = ANY(d.consent_ids) AND c.purpose <> '' ORDER BY c.id) AS purposes,
       via.id AS intermediary_organization_id, via.name AS intermediary_name
FROM disclosures d LEFT JOIN organizations o ON o.id = d.recipient_organization_id
LEFT JOIN LATERAL (
    SELECT i.id, i.name FROM consents c JOIN organizations i ON i.id = c.recipient_organization_id
    WHERE c.id = ANY(d.consent_ids) AND c.recipient_organization_id <> d.recipient_organization_id
      AND (cardinality(c.participant_organization_ids) > 0 OR c.participant_class IS NOT NULL)
      -- Not when a consent naming the recipient itself allowed it as well.
      AND NOT EXISTS (
          SELECT 1 FROM consents direct
          WHERE direct.id = ANY(d.consent_ids)
            AND direct.recipient_organization_id = d.recipient_organization_id)
    ORDER BY c.id LIMIT 1
) via ON true
"""

DISCLOSURES_PAGE = (
    DISCLOSURE_ENTRIES
    + """WHERE d.member_id = $1 AND d.organization_id = $2 AND d.position > $3
  AND ($5::timestamptz IS NULL OR d.disclosed_at >= $5)
  AND ($6::timestamptz IS NULL OR d.disclosed_at < $6)
ORDER BY d.position LIMIT $4
"""
)


def position_after(page: PageRequest) -> int:
    """Where a page of disclosures starts: they page by their bigint position, carried in the
    cursor's UUID; a cursor this service did not hand out may name a position past any bigint
    (nothing follows it)."""
    return 0 if page.after is None else min(page.after.int, 2**63 - 1)


def disclosure_page(rows: list[Record], page: PageRequest) -> Page[Disclosure]:
    found = [struct_from_row(Disclosure, r) for r in rows]
    return page_from_rows(found, page, lambda d: UUID(int=d.position))
