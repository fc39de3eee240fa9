from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MemberUpdatedData")


@_attrs_define
class MemberUpdatedData:
    """
    Attributes:
        changed_fields (list[str]): The names of the fields that changed.
        member_id (UUID):
        version (int): The member's version after this change.
    """

    changed_fields: list[str]
    member_id: UUID
    version: int

    def to_dict(self) -> dict[str, Any]:
        changed_fields = self.changed_fields

        member_id = str(self.member_id)

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "changed_fields": changed_fields,
                "member_id": member_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changed_fields = cast(list[str], d.pop("changed_fields"))

        member_id = UUID(d.pop("member_id"))

        version = d.pop("version")

        member_updated_data = cls(
            changed_fields=changed_fields,
            member_id=member_id,
            version=version,
        )

        return member_updated_data
