"""Support networks: shared across the organizations that take part in them. An organization
that does not take part sees nothing of a network (404)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec

from service.domain import networks as rules
from service.domain.consent import DataScope, Viewing
from service.domain.errors import InvalidField, MemberErased, NotFound, Precondition
from service.domain.events import EventType, new_event
from service.domain.networks import (
    Membership,
    MembershipStatus,
    Network,
    NetworkChanges,
    NetworkKind,
    NotAllowed,
    Participation,
    ParticipationStatus,
    Role,
    SeenMembership,
)
from service.domain.paging import Page, PageRequest
from service.domain.ports import Clock, FederationQueries, IdSource, Receipt, UnitOfWork, no_receipt


class CreateNetwork(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    kind: NetworkKind
    name: str
    description: str | None = None
    focus_member_id: UUID | None = None


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


async def announce_network_event(
    uow: UnitOfWork,
    event_type: EventType,
    actor_organization_id: UUID,
    network_id: UUID,
    event_id: UUID,
    now: datetime,
    /,
    **data: str,
) -> None:
    """Write an event about the network, seen by every organization taking part in it."""
    await uow.outbox.append(
        new_event(
            event_type,
            organization_id=actor_organization_id,
            subject_type="network",
            subject_id=network_id,
            event_id=event_id,
            now=now,
            data={"network_id": str(network_id), **data},
        )
    )


async def _taking_part(
    uow: UnitOfWork, organization_id: UUID, network_id: UUID, *, invited_ok: bool = False
) -> tuple[Network, Participation]:
    """The network, locked, if the organization takes part (or is invited, when allowed);
    otherwise NotFound, so that its existence is not disclosed."""
    network = await uow.networks.get_for_update(network_id)
    participation = (
        None if network is None else await uow.networks.participation(network_id, organization_id)
    )
    allowed = {ParticipationStatus.ACTIVE}
    if invited_ok:
        allowed.add(ParticipationStatus.INVITED)
    if network is None or participation is None or participation.status not in allowed:
        if participation is not None and participation.status is ParticipationStatus.INVITED:
            raise NotAllowed("Accept the invitation to the network first.")
        raise NotFound("network", network_id)
    return network, participation


async def create_network(
    command: CreateNetwork,
    uow: UnitOfWork,
    clock: Clock,
    ids: IdSource,
    receipt: Receipt[Network] = no_receipt,
) -> Network:
    """Create a circle (around one of the caller's members, who becomes its focus) or a group;
    the caller's organization takes part from the start."""
    now = clock.now()
    async with uow:
        focus: Membership | None = None
        network, creator = rules.create_network(
            network_id=ids.new_id(),
            kind=command.kind,
            name=command.name,
            description=command.description,
            focus_member_id=command.focus_member_id,
            organization_id=command.organization_id,
            now=now,
        )
        if command.focus_member_id is not None:
            member = await uow.members.get_for_update(
                command.organization_id, command.focus_member_id
            )
            if member is None or member.is_erased:
                raise InvalidField("focus_member_id", "The focus member must be one of yours.")
            focus = rules.add_membership(
                network,
                membership_id=ids.new_id(),
                member_id=member.id,
                member_organization_id=member.organization_id,
                role=Role.FOCUS,
                status=MembershipStatus.ACTIVE,
                added_by_organization_id=command.organization_id,
                current_focus=None,
                already_member=False,
                now=now,
            )
        await uow.networks.add(network)
        await uow.networks.save_participation(creator)
        await announce_network_event(
            uow,
            EventType.NETWORK_CREATED,
            command.organization_id,
            network.id,
            ids.new_id(),
            now,
            kind=network.kind.value,
        )
        if focus is not None:
            await uow.networks.add_membership(focus)
            await announce_network_event(
                uow,
                EventType.NETWORK_MEMBERSHIP_ADDED,
                command.organization_id,
                network.id,
                ids.new_id(),
                now,
                membership_id=str(focus.id),
                role=focus.role.value,
            )
        await receipt(uow, network)  # the stored response, if any, commits with it
        await uow.commit()
    return network


async def get_network(viewer: UUID, network_id: UUID, queries: FederationQueries) -> Network:
    """A network the viewer takes part in or is invited into."""
    network = await queries.network_for(viewer, network_id)
    if network is None:
        raise NotFound("network", network_id)
    return network


async def list_networks(
    viewer: UUID, page: PageRequest, member_id: UUID | None, queries: FederationQueries
) -> Page[Network]:
    """The viewer's networks, optionally only those the member belongs to."""
    return await queries.networks_for(viewer, page, member_id)


async def update_network(
    organization_id: UUID,
    network_id: UUID,
    changes: NetworkChanges,
    expected_version: Precondition | None,
    uow: UnitOfWork,
    clock: Clock,
    ids: IdSource,
) -> Network:
    """Rename or describe a network; any organization taking part may, guarded by If-Match."""
    now = clock.now()
    async with uow:
        network, _ = await _taking_part(uow, organization_id, network_id)
        updated = rules.update_network(network, changes, expected_version=expected_version, now=now)
        if updated is not network:
            await uow.networks.save(updated)
            await announce_network_event(
                uow, EventType.NETWORK_UPDATED, organization_id, network_id, ids.new_id(), now
            )
            await uow.commit()
    return updated


async def archive_network(
    organization_id: UUID,
    network_id: UUID,
    expected_version: Precondition | None,
    uow: UnitOfWork,
    clock: Clock,
    ids: IdSource,
) -> Network:
    """Archive a network (its creator only): it stays readable and can no longer change."""
    now = clock.now()
    async with uow:
        network, _ = await _taking_part(uow, organization_id, network_id)
        archived = rules.archive_network(
            network, organization_id, expected_version=expected_version, now=now
        )
        if archived is not network:
            await uow.networks.save(archived)
            await announce_network_event(
                uow, EventType.NETWORK_ARCHIVED, organization_id, network_id, ids.new_id(), now
            )
            await uow.commit()
    return archived


async def invite_organization(
    organization_id: UUID,
    network_id: UUID,
    invitee_id: UUID,
    uow: UnitOfWork,
    clock: Clock,
    ids: IdSource,
) -> Participation:
    """The creating organization invites another one into the network."""
    now = clock.now()
    async with uow:
        network, _ = await _taking_part(uow, organization_id, network_id)
        if invitee_id == organization_id or await uow.organizations.get(invitee_id) is None:
            raise InvalidField("organization_id", "Name another existing organization.")
        existing = await uow.networks.participation(network_id, invitee_id)
        invited = rules.invite_organization(network, organization_id, invitee_id, existing, now=now)
        await uow.networks.save_participation(invited)
        await announce_network_event(
            uow,
            EventType.NETWORK_ORGANIZATION_INVITED,
            organization_id,
            network_id,
            ids.new_id(),
            now,
            organization_id=str(invitee_id),
        )
        await uow.commit()
    return invited


async def answer_invitation(
    organization_id: UUID,
    network_id: UUID,
    accept: bool,
    uow: UnitOfWork,
    clock: Clock,
    ids: IdSource,
) -> Participation:
    """The invited organization accepts (and joins) or declines."""
    now = clock.now()
    async with uow:
        network, participation = await _taking_part(
            uow, organization_id, network_id, invited_ok=True
        )
        answered = rules.answer_invitation(network, participation, accept=accept, now=now)
        await uow.networks.save_participation(answered)
        await announce_network_event(
            uow,
            EventType.NETWORK_ORGANIZATION_JOINED
            if accept
            else EventType.NETWORK_ORGANIZATION_DECLINED,
            organization_id,
            network_id,
            ids.new_id(),
            now,
            organization_id=str(organization_id),
        )
        await uow.commit()
    return answered


async def leave_network(
    organization_id: UUID, network_id: UUID, uow: UnitOfWork, clock: Clock, ids: IdSource
) -> Participation:
    """An organization stops taking part; its members' memberships end with it."""
    now = clock.now()
    async with uow:
        network, participation = await _taking_part(uow, organization_id, network_id)
        left = rules.leave_network(network, participation, now=now)
        await uow.networks.save_participation(left)
        memberships = await uow.networks.memberships_for_update(network_id)
        for ended in rules.end_memberships_of(memberships, organization_id, now=now):
            await uow.networks.save_membership(ended)
            await announce_network_event(
                uow,
                EventType.NETWORK_MEMBERSHIP_REMOVED,
                organization_id,
                network_id,
                ids.new_id(),
                now,
                membership_id=str(ended.id),
            )
        await announce_network_event(
            uow,
            EventType.NETWORK_ORGANIZATION_LEFT,
            organization_id,
            network_id,
            ids.new_id(),
            now,
            organization_id=str(organization_id),
        )
        await uow.commit()
    return left


async def list_participants(
    viewer: UUID, network_id: UUID, queries: FederationQueries
) -> list[Participation]:
    """The organizations invited into or taking part in a network the viewer can see."""
    await get_network(viewer, network_id, queries)
    return await queries.participants(network_id)


async def add_membership(
    command: AddMembership,
    uow: UnitOfWork,
    clock: Clock,
    ids: IdSource,
    receipt: Receipt[Membership] = no_receipt,
) -> Membership:
    """Add a member to the network. The caller adds its own members, or a member whose home
    organization gave it a consent in force; that home organization must take part too."""
    now = clock.now()
    async with uow:
        network, _ = await _taking_part(uow, command.organization_id, command.network_id)
        member = await uow.members.get_any(command.member_id)
        own = member is not None and member.organization_id == command.organization_id
        visible = own or (
            member is not None
            and any(
                DataScope.NETWORKS in scopes
                for _, scopes in await uow.consents.in_force(
                    member.id, command.organization_id, now
                )
            )
        )
        if member is None or not visible:
            raise InvalidField(
                "member_id", "Name one of your members, or one you have consent for."
            )
        if member.erased_at is not None:
            raise MemberErased(member.id, member.erased_at)
        home = await uow.networks.participation(network.id, member.organization_id)
        if home is None or home.status is not ParticipationStatus.ACTIVE:
            raise rules.NetworkConflict(
                "organization-not-participating",
                "The member's home organization does not take part in this network.",
            )
        memberships = await uow.networks.memberships_for_update(network.id)
        live = [m for m in memberships if m.status is not MembershipStatus.LEFT]
        membership = rules.add_membership(
            network,
            membership_id=ids.new_id(),
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
        await uow.networks.add_membership(membership)
        await announce_network_event(
            uow,
            EventType.NETWORK_MEMBERSHIP_ADDED,
            command.organization_id,
            network.id,
            ids.new_id(),
            now,
            membership_id=str(membership.id),
            role=membership.role.value,
        )
        await receipt(uow, membership)  # the stored response, if any, commits with it
        await uow.commit()
    return membership


async def change_membership(
    command: ChangeMembership, uow: UnitOfWork, clock: Clock, ids: IdSource
) -> Membership:
    """Change a membership's role or status (accept an invitation, leave), guarded by If-Match."""
    now = clock.now()
    async with uow:
        network, _ = await _taking_part(uow, command.organization_id, command.network_id)
        memberships = await uow.networks.memberships_for_update(network.id)
        membership = rules.find_membership(memberships, command.membership_id)
        live = [m for m in memberships if m.status is not MembershipStatus.LEFT]
        foreign = membership.member_organization_id != command.organization_id
        consent_in_force = foreign and any(
            DataScope.NETWORKS in scopes
            for _, scopes in await uow.consents.in_force(
                membership.member_id, command.organization_id, now
            )
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
                ids.new_id(),
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
    await get_network(viewing.organization_id, network_id, queries)
    return await queries.memberships_for(viewing, network_id, page)
