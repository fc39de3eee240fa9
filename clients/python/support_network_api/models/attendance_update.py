from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.attendance_status import AttendanceStatus

T = TypeVar("T", bound="AttendanceUpdate")


@_attrs_define
class AttendanceUpdate:
    """
    Attributes:
        status (AttendanceStatus):
    """

    status: AttendanceStatus

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = AttendanceStatus(d.pop("status"))

        attendance_update = cls(
            status=status,
        )

        return attendance_update
