"""Incidents: columns, mapping, the repository used inside a unit of work, and the read of the
disclosures an incident touched; a member's requests for an accounting."""

from __future__ import annotations

from uuid import UUID

from service.adapters.postgres.consents import (
    DISCLOSURE_ENTRIES,
    disclosure_page,
    position_after,
)
from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.records import Table
from service.adapters.postgres.sql import Columns
from service.domain.accounting import Disclosure
from service.domain.accounting_requests import AccountingRequest
from service.domain.incidents import Incident
from service.domain.paging import Page, PageRequest

INCIDENT = Columns(
    "id",
    "organization_id",
    "kind",
    "description",
    "key_id",
    "recipient_organization_id",
    "since",
    "until",
    "status",
    "opened_at",
    "closed_at",
    "closing_note",
    "version",
)

# Disclosures in the incident's period ($2 since, $3 until or NULL) made by its organization
# ($1: of its members) or received by it, narrowed to what its key read ($4) and to its
# recipient ($5) when the incident names them; after position $6, $7 at most. The incident's
# organization sees what it already holds: its own members' records, or what reached it.
_TOUCHED = (
    DISCLOSURE_ENTRIES
    + """WHERE (d.organization_id = $1 OR d.recipient_organization_id = $1)
  AND d.disclosed_at >= $2 AND ($3::timestamptz IS NULL OR d.disclosed_at < $3)
  AND ($4::uuid IS NULL OR (d.key_id = $4 AND d.recipient_organization_id = $1))
  AND ($5::uuid IS NULL OR (d.recipient_organization_id = $5 AND d.organization_id = $1))
  AND d.position > $6
ORDER BY d.position LIMIT $7
"""
)


INCIDENTS = Table(
    "incidents", Incident, INCIDENT, changing=("status", "closed_at", "closing_note", "version")
)


class PostgresIncidentQueries:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def get(self, organization_id: UUID, incident_id: UUID) -> Incident | None:
        return await INCIDENTS.get(self._pool, organization_id, incident_id)

    async def disclosures(self, incident: Incident, page: PageRequest) -> Page[Disclosure]:
        rows = await self._pool.fetch(
            _TOUCHED,
            incident.organization_id,
            incident.since,
            incident.until,
            incident.key_id,
            incident.recipient_organization_id,
            position_after(page),
            page.limit + 1,
        )
        return disclosure_page(rows, page)


ACCOUNTING_REQUEST = Columns(
    "id",
    "member_id",
    "organization_id",
    "received_on",
    "received_via",
    "period_start",
    "period_end",
    "answer_by",
    "answered_at",
    "created_at",
    "version",
)


ACCOUNTING_REQUESTS = Table(
    "accounting_requests",
    AccountingRequest,
    ACCOUNTING_REQUEST,
    changing=("answered_at", "version"),
)
