"""Request and response bodies of the public contract. Separate from the domain Structs so the
contract can stay stable while the domain moves; unknown fields are rejected on input."""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, date, datetime, time
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import UNSET, Meta, UnsetType

from service.adapters.http.disclosure_schemas import DisclosureNoticeView
from service.domain.consent import HOME_ACCESS, DataScope, SeenMember, seen_by
from service.domain.disclosure_notice import notice_for
from service.domain.errors import InvalidField
from service.domain.members import Contact, Member, MemberChanges, NewMember
from service.domain.paging import Page
from service.domain.records import copied

# No C0 control characters (U+0000 above all: PostgreSQL text refuses it) and no DEL.
PRINTABLE = r"^[^\x00-\x1f\x7f]*$"

# A local time of day, HH:MM or HH:MM:SS. A string with a pattern, not `time`: Litestar would
# describe a `time` as an ISO duration in the contract.
StartTime = Annotated[
    str,
    Meta(
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
        description="Local time of day the period started, HH:MM or HH:MM:SS.",
        examples=["21:30:00"],
    ),
]


_D = "[0-9]"
# An RFC 3339 instant, spelled out: msgspec would also take a number of seconds for a datetime
# in a body, which the contract does not allow.
INSTANT_PATTERN = (
    rf"^{_D}{{4}}-{_D}{{2}}-{_D}{{2}}[Tt ]{_D}{{2}}:{_D}{{2}}:{_D}{{2}}(\.{_D}{{1,6}})?"
    rf"([Zz]|[+-]{_D}{{2}}:{_D}{{2}})$"
)
Instant = Annotated[
    str,
    Meta(
        pattern=INSTANT_PATTERN,
        max_length=40,
        extra_json_schema={"extra": {"format": "date-time"}},
    ),
]


def parse_instant(name: str, value: str | None) -> datetime | None:
    """An RFC 3339 instant of the contract's shape as a datetime in UTC; a 422 naming `name`
    when the calendar disagrees (a 30 February), or when the instant lies outside the calendar
    once in UTC (year 1 at +05:00 is still year 0 there: PostgreSQL could not store it)."""
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.replace("z", "Z")).astimezone(UTC)
    except (ValueError, OverflowError):
        raise InvalidField(name, f"{value!r} is not a real instant.") from None


def parse_time(value: str | None) -> time | None:
    return None if value is None else time.fromisoformat(value)


