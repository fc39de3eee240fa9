from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RestartCreate")


@_attrs_define
class RestartCreate:
    """
    Attributes:
        restarted_on (datetime.date): The first day of the new period, in the member's time zone.
        note (None | str | Unset): Free text for people, never interpreted by the service.
        restarted_time (None | str | Unset): Local time of day the period started, HH:MM or HH:MM:SS.
    """

    restarted_on: datetime.date
    note: None | str | Unset = UNSET
    restarted_time: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        restarted_on = self.restarted_on.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        restarted_time: None | str | Unset
        if isinstance(self.restarted_time, Unset):
            restarted_time = UNSET
        else:
            restarted_time = self.restarted_time

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "restarted_on": restarted_on,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if restarted_time is not UNSET:
            field_dict["restarted_time"] = restarted_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        restarted_on = datetime.date.fromisoformat(d.pop("restarted_on"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_restarted_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        restarted_time = _parse_restarted_time(d.pop("restarted_time", UNSET))

        restart_create = cls(
            restarted_on=restarted_on,
            note=note,
            restarted_time=restarted_time,
        )

        return restart_create
