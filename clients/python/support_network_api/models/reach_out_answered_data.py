from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReachOutAnsweredData")


@_attrs_define
class ReachOutAnsweredData:
    """
    Attributes:
        circle_ids (list[UUID]): The circles around the member the reach-out asks (default: all of them), those the
            reader takes part in.
        kind (str): The first answer: `on_my_way`, `calling` or `messaged`.
        member_id (UUID):
        seconds_to_answer (int): How long after the reach-out opened it was first answered.
        urgency (str): `now` (escalates after 10 minutes by default) or `today` (after 2 hours).
    """

    circle_ids: list[UUID]
    kind: str
    member_id: UUID
    seconds_to_answer: int
    urgency: str

    def to_dict(self) -> dict[str, Any]:
        circle_ids = []
        for circle_ids_item_data in self.circle_ids:
            circle_ids_item = str(circle_ids_item_data)
            circle_ids.append(circle_ids_item)

        kind = self.kind

        member_id = str(self.member_id)

        seconds_to_answer = self.seconds_to_answer

        urgency = self.urgency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "circle_ids": circle_ids,
                "kind": kind,
                "member_id": member_id,
                "seconds_to_answer": seconds_to_answer,
                "urgency": urgency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        circle_ids = []
        _circle_ids = d.pop("circle_ids")
        for circle_ids_item_data in _circle_ids:
            circle_ids_item = UUID(circle_ids_item_data)

            circle_ids.append(circle_ids_item)

        kind = d.pop("kind")

        member_id = UUID(d.pop("member_id"))

        seconds_to_answer = d.pop("seconds_to_answer")

        urgency = d.pop("urgency")

        reach_out_answered_data = cls(
            circle_ids=circle_ids,
            kind=kind,
            member_id=member_id,
            seconds_to_answer=seconds_to_answer,
            urgency=urgency,
        )

        return reach_out_answered_data
