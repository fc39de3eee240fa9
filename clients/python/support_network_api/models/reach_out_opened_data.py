from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReachOutOpenedData")


@_attrs_define
class ReachOutOpenedData:
    """
    Attributes:
        asked (list[UUID]): The receiving organization's own members asked to respond.
        circle_ids (list[UUID]): The circles around the member the reach-out asks (default: all of them), those the
            reader takes part in.
        member_id (UUID):
        urgency (str): `now` (escalates after 10 minutes by default) or `today` (after 2 hours).
    """

    asked: list[UUID]
    circle_ids: list[UUID]
    member_id: UUID
    urgency: str

    def to_dict(self) -> dict[str, Any]:
        asked = []
        for asked_item_data in self.asked:
            asked_item = str(asked_item_data)
            asked.append(asked_item)

        circle_ids = []
        for circle_ids_item_data in self.circle_ids:
            circle_ids_item = str(circle_ids_item_data)
            circle_ids.append(circle_ids_item)

        member_id = str(self.member_id)

        urgency = self.urgency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "asked": asked,
                "circle_ids": circle_ids,
                "member_id": member_id,
                "urgency": urgency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asked = []
        _asked = d.pop("asked")
        for asked_item_data in _asked:
            asked_item = UUID(asked_item_data)

            asked.append(asked_item)

        circle_ids = []
        _circle_ids = d.pop("circle_ids")
        for circle_ids_item_data in _circle_ids:
            circle_ids_item = UUID(circle_ids_item_data)

            circle_ids.append(circle_ids_item)

        member_id = UUID(d.pop("member_id"))

        urgency = d.pop("urgency")

        reach_out_opened_data = cls(
            asked=asked,
            circle_ids=circle_ids,
            member_id=member_id,
            urgency=urgency,
        )

        return reach_out_opened_data
