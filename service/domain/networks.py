"""Support networks: a circle around one focus member, or a peer group, shared by the
organizations that participate in it."""

from __future__ import annotations

import enum
from datetime import datetime
from uuid import UUID

import msgspec

from service.domain.consent import Access
from service.domain.errors import (
    Conflict,
    DomainError,
    InvalidField,
    NotFound,
    Precondition,
    check_version,
)


class NetworkKind(enum.StrEnum):
    CIRCLE = "circle"
    GROUP = "group"


class NetworkStatus(enum.StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"


class Role(enum.StrEnum):
    FOCUS = "focus"
    PEER_SUPPORTER = "peer_supporter"
    SPONSOR = "sponsor"
    FAMILY = "family"
    CLINICIAN = "clinician"
    COORDINATOR = "coordinator"


class MembershipStatus(enum.StrEnum):
    INVITED = "invited"
    ACTIVE = "active"
    LEFT = "left"


class ParticipationStatus(enum.StrEnum):
    INVITED = "invited"
    ACTIVE = "active"
    DECLINED = "declined"
    LEFT = "left"


class NetworkConflict(Conflict):
    """The change does not fit the network's current state."""


class NotAllowed(DomainError):
    """The organization takes part in the network but this action is not its to take."""


class Network(msgspec.Struct, frozen=True, kw_only=True):
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
    archived_at: datetime | None = None


class Participation(msgspec.Struct, frozen=True, kw_only=True):
    network_id: UUID
    organization_id: UUID
    status: ParticipationStatus
    invited_by_organization_id: UUID | None
    invited_at: datetime | None
    joined_at: datetime | None
    left_at: datetime | None
    version: int


class Membership(msgspec.Struct, frozen=True, kw_only=True):
    id: UUID
    network_id: UUID
    member_id: UUID
    member_organization_id: UUID
    role: Role
    status: MembershipStatus
    added_by_organization_id: UUID
    invited_at: datetime | None
    joined_at: datetime | None
    left_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


class NetworkChanges(msgspec.Struct, frozen=True, kw_only=True):
    name: str | msgspec.UnsetType = msgspec.UNSET
    description: str | msgspec.UnsetType | None = msgspec.UNSET


def create_network(
    *,
    network_id: UUID,
    kind: NetworkKind,
    name: str,
    description: str | None,
    focus_member_id: UUID | None,
    organization_id: UUID,
    now: datetime,
) -> tuple[Network, Participation]:
    if kind is NetworkKind.CIRCLE and focus_member_id is None:
        raise InvalidField("focus_member_id", "A circle is built around one focus member.")
    if kind is NetworkKind.GROUP and focus_member_id is not None:
        raise InvalidField("focus_member_id", "A group has no focus member.")
    network = Network(
        id=network_id,
        kind=kind,
        name=name,
        description=description,
        focus_member_id=focus_member_id,
        created_by_organization_id=organization_id,
        status=NetworkStatus.ACTIVE,
        version=1,
        created_at=now,
        updated_at=now,
    )
    creator = Participation(
        network_id=network_id,
        organization_id=organization_id,
        status=ParticipationStatus.ACTIVE,
        invited_by_organization_id=None,
        invited_at=None,
        joined_at=now,
        left_at=None,
        version=1,
    )
    return network, creator


def require_open(network: Network) -> None:
    if network.status is NetworkStatus.ARCHIVED:
        raise NetworkConflict(
            "network-archived", "The network is archived; it can no longer change."
        )


def update_network(
    network: Network,
    changes: NetworkChanges,
    *,
    expected_version: Precondition | None,
    now: datetime,
) -> Network:
    # Every participating organization may rename a network: none may do it blind.
    check_version(network.version, expected_version, required=True)
    require_open(network)
    updates: dict[str, object] = {}
    if not isinstance(changes.name, msgspec.UnsetType) and changes.name != network.name:
        updates["name"] = changes.name
    if (
        not isinstance(changes.description, msgspec.UnsetType)
        and changes.description != network.description
    ):
        updates["description"] = changes.description
    if not updates:
        return network
    return msgspec.structs.replace(network, **updates, version=network.version + 1, updated_at=now)


def archive_network(
    network: Network, organization_id: UUID, *, expected_version: Precondition | None, now: datetime
) -> Network:
    if network.created_by_organization_id != organization_id:
        raise NotAllowed("Only the organization that created the network can archive it.")
    check_version(network.version, expected_version, required=True)
    if network.status is NetworkStatus.ARCHIVED:
        return network
    return msgspec.structs.replace(
        network,
        status=NetworkStatus.ARCHIVED,
        archived_at=now,
        version=network.version + 1,
        updated_at=now,
    )


def invite_organization(
    network: Network,
    inviter_organization_id: UUID,
    invitee_organization_id: UUID,
    existing: Participation | None,
    *,
    now: datetime,
) -> Participation:
    require_open(network)
    if network.created_by_organization_id != inviter_organization_id:
        raise NotAllowed("Only the organization that created the network invites others.")
    if existing is not None and existing.status in (
        ParticipationStatus.ACTIVE,
        ParticipationStatus.INVITED,
    ):
        raise NetworkConflict(
            "already-participating", "That organization is already invited or participating."
        )
    return Participation(
        network_id=network.id,
        organization_id=invitee_organization_id,
        status=ParticipationStatus.INVITED,
        invited_by_organization_id=inviter_organization_id,
        invited_at=now,
        joined_at=None,
        left_at=None,
        version=1 if existing is None else existing.version + 1,
    )


def answer_invitation(
    network: Network, participation: Participation, *, accept: bool, now: datetime
) -> Participation:
    require_open(network)
    if participation.status is not ParticipationStatus.INVITED:
        raise NetworkConflict("not-invited", "There is no open invitation to answer.")
    return msgspec.structs.replace(
        participation,
        status=ParticipationStatus.ACTIVE if accept else ParticipationStatus.DECLINED,
        joined_at=now if accept else None,
        version=participation.version + 1,
    )


def leave_network(
    network: Network, participation: Participation, *, now: datetime
) -> Participation:
    if participation.organization_id == network.created_by_organization_id:
        raise NetworkConflict(
            "creator-cannot-leave",
            "The organization that created the network cannot leave it; archive it instead.",
        )
    if participation.status is not ParticipationStatus.ACTIVE:
        raise NetworkConflict("not-participating", "The organization does not take part now.")
    return msgspec.structs.replace(
        participation,
        status=ParticipationStatus.LEFT,
        left_at=now,
        version=participation.version + 1,
    )


def add_membership(
    network: Network,
    *,
    membership_id: UUID,
    member_id: UUID,
    member_organization_id: UUID,
    role: Role,
    status: MembershipStatus,
    added_by_organization_id: UUID,
    current_focus: Membership | None,
    already_member: bool,
    now: datetime,
) -> Membership:
    require_open(network)
    if status is MembershipStatus.LEFT:
        raise InvalidField("status", "A new membership is invited or active.")
    if already_member:
        raise NetworkConflict("already-member", "The member already belongs to this network.")
    _check_role(network, role, current_focus, member_id)
    return Membership(
        id=membership_id,
        network_id=network.id,
        member_id=member_id,
        member_organization_id=member_organization_id,
        role=role,
        status=status,
        added_by_organization_id=added_by_organization_id,
        invited_at=now if status is MembershipStatus.INVITED else None,
        joined_at=now if status is MembershipStatus.ACTIVE else None,
        left_at=None,
        version=1,
        created_at=now,
        updated_at=now,
    )


def _check_role(
    network: Network, role: Role, current_focus: Membership | None, member_id: UUID
) -> None:
    if role is Role.FOCUS:
        if network.kind is NetworkKind.GROUP:
            raise InvalidField("role", "A group has no focus member.")
        if current_focus is not None and current_focus.member_id != member_id:
            raise NetworkConflict("focus-taken", "A circle has exactly one focus member.")


def change_membership(
    network: Network,
    membership: Membership,
    *,
    role: Role | None,
    status: MembershipStatus | None,
    actor_organization_id: UUID,
    current_focus: Membership | None,
    expected_version: Precondition | None,
    consent_in_force: bool,
    now: datetime,
) -> Membership:
    """`consent_in_force`: whether a consent of the member's covering networks is in force for
    the actor now (only asked of an actor that is not the member's home organization)."""
    home = actor_organization_id == membership.member_organization_id
    if not home and actor_organization_id != network.created_by_organization_id:
        raise NotAllowed(
            "Only the member's home organization or the network's creator changes a membership."
        )
    if not home and not consent_in_force:
        raise NotAllowed(
            "Changing another organization's member needs that member's consent in force, "
            "covering networks."
        )
    if (
        not home
        and status is MembershipStatus.ACTIVE
        and membership.status is MembershipStatus.INVITED
    ):
        raise NotAllowed("Only the member's home organization accepts an invitation for them.")
    check_version(membership.version, expected_version, required=True)
    require_open(network)
    if membership.status is MembershipStatus.LEFT:
        raise NetworkConflict("membership-ended", "The member has left; add them again instead.")
    updated = membership
    if role is not None and role is not membership.role:
        if membership.role is Role.FOCUS:
            raise NetworkConflict(
                "focus-is-fixed", "The focus member of a circle keeps that role while it lasts."
            )
        _check_role(network, role, current_focus, membership.member_id)
        updated = msgspec.structs.replace(updated, role=role)
    if status is not None and status is not membership.status:
        if status is MembershipStatus.INVITED:
            raise InvalidField("status", "A membership cannot go back to invited.")
        if status is MembershipStatus.LEFT and membership.role is Role.FOCUS:
            raise NetworkConflict(
                "focus-is-fixed", "The focus member of a circle cannot leave it; archive it."
            )
        if status is MembershipStatus.ACTIVE:
            updated = msgspec.structs.replace(updated, status=status, joined_at=now)
        else:
            updated = msgspec.structs.replace(updated, status=status, left_at=now)
    if updated is membership:
        return membership
    return msgspec.structs.replace(updated, version=membership.version + 1, updated_at=now)


def end_memberships_of(
    memberships: list[Membership], organization_id: UUID, *, now: datetime
) -> list[Membership]:
    """When an organization leaves a network, its members leave with it."""
    return [
        msgspec.structs.replace(
            m, status=MembershipStatus.LEFT, left_at=now, version=m.version + 1, updated_at=now
        )
        for m in memberships
        if m.member_organization_id == organization_id and m.status is not MembershipStatus.LEFT
    ]


def find_membership(memberships: list[Membership], membership_id: UUID) -> Membership:
    for membership in memberships:
        if membership.id == membership_id:
            return membership
    raise NotFound("membership", membership_id)


class SeenMembership(msgspec.Struct, frozen=True, kw_only=True):
    """A membership as one organization may see it: `access` decides what shows."""

    membership: Membership
    member_display_name: str | None
    member_erased: bool
    access: Access
