"""Reads across organizations. Each statement filters by what the viewer may see, joining the
consents in force, and records the disclosure in the same statement: data about a member is
never returned to another organization without its record being written."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from uuid import UUID

from asyncpg import Record

from service.adapters.postgres.batches import PointReads
from service.adapters.postgres.consent_sql import (
    MEMBER_FOR_VIEWER,
    MEMBERS_FOR_VIEWERS,
    MEMBERSHIPS_FOR_VIEWER,
    NETWORK_FOR_VIEWER,
    NETWORK_VISIBLE_TO,
    NETWORKS_FOR_VIEWER,
)
from service.adapters.postgres.consents import (
    CONSENT_FOR_VIEWER,
    CONSENTS,
    CONSENTS_OF_MEMBER,
    DISCLOSURES_PAGE,
    disclosure_page,
    position_after,
    scope_set,
)
from service.adapters.postgres.members import MEMBER, MEMBER_OF_ORGANIZATION, member_from_row
from service.adapters.postgres.milestones import (
    ANNOUNCED,
    cheer_from_row,
    custom_from_row,
    ladder_from,
)
from service.adapters.postgres.networks import (
    MEMBERSHIPS,
    PARTICIPANTS,
    PARTICIPATIONS,
    seen_network_from_row,
)
from service.adapters.postgres.pledges import (
    CHECK_IN_COLUMNS,
    PLEDGE_COLUMNS,
    check_in_from_row,
    pledge_from_row,
)
from service.adapters.postgres.pool import DbConnection, FairPool
from service.adapters.postgres.recovery import CLOSED_PERIODS, period_from_row
from service.adapters.postgres.sql import BEFORE_ALL
from service.domain.accounting import Disclosure, Viewing
from service.domain.consent import (
    HOME_ACCESS,
    MEMBER_READ,
    MEMBERSHIP_READ,
    MILESTONES_READ,
    PLEDGES_READ,
    RECOVERY_READ,
    Access,
    Consent,
    DataScope,
    ReadScopes,
    access_for,
)
from service.domain.members import Member
from service.domain.memberships import SeenMembership
from service.domain.networks import Participation, SeenNetwork
from service.domain.paging import Page, PageRequest, page_from_rows
from service.domain.pledges import CheckIn, Pledge
from service.domain.ports import MilestoneFacts
from service.domain.recovery import ClosedPeriod


def _access(viewer: UUID, home: UUID, consent_ids: list[UUID], scopes: list[str]) -> Access:
    # The query already unions the scopes; which consent gave which does not matter here.
    granted = scope_set(scopes)
    return access_for(viewer, home, [(consent_id, granted) for consent_id in consent_ids])


class MemberHomes:
    """The home organization of the members this process read lately, at most `capacity` of
    them (the oldest learned is forgotten first). A member never changes organization, so an
    entry never goes stale; it only says which statement to try first, and both statements
    answer any member correctly."""

    def __init__(self, capacity: int) -> None:
        self._capacity = capacity
        self._homes: dict[UUID, UUID] = {}
        # One object per organization, however many members name it.
        self._organizations: dict[UUID, UUID] = {}

    def of(self, member_id: UUID) -> UUID | None:
        return self._homes.get(member_id)

    def learn(self, member_id: UUID, home: UUID) -> None:
        if member_id in self._homes:
            return
        if len(self._homes) >= self._capacity:
            del self._homes[next(iter(self._homes))]
        self._homes[member_id] = self._organizations.setdefault(home, home)


# About 3 MB a worker when full (130 bytes an entry, measured).
MEMBER_HOMES_REMEMBERED = 20_000


# Home reads of members, many in one statement: the row of each (member, organization) asked
# that exists, with its place among them.
_MEMBERS_OF_ORGANIZATIONS = f"""
SELECT a.place, {MEMBER.of("m")}
FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS a(id, organization_id, place)
JOIN members m ON m.id = a.id AND m.organization_id = a.organization_id
"""  # noqa: S608 (column names are constants)


# How many statements of each kind of point read may be out at once (past that, reads wait and
# go together), and how many reads one statement answers at most. A home read costs PostgreSQL
# a few microseconds; a consented one about forty (the consent probe and the disclosure record
# with its indexes), so its statements take longer: several smaller ones out at once keep
# answers coming back while the process parses the next requests. Measured at 64 connections
# on 2 cores (bench/README.md, twelfth stop): 2 out of up to 64 reads each left the process
# idle a tenth of the time; 6 of up to 32 kept it busy, and 6 of up to 32 without waiting for
# the loop's turn sent most reads alone.
HOME_READS_IN_FLIGHT = 2
HOME_READS_TOGETHER = 256
CONSENTED_READS_IN_FLIGHT = 6
CONSENTED_READS_TOGETHER = 32
# The connections the statements that answer several reads at once need, both kinds together.
POINT_READ_CONNECTIONS = HOME_READS_IN_FLIGHT + CONSENTED_READS_IN_FLIGHT


class PostgresFederationQueries:
    def __init__(
        self,
        pool: FairPool,
        homes: MemberHomes | None = None,
        *,
        batches: FairPool | None = None,
        home_reads_in_flight: int = HOME_READS_IN_FLIGHT,
        consented_reads_in_flight: int = CONSENTED_READS_IN_FLIGHT,
    ) -> None:
        """`batches`: the pool for the statements that answer several reads at once, which
        should keep one plan for any number of reads (open_pool's `generic_plans`); by
        default `pool`."""
        self._pool = pool
        self._batches = batches or pool
        self._homes = homes or MemberHomes(MEMBER_HOMES_REMEMBERED)
        self._home_reads: PointReads[tuple[UUID, UUID], Record | None] = PointReads(
            self._read_homes, in_flight=home_reads_in_flight, largest=HOME_READS_TOGETHER
        )
        self._consented_reads: PointReads[tuple[Viewing, UUID], tuple[Member, Access] | None] = (
            PointReads(
                self._consented_together,
                in_flight=consented_reads_in_flight,
                largest=CONSENTED_READS_TOGETHER,
            )
        )

    async def member_for(self, viewing: Viewing, member_id: UUID) -> tuple[Member, Access] | None:
        """As `_member_in_scope`, but each statement is a point read that may go to PostgreSQL
        together with others (`PointReads`): under load, many requests' reads cost one round
        trip. The home lookup reads `members` alone, each row matched to the organization that
        asked; what it does not find goes on to the consent statement, where each read is
        decided and recorded as if alone."""
        known_home = self._homes.of(member_id)
        if known_home is None or known_home == viewing.organization_id:
            home = await self._home_reads.read((member_id, viewing.organization_id))
            if home is not None:
                return member_from_row(home), HOME_ACCESS
        return await self._consented_reads.read((viewing, member_id))

    async def _read_homes(self, asked: Sequence[tuple[UUID, UUID]]) -> list[Record | None]:
        """Each (member, organization)'s row if the member is that organization's, in order."""
        if len(asked) == 1:
            return [await self._pool.fetchrow(MEMBER_OF_ORGANIZATION, *asked[0])]
        found: list[Record | None] = [None] * len(asked)
        rows = await self._batches.fetch(
            _MEMBERS_OF_ORGANIZATIONS, [m for m, _ in asked], [o for _, o in asked]
        )
        for row in rows:
            found[row["place"] - 1] = row
        return found

    async def recovery_for(
        self, viewing: Viewing, member_id: UUID
    ) -> tuple[Member, Access, list[ClosedPeriod]] | None:
        async with self._snapshot() as connection:
            seen = await self._member_in_scope(
                connection,
                viewing,
                member_id,
                RECOVERY_READ,
            )
            if seen is None:
                return None
            member, access = seen
            periods = [
                period_from_row(r) for r in await connection.fetch(CLOSED_PERIODS, member_id)
            ]
            return member, access, periods

    async def milestones_for(self, viewing: Viewing, member_id: UUID) -> MilestoneFacts | None:
        async with self._snapshot() as connection:
            seen = await self._member_in_scope(
                connection,
                viewing,
                member_id,
                MILESTONES_READ,
            )
            if seen is None:
                return None
            member, access = seen
            # Closed periods are the restart history: the `recovery` scope's, not `milestones`'.
            periods = (
                [period_from_row(r) for r in await connection.fetch(CLOSED_PERIODS, member_id)]
                if access.covers(DataScope.RECOVERY)
                else []
            )
            ladder = ladder_from(
                await connection.fetchval(
                    "SELECT milestone_ladder FROM organizations WHERE id = $1",
                    member.organization_id,
                )
            )
            announced = [
                (r["period_started_on"], r["rung_key"], r["due_at"])
                for r in await connection.fetch(ANNOUNCED, member_id)
            ]
            custom = await connection.fetch(
                "SELECT id, member_id, title, achieved_on, created_at FROM custom_milestones "
                "WHERE member_id = $1 ORDER BY achieved_on, id",
                member_id,
            )
            cheers = await connection.fetch(
                "SELECT id, member_id, milestone_key, author_member_id, author_organization_id, "
                "message, created_at FROM cheers WHERE member_id = $1 ORDER BY id",
                member_id,
            )
            return MilestoneFacts(
                member=member,
                access=access,
                periods=periods,
                ladder=ladder,
                announced=announced,
                custom=[custom_from_row(r) for r in custom],
                cheers=[cheer_from_row(r) for r in cheers],
            )

    async def pledges_for(
        self, viewing: Viewing, member_id: UUID, page: PageRequest
    ) -> tuple[Member, Access, Page[tuple[Pledge, list[CheckIn]]]] | None:
        async with self._snapshot() as connection:
            seen = await self._member_in_scope(connection, viewing, member_id, PLEDGES_READ)
            if seen is None:
                return None
            member, access = seen
            shown = page_from_rows(
                [
                    pledge_from_row(r)
                    for r in await connection.fetch(
                        f"SELECT {PLEDGE_COLUMNS} FROM pledges "  # noqa: S608
                        "WHERE member_id = $1 AND id > $2 ORDER BY id LIMIT $3",
                        member_id,
                        page.after or BEFORE_ALL,
                        page.limit + 1,
                    )
                ],
                page,
                lambda pledge: pledge.id,
            )
            pledges = shown.items
            if not pledges:
                return member, access, Page(items=[], next_after=None)
            rows = await connection.fetch(
                f"SELECT {CHECK_IN_COLUMNS} FROM check_ins "  # noqa: S608
                "WHERE pledge_id = ANY($1::uuid[]) ORDER BY period_start, recorded_at",
                [p.id for p in pledges],
            )
        by_pledge: dict[UUID, list[CheckIn]] = {p.id: [] for p in pledges}
        for row in rows:
            by_pledge[row["pledge_id"]].append(check_in_from_row(row))
        return (
            member,
            access,
            Page(items=[(p, by_pledge[p.id]) for p in pledges], next_after=shown.next_after),
        )

    @asynccontextmanager
    async def _snapshot(self) -> AsyncIterator[DbConnection]:
        """One connection and one REPEATABLE READ transaction: the consent check (and its
        disclosure record) and the reads that follow see the same moment, so a revocation
        committed in between is not half seen."""
        async with (
            self._pool.connection() as connection,
            connection.transaction(isolation="repeatable_read"),
        ):
            yield connection

    async def _member_in_scope(
        self,
        connection: DbConnection,
        viewing: Viewing,
        member_id: UUID,
        read: ReadScopes,
    ) -> tuple[Member, Access] | None:
        """The member and what the viewer may see of it, if a consent in force covers one of
        `read.needed` (or the viewer is home); the disclosure of what it shows is recorded.

        The home organization's own member is looked up first, with a statement that touches
        the members table alone: the consent statement costs PostgreSQL about 90 µs more even
        when it finds the viewer at home (its plan opens every table a consent rule may need),
        and most reads are by home. A read by another organization of a member whose home
        this process has not learned yet takes that round trip too; once it has, the consent
        statement goes first (it answers the home organization as well)."""
        known_home = self._homes.of(member_id)
        if known_home is None or known_home == viewing.organization_id:
            home = await connection.fetchrow(
                MEMBER_OF_ORGANIZATION, member_id, viewing.organization_id
            )
            if home is not None:
                return member_from_row(home), HOME_ACCESS
        return await self._consented(connection, viewing, member_id, read)

    async def _consented(
        self,
        connection: DbConnection,
        viewing: Viewing,
        member_id: UUID,
        read: ReadScopes,
    ) -> tuple[Member, Access] | None:
        """The consent statement for one read: decides, records the disclosure, and reads."""
        [seen] = await self._members_seen(connection, [(viewing, member_id)], read)
        return seen

    async def _members_seen(
        self,
        connection: DbConnection,
        asked: Sequence[tuple[Viewing, UUID]],
        read: ReadScopes,
    ) -> list[tuple[Member, Access] | None]:
        """The consent statement for several reads at once, each answered as if alone."""
        scopes = (sorted(read.needed), sorted(read.shown))
        if len(asked) == 1:
            ((viewing, member_id),) = asked
            rows = await connection.fetch(
                MEMBER_FOR_VIEWER,
                member_id,
                viewing.organization_id,
                viewing.now,
                viewing.operation,
                viewing.request_id,
                viewing.client_request_id,
                viewing.key_id,
                *scopes,
            )
        else:
            rows = await connection.fetch(
                MEMBERS_FOR_VIEWERS,
                [member_id for _, member_id in asked],
                [viewing.organization_id for viewing, _ in asked],
                [viewing.now for viewing, _ in asked],
                [viewing.operation for viewing, _ in asked],
                [viewing.request_id for viewing, _ in asked],
                [viewing.client_request_id for viewing, _ in asked],
                [viewing.key_id for viewing, _ in asked],
                *scopes,
            )
        seen: list[tuple[Member, Access] | None] = [None] * len(asked)
        for row in rows:
            place = row["place"] - 1
            viewer = asked[place][0].organization_id
            member = member_from_row(row)
            self._homes.learn(member.id, member.organization_id)
            seen[place] = (
                member,
                _access(viewer, member.organization_id, row["consent_ids"], row["scopes"]),
            )
        return seen

    async def _consented_together(
        self, asked: Sequence[tuple[Viewing, UUID]]
    ) -> list[tuple[Member, Access] | None]:
        pool = self._pool if len(asked) == 1 else self._batches
        async with pool.connection() as connection:
            return await self._members_seen(connection, asked, MEMBER_READ)

    async def network_for(self, viewing: Viewing, network_id: UUID) -> SeenNetwork | None:
        viewer = viewing.organization_id
        row = await self._pool.fetchrow(
            NETWORK_FOR_VIEWER,
            network_id,
            viewer,
            viewing.now,
            viewing.operation,
            viewing.request_id,
            viewing.client_request_id,
            viewing.key_id,
        )
        return None if row is None else seen_network_from_row(row, viewer)

    async def networks_for(
        self, viewing: Viewing, page: PageRequest, member_id: UUID | None
    ) -> Page[SeenNetwork]:
        viewer = viewing.organization_id
        rows = await self._pool.fetch(
            NETWORKS_FOR_VIEWER,
            viewer,
            page.after or BEFORE_ALL,
            page.limit + 1,
            member_id,
            viewing.now,
            viewing.operation,
            viewing.request_id,
            viewing.client_request_id,
            viewing.key_id,
        )
        return page_from_rows(
            [seen_network_from_row(r, viewer) for r in rows], page, lambda s: s.network.id
        )

    async def sees_network(self, viewer: UUID, network_id: UUID) -> bool:
        return bool(await self._pool.fetchval(NETWORK_VISIBLE_TO, network_id, viewer))

    async def participants(self, network_id: UUID) -> list[Participation]:
        rows = await self._pool.fetch(PARTICIPANTS, network_id)
        return PARTICIPATIONS.records(rows)

    async def memberships_for(
        self, viewing: Viewing, network_id: UUID, page: PageRequest
    ) -> Page[SeenMembership]:
        rows = await self._pool.fetch(
            MEMBERSHIPS_FOR_VIEWER,
            network_id,
            page.after or BEFORE_ALL,
            viewing.organization_id,
            page.limit + 1,
            viewing.now,
            viewing.operation,
            viewing.request_id,
            sorted(MEMBERSHIP_READ.shown),
            viewing.client_request_id,
            viewing.key_id,
        )
        seen = [
            SeenMembership(
                membership=MEMBERSHIPS.of(r),
                member_display_name=r["member_display_name"],
                member_erased=r["member_erased_at"] is not None,
                access=_access(
                    viewing.organization_id,
                    r["member_organization_id"],
                    r["consent_ids"],
                    r["scopes"],
                ),
            )
            for r in rows
        ]
        return page_from_rows(seen, page, lambda s: s.membership.id)

    async def consents_of(self, home: UUID, member_id: UUID, page: PageRequest) -> Page[Consent]:
        rows = await self._pool.fetch(
            CONSENTS_OF_MEMBER, member_id, home, page.after or BEFORE_ALL, page.limit + 1
        )
        return page_from_rows(CONSENTS.records(rows), page, lambda c: c.id)

    async def consent_for(self, viewer: UUID, consent_id: UUID) -> Consent | None:
        row = await self._pool.fetchrow(CONSENT_FOR_VIEWER, consent_id, viewer)
        return CONSENTS.record(row)

    async def disclosures(
        self,
        home: UUID,
        member_id: UUID,
        page: PageRequest,
        since: datetime | None,
        until: datetime | None,
    ) -> Page[Disclosure]:
        after = position_after(page)
        rows = await self._pool.fetch(
            DISCLOSURES_PAGE, member_id, home, after, page.limit + 1, since, until
        )
        return disclosure_page(rows, page)
