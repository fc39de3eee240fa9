from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.repeat import Repeat
from ..models.weekday import Weekday
from ..types import UNSET, Unset

T = TypeVar("T", bound="MeetingCreate")


@_attrs_define
class MeetingCreate:
    """A meeting of the network: one-off (`once`, on `starts_on`) or `weekly` on `weekdays` from `starts_on`, until
    `ends_on` if given, at `local_time` in `timezone`.

        Attributes:
            local_time (str): The local time it starts, HH:MM, in `timezone`: the same wall-clock time all year. A time the
                clocks skip moves later by the gap; a time that occurs twice is the first.
            starts_on (datetime.date): The date of a one-off meeting; the first possible date of a weekly one.
            timezone (str): The IANA time zone the meeting keeps its local time in, e.g. `America/Chicago` (422 for a name
                the server does not know).
            title (str):
            duration_minutes (int | Unset): How long each occurrence lasts (5 to 1440; default 60). Default: 60.
            ends_on (datetime.date | None | Unset): A weekly meeting's last possible date, included; null: no end (and for
                `once`).
            repeat (Repeat | Unset):
            weekdays (list[Weekday] | Unset): For a weekly meeting, the days it meets, each once; none for a one-off one.
    """

    local_time: str
    starts_on: datetime.date
    timezone: str
    title: str
    duration_minutes: int | Unset = 60
    ends_on: datetime.date | None | Unset = UNSET
    repeat: Repeat | Unset = UNSET
    weekdays: list[Weekday] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        local_time = self.local_time

        starts_on = self.starts_on.isoformat()

        timezone = self.timezone

        title = self.title

        duration_minutes = self.duration_minutes

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        repeat: str | Unset = UNSET
        if not isinstance(self.repeat, Unset):
            repeat = self.repeat.value

        weekdays: list[str] | Unset = UNSET
        if not isinstance(self.weekdays, Unset):
            weekdays = []
            for weekdays_item_data in self.weekdays:
                weekdays_item = weekdays_item_data.value
                weekdays.append(weekdays_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "local_time": local_time,
                "starts_on": starts_on,
                "timezone": timezone,
                "title": title,
            }
        )
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if repeat is not UNSET:
            field_dict["repeat"] = repeat
        if weekdays is not UNSET:
            field_dict["weekdays"] = weekdays

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        local_time = d.pop("local_time")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        timezone = d.pop("timezone")

        title = d.pop("title")

        duration_minutes = d.pop("duration_minutes", UNSET)

        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        _repeat = d.pop("repeat", UNSET)
        repeat: Repeat | Unset
        if isinstance(_repeat, Unset):
            repeat = UNSET
        else:
            repeat = Repeat(_repeat)

        _weekdays = d.pop("weekdays", UNSET)
        weekdays: list[Weekday] | Unset = UNSET
        if _weekdays is not UNSET:
            weekdays = []
            for weekdays_item_data in _weekdays:
                weekdays_item = Weekday(weekdays_item_data)

                weekdays.append(weekdays_item)

        meeting_create = cls(
            local_time=local_time,
            starts_on=starts_on,
            timezone=timezone,
            title=title,
            duration_minutes=duration_minutes,
            ends_on=ends_on,
            repeat=repeat,
            weekdays=weekdays,
        )

        return meeting_create
