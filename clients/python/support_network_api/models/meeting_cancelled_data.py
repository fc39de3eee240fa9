from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MeetingCancelledData")


@_attrs_define
class MeetingCancelledData:
    """
    Attributes:
        local_date (datetime.date): The local date of the cancelled occurrence.
        network_id (UUID):
    """

    local_date: datetime.date
    network_id: UUID

    def to_dict(self) -> dict[str, Any]:
        local_date = self.local_date.isoformat()

        network_id = str(self.network_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "local_date": local_date,
                "network_id": network_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        local_date = datetime.date.fromisoformat(d.pop("local_date"))

        network_id = UUID(d.pop("network_id"))

        meeting_cancelled_data = cls(
            local_date=local_date,
            network_id=network_id,
        )

        return meeting_cancelled_data
