from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MeetingScheduledData")


@_attrs_define
class MeetingScheduledData:
    """
    Attributes:
        network_id (UUID):
        repeat (str): `once` or `weekly`.
    """

    network_id: UUID
    repeat: str

    def to_dict(self) -> dict[str, Any]:
        network_id = str(self.network_id)

        repeat = self.repeat

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "network_id": network_id,
                "repeat": repeat,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        network_id = UUID(d.pop("network_id"))

        repeat = d.pop("repeat")

        meeting_scheduled_data = cls(
            network_id=network_id,
            repeat=repeat,
        )

        return meeting_scheduled_data
