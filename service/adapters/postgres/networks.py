"""Networks, participations and memberships: columns, mapping, the repository used inside a
unit of work, and the statements of the network reads across organizations (which
federation_queries.py runs)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from asyncpg import Record

from service.adapters.postgres.session import Session
from service.adapters.postgres.sql import Columns, struct_from_row, struct_to_columns
from service.domain.networks import Membership, Network, Participation, network_seen_by

NETWORK = Columns(
    "id",
    "kind",
    "name",
    "description",
    "focus_member_id",
    "created_by_organization_id",
    "status",
    "version",
    "created_at",
    "updated_at",
    "archived_at",
)
NETWORK_COLUMNS = NETWORK.list


PARTICIPATION = Columns(
    "network_id",
    "organization_id",
    "status",
    "invited_by_organization_id",
    "invited_at",
    "joined_at",
    "left_at",
    "version",
)
PARTICIPATION_COLUMNS = PARTICIPATION.list


MEMBERSHIP = Columns(
    "id",
    "network_id",
    "member_id",
    "member_organization_id",
    "role",
    "status",
    "added_by_organization_id",
    "invited_at",
    "joined_at",
    "left_at",
    "version",
    "created_at",
    "updated_at",
)
MEMBERSHIP_COLUMNS = MEMBERSHIP.list


def network_from_row(row: Record) -> Network:
    return struct_from_row(Network, row)


def network_to_params(network: Network) -> tuple[Any, ...]:
    """Parameters in NETWORK_COLUMNS order, taken by name."""
    return NETWORK.params(struct_to_columns(network))


def participation_from_row(row: Record) -> Participation:
    return struct_from_row(Participation, row)


def participation_to_params(p: Participation) -> tuple[Any, ...]:
    """Parameters in PARTICIPATION_COLUMNS order, taken by name."""
    return PARTICIPATION.params(struct_to_columns(p))


def membership_from_row(row: Record) -> Membership:
    return struct_from_row(Membership, row)


def membership_to_params(m: Membership) -> tuple[Any, ...]:
    """Parameters in MEMBERSHIP_COLUMNS order, taken by name."""
    return MEMBERSHIP.params(struct_to_columns(m))


class PostgresNetworkRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, network: Network) -> None:
        await self._connection.execute(
            f"INSERT INTO networks ({NETWORK_COLUMNS}) VALUES ({NETWORK.values})",  # noqa: S608
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
            f"VALUES ({PARTICIPATION.values}) "
            "ON CONFLICT (network_id, organization_id) DO UPDATE SET "
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
            f"VALUES ({MEMBERSHIP.values})",
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


# A network is visible to the organizations invited into it or taking part in it.
NETWORK_VISIBLE = (
    "EXISTS (SELECT 1 FROM network_organizations p WHERE p.network_id = n.id "
    "AND p.organization_id = {viewer} AND p.status IN ('invited', 'active'))"
)


PARTICIPANTS = f"""
SELECT {PARTICIPATION_COLUMNS} FROM network_organizations
WHERE network_id = $1 ORDER BY organization_id
"""  # noqa: S608


def seen_network_from_row(row: Record, viewer: UUID) -> Network:
    """A network row read with its `focus_consented` flag, as `viewer` may see it."""
    return network_seen_by(network_from_row(row), viewer, row["focus_consented"])
