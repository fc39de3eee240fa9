from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NextMilestoneView")


@_attrs_define
class NextMilestoneView:
    """
    Attributes:
        due_at (datetime.datetime | None): The instant it falls due; null to a reader without `profile`.
        due_on (datetime.date): The day it falls due, in the member's time zone.
        key (str): A stable key, by which cheers name the milestone: `<period start>.<rung>` for an automatic one
            (`2026-03-14.30d`; `current.30d` to a reader without `recovery`), the milestone's id for a custom one.
        label (str):
    """

    due_at: datetime.datetime | None
    due_on: datetime.date
    key: str
    label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        due_on = self.due_on.isoformat()

        key = self.key

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "due_at": due_at,
                "due_on": due_on,
                "key": key,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        key = d.pop("key")

        label = d.pop("label")

        next_milestone_view = cls(
            due_at=due_at,
            due_on=due_on,
            key=key,
            label=label,
        )

        next_milestone_view.additional_properties = d
        return next_milestone_view

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
