"""Row <-> domain Struct mapping, in one place so a round-trip test can cover every field."""

from __future__ import annotations

from typing import Any

from asyncpg import Record

from service.domain.members import Contact, Member
from service.domain.organizations import ApiKey, Organization, OrganizationKind, Scope

MEMBER_COLUMNS = (
    "id, organization_id, display_name, timezone, external_ref, recovery_started_on, "
    "contact_email, contact_phone, version, created_at, updated_at, erased_at"
)

API_KEY_COLUMNS = (
    "id, organization_id, is_operator, name, prefix, secret_hash, scopes, created_at, revoked_at"
)

ORGANIZATION_COLUMNS = "id, name, kind, version, created_at"


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
    )


def member_to_params(member: Member) -> tuple[Any, ...]:
    """Parameters in MEMBER_COLUMNS order."""
    contact = member.contact
    return (
        member.id,
        member.organization_id,
        member.display_name,
        member.timezone,
        member.external_ref,
        member.recovery_started_on,
        contact.email if contact else None,
        contact.phone if contact else None,
        member.version,
        member.created_at,
        member.updated_at,
        member.erased_at,
    )


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
