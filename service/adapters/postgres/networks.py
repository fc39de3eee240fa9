"""Networks, participations and memberships: columns, mapping, the repository used inside a
unit of work, and the statements of the network reads across organizations (which
federation_queries.py runs)."""

from __future__ import annotations

from uuid import UUID

from asyncpg import Record

from service.adapters.postgres.records import Executor, Table
from service.adapters.postgres.sql import Columns
from service.domain.networks import (
    Membership,
    Network,
    Participation,
    Role,
    SeenNetwork,
    network_seen_by,
)

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


NETWORKS = Table(
    "networks",
    Network,
    NETWORK,
    changing=("name", "description", "status", "version", "updated_at", "archived_at"),
)
MEMBERSHIPS = Table(
    "network_memberships",
    Membership,
    MEMBERSHIP,
    changing=("role", "status", "joined_at", "left_at", "version", "updated_at"),
)
PARTICIPATIONS = Table("network_organizations", Participation, PARTICIPATION)


class PostgresNetworkRepository:
    def __init__(self, connection: Executor) -> None:
        self._connection = connection

    async def add(self, network: Network) -> None:
        await NETWORKS.add(self._connection, network)

    async def get_for_update(self, network_id: UUID) -> Network | None:
        row = await self._connection.fetchrow(
            f"SELECT {NETWORK.list} FROM networks WHERE id = $1 FOR UPDATE",  # noqa: S608
            network_id,
        )
        return NETWORKS.record(row)

    async def save(self, network: Network) -> None:
        await NETWORKS.save(self._connection, network)

    async def participation(self, network_id: UUID, organization_id: UUID) -> Participation | None:
        row = await self._connection.fetchrow(
            f"SELECT {PARTICIPATION.list} FROM network_organizations "  # noqa: S608
            "WHERE network_id = $1 AND organization_id = $2",
            network_id,
            organization_id,
        )
        return PARTICIPATIONS.record(row)

    async def save_participation(self, participation: Participation) -> None:
        await self._connection.execute(
            f"INSERT INTO network_organizations ({PARTICIPATION.list}) "  # noqa: S608
            f"VALUES ({PARTICIPATION.values}) "
            "ON CONFLICT (network_id, organization_id) DO UPDATE SET "
            "status = EXCLUDED.status, invited_by_organization_id = "
            "EXCLUDED.invited_by_organization_id, invited_at = EXCLUDED.invited_at, "
            "joined_at = EXCLUDED.joined_at, left_at = EXCLUDED.left_at, "
            "version = EXCLUDED.version",
            *PARTICIPATIONS.params(participation),
        )

    async def memberships_for_update(self, network_id: UUID) -> list[Membership]:
        rows = await self._connection.fetch(
            f"SELECT {MEMBERSHIP.list} FROM network_memberships "  # noqa: S608
            "WHERE network_id = $1 ORDER BY id FOR UPDATE",
            network_id,
        )
        return MEMBERSHIPS.records(rows)

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
        await MEMBERSHIPS.add(self._connection, membership)

    async def save_membership(self, membership: Membership) -> None:
        await MEMBERSHIPS.save(self._connection, membership)


# A network is visible to the organizations invited into it or taking part in it.
def takes_part_sql(network: str, organization: str) -> str:
    """The organization takes part in the network now (an active participation)."""
    return f"""EXISTS (SELECT 1 FROM network_organizations tp
        WHERE tp.network_id = {network} AND tp.organization_id = {organization}
          AND tp.status = 'active')"""  # noqa: S608 (placeholders only)


def moderates_sql(network: str, organization: str) -> str:
    """The organization moderates the network's conversation: it created the network, or one
    of its members is an active `coordinator` there (taking part is for the caller to add)."""
    return f"""(EXISTS (SELECT 1 FROM networks mn
            WHERE mn.id = {network} AND mn.created_by_organization_id = {organization})
        OR EXISTS (SELECT 1 FROM network_memberships mm
            WHERE mm.network_id = {network} AND mm.member_organization_id = {organization}
              AND mm.role = '{Role.COORDINATOR.value}' AND mm.status = 'active'))"""  # noqa: S608


NETWORK_VISIBLE = (
    "EXISTS (SELECT 1 FROM network_organizations p WHERE p.network_id = n.id "
    "AND p.organization_id = {viewer} AND p.status IN ('invited', 'active'))"
)


PARTICIPANTS = f"""
SELECT {PARTICIPATION.list} FROM network_organizations
WHERE network_id = $1 ORDER BY organization_id
"""  # noqa: S608


def seen_network_from_row(row: Record, viewer: UUID) -> SeenNetwork:
    """A network row read with the focus member's consents to `viewer` covering `networks`
    (`focus_consent_ids`), as `viewer` may see it."""
    return network_seen_by(NETWORKS.of(row), viewer, row["focus_consent_ids"])
