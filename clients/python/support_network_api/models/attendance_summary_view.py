from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AttendanceSummaryView")


@_attrs_define
class AttendanceSummaryView:
    """
    Attributes:
        absent (int): Of those considered, missed.
        attended (int): Of those considered, attended.
        considered (int): How many recorded occurrences are considered (at most `last`).
        current_run (int): Meetings attended in a row up to the latest (excused ones neither count nor break it).
        excused (int): Of those considered, excused (neither attended nor missed).
        rate (float | None): Attended out of attended and missed (0 to 1); null when none of those considered counts.
    """

    absent: int
    attended: int
    considered: int
    current_run: int
    excused: int
    rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        absent = self.absent

        attended = self.attended

        considered = self.considered

        current_run = self.current_run

        excused = self.excused

        rate: float | None
        rate = self.rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "absent": absent,
                "attended": attended,
                "considered": considered,
                "current_run": current_run,
                "excused": excused,
                "rate": rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        absent = d.pop("absent")

        attended = d.pop("attended")

        considered = d.pop("considered")

        current_run = d.pop("current_run")

        excused = d.pop("excused")

        def _parse_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rate = _parse_rate(d.pop("rate"))

        attendance_summary_view = cls(
            absent=absent,
            attended=attended,
            considered=considered,
            current_run=current_run,
            excused=excused,
            rate=rate,
        )

        attendance_summary_view.additional_properties = d
        return attendance_summary_view

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
