"""Memberships: who may add whom to a network with which role, how a membership's status may
change, and a membership as one organization may see it."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec

from service.domain.consent import Access
from service.domain.errors import (
    InvalidField,
    NotFound,
    Precondition,
    check_version,
)
from service.domain.networks import (
    Membership,
    MembershipStatus,
    Network,
    NetworkConflict,
    NetworkKind,
    NotAllowed,
    Role,
    require_open,
)
from service.domain.records import next_version


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
    return next_version(updated, updated_at=now)


def end_memberships_of(
    memberships: list[Membership], organization_id: UUID, *, now: datetime
) -> list[Membership]:
    """When an organization leaves a network, its members leave with it."""
    return [
        next_version(m, status=MembershipStatus.LEFT, left_at=now, updated_at=now)
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
