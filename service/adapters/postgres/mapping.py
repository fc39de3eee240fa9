"""Row <-> domain Struct mapping, in one place so a round-trip test can cover every field."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from asyncpg import Record

from service.domain.consent import Consent, DataScope, EndEvent, SignatureMethod
from service.domain.members import Contact, Member
from service.domain.networks import (
    Membership,
    MembershipStatus,
    Network,
    NetworkKind,
    NetworkStatus,
    Participation,
    ParticipationStatus,
    Role,
)
from service.domain.organizations import ApiKey, Organization, OrganizationKind, Scope

MEMBER_COLUMN_NAMES = (
    "id",
    "organization_id",
    "display_name",
    "timezone",
    "external_ref",
    "recovery_started_on",
    "contact_email",
    "contact_phone",
    "version",
    "created_at",
    "updated_at",
    "erased_at",
    "recovery_started_time",
)
MEMBER_COLUMNS = ", ".join(MEMBER_COLUMN_NAMES)

API_KEY_COLUMNS = (
    "id, organization_id, is_operator, name, prefix, secret_hash, scopes, created_at, revoked_at"
)

ORGANIZATION_COLUMNS = "id, name, kind, version, created_at"

# Keyset start for "from the beginning": every UUID sorts after the nil UUID. A plain `id > $n`
# (no "$n IS NULL OR") stays an index condition in a generic prepared plan.
BEFORE_ALL = UUID(int=0)


def member_from_row(row: Record) -> Member:
    email, phone = row["contact_email"], row["contact_phone"]
    return Member(
        id=row["id"],
        organization_id=row["organization_id"],
        display_name=row["display_name"],
        timezone=row["timezone"],
        external_ref=row["external_ref"],
        recovery_started_on=row["recovery_started_on"],
        contact=None if email is None and phone is None else Contact(email=email, phone=phone),
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        erased_at=row["erased_at"],
        recovery_started_time=row["recovery_started_time"],
    )


def member_to_columns(member: Member) -> dict[str, Any]:
    """The member's row, by column name."""
    contact = member.contact
    return {
        "id": member.id,
        "organization_id": member.organization_id,
        "display_name": member.display_name,
        "timezone": member.timezone,
        "external_ref": member.external_ref,
        "recovery_started_on": member.recovery_started_on,
        "contact_email": contact.email if contact else None,
        "contact_phone": contact.phone if contact else None,
        "version": member.version,
        "created_at": member.created_at,
        "updated_at": member.updated_at,
        "erased_at": member.erased_at,
        "recovery_started_time": member.recovery_started_time,
    }


def member_to_params(member: Member) -> tuple[Any, ...]:
    """Parameters in MEMBER_COLUMNS order (taken by name, so the two cannot drift apart)."""
    columns = member_to_columns(member)
    return tuple(columns[name] for name in MEMBER_COLUMN_NAMES)


def api_key_from_row(row: Record) -> ApiKey:
    return ApiKey(
        id=row["id"],
        organization_id=row["organization_id"],
        is_operator=row["is_operator"],
        name=row["name"],
        prefix=row["prefix"],
        secret_hash=bytes(row["secret_hash"]),
        scopes=frozenset(Scope(s) for s in row["scopes"] if s in Scope.__members__.values()),
        created_at=row["created_at"],
        revoked_at=row["revoked_at"],
    )


def api_key_to_params(key: ApiKey) -> tuple[Any, ...]:
    return (
        key.id,
        key.organization_id,
        key.is_operator,
        key.name,
        key.prefix,
        key.secret_hash,
        sorted(s.value for s in key.scopes),
        key.created_at,
        key.revoked_at,
    )


def organization_from_row(row: Record) -> Organization:
    return Organization(
        id=row["id"],
        name=row["name"],
        kind=OrganizationKind(row["kind"]),
        version=row["version"],
        created_at=row["created_at"],
    )


