from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ThresholdsView")


@_attrs_define
class ThresholdsView:
    """The organization's thresholds: the documented defaults (`version` 0) until it sets its own.

    Attributes:
        gap_factor (float): Quiet for longer than the member's usual gap between check-ins (the median over the last 30
            days) times this raises a signal (1 to 10; default 2).
        gap_floor_days (int): ... and never after fewer days than this (1 to 60; default 3).
        missed_meetings (int): Meetings in a row missed that raise a signal (an excused one is passed over; 1 to 10;
            default 2).
        missed_periods (int): Pledge periods in a row without a check-in that raise a signal (1 to 30; default 3).
        quiet_days_after_reach_out (int): Days without activity after a reach-out closed as `no_longer_needed` that
            raise a signal (1 to 30; default 3).
        version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
            and `If-Match` takes it where a change needs it.
    """

    gap_factor: float
    gap_floor_days: int
    missed_meetings: int
    missed_periods: int
    quiet_days_after_reach_out: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gap_factor = self.gap_factor

        gap_floor_days = self.gap_floor_days

        missed_meetings = self.missed_meetings

        missed_periods = self.missed_periods

        quiet_days_after_reach_out = self.quiet_days_after_reach_out

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gap_factor": gap_factor,
                "gap_floor_days": gap_floor_days,
                "missed_meetings": missed_meetings,
                "missed_periods": missed_periods,
                "quiet_days_after_reach_out": quiet_days_after_reach_out,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gap_factor = d.pop("gap_factor")

        gap_floor_days = d.pop("gap_floor_days")

        missed_meetings = d.pop("missed_meetings")

        missed_periods = d.pop("missed_periods")

        quiet_days_after_reach_out = d.pop("quiet_days_after_reach_out")

        version = d.pop("version")

        thresholds_view = cls(
            gap_factor=gap_factor,
            gap_floor_days=gap_floor_days,
            missed_meetings=missed_meetings,
            missed_periods=missed_periods,
            quiet_days_after_reach_out=quiet_days_after_reach_out,
            version=version,
        )

        thresholds_view.additional_properties = d
        return thresholds_view

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
