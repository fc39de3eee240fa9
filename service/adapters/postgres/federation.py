"""Networks, participations, memberships and consents inside a unit of work."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from asyncpg import Record

from service.adapters.postgres.consent_sql import CONSENT_IN_FORCE
from service.adapters.postgres.mapping import (
    CONSENT_COLUMNS,
    MEMBERSHIP_COLUMNS,
    NETWORK_COLUMNS,
    PARTICIPATION_COLUMNS,
    consent_from_row,
    consent_to_params,
    membership_from_row,
    membership_to_params,
    network_from_row,
    network_to_params,
    participation_from_row,
    participation_to_params,
)
from service.adapters.postgres.session import Session
from service.domain.consent import Consent, DataScope, Viewing
from service.domain.members import Member
from service.domain.networks import Membership, Network, Participation
from service.domain.recovery import ClosedPeriod


def _placeholders(count: int) -> str:
    return ", ".join(f"${i}" for i in range(1, count + 1))


class PostgresNetworkRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, network: Network) -> None:
        await self._connection.execute(
            f"INSERT INTO networks ({NETWORK_COLUMNS}) VALUES ({_placeholders(11)})",  # noqa: S608
            *network_to_params(network),
        )

    async def get_for_update(self, network_id: UUID) -> Network | None:
        row = await self._connection.fetchrow(
            f"SELECT {NETWORK_COLUMNS} FROM networks WHERE id = $1 FOR UPDATE",  # noqa: S608
            network_id,
        )
        return None if row is None else network_from_row(row)

    async def save(self, network: Network) -> None:
        await self._connection.execute(
            "UPDATE networks SET name = $2, description = $3, status = $4, version = $5, "
            "updated_at = $6, archived_at = $7 WHERE id = $1",
            network.id,
            network.name,
            network.description,
            network.status.value,
            network.version,
            network.updated_at,
            network.archived_at,
        )

    async def participation(self, network_id: UUID, organization_id: UUID) -> Participation | None:
        row = await self._connection.fetchrow(
            f"SELECT {PARTICIPATION_COLUMNS} FROM network_organizations "  # noqa: S608
            "WHERE network_id = $1 AND organization_id = $2",
            network_id,
            organization_id,
        )
        return None if row is None else participation_from_row(row)

    async def save_participation(self, participation: Participation) -> None:
        await self._connection.execute(
            f"INSERT INTO network_organizations ({PARTICIPATION_COLUMNS}) "  # noqa: S608
            f"VALUES ({_placeholders(8)}) ON CONFLICT (network_id, organization_id) DO UPDATE SET "
            "status = EXCLUDED.status, invited_by_organization_id = "
            "EXCLUDED.invited_by_organization_id, invited_at = EXCLUDED.invited_at, "
            "joined_at = EXCLUDED.joined_at, left_at = EXCLUDED.left_at, "
            "version = EXCLUDED.version",
            *participation_to_params(participation),
        )

    async def memberships_for_update(self, network_id: UUID) -> list[Membership]:
        rows = await self._connection.fetch(
            f"SELECT {MEMBERSHIP_COLUMNS} FROM network_memberships "  # noqa: S608
            "WHERE network_id = $1 ORDER BY id FOR UPDATE",
            network_id,
        )
        return [membership_from_row(r) for r in rows]

    async def share_active_network(self, member_id: UUID, other_member_id: UUID) -> bool:
        """Both members belong, actively, to one network that is not archived."""
        found = await self._connection.fetchval(
            "SELECT EXISTS (SELECT 1 FROM network_memberships a "
            "JOIN network_memberships b ON b.network_id = a.network_id "
            "JOIN networks n ON n.id = a.network_id AND n.status = 'active' "
            "WHERE a.member_id = $1 AND b.member_id = $2 "
            "AND a.status = 'active' AND b.status = 'active')",
            member_id,
            other_member_id,
        )
        return bool(found)

    async def add_membership(self, membership: Membership) -> None:
        await self._connection.execute(
            f"INSERT INTO network_memberships ({MEMBERSHIP_COLUMNS}) "  # noqa: S608
            f"VALUES ({_placeholders(13)})",
            *membership_to_params(membership),
        )

    async def save_membership(self, membership: Membership) -> None:
        await self._connection.execute(
            "UPDATE network_memberships SET role = $2, status = $3, joined_at = $4, left_at = $5, "
            "version = $6, updated_at = $7 WHERE id = $1",
            membership.id,
            membership.role.value,
            membership.status.value,
            membership.joined_at,
            membership.left_at,
            membership.version,
            membership.updated_at,
        )


class PostgresConsentRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, consent: Consent) -> None:
        await self._connection.execute(
            f"INSERT INTO consents ({CONSENT_COLUMNS}) VALUES ({_placeholders(20)})",  # noqa: S608
            *consent_to_params(consent),
        )

    async def get_for_update(self, organization_id: UUID, consent_id: UUID) -> Consent | None:
        row = await self._connection.fetchrow(
            f"SELECT {CONSENT_COLUMNS} FROM consents "  # noqa: S608
            "WHERE id = $1 AND organization_id = $2 FOR UPDATE",
            consent_id,
            organization_id,
        )
        return None if row is None else consent_from_row(row)

    async def save(self, consent: Consent) -> None:
        await self._connection.execute(
            "UPDATE consents SET revoked_at = $2, revocation_reason = $3, ended_at = $4, "
            "version = $5, updated_at = $6 WHERE id = $1",
            consent.id,
            consent.revoked_at,
            consent.revocation_reason,
            consent.ended_at,
            consent.version,
            consent.updated_at,
        )

    async def in_force(
        self, member_id: UUID, recipient_organization_id: UUID, now: datetime
    ) -> list[tuple[UUID, frozenset[DataScope]]]:
        rows = await self._connection.fetch(
            "SELECT c.id, c.scopes FROM consents c "  # noqa: S608
            "WHERE c.member_id = $1 AND c.recipient_organization_id = $2 AND "
            + CONSENT_IN_FORCE.format(now="$3"),
            member_id,
            recipient_organization_id,
            now,
        )
        return [(r["id"], frozenset(DataScope(s) for s in r["scopes"])) for r in rows]

    async def record_disclosure(
        self,
        member: Member,
        viewing: Viewing,
        consent_ids: list[UUID],
        scopes: frozenset[DataScope],
    ) -> None:
        await self._connection.execute(
            "INSERT INTO disclosures (member_id, organization_id, recipient_organization_id, "
            "consent_ids, scopes, operation, request_id, disclosed_at, client_request_id) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            member.id,
            member.organization_id,
            viewing.organization_id,
            consent_ids,
            sorted(scopes),
            viewing.operation,
            viewing.request_id,
            viewing.now,
            viewing.client_request_id,
        )

    async def in_force_of_member_for_update(self, member_id: UUID, now: datetime) -> list[Consent]:
        rows = await self._connection.fetch(
            f"SELECT {CONSENT_COLUMNS} FROM consents c "  # noqa: S608
            "WHERE c.member_id = $1 AND " + CONSENT_IN_FORCE.format(now="$2") + " "
            "ORDER BY c.id FOR UPDATE",
            member_id,
            now,
        )
        return [consent_from_row(r) for r in rows]

    async def due_for_expiry_notice(self, now: datetime, limit: int) -> list[Consent]:
        """Consents whose expiry passed and was not announced yet, claimed for this
        transaction: several workers can run this at once and never claim the same one."""
        rows = await self._connection.fetch(
            f"SELECT {CONSENT_COLUMNS} FROM consents "  # noqa: S608
            "WHERE expiry_announced_at IS NULL AND revoked_at IS NULL AND ended_at IS NULL "
            "AND expires_at <= $1 "
            "ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED",
            now,
            limit,
        )
        return [consent_from_row(r) for r in rows]

    async def mark_expiry_announced(self, consent_id: UUID, now: datetime) -> None:
        await self._connection.execute(
            "UPDATE consents SET expiry_announced_at = $2 WHERE id = $1", consent_id, now
        )


PERIOD_COLUMNS = "id, member_id, started_on, ended_on, note, recorded_at"


CLOSED_PERIODS = (
    f"SELECT {PERIOD_COLUMNS} FROM recovery_periods "  # noqa: S608
    "WHERE member_id = $1 ORDER BY started_on, recorded_at"
)


def period_from_row(row: Record) -> ClosedPeriod:
    return ClosedPeriod(
        id=row["id"],
        member_id=row["member_id"],
        started_on=row["started_on"],
        ended_on=row["ended_on"],
        note=row["note"],
        recorded_at=row["recorded_at"],
    )


class PostgresRecoveryRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def closed_periods(self, member_id: UUID) -> list[ClosedPeriod]:
        rows = await self._connection.fetch(CLOSED_PERIODS, member_id)
        return [period_from_row(r) for r in rows]

    async def add_closed_period(self, period: ClosedPeriod, organization_id: UUID) -> None:
        await self._connection.execute(
            "INSERT INTO recovery_periods "
            "(id, member_id, organization_id, started_on, ended_on, note, recorded_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7)",
            period.id,
            period.member_id,
            organization_id,
            period.started_on,
            period.ended_on,
            period.note,
            period.recorded_at,
        )