def format_time(value: time | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


DisplayName = Annotated[
    str,
    Meta(
        min_length=1,
        max_length=100,
        pattern=PRINTABLE,
        description="Pseudonymous name shown to peers.",
    ),
]
TimeZoneName = Annotated[
    str,
    Meta(
        min_length=1,
        max_length=64,
        pattern=PRINTABLE,
        description="IANA time zone of the member, e.g. `Europe/London`. Every date rule uses it.",
        examples=["Europe/London"],
        # A name of the IANA time zone database; the server refuses one it does not know (422).
        extra_json_schema={"extra": {"format": "iana-time-zone"}},
    ),
]
ExternalRef = Annotated[
    str,
    Meta(
        min_length=1,
        max_length=200,
        pattern=PRINTABLE,
        description="The home organization's own id for the person; unique per organization.",
    ),
]
# No `\s` in a contract's pattern: Python's `re` (which validates here) and ECMA-262 (which the
# contract's readers use) disagree on it (U+0085 and U+FEFF), so a client could send what the
# contract allows and get a 400. The white space both know, spelled out, with the controls.
_NOT_SPACE_OR_AT = (
    r"[^@\x00-\x20\x7f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
)
Email = Annotated[
    str,
    Meta(
        max_length=254,
        pattern=rf"^{_NOT_SPACE_OR_AT}+@{_NOT_SPACE_OR_AT}+$",
        examples=["sam@example.org"],
    ),
]
Phone = Annotated[str, Meta(min_length=3, max_length=32, pattern=r"^\+?[0-9 ()\-]{3,32}$")]
Name = Annotated[str, Meta(min_length=1, max_length=200, pattern=PRINTABLE)]
KeyName = Annotated[str, Meta(min_length=1, max_length=100, pattern=PRINTABLE)]


class ContactDetails(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Contact details: never shown outside the home organization without consent."""

    email: Email | None = None
    phone: Phone | None = None


class MemberCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    display_name: DisplayName
    timezone: TimeZoneName
    external_ref: ExternalRef | None = None
    recovery_started_on: date | None = None
    recovery_started_time: StartTime | None = None
    contact: ContactDetails | None = None

    def to_domain(self) -> NewMember:
        return copied(
            NewMember,
            self,
            recovery_started_time=parse_time(self.recovery_started_time),
            contact=_contact_to_domain(self.contact),
        )


class MemberUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A partial update: absent fields stay as they are; `null` clears an optional field."""

    display_name: DisplayName | UnsetType = UNSET
    timezone: TimeZoneName | UnsetType = UNSET
    external_ref: ExternalRef | UnsetType | None = UNSET
    recovery_started_on: date | UnsetType | None = UNSET
    recovery_started_time: StartTime | UnsetType | None = UNSET
    contact: ContactDetails | UnsetType | None = UNSET

    def to_domain(self) -> MemberChanges:
        contact: Contact | UnsetType | None = (
            UNSET if isinstance(self.contact, UnsetType) else _contact_to_domain(self.contact)
        )
        return MemberChanges(
            display_name=self.display_name,
            timezone=self.timezone,
            external_ref=self.external_ref,
            recovery_started_on=self.recovery_started_on,
            recovery_started_time=(
                UNSET
                if isinstance(self.recovery_started_time, UnsetType)
                else parse_time(self.recovery_started_time)
            ),
            contact=contact,
        )


class MemberView(msgspec.Struct, kw_only=True):
    """A member. Its home organization sees every field; another organization sees only the
    fields the member's consents cover (`disclosed_scopes`), the rest null."""

    id: UUID
    organization_id: UUID
    display_name: str | None
    timezone: str | None
    external_ref: str | None
    recovery_started_on: date | None
    recovery_started_time: StartTime | None
    contact: ContactDetails | None
    access: Literal["home", "consent"]
    disclosed_scopes: list[DataScope]
    version: int
    created_at: datetime
    updated_at: datetime
    disclosure: DisclosureNoticeView | None = None

    @classmethod
    def of(cls, seen: SeenMember) -> MemberView:
        """The member as the viewer may see it (the read model is already redacted)."""
        member, access = seen.member, seen.access
        contact = member.contact
        return cls(
            id=member.id,
            organization_id=member.organization_id,
            display_name=member.display_name,
            timezone=member.timezone,
            external_ref=member.external_ref,
            recovery_started_on=member.recovery_started_on,
            recovery_started_time=format_time(member.recovery_started_time),
            contact=None
            if contact is None
            else ContactDetails(email=contact.email, phone=contact.phone),
            access="home" if access.home else "consent",
            disclosed_scopes=[] if access.home else sorted(access.scopes),
            version=member.version,
            created_at=member.created_at,
            updated_at=member.updated_at,
            disclosure=DisclosureNoticeView.of(notice_for(access)),
        )


class MemberList(msgspec.Struct, kw_only=True):
    data: list[MemberView]
    next_cursor: str | None


class Health(msgspec.Struct, kw_only=True):
    status: Literal["ok", "unavailable"]


def _contact_to_domain(contact: ContactDetails | None) -> Contact | None:
    return None if contact is None else Contact(email=contact.email, phone=contact.phone)


def encode_cursor(after: UUID | None) -> str | None:
    return None if after is None else base64.urlsafe_b64encode(after.bytes).rstrip(b"=").decode()


def decode_cursor(cursor: str) -> UUID:
    """Raises ValueError for anything that is not a cursor this service handed out."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    except (binascii.Error, ValueError) as error:
        raise ValueError("not a cursor") from error
    if len(raw) != 16:
        raise ValueError("not a cursor")
    return UUID(bytes=raw)


def member_page(page: Page[Member]) -> MemberList:
    return MemberList(
        # A member list is the home organization's own: every field shows.
        data=[MemberView.of(seen_by(m, HOME_ACCESS)) for m in page.items],
        next_cursor=encode_cursor(page.next_after),
    )
