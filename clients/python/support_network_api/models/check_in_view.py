from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.outcome import Outcome

T = TypeVar("T", bound="CheckInView")


@_attrs_define
class CheckInView:
    """
    Attributes:
        by_sweep (bool): True when the service recorded `missed` because the period and its grace time passed without a
            check-in.
        id (UUID): The object's id, a UUIDv7 (time-ordered).
        note (None | str): Free text for people; null to any organization but the member's home organization.
        outcome (Outcome):
        period_start (datetime.date): The first day of the period, in the member's time zone.
        recorded_at (datetime.datetime): When it was recorded.
        superseded_at (datetime.datetime | None): When a correction replaced it; null for the one that counts.
    """

    by_sweep: bool
    id: UUID
    note: None | str
    outcome: Outcome
    period_start: datetime.date
    recorded_at: datetime.datetime
    superseded_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_sweep = self.by_sweep

        id = str(self.id)

        note: None | str
        note = self.note

        outcome = self.outcome.value

        period_start = self.period_start.isoformat()

        recorded_at = self.recorded_at.isoformat()

        superseded_at: None | str
        if isinstance(self.superseded_at, datetime.datetime):
            superseded_at = self.superseded_at.isoformat()
        else:
            superseded_at = self.superseded_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_sweep": by_sweep,
                "id": id,
                "note": note,
                "outcome": outcome,
                "period_start": period_start,
                "recorded_at": recorded_at,
                "superseded_at": superseded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        by_sweep = d.pop("by_sweep")

        id = UUID(d.pop("id"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        outcome = Outcome(d.pop("outcome"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        def _parse_superseded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                superseded_at_type_0 = datetime.datetime.fromisoformat(data)

                return superseded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        superseded_at = _parse_superseded_at(d.pop("superseded_at"))

        check_in_view = cls(
            by_sweep=by_sweep,
            id=id,
            note=note,
            outcome=outcome,
            period_start=period_start,
            recorded_at=recorded_at,
            superseded_at=superseded_at,
        )

        check_in_view.additional_properties = d
        return check_in_view

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
