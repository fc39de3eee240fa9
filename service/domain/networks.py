"""Support networks: a circle around one focus member, or a peer group, shared by the
organizations that participate in it."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

import msgspec

from service.domain.errors import (
    Conflict,
    DomainError,
    InvalidField,
    Precondition,
    check_version,
)
from service.domain.records import next_version


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
    return next_version(network, **updates, updated_at=now)


def archive_network(
    network: Network, organization_id: UUID, *, expected_version: Precondition | None, now: datetime
) -> Network:
    if network.created_by_organization_id != organization_id:
        raise NotAllowed("Only the organization that created the network can archive it.")
    check_version(network.version, expected_version, required=True)
    if network.status is NetworkStatus.ARCHIVED:
        return network
    return next_version(network, status=NetworkStatus.ARCHIVED, archived_at=now, updated_at=now)


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
    return next_version(
        participation,
        status=ParticipationStatus.ACTIVE if accept else ParticipationStatus.DECLINED,
        joined_at=now if accept else None,
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
    return next_version(participation, status=ParticipationStatus.LEFT, left_at=now)


# What another organization sees of a circle whose name it may not read.
NEUTRAL_CIRCLE_NAME = "Support circle"


class SeenNetwork(msgspec.Struct, frozen=True, kw_only=True):
    """A network as one viewer may see it. `consent_ids` name the focus member's consents
    under which a circle's real name and description reached another organization than its
    creator: that is a disclosure, recorded and noticed like any other (empty otherwise)."""

    network: Network
    consent_ids: tuple[UUID, ...] = ()
    # False: a circle shown under the neutral name, its own hidden from this viewer.
    named: bool = True


def network_seen_by(
    network: Network, viewer: UUID, focus_consent_ids: Sequence[UUID]
) -> SeenNetwork:
    """A circle's name and description may name its focus member ("Sam R.'s circle"):
    another organization than the focus member's home (the circle's creator) sees them only
    under a consent in force from that member covering `networks` (`focus_consent_ids`, the
    consents in force to the viewer that do); otherwise a neutral name and no description. A
    group names nobody: everyone taking part sees it whole."""
    if network.kind is not NetworkKind.CIRCLE or viewer == network.created_by_organization_id:
        return SeenNetwork(network=network)
    if focus_consent_ids:
        return SeenNetwork(network=network, consent_ids=tuple(sorted(set(focus_consent_ids))))
    return SeenNetwork(
        network=msgspec.structs.replace(network, name=NEUTRAL_CIRCLE_NAME, description=None),
        named=False,
    )
