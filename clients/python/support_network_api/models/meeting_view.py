from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.repeat import Repeat
from ..models.weekday import Weekday

if TYPE_CHECKING:
    from ..models.occurrence_view import OccurrenceView


T = TypeVar("T", bound="MeetingView")


@_attrs_define
class MeetingView:
    """A meeting of a network, with its occurrences over the days asked (by default the next 28 from today in its time
    zone; cancelled ones and days its zone skipped left out).

        Attributes:
            cancelled_dates (list[datetime.date]): Local dates whose occurrence was cancelled.
            duration_minutes (int): How long each occurrence lasts.
            ends_on (datetime.date | None): A weekly meeting's last possible date, included; null: no end (and for `once`).
            id (UUID): The object's id, a UUIDv7 (time-ordered).
            local_time (str): The local time it starts, HH:MM, in `timezone`.
            network_id (UUID):
            occurrences (list[OccurrenceView]): Its occurrences over the days asked, in order.
            organization_id (UUID): The organization that scheduled it (which alone cancels its occurrences).
            repeat (Repeat):
            starts_on (datetime.date): The date of a one-off meeting; the first possible date of a weekly one.
            timezone (str): The IANA time zone the meeting keeps its local time in, e.g. `America/Chicago`.
            title (str):
            version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
                and `If-Match` takes it where a change needs it.
            weekdays (list[Weekday]): For a weekly meeting, the days it meets.
    """

    cancelled_dates: list[datetime.date]
    duration_minutes: int
    ends_on: datetime.date | None
    id: UUID
    local_time: str
    network_id: UUID
    occurrences: list[OccurrenceView]
    organization_id: UUID
    repeat: Repeat
    starts_on: datetime.date
    timezone: str
    title: str
    version: int
    weekdays: list[Weekday]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cancelled_dates = []
        for cancelled_dates_item_data in self.cancelled_dates:
            cancelled_dates_item = cancelled_dates_item_data.isoformat()
            cancelled_dates.append(cancelled_dates_item)

        duration_minutes = self.duration_minutes

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        id = str(self.id)

        local_time = self.local_time

        network_id = str(self.network_id)

        occurrences = []
        for occurrences_item_data in self.occurrences:
            occurrences_item = occurrences_item_data.to_dict()
            occurrences.append(occurrences_item)

        organization_id = str(self.organization_id)

        repeat = self.repeat.value

        starts_on = self.starts_on.isoformat()

        timezone = self.timezone

        title = self.title

        version = self.version

        weekdays = []
        for weekdays_item_data in self.weekdays:
            weekdays_item = weekdays_item_data.value
            weekdays.append(weekdays_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancelled_dates": cancelled_dates,
                "duration_minutes": duration_minutes,
                "ends_on": ends_on,
                "id": id,
                "local_time": local_time,
                "network_id": network_id,
                "occurrences": occurrences,
                "organization_id": organization_id,
                "repeat": repeat,
                "starts_on": starts_on,
                "timezone": timezone,
                "title": title,
                "version": version,
                "weekdays": weekdays,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.occurrence_view import OccurrenceView  # noqa: PLC0415

        d = dict(src_dict)
        cancelled_dates = []
        _cancelled_dates = d.pop("cancelled_dates")
        for cancelled_dates_item_data in _cancelled_dates:
            cancelled_dates_item = datetime.date.fromisoformat(cancelled_dates_item_data)

            cancelled_dates.append(cancelled_dates_item)

        duration_minutes = d.pop("duration_minutes")

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        id = UUID(d.pop("id"))

        local_time = d.pop("local_time")

        network_id = UUID(d.pop("network_id"))

        occurrences = []
        _occurrences = d.pop("occurrences")
        for occurrences_item_data in _occurrences:
            occurrences_item = OccurrenceView.from_dict(occurrences_item_data)

            occurrences.append(occurrences_item)

        organization_id = UUID(d.pop("organization_id"))

        repeat = Repeat(d.pop("repeat"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        timezone = d.pop("timezone")

        title = d.pop("title")

        version = d.pop("version")

        weekdays = []
        _weekdays = d.pop("weekdays")
        for weekdays_item_data in _weekdays:
            weekdays_item = Weekday(weekdays_item_data)

            weekdays.append(weekdays_item)

        meeting_view = cls(
            cancelled_dates=cancelled_dates,
            duration_minutes=duration_minutes,
            ends_on=ends_on,
            id=id,
            local_time=local_time,
            network_id=network_id,
            occurrences=occurrences,
            organization_id=organization_id,
            repeat=repeat,
            starts_on=starts_on,
            timezone=timezone,
            title=title,
            version=version,
            weekdays=weekdays,
        )

        meeting_view.additional_properties = d
        return meeting_view

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
