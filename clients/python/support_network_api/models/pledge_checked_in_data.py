from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="PledgeCheckedInData")


@_attrs_define
class PledgeCheckedInData:
    """
    Attributes:
        member_id (UUID):
        outcome (str): `kept`, `partial` or `missed`. Only `kept` counts towards a streak; `partial` and `missed` end
            one.
        period_start (datetime.date): The first day of the period, in the member's time zone.
        pledge_id (UUID):
    """

    member_id: UUID
    outcome: str
    period_start: datetime.date
    pledge_id: UUID

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        outcome = self.outcome

        period_start = self.period_start.isoformat()

        pledge_id = str(self.pledge_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "outcome": outcome,
                "period_start": period_start,
                "pledge_id": pledge_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        outcome = d.pop("outcome")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        pledge_id = UUID(d.pop("pledge_id"))

        pledge_checked_in_data = cls(
            member_id=member_id,
            outcome=outcome,
            period_start=period_start,
            pledge_id=pledge_id,
        )

        return pledge_checked_in_data