NETWORK_COLUMNS = (
    "id, kind, name, description, focus_member_id, created_by_organization_id, status, "
    "version, created_at, updated_at, archived_at"
)
PARTICIPATION_COLUMNS = (
    "network_id, organization_id, status, invited_by_organization_id, invited_at, joined_at, "
    "left_at, version"
)
MEMBERSHIP_COLUMNS = (
    "id, network_id, member_id, member_organization_id, role, status, added_by_organization_id, "
    "invited_at, joined_at, left_at, version, created_at, updated_at"
)
CONSENT_COLUMNS = (
    "id, member_id, organization_id, recipient_organization_id, scopes, purpose, expires_on, "
    "expires_at, end_event, signature_method, signed_at, signed_by, recorded_by, "
    "recorded_by_key_id, version, created_at, updated_at, revoked_at, revocation_reason, ended_at"
)


def network_from_row(row: Record) -> Network:
    return Network(
        id=row["id"],
        kind=NetworkKind(row["kind"]),
        name=row["name"],
        description=row["description"],
        focus_member_id=row["focus_member_id"],
        created_by_organization_id=row["created_by_organization_id"],
        status=NetworkStatus(row["status"]),
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        archived_at=row["archived_at"],
    )


def network_to_params(network: Network) -> tuple[Any, ...]:
    return (
        network.id,
        network.kind.value,
        network.name,
        network.description,
        network.focus_member_id,
        network.created_by_organization_id,
        network.status.value,
        network.version,
        network.created_at,
        network.updated_at,
        network.archived_at,
    )


def participation_from_row(row: Record) -> Participation:
    return Participation(
        network_id=row["network_id"],
        organization_id=row["organization_id"],
        status=ParticipationStatus(row["status"]),
        invited_by_organization_id=row["invited_by_organization_id"],
        invited_at=row["invited_at"],
        joined_at=row["joined_at"],
        left_at=row["left_at"],
        version=row["version"],
    )


def participation_to_params(p: Participation) -> tuple[Any, ...]:
    return (
        p.network_id,
        p.organization_id,
        p.status.value,
        p.invited_by_organization_id,
        p.invited_at,
        p.joined_at,
        p.left_at,
        p.version,
    )


def membership_from_row(row: Record) -> Membership:
    return Membership(
        id=row["id"],
        network_id=row["network_id"],
        member_id=row["member_id"],
        member_organization_id=row["member_organization_id"],
        role=Role(row["role"]),
        status=MembershipStatus(row["status"]),
        added_by_organization_id=row["added_by_organization_id"],
        invited_at=row["invited_at"],
        joined_at=row["joined_at"],
        left_at=row["left_at"],
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def membership_to_params(m: Membership) -> tuple[Any, ...]:
    return (
        m.id,
        m.network_id,
        m.member_id,
        m.member_organization_id,
        m.role.value,
        m.status.value,
        m.added_by_organization_id,
        m.invited_at,
        m.joined_at,
        m.left_at,
        m.version,
        m.created_at,
        m.updated_at,
    )


def consent_from_row(row: Record) -> Consent:
    return Consent(
        id=row["id"],
        member_id=row["member_id"],
        organization_id=row["organization_id"],
        recipient_organization_id=row["recipient_organization_id"],
        scopes=frozenset(DataScope(s) for s in row["scopes"]),
        purpose=row["purpose"],
        expires_on=row["expires_on"],
        expires_at=row["expires_at"],
        end_event=None if row["end_event"] is None else EndEvent(row["end_event"]),
        signature_method=SignatureMethod(row["signature_method"]),
        signed_at=row["signed_at"],
        signed_by=row["signed_by"],
        recorded_by=row["recorded_by"],
        recorded_by_key_id=row["recorded_by_key_id"],
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        revoked_at=row["revoked_at"],
        revocation_reason=row["revocation_reason"],
        ended_at=row["ended_at"],
    )


def consent_to_params(c: Consent) -> tuple[Any, ...]:
    return (
        c.id,
        c.member_id,
        c.organization_id,
        c.recipient_organization_id,
        sorted(s.value for s in c.scopes),
        c.purpose,
        c.expires_on,
        c.expires_at,
        None if c.end_event is None else c.end_event.value,
        c.signature_method.value,
        c.signed_at,
        c.signed_by,
        c.recorded_by,
        c.recorded_by_key_id,
        c.version,
        c.created_at,
        c.updated_at,
        c.revoked_at,
        c.revocation_reason,
        c.ended_at,
    )
