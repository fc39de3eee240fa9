from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="AttendanceRecordedData")


@_attrs_define
class AttendanceRecordedData:
    """
    Attributes:
        local_date (datetime.date): The occurrence's local date.
        meeting_id (UUID): The meeting.
        member_id (UUID):
        network_id (UUID):
        status (str): `attended`, `excused` or `absent`.
        version (int): 1 for a first record; more for a correction.
    """

    local_date: datetime.date
    meeting_id: UUID
    member_id: UUID
    network_id: UUID
    status: str
    version: int

    def to_dict(self) -> dict[str, Any]:
        local_date = self.local_date.isoformat()

        meeting_id = str(self.meeting_id)

        member_id = str(self.member_id)

        network_id = str(self.network_id)

        status = self.status

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "local_date": local_date,
                "meeting_id": meeting_id,
                "member_id": member_id,
                "network_id": network_id,
                "status": status,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        local_date = datetime.date.fromisoformat(d.pop("local_date"))

        meeting_id = UUID(d.pop("meeting_id"))

        member_id = UUID(d.pop("member_id"))

        network_id = UUID(d.pop("network_id"))

        status = d.pop("status")

        version = d.pop("version")

        attendance_recorded_data = cls(
            local_date=local_date,
            meeting_id=meeting_id,
            member_id=member_id,
            network_id=network_id,
            status=status,
            version=version,
        )

        return attendance_recorded_data
