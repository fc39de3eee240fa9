from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attendance_summary_view import AttendanceSummaryView
    from ..models.disclosure_notice_view import DisclosureNoticeView
    from ..models.period_view import PeriodView


T = TypeVar("T", bound="RecoveryView")


@_attrs_define
class RecoveryView:
    """A member's recovery journey. Streaks count whole days completed in the member's own time zone; a restart opens a new
    period and keeps the earlier ones.

        Attributes:
            current_period_started_on (datetime.date | None): The first day of the current period in recovery (after the
                last restart); null when no start is known.
            current_period_started_time (None | str): Local time of day the period started, HH:MM or HH:MM:SS.
            current_streak_days (int): Whole days in the current period, in the member's time zone.
            longest_streak_days (int): The longest period so far, in days.
            member_id (UUID):
            periods (list[PeriodView]): The periods before the current one, oldest first.
            restarts (int): How many times recovery restarted.
            total_days_in_recovery (int): All periods together, in days.
            version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
                and `If-Match` takes it where a change needs it.
            attendance (AttendanceSummaryView | None | Unset): Accountability next to pledges: the member's latest meetings,
                for the home organization (null for others, who read GET /v1/members/{member_id}/attendance under a consent
                covering `meetings`, and in the answer to a restart).
            disclosure (DisclosureNoticeView | None | Unset): Set when this answer carries data about another organization's
                member, under that member's consent: the notice 42 CFR 2.32 requires to travel with it, and the consents it
                rests on. Null when nothing of another organization's member is shown (always on the home organization's own
                reads).
    """

    current_period_started_on: datetime.date | None
    current_period_started_time: None | str
    current_streak_days: int
    longest_streak_days: int
    member_id: UUID
    periods: list[PeriodView]
    restarts: int
    total_days_in_recovery: int
    version: int
    attendance: AttendanceSummaryView | None | Unset = UNSET
    disclosure: DisclosureNoticeView | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.attendance_summary_view import AttendanceSummaryView  # noqa: PLC0415
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415

        current_period_started_on: None | str
        if isinstance(self.current_period_started_on, datetime.date):
            current_period_started_on = self.current_period_started_on.isoformat()
        else:
            current_period_started_on = self.current_period_started_on

        current_period_started_time: None | str
        current_period_started_time = self.current_period_started_time

        current_streak_days = self.current_streak_days

        longest_streak_days = self.longest_streak_days

        member_id = str(self.member_id)

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)

        restarts = self.restarts

        total_days_in_recovery = self.total_days_in_recovery

        version = self.version

        attendance: dict[str, Any] | None | Unset
        if isinstance(self.attendance, Unset):
            attendance = UNSET
        elif isinstance(self.attendance, AttendanceSummaryView):
            attendance = self.attendance.to_dict()
        else:
            attendance = self.attendance

        disclosure: dict[str, Any] | None | Unset
        if isinstance(self.disclosure, Unset):
            disclosure = UNSET
        elif isinstance(self.disclosure, DisclosureNoticeView):
            disclosure = self.disclosure.to_dict()
        else:
            disclosure = self.disclosure

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current_period_started_on": current_period_started_on,
                "current_period_started_time": current_period_started_time,
                "current_streak_days": current_streak_days,
                "longest_streak_days": longest_streak_days,
                "member_id": member_id,
                "periods": periods,
                "restarts": restarts,
                "total_days_in_recovery": total_days_in_recovery,
                "version": version,
            }
        )
        if attendance is not UNSET:
            field_dict["attendance"] = attendance
        if disclosure is not UNSET:
            field_dict["disclosure"] = disclosure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attendance_summary_view import AttendanceSummaryView  # noqa: PLC0415
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415
        from ..models.period_view import PeriodView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_current_period_started_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_period_started_on_type_0 = datetime.date.fromisoformat(data)

                return current_period_started_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        current_period_started_on = _parse_current_period_started_on(
            d.pop("current_period_started_on")
        )

        def _parse_current_period_started_time(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_period_started_time = _parse_current_period_started_time(
            d.pop("current_period_started_time")
        )

        current_streak_days = d.pop("current_streak_days")

        longest_streak_days = d.pop("longest_streak_days")

        member_id = UUID(d.pop("member_id"))

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in _periods:
            periods_item = PeriodView.from_dict(periods_item_data)

            periods.append(periods_item)

        restarts = d.pop("restarts")

        total_days_in_recovery = d.pop("total_days_in_recovery")

        version = d.pop("version")

        def _parse_attendance(data: object) -> AttendanceSummaryView | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attendance_type_0 = AttendanceSummaryView.from_dict(data)

                return attendance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AttendanceSummaryView | None | Unset, data)

        attendance = _parse_attendance(d.pop("attendance", UNSET))

        def _parse_disclosure(data: object) -> DisclosureNoticeView | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                disclosure_type_0 = DisclosureNoticeView.from_dict(data)

                return disclosure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DisclosureNoticeView | None | Unset, data)

        disclosure = _parse_disclosure(d.pop("disclosure", UNSET))

        recovery_view = cls(
            current_period_started_on=current_period_started_on,
            current_period_started_time=current_period_started_time,
            current_streak_days=current_streak_days,
            longest_streak_days=longest_streak_days,
            member_id=member_id,
            periods=periods,
            restarts=restarts,
            total_days_in_recovery=total_days_in_recovery,
            version=version,
            attendance=attendance,
            disclosure=disclosure,
        )

        recovery_view.additional_properties = d
        return recovery_view

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
