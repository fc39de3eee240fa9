"""Ports: Networks, consents, and the reads across organizations that consent governs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol
from uuid import UUID

import msgspec

from service.domain.accounting import Disclosure, Viewing
from service.domain.consent import Access, Consent, DataScope
from service.domain.members import Member
from service.domain.memberships import SeenMembership
from service.domain.milestones import Cheer, CustomMilestone, Ladder
from service.domain.networks import Membership, Network, Participation, SeenNetwork
from service.domain.paging import Page, PageRequest
from service.domain.pledges import CheckIn, Pledge
from service.domain.ports.records import OrganizationRecords
from service.domain.recovery import ClosedPeriod


class NetworkRepository(Protocol):
    async def add(self, network: Network) -> None:
        """Store a new network."""
        ...

    async def get_for_update(self, network_id: UUID) -> Network | None:
        """The network, locked until the unit of work ends (any organization's: the use case
        decides who may act on it)."""
        ...

    async def save(self, network: Network) -> None:
        """Write back a network loaded with get_for_update."""
        ...

    async def participation(self, network_id: UUID, organization_id: UUID) -> Participation | None:
        """How the organization takes part in the network, if at all."""
        ...

    async def save_participation(self, participation: Participation) -> None:
        """Insert or replace an organization's participation."""
        ...

    async def memberships_for_update(self, network_id: UUID) -> list[Membership]:
        """Every membership of the network (left ones too), locked."""
        ...

    async def add_membership(self, membership: Membership) -> None:
        """Store a new membership."""
        ...

    async def share_active_network(self, member_id: UUID, other_member_id: UUID) -> bool:
        """Whether both members actively belong to one network that is not archived."""
        ...

    async def save_membership(self, membership: Membership) -> None:
        """Write back a changed membership."""
        ...


class ConsentRepository(OrganizationRecords[Consent], Protocol):
    """Consents granted by a home organization (locked and saved when revoked, ended or
    restricted) and the disclosures a write makes under them."""

    async def in_force(
        self, member_id: UUID, recipient_organization_id: UUID, now: datetime
    ) -> list[tuple[UUID, frozenset[DataScope]]]:
        """The consents in force at `now` from the member to the recipient: ids and scopes."""
        ...

    async def record_disclosure(
        self,
        member: Member,
        viewing: Viewing,
        consent_ids: list[UUID],
        scopes: frozenset[DataScope],
    ) -> None:
        """Account a disclosure made by a write (a cheer tells that a milestone exists)."""
        ...

    async def in_force_of_member_for_update(self, member_id: UUID, now: datetime) -> list[Consent]:
        """Every consent of the member in force at `now`, whoever receives it, locked."""
        ...

    async def due_for_expiry_notice(self, now: datetime, limit: int) -> list[Consent]:
        """Expired consents not yet announced, claimed so that no other worker takes them."""
        ...

    async def mark_expiry_announced(self, consent_id: UUID, now: datetime) -> None:
        """Remember that `consent.expired` was written for this consent."""
        ...


class MilestoneFacts(msgspec.Struct, frozen=True, kw_only=True):
    """Everything a milestones read is computed from, as one snapshot saw it. `periods` (the
    restart history) is empty unless the viewer may see `recovery`."""

    member: Member
    access: Access
    periods: list[ClosedPeriod]
    ladder: Ladder
    announced: list[tuple[date, str, datetime]]
    custom: list[CustomMilestone]
    cheers: list[Cheer]


class FederationQueries(Protocol):
    """Reads across organizations. Each filters by what the viewer may see and, where data
    about a member leaves its home organization, records the disclosure in the same step."""

    async def member_for(self, viewing: Viewing, member_id: UUID) -> tuple[Member, Access] | None:
        """The member and what the viewer may see of it; None if it may see nothing."""
        ...

    async def recovery_for(
        self, viewing: Viewing, member_id: UUID
    ) -> tuple[Member, Access, list[ClosedPeriod]] | None:
        """The member's journey if the viewer is its home organization or holds a consent in
        force covering `recovery` (recorded as a disclosure); else None."""
        ...

    async def milestones_for(self, viewing: Viewing, member_id: UUID) -> MilestoneFacts | None:
        """What the member's milestones are computed from, for the home organization or a
        consent in force covering `milestones` (recorded as a disclosure, with `recovery` and
        `profile` when those are in force too: they decide what else shows). The check, the
        record and the reads share one snapshot: a revocation cannot fall between them."""
        ...

    async def pledges_for(
        self, viewing: Viewing, member_id: UUID, page: PageRequest
    ) -> tuple[Member, Access, Page[tuple[Pledge, list[CheckIn]]]] | None:
        """One page of the member's pledges (in id order) with their check-ins, for the home
        organization or a consent in force covering `pledges` (recorded as a disclosure)."""
        ...

    async def network_for(self, viewing: Viewing, network_id: UUID) -> SeenNetwork | None:
        """The network if the viewer is invited into it or takes part in it, as it may see it
        (networks.network_seen_by, with the focus member's consents in force at `now`). A
        circle's name shown under consent is recorded as a disclosure."""
        ...

    async def networks_for(
        self, viewing: Viewing, page: PageRequest, member_id: UUID | None
    ) -> Page[SeenNetwork]:
        """The networks the viewer is invited into or takes part in, as it may see each (the
        circle names a page shows under consent recorded, as network_for's)."""
        ...

    async def sees_network(self, viewer: UUID, network_id: UUID) -> bool:
        """The viewer is invited into the network or takes part in it."""
        ...

    async def participants(self, network_id: UUID) -> list[Participation]:
        """Every organization's participation in the network (call after network_for)."""
        ...

    async def memberships_for(
        self, viewing: Viewing, network_id: UUID, page: PageRequest
    ) -> Page[SeenMembership]:
        """The network's memberships with what the viewer may see of each member."""
        ...

    async def consents_of(self, home: UUID, member_id: UUID, page: PageRequest) -> Page[Consent]:
        """The consents a home organization granted for its member."""
        ...

    async def consent_for(self, viewer: UUID, consent_id: UUID) -> Consent | None:
        """A consent the viewer granted or received."""
        ...

    async def disclosures(
        self,
        home: UUID,
        member_id: UUID,
        page: PageRequest,
        since: datetime | None,
        until: datetime | None,
    ) -> Page[Disclosure]:
        """The accounting of disclosures of one member, oldest first."""
        ...
