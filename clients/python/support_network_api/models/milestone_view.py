from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.milestone_view_kind import MilestoneViewKind

if TYPE_CHECKING:
    from ..models.cheer_view import CheerView


T = TypeVar("T", bound="MilestoneView")


@_attrs_define
class MilestoneView:
    """A reached milestone. Another organization sees its label and local date under the `milestones` scope;
    `period_started_on` (and a key naming the period's start: otherwise `current.<rung>`) only with `recovery`;
    `reached_at` only with `profile`.

        Attributes:
            achieved_on (datetime.date | None): The day it was reached, in the member's time zone: computed for an automatic
                milestone, as given for a custom one.
            cheers (list[CheerView]): Cheers from the member's networks, oldest first.
            key (str): A stable key, by which cheers name the milestone: `<period start>.<rung>` for an automatic one
                (`2026-03-14.30d`; `current.30d` to a reader without `recovery`), the milestone's id for a custom one.
            kind (MilestoneViewKind): Which kind it is; the values are listed with its type.
            label (str):
            period_started_on (datetime.date | None): The start of the recovery period it was reached in; null for a custom
                one, and to a reader without `recovery`.
            reached_at (datetime.datetime | None): When an automatic milestone was reached; null for a custom one, and to a
                reader without `profile`.
    """

    achieved_on: datetime.date | None
    cheers: list[CheerView]
    key: str
    kind: MilestoneViewKind
    label: str
    period_started_on: datetime.date | None
    reached_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        achieved_on: None | str
        if isinstance(self.achieved_on, datetime.date):
            achieved_on = self.achieved_on.isoformat()
        else:
            achieved_on = self.achieved_on

        cheers = []
        for cheers_item_data in self.cheers:
            cheers_item = cheers_item_data.to_dict()
            cheers.append(cheers_item)

        key = self.key

        kind = self.kind.value

        label = self.label

        period_started_on: None | str
        if isinstance(self.period_started_on, datetime.date):
            period_started_on = self.period_started_on.isoformat()
        else:
            period_started_on = self.period_started_on

        reached_at: None | str
        if isinstance(self.reached_at, datetime.datetime):
            reached_at = self.reached_at.isoformat()
        else:
            reached_at = self.reached_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "achieved_on": achieved_on,
                "cheers": cheers,
                "key": key,
                "kind": kind,
                "label": label,
                "period_started_on": period_started_on,
                "reached_at": reached_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cheer_view import CheerView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_achieved_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                achieved_on_type_0 = datetime.date.fromisoformat(data)

                return achieved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        achieved_on = _parse_achieved_on(d.pop("achieved_on"))

        cheers = []
        _cheers = d.pop("cheers")
        for cheers_item_data in _cheers:
            cheers_item = CheerView.from_dict(cheers_item_data)

            cheers.append(cheers_item)

        key = d.pop("key")

        kind = MilestoneViewKind(d.pop("kind"))

        label = d.pop("label")

        def _parse_period_started_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_started_on_type_0 = datetime.date.fromisoformat(data)

                return period_started_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_started_on = _parse_period_started_on(d.pop("period_started_on"))

        def _parse_reached_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reached_at_type_0 = datetime.datetime.fromisoformat(data)

                return reached_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reached_at = _parse_reached_at(d.pop("reached_at"))

        milestone_view = cls(
            achieved_on=achieved_on,
            cheers=cheers,
            key=key,
            kind=kind,
            label=label,
            period_started_on=period_started_on,
            reached_at=reached_at,
        )

        milestone_view.additional_properties = d
        return milestone_view

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
