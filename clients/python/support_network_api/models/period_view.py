from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PeriodView")


@_attrs_define
class PeriodView:
    """
    Attributes:
        days (int): Its length in days.
        ended_on (datetime.date): The day it ended: the restart day.
        note (None | str): Free text for people; null to any organization but the member's home organization.
        started_on (datetime.date): Its first day.
    """

    days: int
    ended_on: datetime.date
    note: None | str
    started_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        days = self.days

        ended_on = self.ended_on.isoformat()

        note: None | str
        note = self.note

        started_on = self.started_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "days": days,
                "ended_on": ended_on,
                "note": note,
                "started_on": started_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        days = d.pop("days")

        ended_on = datetime.date.fromisoformat(d.pop("ended_on"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        started_on = datetime.date.fromisoformat(d.pop("started_on"))

        period_view = cls(
            days=days,
            ended_on=ended_on,
            note=note,
            started_on=started_on,
        )

        period_view.additional_properties = d
        return period_view

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
