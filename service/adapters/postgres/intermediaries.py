"""Who takes part in an intermediary: the repository used inside a unit of work."""

from __future__ import annotations

from uuid import UUID

from service.adapters.postgres.organizations import ORGANIZATION, ORGANIZATIONS
from service.adapters.postgres.records import Executor, Table
from service.adapters.postgres.sql import BEFORE_ALL, Columns
from service.domain.intermediaries import IntermediaryParticipant, NamedParticipant
from service.domain.organizations import OrganizationKind
from service.domain.paging import Page, PageRequest, page_from_rows

PARTICIPANT = Columns(
    "intermediary_organization_id",
    "participant_organization_id",
    "joined_at",
    "ended_at",
    "version",
)
PARTICIPANTS = Table("intermediary_participants", IntermediaryParticipant, PARTICIPANT)

_FOR_UPDATE = f"""
SELECT {PARTICIPANT.list} FROM intermediary_participants
WHERE intermediary_organization_id = $1 AND participant_organization_id = $2
FOR UPDATE
"""  # noqa: S608

_SAVE = f"""
INSERT INTO intermediary_participants ({PARTICIPANT.list}) VALUES ({PARTICIPANT.values})
ON CONFLICT (intermediary_organization_id, participant_organization_id)
DO UPDATE SET joined_at = EXCLUDED.joined_at, ended_at = EXCLUDED.ended_at,
    version = EXCLUDED.version
"""  # noqa: S608

_PAGE = f"""
SELECT {PARTICIPANT.of("ip")}, {", ".join(f"o.{c} AS o_{c}" for c in ORGANIZATION.names)}
FROM intermediary_participants ip JOIN organizations o ON o.id = ip.participant_organization_id
WHERE ip.intermediary_organization_id = $1 AND ip.participant_organization_id > $2
ORDER BY ip.participant_organization_id LIMIT $3
"""  # noqa: S608

_NOW = """
SELECT o.id, o.kind FROM intermediary_participants ip
JOIN organizations o ON o.id = ip.participant_organization_id
WHERE ip.intermediary_organization_id = $1 AND ip.ended_at IS NULL
"""


class PostgresIntermediaryRepository:
    def __init__(self, connection: Executor) -> None:
        self._connection = connection

    async def participant_for_update(
        self, intermediary_id: UUID, participant_id: UUID
    ) -> IntermediaryParticipant | None:
        row = await self._connection.fetchrow(_FOR_UPDATE, intermediary_id, participant_id)
        return PARTICIPANTS.record(row)

    async def save(self, participant: IntermediaryParticipant) -> None:
        await self._connection.execute(_SAVE, *PARTICIPANTS.params(participant))

    async def participants(
        self, intermediary_id: UUID, page: PageRequest
    ) -> Page[NamedParticipant]:
        rows = await self._connection.fetch(
            _PAGE, intermediary_id, page.after or BEFORE_ALL, page.limit + 1
        )
        named = [
            NamedParticipant(
                record=PARTICIPANTS.of(r),
                participant=ORGANIZATIONS.of({c: r[f"o_{c}"] for c in ORGANIZATION.names}),
            )
            for r in rows
        ]
        return page_from_rows(named, page, lambda n: n.record.participant_organization_id)

    async def participants_now(self, intermediary_id: UUID) -> dict[UUID, OrganizationKind]:
        rows = await self._connection.fetch(_NOW, intermediary_id)
        return {r["id"]: OrganizationKind(r["kind"]) for r in rows}
