"""Members: people in the network, pseudonymous by default, owned by one home organization."""

from __future__ import annotations

import functools
import zoneinfo
from datetime import date, datetime, time
from uuid import UUID

import msgspec

from service.domain.errors import InvalidField, MemberErased, Precondition, check_version
from service.domain.records import new_record, next_version


class Contact(msgspec.Struct, frozen=True, kw_only=True):
    email: str | None = None
    phone: str | None = None


class Member(msgspec.Struct, frozen=True, kw_only=True):
    """A member. After erasure only the tombstone fields (id, organization, dates) remain."""

    id: UUID
    organization_id: UUID
    display_name: str | None
    timezone: str | None
    external_ref: str | None
    recovery_started_on: date | None
    contact: Contact | None
    version: int
    created_at: datetime
    updated_at: datetime
    erased_at: datetime | None = None
    # The local time of day the current period started, when the member knows it.
    recovery_started_time: time | None = None

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


class NewMember(msgspec.Struct, frozen=True, kw_only=True):
    display_name: str
    timezone: str
    external_ref: str | None = None
    recovery_started_on: date | None = None
    contact: Contact | None = None
    recovery_started_time: time | None = None


class MemberChanges(msgspec.Struct, frozen=True, kw_only=True):
    """A partial update: UNSET leaves a field alone, None clears an optional one."""

    display_name: str | msgspec.UnsetType = msgspec.UNSET
    timezone: str | msgspec.UnsetType = msgspec.UNSET
    external_ref: str | msgspec.UnsetType | None = msgspec.UNSET
    recovery_started_on: date | msgspec.UnsetType | None = msgspec.UNSET
    contact: Contact | msgspec.UnsetType | None = msgspec.UNSET
    recovery_started_time: time | msgspec.UnsetType | None = msgspec.UNSET


# Files in a zoneinfo directory that are not zones a person lives in: `localtime` is whatever
# the server is set to, `Factory` a placeholder.
_NOT_ZONES = frozenset({"localtime", "Factory", "posixrules", "posix", "right"})


@functools.cache
def known_timezones() -> frozenset[str]:
    """The IANA zone names. Reading them touches the zone database once; the composition root
    calls this at startup, so no request pays for it and the domain does no I/O after that."""
    return frozenset(zoneinfo.available_timezones()) - _NOT_ZONES


def validate_timezone(name: str, field: str = "timezone") -> str:
    """Every date rule runs in the member's zone, so the zone must be a real IANA key."""
    if name not in known_timezones():
        raise InvalidField(field, f"{name!r} is not an IANA time zone name (e.g. 'Europe/London').")
    return name


def validate_recovery_start(started_on: date | None, today: date) -> None:
    # A start a day ahead is allowed: the member's local date may already be tomorrow.
    if started_on is not None and (started_on - today).days > 1:
        raise InvalidField("recovery_started_on", "The recovery start cannot be in the future.")
    if started_on is not None and started_on.year < 1900:
        raise InvalidField("recovery_started_on", "The recovery start must be after 1900.")


def register_member(
    new: NewMember, *, member_id: UUID, organization_id: UUID, now: datetime
) -> Member:
    validate_timezone(new.timezone)
    validate_recovery_start(new.recovery_started_on, now.date())
    validate_start_time(new.recovery_started_on, new.recovery_started_time)
    return new_record(
        Member,
        new,
        id=member_id,
        organization_id=organization_id,
        contact=_normalise_contact(new.contact),
        created_at=now,
        updated_at=now,
    )


def validate_start_time(started_on: date | None, started_time: time | None) -> None:
    if started_time is not None and started_on is None:
        raise InvalidField(
            "recovery_started_time", "A start time needs a start date (recovery_started_on)."
        )


def apply_changes(
    member: Member, changes: MemberChanges, *, expected_version: Precondition | None, now: datetime
) -> tuple[Member, list[str]]:
    """The member after `changes`, and the names of the fields that really changed."""
    if member.erased_at is not None:
        raise MemberErased(member.id, member.erased_at)
    check_version(member.version, expected_version)
    if not isinstance(changes.timezone, msgspec.UnsetType):
        validate_timezone(changes.timezone)
    if not isinstance(changes.recovery_started_on, msgspec.UnsetType):
        validate_recovery_start(changes.recovery_started_on, now.date())
    updates: dict[str, object] = {}
    for field in MemberChanges.__struct_fields__:
        value = getattr(changes, field)
        if isinstance(value, msgspec.UnsetType):
            continue
        if field == "contact":
            value = _normalise_contact(value)
        if getattr(member, field) != value:
            updates[field] = value
    if not updates:
        return member, []
    validate_start_time(
        updates.get("recovery_started_on", member.recovery_started_on),  # type: ignore[arg-type]
        updates.get("recovery_started_time", member.recovery_started_time),  # type: ignore[arg-type]
    )
    changed = sorted(updates)
    return (
        next_version(member, **updates, updated_at=now),
        changed,
    )


def erase(member: Member, *, expected_version: Precondition | None, now: datetime) -> Member:
    """Remove every personal field; keep the id and home organization so references stay valid."""
    check_version(member.version, expected_version)
    return next_version(
        member,
        display_name=None,
        timezone=None,
        external_ref=None,
        recovery_started_on=None,
        recovery_started_time=None,
        contact=None,
        updated_at=now,
        erased_at=now,
    )


def _normalise_contact(contact: Contact | None) -> Contact | None:
    if contact is None or (contact.email is None and contact.phone is None):
        return None
    return contact
