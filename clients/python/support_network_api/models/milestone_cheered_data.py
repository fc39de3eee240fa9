from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MilestoneCheeredData")


@_attrs_define
class MilestoneCheeredData:
    """
    Attributes:
        cheer_id (UUID):
        member_id (UUID):
        milestone_key (str | Unset):
    """

    cheer_id: UUID
    member_id: UUID
    milestone_key: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        cheer_id = str(self.cheer_id)

        member_id = str(self.member_id)

        milestone_key: str | Unset
        if isinstance(self.milestone_key, Unset):
            milestone_key = UNSET
        else:
            milestone_key = self.milestone_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cheer_id": cheer_id,
                "member_id": member_id,
            }
        )
        if milestone_key is not UNSET:
            field_dict["milestone_key"] = milestone_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cheer_id = UUID(d.pop("cheer_id"))

        member_id = UUID(d.pop("member_id"))

        def _parse_milestone_key(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        milestone_key = _parse_milestone_key(d.pop("milestone_key", UNSET))

        milestone_cheered_data = cls(
            cheer_id=cheer_id,
            member_id=member_id,
            milestone_key=milestone_key,
        )

        return milestone_cheered_data
