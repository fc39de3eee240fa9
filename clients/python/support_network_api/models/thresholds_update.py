from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ThresholdsUpdate")


@_attrs_define
class ThresholdsUpdate:
    """When a member's daily evaluation raises a signal, for the organization's members.

    Attributes:
        gap_factor (float | Unset): Quiet for longer than the member's usual gap between check-ins (the median over the
            last 30 days) times this raises a signal (1 to 10; default 2). Default: 2.0.
        gap_floor_days (int | Unset): ... and never after fewer days than this (1 to 60; default 3). Default: 3.
        missed_meetings (int | Unset): Meetings in a row missed that raise a signal (an excused one is passed over; 1 to
            10; default 2). Default: 2.
        missed_periods (int | Unset): Pledge periods in a row without a check-in that raise a signal (1 to 30; default
            3). Default: 3.
        quiet_days_after_reach_out (int | Unset): Days without activity after a reach-out closed as `no_longer_needed`
            that raise a signal (1 to 30; default 3). Default: 3.
    """

    gap_factor: float | Unset = 2.0
    gap_floor_days: int | Unset = 3
    missed_meetings: int | Unset = 2
    missed_periods: int | Unset = 3
    quiet_days_after_reach_out: int | Unset = 3

    def to_dict(self) -> dict[str, Any]:
        gap_factor = self.gap_factor

        gap_floor_days = self.gap_floor_days

        missed_meetings = self.missed_meetings

        missed_periods = self.missed_periods

        quiet_days_after_reach_out = self.quiet_days_after_reach_out

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if gap_factor is not UNSET:
            field_dict["gap_factor"] = gap_factor
        if gap_floor_days is not UNSET:
            field_dict["gap_floor_days"] = gap_floor_days
        if missed_meetings is not UNSET:
            field_dict["missed_meetings"] = missed_meetings
        if missed_periods is not UNSET:
            field_dict["missed_periods"] = missed_periods
        if quiet_days_after_reach_out is not UNSET:
            field_dict["quiet_days_after_reach_out"] = quiet_days_after_reach_out

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gap_factor = d.pop("gap_factor", UNSET)

        gap_floor_days = d.pop("gap_floor_days", UNSET)

        missed_meetings = d.pop("missed_meetings", UNSET)

        missed_periods = d.pop("missed_periods", UNSET)

        quiet_days_after_reach_out = d.pop("quiet_days_after_reach_out", UNSET)

        thresholds_update = cls(
            gap_factor=gap_factor,
            gap_floor_days=gap_floor_days,
            missed_meetings=missed_meetings,
            missed_periods=missed_periods,
            quiet_days_after_reach_out=quiet_days_after_reach_out,
        )

        return thresholds_update
