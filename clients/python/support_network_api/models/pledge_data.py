from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="PledgeData")


@_attrs_define
class PledgeData:
    """
    Attributes:
        member_id (UUID):
        pledge_id (UUID):
    """

    member_id: UUID
    pledge_id: UUID

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        pledge_id = str(self.pledge_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "pledge_id": pledge_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        pledge_id = UUID(d.pop("pledge_id"))

        pledge_data = cls(
            member_id=member_id,
            pledge_id=pledge_id,
        )

        return pledge_data
