from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_scope import DataScope
from ..models.member_view_access import MemberViewAccess
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_details import ContactDetails
    from ..models.disclosure_notice_view import DisclosureNoticeView


T = TypeVar("T", bound="MemberView")


@_attrs_define
class MemberView:
    """A member. Its home organization sees every field; another organization sees only the fields the member's consents
    cover (`disclosed_scopes`), the rest null.

        Attributes:
            access (MemberViewAccess): `home`: the caller is the member's home organization and sees every field; `consent`:
                another organization, seeing only the fields its consents cover (the rest are null).
            contact (ContactDetails | None): How the home organization reaches the member; shown to another organization
                only under a consent covering `profile`.
            created_at (datetime.datetime):
            disclosed_scopes (list[DataScope]): For `consent` access: the scopes whose fields are shown.
            display_name (None | str): Null when another organization reads without `profile` in its consent.
            external_ref (None | str): The home organization's own identifier for the member; null to every other
                organization.
            id (UUID): The object's id, a UUIDv7 (time-ordered).
            organization_id (UUID): The member's home organization.
            recovery_started_on (datetime.date | None): The member's first day in recovery, in the member's time zone:
                milestones and streaks count from it. Give `recovery_started_time` only with it.
            recovery_started_time (None | str): Local time of day the period started, HH:MM or HH:MM:SS.
            timezone (None | str): An IANA time zone (`America/New_York`): the member's days, pledge periods and milestones
                follow it, across daylight saving changes.
            updated_at (datetime.datetime):
            version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
                and `If-Match` takes it where a change needs it.
            disclosure (DisclosureNoticeView | None | Unset): Set when this answer carries data about another organization's
                member, under that member's consent: the notice 42 CFR 2.32 requires to travel with it, and the consents it
                rests on. Null when nothing of another organization's member is shown (always on the home organization's own
                reads).
    """

    access: MemberViewAccess
    contact: ContactDetails | None
    created_at: datetime.datetime
    disclosed_scopes: list[DataScope]
    display_name: None | str
    external_ref: None | str
    id: UUID
    organization_id: UUID
    recovery_started_on: datetime.date | None
    recovery_started_time: None | str
    timezone: None | str
    updated_at: datetime.datetime
    version: int
    disclosure: DisclosureNoticeView | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_details import ContactDetails  # noqa: PLC0415
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415

        access = self.access.value

        contact: dict[str, Any] | None
        if isinstance(self.contact, ContactDetails):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        created_at = self.created_at.isoformat()

        disclosed_scopes = []
        for disclosed_scopes_item_data in self.disclosed_scopes:
            disclosed_scopes_item = disclosed_scopes_item_data.value
            disclosed_scopes.append(disclosed_scopes_item)

        display_name: None | str
        display_name = self.display_name

        external_ref: None | str
        external_ref = self.external_ref

        id = str(self.id)

        organization_id = str(self.organization_id)

        recovery_started_on: None | str
        if isinstance(self.recovery_started_on, datetime.date):
            recovery_started_on = self.recovery_started_on.isoformat()
        else:
            recovery_started_on = self.recovery_started_on

        recovery_started_time: None | str
        recovery_started_time = self.recovery_started_time

        timezone: None | str
        timezone = self.timezone

        updated_at = self.updated_at.isoformat()

        version = self.version

        disclosure: dict[str, Any] | None | Unset
        if isinstance(self.disclosure, Unset):
            disclosure = UNSET
        elif isinstance(self.disclosure, DisclosureNoticeView):
            disclosure = self.disclosure.to_dict()
        else:
            disclosure = self.disclosure

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access": access,
                "contact": contact,
                "created_at": created_at,
                "disclosed_scopes": disclosed_scopes,
                "display_name": display_name,
                "external_ref": external_ref,
                "id": id,
                "organization_id": organization_id,
                "recovery_started_on": recovery_started_on,
                "recovery_started_time": recovery_started_time,
                "timezone": timezone,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if disclosure is not UNSET:
            field_dict["disclosure"] = disclosure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_details import ContactDetails  # noqa: PLC0415
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415

        d = dict(src_dict)
        access = MemberViewAccess(d.pop("access"))

        def _parse_contact(data: object) -> ContactDetails | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0 = ContactDetails.from_dict(data)

                return contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactDetails | None, data)

        contact = _parse_contact(d.pop("contact"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        disclosed_scopes = []
        _disclosed_scopes = d.pop("disclosed_scopes")
        for disclosed_scopes_item_data in _disclosed_scopes:
            disclosed_scopes_item = DataScope(disclosed_scopes_item_data)

            disclosed_scopes.append(disclosed_scopes_item)

        def _parse_display_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        display_name = _parse_display_name(d.pop("display_name"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        id = UUID(d.pop("id"))

        organization_id = UUID(d.pop("organization_id"))

        def _parse_recovery_started_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recovery_started_on_type_0 = datetime.date.fromisoformat(data)

                return recovery_started_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        recovery_started_on = _parse_recovery_started_on(d.pop("recovery_started_on"))

        def _parse_recovery_started_time(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recovery_started_time = _parse_recovery_started_time(d.pop("recovery_started_time"))

        def _parse_timezone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        timezone = _parse_timezone(d.pop("timezone"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_disclosure(data: object) -> DisclosureNoticeView | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                disclosure_type_0 = DisclosureNoticeView.from_dict(data)

                return disclosure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DisclosureNoticeView | None | Unset, data)

        disclosure = _parse_disclosure(d.pop("disclosure", UNSET))

        member_view = cls(
            access=access,
            contact=contact,
            created_at=created_at,
            disclosed_scopes=disclosed_scopes,
            display_name=display_name,
            external_ref=external_ref,
            id=id,
            organization_id=organization_id,
            recovery_started_on=recovery_started_on,
            recovery_started_time=recovery_started_time,
            timezone=timezone,
            updated_at=updated_at,
            version=version,
            disclosure=disclosure,
        )

        member_view.additional_properties = d
        return member_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
