from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attendance_status import AttendanceStatus

if TYPE_CHECKING:
    from ..models.correction_view import CorrectionView


T = TypeVar("T", bound="AttendanceView")


@_attrs_define
class AttendanceView:
    """A member's attendance at one occurrence, with the records it corrected (oldest first).

    Attributes:
        corrections (list[CorrectionView]): The earlier records this one corrected, oldest first.
        local_date (datetime.date): The occurrence's local date.
        meeting_id (UUID): The meeting.
        member_id (UUID):
        network_id (UUID):
        recorded_at (datetime.datetime): When it was recorded.
        recorded_by_organization_id (UUID): The organization that recorded it.
        status (AttendanceStatus):
        version (int): 1 for a first record; each correction adds one.
    """

    corrections: list[CorrectionView]
    local_date: datetime.date
    meeting_id: UUID
    member_id: UUID
    network_id: UUID
    recorded_at: datetime.datetime
    recorded_by_organization_id: UUID
    status: AttendanceStatus
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        corrections = []
        for corrections_item_data in self.corrections:
            corrections_item = corrections_item_data.to_dict()
            corrections.append(corrections_item)

        local_date = self.local_date.isoformat()

        meeting_id = str(self.meeting_id)

        member_id = str(self.member_id)

        network_id = str(self.network_id)

        recorded_at = self.recorded_at.isoformat()

        recorded_by_organization_id = str(self.recorded_by_organization_id)

        status = self.status.value

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "corrections": corrections,
                "local_date": local_date,
                "meeting_id": meeting_id,
                "member_id": member_id,
                "network_id": network_id,
                "recorded_at": recorded_at,
                "recorded_by_organization_id": recorded_by_organization_id,
                "status": status,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.correction_view import CorrectionView  # noqa: PLC0415

        d = dict(src_dict)
        corrections = []
        _corrections = d.pop("corrections")
        for corrections_item_data in _corrections:
            corrections_item = CorrectionView.from_dict(corrections_item_data)

            corrections.append(corrections_item)

        local_date = datetime.date.fromisoformat(d.pop("local_date"))

        meeting_id = UUID(d.pop("meeting_id"))

        member_id = UUID(d.pop("member_id"))

        network_id = UUID(d.pop("network_id"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        recorded_by_organization_id = UUID(d.pop("recorded_by_organization_id"))

        status = AttendanceStatus(d.pop("status"))

        version = d.pop("version")

        attendance_view = cls(
            corrections=corrections,
            local_date=local_date,
            meeting_id=meeting_id,
            member_id=member_id,
            network_id=network_id,
            recorded_at=recorded_at,
            recorded_by_organization_id=recorded_by_organization_id,
            status=status,
            version=version,
        )

        attendance_view.additional_properties = d
        return attendance_view

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
