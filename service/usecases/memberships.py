"""Memberships of a network: adding a member (the caller's own, or another organization's
under its consent), changing a membership's status, and listing them as the viewer may see
them."""

from __future__ import annotations

from uuid import UUID

import msgspec

from service.domain import memberships as rules
from service.domain.accounting import Viewing
from service.domain.consent import DataScope
from service.domain.errors import InvalidField, MemberErased, Precondition
from service.domain.events import EventType
from service.domain.memberships import SeenMembership
from service.domain.networks import (
    Membership,
    MembershipStatus,
    NetworkConflict,
    ParticipationStatus,
    Role,
)
from service.domain.paging import Page, PageRequest
from service.domain.ports import FederationQueries, Receipt, UnitOfWork, no_receipt
from service.usecases.consents import covered
from service.usecases.network_steps import announce_network_event, store_membership, taking_part
from service.usecases.networks import visible_network


class AddMembership(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    network_id: UUID
    member_id: UUID
    role: Role
    status: MembershipStatus = MembershipStatus.ACTIVE


class ChangeMembership(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    network_id: UUID
    membership_id: UUID
    role: Role | None = None
    status: MembershipStatus | None = None
    expected_version: Precondition | None = None


async def add_membership(
    command: AddMembership, uow: UnitOfWork, receipt: Receipt[Membership] = no_receipt
) -> Membership:
    """Add a member to the network. The caller adds its own members, or a member whose home
    organization gave it a consent in force; that home organization must take part too."""
    now = uow.clock.now()
    async with uow:
        network, _ = await taking_part(uow, command.organization_id, command.network_id)
        member = await uow.members.get_any(command.member_id)
        own = member is not None and member.organization_id == command.organization_id
        if member is None or not await covered(
            uow, member.id, member.organization_id, command.organization_id, DataScope.NETWORKS, now
        ):
            raise InvalidField(
                "member_id", "Name one of your members, or one you have consent for."
            )
        if member.erased_at is not None:
            raise MemberErased(member.id, member.erased_at)
        home = await uow.networks.participation(network.id, member.organization_id)
        if home is None or home.status is not ParticipationStatus.ACTIVE:
            raise NetworkConflict(
                "organization-not-participating",
                "The member's home organization does not take part in this network.",
            )
        memberships = await uow.networks.memberships_for_update(network.id)
        live = [m for m in memberships if m.status is not MembershipStatus.LEFT]
        membership = rules.add_membership(
            network,
            membership_id=uow.ids.new_id(),
            member_id=member.id,
            member_organization_id=member.organization_id,
            role=command.role,
            # Another organization can only invite: the member's home organization accepts.
            status=command.status if own else MembershipStatus.INVITED,
            added_by_organization_id=command.organization_id,
            current_focus=next((m for m in live if m.role is Role.FOCUS), None),
            already_member=any(m.member_id == member.id for m in live),
            now=now,
        )
        await store_membership(uow, membership, command.organization_id, now)
        await receipt(uow, membership)  # the stored response, if any, commits with it
        await uow.commit()
    return membership


async def change_membership(command: ChangeMembership, uow: UnitOfWork) -> Membership:
    """Change a membership's role or status (accept an invitation, leave), guarded by If-Match."""
    now = uow.clock.now()
    async with uow:
        network, _ = await taking_part(uow, command.organization_id, command.network_id)
        memberships = await uow.networks.memberships_for_update(network.id)
        membership = rules.find_membership(memberships, command.membership_id)
        live = [m for m in memberships if m.status is not MembershipStatus.LEFT]
        foreign = membership.member_organization_id != command.organization_id
        consent_in_force = foreign and await covered(
            uow,
            membership.member_id,
            membership.member_organization_id,
            command.organization_id,
            DataScope.NETWORKS,
            now,
        )
        changed = rules.change_membership(
            network,
            membership,
            role=command.role,
            status=command.status,
            actor_organization_id=command.organization_id,
            current_focus=next((m for m in live if m.role is Role.FOCUS), None),
            expected_version=command.expected_version,
            consent_in_force=consent_in_force,
            now=now,
        )
        if changed is not membership:
            await uow.networks.save_membership(changed)
            event = (
                EventType.NETWORK_MEMBERSHIP_REMOVED
                if changed.status is MembershipStatus.LEFT
                else EventType.NETWORK_MEMBERSHIP_CHANGED
            )
            await announce_network_event(
                uow,
                event,
                command.organization_id,
                network.id,
                uow.ids.new_id(),
                now,
                membership_id=str(changed.id),
                role=changed.role.value,
                status=changed.status.value,
            )
            await uow.commit()
    return changed


async def list_memberships(
    viewing: Viewing, network_id: UUID, page: PageRequest, queries: FederationQueries
) -> Page[SeenMembership]:
    """The network's memberships, each showing only what consent lets the viewer see."""
    await visible_network(viewing.organization_id, network_id, queries)
    return await queries.memberships_for(viewing, network_id, page)
