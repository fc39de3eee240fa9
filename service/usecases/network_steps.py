"""Steps every network use case shares: announcing a network event, finding the network an
organization takes part in (locked), and storing a new membership with its event."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from service.domain.errors import NotFound
from service.domain.event_payloads import network_event
from service.domain.events import EventType
from service.domain.networks import (
    Membership,
    Network,
    NotAllowed,
    Participation,
    ParticipationStatus,
)
from service.domain.ports import UnitOfWork


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
    told = network_event(event_type, actor_organization_id, network_id, event_id, now, **data)
    await uow.outbox.append(told)


async def store_membership(
    uow: UnitOfWork, membership: Membership, actor: UUID, now: datetime
) -> None:
    """Store a new membership and announce `network.membership_added` (by `actor`)."""
    await uow.networks.add_membership(membership)
    await announce_network_event(
        uow,
        EventType.NETWORK_MEMBERSHIP_ADDED,
        actor,
        membership.network_id,
        uow.ids.new_id(),
        now,
        membership_id=str(membership.id),
        role=membership.role.value,
    )


async def taking_part(
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
