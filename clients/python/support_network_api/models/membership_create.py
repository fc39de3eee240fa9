from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.membership_create_status import MembershipCreateStatus
from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="MembershipCreate")


@_attrs_define
class MembershipCreate:
    """
    Attributes:
        member_id (UUID):
        role (Role):
        status (MembershipCreateStatus | Unset): The status to start in: `active` (the default) or `invited`. Default:
            MembershipCreateStatus.ACTIVE.
    """

    member_id: UUID
    role: Role
    status: MembershipCreateStatus | Unset = MembershipCreateStatus.ACTIVE

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        role = self.role.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "role": role,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        role = Role(d.pop("role"))

        _status = d.pop("status", UNSET)
        status: MembershipCreateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = MembershipCreateStatus(_status)

        membership_create = cls(
            member_id=member_id,
            role=role,
            status=status,
        )

        return membership_create
