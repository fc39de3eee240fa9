from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.reach_out_urgency import ReachOutUrgency
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReachOutCreate")


@_attrs_define
class ReachOutCreate:
    """A reach-out for one of the caller's members: how urgent, an optional short message, and which circles around the
    member to ask (all of them if left out).

        Attributes:
            urgency (ReachOutUrgency):
            circle_ids (list[UUID] | None | Unset): The circles around the member the reach-out asks (default: all of them),
                those the reader takes part in.
            message (None | str | Unset): A short message from the member, plain text on one line (up to 500 characters);
                shown to those who may read the reach-out, never in an event.
    """

    urgency: ReachOutUrgency
    circle_ids: list[UUID] | None | Unset = UNSET
    message: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        urgency = self.urgency.value

        circle_ids: list[str] | None | Unset
        if isinstance(self.circle_ids, Unset):
            circle_ids = UNSET
        elif isinstance(self.circle_ids, list):
            circle_ids = []
            for circle_ids_type_0_item_data in self.circle_ids:
                circle_ids_type_0_item = str(circle_ids_type_0_item_data)
                circle_ids.append(circle_ids_type_0_item)

        else:
            circle_ids = self.circle_ids

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "urgency": urgency,
            }
        )
        if circle_ids is not UNSET:
            field_dict["circle_ids"] = circle_ids
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        urgency = ReachOutUrgency(d.pop("urgency"))

        def _parse_circle_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                circle_ids_type_0 = []
                _circle_ids_type_0 = data
                for circle_ids_type_0_item_data in _circle_ids_type_0:
                    circle_ids_type_0_item = UUID(circle_ids_type_0_item_data)

                    circle_ids_type_0.append(circle_ids_type_0_item)

                return circle_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        circle_ids = _parse_circle_ids(d.pop("circle_ids", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        reach_out_create = cls(
            urgency=urgency,
            circle_ids=circle_ids,
            message=message,
        )

        return reach_out_create
