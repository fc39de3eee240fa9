"""Contract bodies for networks, consents and disclosures."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import UNSET, Meta, UnsetType

from service.adapters.http.disclosure_schemas import DisclosureNoticeView
from service.adapters.http.schemas import PRINTABLE, encode_cursor
from service.adapters.http.views import CopiedView
from service.domain.consent import (
    membership_sight,
)
from service.domain.disclosure_notice import notice_for, notice_for_consents
from service.domain.memberships import SeenMembership
from service.domain.networks import (
    MembershipStatus,
    NetworkChanges,
    NetworkKind,
    NetworkStatus,
    ParticipationStatus,
    Role,
    SeenNetwork,
)
from service.domain.paging import Page

_SEEN_BY_ALL = (
    "Seen by every organization taking part in the network, without any consent: it must not "
    "identify a member (e.g. 'Tuesday group', not 'Sam R.'s circle')."
)
NetworkName = Annotated[
    str, Meta(min_length=1, max_length=200, pattern=PRINTABLE, description=_SEEN_BY_ALL)
]
Description = Annotated[str, Meta(max_length=2000, pattern=PRINTABLE, description=_SEEN_BY_ALL)]
ShortText = Annotated[str, Meta(min_length=1, max_length=200, pattern=PRINTABLE)]


class NetworkCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """`name` and `description` are seen by every organization taking part in the network,
    without any consent: they must not identify a member ("Tuesday group", not "Sam R.'s
    circle")."""

    kind: NetworkKind
    name: NetworkName
    description: Description | None = None
    focus_member_id: UUID | None = None


class NetworkUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Seen by every organization taking part: a name or description must not identify a
    member."""

    name: NetworkName | UnsetType = UNSET
    description: Description | UnsetType | None = UNSET

    def to_domain(self) -> NetworkChanges:
        return NetworkChanges(name=self.name, description=self.description)


class NetworkView(msgspec.Struct, kw_only=True):
    """A network. `focus_member_id` shows only to the focus member's home organization. A
    circle's name and description may identify its focus member: another organization sees
    them only under that member's consent covering `networks` (then `disclosure` carries the
    notice, and the read is accounted to the member), else the neutral name "Support circle"
    and no description."""

    id: UUID
    kind: NetworkKind
    name: str
    description: str | None
    focus_member_id: UUID | None
    created_by_organization_id: UUID
    status: NetworkStatus
    version: int
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None
    disclosure: DisclosureNoticeView | None = None

    @classmethod
    def of(cls, seen: SeenNetwork, viewer: UUID) -> NetworkView:
        network = seen.network
        return cls(
            id=network.id,
            kind=network.kind,
            name=network.name,
            description=network.description,
            focus_member_id=(
                network.focus_member_id if viewer == network.created_by_organization_id else None
            ),
            created_by_organization_id=network.created_by_organization_id,
            status=network.status,
            version=network.version,
            created_at=network.created_at,
            updated_at=network.updated_at,
            archived_at=network.archived_at,
            disclosure=DisclosureNoticeView.of(notice_for_consents(seen.consent_ids)),
        )


class NetworkList(msgspec.Struct, kw_only=True):
    data: list[NetworkView]
    next_cursor: str | None


class InvitationCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    organization_id: UUID


class ParticipationView(CopiedView, kw_only=True):
    network_id: UUID
    organization_id: UUID
    status: ParticipationStatus
    invited_by_organization_id: UUID | None
    invited_at: datetime | None
    joined_at: datetime | None
    left_at: datetime | None
    version: int


class ParticipationList(msgspec.Struct, kw_only=True):
    data: list[ParticipationView]


class MembershipCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    member_id: UUID
    role: Role
    status: Literal["invited", "active"] = "active"


class MembershipUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    role: Role | None = None
    status: MembershipStatus | None = None


class MembershipMember(msgspec.Struct, kw_only=True):
    """Who the member is, as far as the viewer may know: `display_name` needs the profile scope."""

    id: UUID
    organization_id: UUID
    display_name: str | None


class MembershipView(msgspec.Struct, kw_only=True):
    """A membership. Without a consent from the member's home organization the viewer sees
    its role and status only: `member` and the dates are null."""

    id: UUID
    network_id: UUID
    role: Role
    status: MembershipStatus
    member: MembershipMember | None
    invited_at: datetime | None
    joined_at: datetime | None
    left_at: datetime | None
    version: int
    disclosure: DisclosureNoticeView | None = None

    @classmethod
    def of(cls, seen: SeenMembership) -> MembershipView:
        m = seen.membership
        sight = membership_sight(seen.access)
        return cls(
            id=m.id,
            network_id=m.network_id,
            role=m.role,
            status=m.status,
            member=(
                MembershipMember(
                    id=m.member_id,
                    organization_id=m.member_organization_id,
                    display_name=seen.member_display_name if sight.name else None,
                )
                if sight.member
                else None
            ),
            invited_at=m.invited_at if sight.dates else None,
            joined_at=m.joined_at if sight.dates else None,
            left_at=m.left_at if sight.dates else None,
            version=m.version,
            disclosure=DisclosureNoticeView.of(notice_for(seen.access)),
        )


class MembershipList(msgspec.Struct, kw_only=True):
    data: list[MembershipView]
    next_cursor: str | None


def network_page(page: Page[SeenNetwork], viewer: UUID) -> NetworkList:
    return NetworkList(
        data=[NetworkView.of(n, viewer) for n in page.items],
        next_cursor=encode_cursor(page.next_after),
    )


def membership_page(page: Page[SeenMembership]) -> MembershipList:
    return MembershipList(
        data=[MembershipView.of(s) for s in page.items], next_cursor=encode_cursor(page.next_after)
    )
