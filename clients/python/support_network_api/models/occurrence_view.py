from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OccurrenceView")


@_attrs_define
class OccurrenceView:
    """One occurrence: its local date, when it starts and ends (UTC), and whether the wall clock shows another time than
    the meeting's (its local time was skipped that day).

        Attributes:
            ends_at (datetime.datetime): When it ends.
            local_date (datetime.date): The occurrence's date in the meeting's time zone.
            shifted (bool): True when the meeting's local time did not exist that day (the clocks skipped it): it starts
                later on the wall clock, by the gap.
            starts_at (datetime.datetime): When it starts (the meeting's local time that day, by the rule for skipped and
                repeated times).
    """

    ends_at: datetime.datetime
    local_date: datetime.date
    shifted: bool
    starts_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ends_at = self.ends_at.isoformat()

        local_date = self.local_date.isoformat()

        shifted = self.shifted

        starts_at = self.starts_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ends_at": ends_at,
                "local_date": local_date,
                "shifted": shifted,
                "starts_at": starts_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        local_date = datetime.date.fromisoformat(d.pop("local_date"))

        shifted = d.pop("shifted")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        occurrence_view = cls(
            ends_at=ends_at,
            local_date=local_date,
            shifted=shifted,
            starts_at=starts_at,
        )

        occurrence_view.additional_properties = d
        return occurrence_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
