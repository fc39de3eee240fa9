from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attendance_status import AttendanceStatus

T = TypeVar("T", bound="CorrectionView")


@_attrs_define
class CorrectionView:
    """An earlier record a correction replaced: what it said, who recorded it, when, and when it was replaced.

    Attributes:
        recorded_at (datetime.datetime): When it was recorded.
        recorded_by_organization_id (UUID): The organization that recorded it.
        replaced_at (datetime.datetime): When an edit replaced this text.
        status (AttendanceStatus):
    """

    recorded_at: datetime.datetime
    recorded_by_organization_id: UUID
    replaced_at: datetime.datetime
    status: AttendanceStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recorded_at = self.recorded_at.isoformat()

        recorded_by_organization_id = str(self.recorded_by_organization_id)

        replaced_at = self.replaced_at.isoformat()

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recorded_at": recorded_at,
                "recorded_by_organization_id": recorded_by_organization_id,
                "replaced_at": replaced_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        recorded_by_organization_id = UUID(d.pop("recorded_by_organization_id"))

        replaced_at = datetime.datetime.fromisoformat(d.pop("replaced_at"))

        status = AttendanceStatus(d.pop("status"))

        correction_view = cls(
            recorded_at=recorded_at,
            recorded_by_organization_id=recorded_by_organization_id,
            replaced_at=replaced_at,
            status=status,
        )

        correction_view.additional_properties = d
        return correction_view

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
