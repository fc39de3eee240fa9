from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="PledgeMissedData")


@_attrs_define
class PledgeMissedData:
    """
    Attributes:
        member_id (UUID):
        period_start (datetime.date): The first day of the period, in the member's time zone.
        pledge_id (UUID):
    """

    member_id: UUID
    period_start: datetime.date
    pledge_id: UUID

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        period_start = self.period_start.isoformat()

        pledge_id = str(self.pledge_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "period_start": period_start,
                "pledge_id": pledge_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        pledge_id = UUID(d.pop("pledge_id"))

        pledge_missed_data = cls(
            member_id=member_id,
            period_start=period_start,
            pledge_id=pledge_id,
        )

        return pledge_missed_data
