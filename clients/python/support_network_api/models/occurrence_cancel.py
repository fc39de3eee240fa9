from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="OccurrenceCancel")


@_attrs_define
class OccurrenceCancel:
    """
    Attributes:
        local_date (datetime.date): The local date of the occurrence to cancel: one of the meeting's dates.
    """

    local_date: datetime.date

    def to_dict(self) -> dict[str, Any]:
        local_date = self.local_date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "local_date": local_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        local_date = datetime.date.fromisoformat(d.pop("local_date"))

        occurrence_cancel = cls(
            local_date=local_date,
        )

        return occurrence_cancel
