from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.membership_status import MembershipStatus
from ..models.role import Role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.disclosure_notice_view import DisclosureNoticeView
    from ..models.membership_member import MembershipMember


T = TypeVar("T", bound="MembershipView")


@_attrs_define
class MembershipView:
    """A membership. Without a consent from the member's home organization the viewer sees its role and status only:
    `member` and the dates are null.

        Attributes:
            id (UUID): The object's id, a UUIDv7 (time-ordered).
            invited_at (datetime.datetime | None): When the member was invited; null when added as active at once, and to
                another organization without the member's consent covering `networks`.
            joined_at (datetime.datetime | None): When the membership became active; null to another organization without
                the member's consent covering `networks`.
            left_at (datetime.datetime | None): When the member left; null while a member, and to another organization
                without the member's consent covering `networks`.
            member (MembershipMember | None): The member; null when the caller may not see who it is.
            network_id (UUID):
            role (Role):
            status (MembershipStatus):
            version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
                and `If-Match` takes it where a change needs it.
            disclosure (DisclosureNoticeView | None | Unset): Set when this answer carries data about another organization's
                member, under that member's consent: the notice 42 CFR 2.32 requires to travel with it, and the consents it
                rests on. Null when nothing of another organization's member is shown (always on the home organization's own
                reads).
    """

    id: UUID
    invited_at: datetime.datetime | None
    joined_at: datetime.datetime | None
    left_at: datetime.datetime | None
    member: MembershipMember | None
    network_id: UUID
    role: Role
    status: MembershipStatus
    version: int
    disclosure: DisclosureNoticeView | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415
        from ..models.membership_member import MembershipMember  # noqa: PLC0415

        id = str(self.id)

        invited_at: None | str
        if isinstance(self.invited_at, datetime.datetime):
            invited_at = self.invited_at.isoformat()
        else:
            invited_at = self.invited_at

        joined_at: None | str
        if isinstance(self.joined_at, datetime.datetime):
            joined_at = self.joined_at.isoformat()
        else:
            joined_at = self.joined_at

        left_at: None | str
        if isinstance(self.left_at, datetime.datetime):
            left_at = self.left_at.isoformat()
        else:
            left_at = self.left_at

        member: dict[str, Any] | None
        if isinstance(self.member, MembershipMember):
            member = self.member.to_dict()
        else:
            member = self.member

        network_id = str(self.network_id)

        role = self.role.value

        status = self.status.value

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
                "id": id,
                "invited_at": invited_at,
                "joined_at": joined_at,
                "left_at": left_at,
                "member": member,
                "network_id": network_id,
                "role": role,
                "status": status,
                "version": version,
            }
        )
        if disclosure is not UNSET:
            field_dict["disclosure"] = disclosure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415
        from ..models.membership_member import MembershipMember  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_invited_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invited_at_type_0 = datetime.datetime.fromisoformat(data)

                return invited_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        invited_at = _parse_invited_at(d.pop("invited_at"))

        def _parse_joined_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                joined_at_type_0 = datetime.datetime.fromisoformat(data)

                return joined_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        joined_at = _parse_joined_at(d.pop("joined_at"))

        def _parse_left_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_at_type_0 = datetime.datetime.fromisoformat(data)

                return left_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        left_at = _parse_left_at(d.pop("left_at"))

        def _parse_member(data: object) -> MembershipMember | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                member_type_0 = MembershipMember.from_dict(data)

                return member_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MembershipMember | None, data)

        member = _parse_member(d.pop("member"))

        network_id = UUID(d.pop("network_id"))

        role = Role(d.pop("role"))

        status = MembershipStatus(d.pop("status"))

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

        membership_view = cls(
            id=id,
            invited_at=invited_at,
            joined_at=joined_at,
            left_at=left_at,
            member=member,
            network_id=network_id,
            role=role,
            status=status,
            version=version,
            disclosure=disclosure,
        )

        membership_view.additional_properties = d
        return membership_view

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
