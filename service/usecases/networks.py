"""Support networks: shared across the organizations that take part in them. An organization
that does not take part sees nothing of a network (404)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec

from service.domain import memberships as membership_rules
from service.domain import networks as rules
from service.domain.accounting import Viewing
from service.domain.consent import DataScope
from service.domain.errors import InvalidField, NotFound, Precondition, found
from service.domain.events import EventType
from service.domain.networks import (
    Membership,
    MembershipStatus,
    Network,
    NetworkChanges,
    NetworkKind,
    Participation,
    Role,
    SeenNetwork,
)
from service.domain.paging import Page, PageRequest
from service.domain.ports import FederationQueries, Receipt, UnitOfWork, no_receipt
from service.usecases.network_steps import announce_network_event, store_membership, taking_part


class CreateNetwork(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    kind: NetworkKind
    name: str
    description: str | None = None
    focus_member_id: UUID | None = None


async def create_network(
    command: CreateNetwork, uow: UnitOfWork, receipt: Receipt[Network] = no_receipt
) -> Network:
    """Create a circle (around one of the caller's members, who becomes its focus) or a group;
    the caller's organization takes part from the start."""
    now = uow.clock.now()
    async with uow:
        focus: Membership | None = None
        network, creator = rules.create_network(
            network_id=uow.ids.new_id(),
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
            focus = membership_rules.add_membership(
                network,
                membership_id=uow.ids.new_id(),
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
            uow.ids.new_id(),
            now,
            kind=network.kind.value,
        )
        if focus is not None:
            await store_membership(uow, focus, command.organization_id, now)
        await receipt(uow, network)  # the stored response, if any, commits with it
        await uow.commit()
    return network


async def get_network(
    viewing: Viewing, network_id: UUID, queries: FederationQueries
) -> SeenNetwork:
    """A network the viewer takes part in or is invited into, as it may see it (a circle's
    name only under its focus member's consent, recorded: networks.network_seen_by)."""
    return found(await queries.network_for(viewing, network_id), "network", network_id)


async def list_networks(
    viewing: Viewing, page: PageRequest, member_id: UUID | None, queries: FederationQueries
) -> Page[SeenNetwork]:
    """The viewer's networks, optionally only those the member belongs to, as it may see
    each."""
    return await queries.networks_for(viewing, page, member_id)


async def update_network(
    viewing: Viewing,
    network_id: UUID,
    changes: NetworkChanges,
    expected_version: Precondition | None,
    uow: UnitOfWork,
) -> SeenNetwork:
    """Rename or describe a network; any organization taking part may, guarded by If-Match.
    The answer shows the network as the caller may see it (a circle's name and description
    only under its focus member's consent: networks.network_seen_by), as its reads do, and
    records it as they do."""
    organization_id = viewing.organization_id
    now = uow.clock.now()
    async with uow:
        network, _ = await taking_part(uow, organization_id, network_id)
        updated = rules.update_network(network, changes, expected_version=expected_version, now=now)
        seen = await _seen_by(uow, updated, viewing, now)
        if updated is not network:
            await uow.networks.save(updated)
            await announce_network_event(
                uow, EventType.NETWORK_UPDATED, organization_id, network_id, uow.ids.new_id(), now
            )
        await uow.commit()
    return seen


async def _seen_by(
    uow: UnitOfWork, network: Network, viewing: Viewing, now: datetime
) -> SeenNetwork:
    """The network as the viewer may see it; a circle's name shown under consent is recorded
    (in the caller's unit of work, so the record commits with the answer)."""
    viewer, home, focus = (
        viewing.organization_id,
        network.created_by_organization_id,
        network.focus_member_id,
    )
    if focus is None or viewer == home:
        return rules.network_seen_by(network, viewer, ())
    in_force = await uow.consents.in_force(focus, viewer, now)
    consent_ids = [cid for cid, scopes in in_force if DataScope.NETWORKS in scopes]
    seen = rules.network_seen_by(network, viewer, consent_ids)
    if seen.consent_ids:
        member = await uow.members.get_any(focus)
        if member is not None and not member.is_erased:
            await uow.consents.record_disclosure(
                member, viewing, list(seen.consent_ids), frozenset({DataScope.NETWORKS})
            )
    return seen


async def archive_network(
    organization_id: UUID, network_id: UUID, expected_version: Precondition | None, uow: UnitOfWork
) -> Network:
    """Archive a network (its creator only): it stays readable and can no longer change."""
    now = uow.clock.now()
    async with uow:
        network, _ = await taking_part(uow, organization_id, network_id)
        archived = rules.archive_network(
            network, organization_id, expected_version=expected_version, now=now
        )
        if archived is not network:
            await uow.networks.save(archived)
            await announce_network_event(
                uow, EventType.NETWORK_ARCHIVED, organization_id, network_id, uow.ids.new_id(), now
            )
            await uow.commit()
    return archived


async def invite_organization(
    organization_id: UUID,
    network_id: UUID,
    invitee_id: UUID,
    uow: UnitOfWork,
    receipt: Receipt[Participation] = no_receipt,
) -> Participation:
    """The creating organization invites another one into the network."""
    now = uow.clock.now()
    async with uow:
        network, _ = await taking_part(uow, organization_id, network_id)
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
            uow.ids.new_id(),
            now,
            organization_id=str(invitee_id),
        )
        await receipt(uow, invited)  # the stored response, if any, commits with it
        await uow.commit()
    return invited


async def answer_invitation(
    organization_id: UUID, network_id: UUID, accept: bool, uow: UnitOfWork
) -> Participation:
    """The invited organization accepts (and joins) or declines."""
    now = uow.clock.now()
    async with uow:
        network, participation = await taking_part(
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
            uow.ids.new_id(),
            now,
            organization_id=str(organization_id),
        )
        await uow.commit()
    return answered


async def leave_network(organization_id: UUID, network_id: UUID, uow: UnitOfWork) -> Participation:
    """An organization stops taking part; its members' memberships end with it."""
    now = uow.clock.now()
    async with uow:
        network, participation = await taking_part(uow, organization_id, network_id)
        left = rules.leave_network(network, participation, now=now)
        await uow.networks.save_participation(left)
        memberships = await uow.networks.memberships_for_update(network_id)
        for ended in membership_rules.end_memberships_of(memberships, organization_id, now=now):
            await uow.networks.save_membership(ended)
            await announce_network_event(
                uow,
                EventType.NETWORK_MEMBERSHIP_REMOVED,
                organization_id,
                network_id,
                uow.ids.new_id(),
                now,
                membership_id=str(ended.id),
            )
        await announce_network_event(
            uow,
            EventType.NETWORK_ORGANIZATION_LEFT,
            organization_id,
            network_id,
            uow.ids.new_id(),
            now,
            organization_id=str(organization_id),
        )
        await uow.commit()
    return left


async def list_participants(
    viewer: UUID, network_id: UUID, queries: FederationQueries
) -> list[Participation]:
    """The organizations invited into or taking part in a network the viewer can see."""
    await visible_network(viewer, network_id, queries)
    return await queries.participants(network_id)


async def visible_network(viewer: UUID, network_id: UUID, queries: FederationQueries) -> None:
    """NotFound unless the viewer is invited into the network or takes part in it."""
    if not await queries.sees_network(viewer, network_id):
        raise NotFound("network", network_id)
