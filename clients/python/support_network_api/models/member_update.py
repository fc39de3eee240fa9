from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_details import ContactDetails


T = TypeVar("T", bound="MemberUpdate")


@_attrs_define
class MemberUpdate:
    """A partial update: absent fields stay as they are; `null` clears an optional field.

    Attributes:
        contact (ContactDetails | None | Unset): How the home organization reaches the member; shown to another
            organization only under a consent covering `profile`.
        display_name (str | Unset): Pseudonymous name shown to peers.
        external_ref (None | str | Unset): The home organization's own id for the person; unique per organization.
        recovery_started_on (datetime.date | None | Unset): The member's first day in recovery, in the member's time
            zone: milestones and streaks count from it. Give `recovery_started_time` only with it.
        recovery_started_time (None | str | Unset): Local time of day the period started, HH:MM or HH:MM:SS.
        timezone (str | Unset): IANA time zone of the member, e.g. `Europe/London`. Every date rule uses it.
    """

    contact: ContactDetails | None | Unset = UNSET
    display_name: str | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    recovery_started_on: datetime.date | None | Unset = UNSET
    recovery_started_time: None | str | Unset = UNSET
    timezone: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_details import ContactDetails  # noqa: PLC0415

        contact: dict[str, Any] | None | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, ContactDetails):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        display_name: str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        recovery_started_on: None | str | Unset
        if isinstance(self.recovery_started_on, Unset):
            recovery_started_on = UNSET
        elif isinstance(self.recovery_started_on, datetime.date):
            recovery_started_on = self.recovery_started_on.isoformat()
        else:
            recovery_started_on = self.recovery_started_on

        recovery_started_time: None | str | Unset
        if isinstance(self.recovery_started_time, Unset):
            recovery_started_time = UNSET
        else:
            recovery_started_time = self.recovery_started_time

        timezone: str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if contact is not UNSET:
            field_dict["contact"] = contact
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if recovery_started_on is not UNSET:
            field_dict["recovery_started_on"] = recovery_started_on
        if recovery_started_time is not UNSET:
            field_dict["recovery_started_time"] = recovery_started_time
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_details import ContactDetails  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_contact(data: object) -> ContactDetails | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0 = ContactDetails.from_dict(data)

                return contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactDetails | None | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        def _parse_display_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        def _parse_recovery_started_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recovery_started_on_type_0 = datetime.date.fromisoformat(data)

                return recovery_started_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        recovery_started_on = _parse_recovery_started_on(d.pop("recovery_started_on", UNSET))

        def _parse_recovery_started_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recovery_started_time = _parse_recovery_started_time(d.pop("recovery_started_time", UNSET))

        def _parse_timezone(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        member_update = cls(
            contact=contact,
            display_name=display_name,
            external_ref=external_ref,
            recovery_started_on=recovery_started_on,
            recovery_started_time=recovery_started_time,
            timezone=timezone,
        )

        return member_update
