from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attendance_view import AttendanceView
    from ..models.disclosure_notice_view import DisclosureNoticeView


T = TypeVar("T", bound="MemberAttendanceView")


@_attrs_define
class MemberAttendanceView:
    """A member's attendance at their last `considered` recorded occurrences (newest first) and what follows from it: the
    share attended of those attended or missed (`rate`, null when none counts), and the current run of meetings attended
    (excused ones neither count nor break it). Accountability, like pledges: never a judgement.

        Attributes:
            absent (int): Of those considered, missed.
            attended (int): Of those considered, attended.
            considered (int): How many recorded occurrences are considered (at most `last`).
            current_run (int): Meetings attended in a row up to the latest (excused ones neither count nor break it).
            data (list[AttendanceView]): The latest recorded occurrences, newest first.
            excused (int): Of those considered, excused (neither attended nor missed).
            member_id (UUID):
            rate (float | None): Attended out of attended and missed (0 to 1); null when none of those considered counts.
            disclosure (DisclosureNoticeView | None | Unset): Set when this answer carries data about another organization's
                member, under that member's consent: the notice 42 CFR 2.32 requires to travel with it, and the consents it
                rests on. Null when nothing of another organization's member is shown (always on the home organization's own
                reads).
    """

    absent: int
    attended: int
    considered: int
    current_run: int
    data: list[AttendanceView]
    excused: int
    member_id: UUID
    rate: float | None
    disclosure: DisclosureNoticeView | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415

        absent = self.absent

        attended = self.attended

        considered = self.considered

        current_run = self.current_run

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        excused = self.excused

        member_id = str(self.member_id)

        rate: float | None
        rate = self.rate

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
                "absent": absent,
                "attended": attended,
                "considered": considered,
                "current_run": current_run,
                "data": data,
                "excused": excused,
                "member_id": member_id,
                "rate": rate,
            }
        )
        if disclosure is not UNSET:
            field_dict["disclosure"] = disclosure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attendance_view import AttendanceView  # noqa: PLC0415
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415

        d = dict(src_dict)
        absent = d.pop("absent")

        attended = d.pop("attended")

        considered = d.pop("considered")

        current_run = d.pop("current_run")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = AttendanceView.from_dict(data_item_data)

            data.append(data_item)

        excused = d.pop("excused")

        member_id = UUID(d.pop("member_id"))

        def _parse_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rate = _parse_rate(d.pop("rate"))

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

        member_attendance_view = cls(
            absent=absent,
            attended=attended,
            considered=considered,
            current_run=current_run,
            data=data,
            excused=excused,
            member_id=member_id,
            rate=rate,
            disclosure=disclosure,
        )

        member_attendance_view.additional_properties = d
        return member_attendance_view

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
