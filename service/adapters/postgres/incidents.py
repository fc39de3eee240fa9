"""Incidents: columns, mapping, the repository used inside a unit of work, and the read of the
disclosures an incident touched."""

from __future__ import annotations

from uuid import UUID

from service.adapters.postgres.consents import disclosure_from_row
from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.session import Session
from service.adapters.postgres.sql import Columns, Row, struct_from_row, struct_to_columns
from service.domain.accounting import Disclosure
from service.domain.incidents import Incident
from service.domain.paging import Page, PageRequest, page_from_rows

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
_TOUCHED = """
SELECT d.id, d.position, d.member_id, d.recipient_organization_id, d.consent_ids, d.scopes,
       d.operation, d.request_id, d.client_request_id, d.disclosed_at, d.key_id,
       o.name AS recipient_name,
       ARRAY(SELECT c.purpose FROM consents c
             WHERE c.id = ANY(d.consent_ids) AND c.purpose <> '' ORDER BY c.id) AS purposes
FROM disclosures d LEFT JOIN organizations o ON o.id = d.recipient_organization_id
WHERE (d.organization_id = $1 OR d.recipient_organization_id = $1)
  AND d.disclosed_at >= $2 AND ($3::timestamptz IS NULL OR d.disclosed_at < $3)
  AND ($4::uuid IS NULL OR (d.key_id = $4 AND d.recipient_organization_id = $1))
  AND ($5::uuid IS NULL OR (d.recipient_organization_id = $5 AND d.organization_id = $1))
  AND d.position > $6
ORDER BY d.position LIMIT $7
"""


def incident_from_row(row: Row) -> Incident:
    return struct_from_row(Incident, row)


class PostgresIncidentRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, incident: Incident) -> None:
        await self._connection.execute(
            f"INSERT INTO incidents ({INCIDENT.list}) VALUES ({INCIDENT.values})",  # noqa: S608
            *INCIDENT.params(struct_to_columns(incident)),
        )

    async def get_for_update(self, organization_id: UUID, incident_id: UUID) -> Incident | None:
        row = await self._connection.fetchrow(
            f"SELECT {INCIDENT.list} FROM incidents "  # noqa: S608
            "WHERE id = $1 AND organization_id = $2 FOR UPDATE",
            incident_id,
            organization_id,
        )
        return None if row is None else incident_from_row(row)

    async def save(self, incident: Incident) -> None:
        await self._connection.execute(
            "UPDATE incidents SET status = $2, closed_at = $3, closing_note = $4, version = $5 "
            "WHERE id = $1",
            incident.id,
            incident.status.value,
            incident.closed_at,
            incident.closing_note,
            incident.version,
        )


class PostgresIncidentQueries:
    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def get(self, organization_id: UUID, incident_id: UUID) -> Incident | None:
        row = await self._pool.fetchrow(
            f"SELECT {INCIDENT.list} FROM incidents "  # noqa: S608
            "WHERE id = $1 AND organization_id = $2",
            incident_id,
            organization_id,
        )
        return None if row is None else incident_from_row(row)

    async def disclosures(self, incident: Incident, page: PageRequest) -> Page[Disclosure]:
        # Disclosures page by their bigint position, carried in the cursor's UUID.
        after = 0 if page.after is None else min(page.after.int, 2**63 - 1)
        rows = await self._pool.fetch(
            _TOUCHED,
            incident.organization_id,
            incident.since,
            incident.until,
            incident.key_id,
            incident.recipient_organization_id,
            after,
            page.limit + 1,
        )
        found = [disclosure_from_row(r) for r in rows]
        return page_from_rows(found, page, lambda d: UUID(int=d.position))
