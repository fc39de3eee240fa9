from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MilestoneReachedData")


@_attrs_define
class MilestoneReachedData:
    """
    Attributes:
        member_id (UUID):
        label (str | Unset):
        milestone_key (str | Unset):
    """

    member_id: UUID
    label: str | Unset = UNSET
    milestone_key: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        label: str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        milestone_key: str | Unset
        if isinstance(self.milestone_key, Unset):
            milestone_key = UNSET
        else:
            milestone_key = self.milestone_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label
        if milestone_key is not UNSET:
            field_dict["milestone_key"] = milestone_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        def _parse_label(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        def _parse_milestone_key(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        milestone_key = _parse_milestone_key(d.pop("milestone_key", UNSET))

        milestone_reached_data = cls(
            member_id=member_id,
            label=label,
            milestone_key=milestone_key,
        )

        return milestone_reached_data
