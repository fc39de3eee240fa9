from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MemberData")


@_attrs_define
class MemberData:
    """
    Attributes:
        member_id (UUID):
        version (int): The member's version after this change.
    """

    member_id: UUID
    version: int

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        version = d.pop("version")

        member_data = cls(
            member_id=member_id,
            version=version,
        )

        return member_data
