from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.cadence import Cadence
from ..types import UNSET, Unset

T = TypeVar("T", bound="PledgeCreate")


@_attrs_define
class PledgeCreate:
    """To self (no network), to a network (`network_id`), or to one supporter in it.

    Attributes:
        cadence (Cadence):
        starts_on (datetime.date): The first day, in the member's time zone.
        text (str): What the member promises, in their words.
        ends_on (datetime.date | None | Unset): The last day, included. Null: open until completed or withdrawn (for
            `once`: the start day only).
        network_id (None | Unset | UUID):
        supporter_member_id (None | Unset | UUID): A member of the pledge's network who supports it; shown to the
            member's home organization only.
    """

    cadence: Cadence
    starts_on: datetime.date
    text: str
    ends_on: datetime.date | None | Unset = UNSET
    network_id: None | Unset | UUID = UNSET
    supporter_member_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        cadence = self.cadence.value

        starts_on = self.starts_on.isoformat()

        text = self.text

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        network_id: None | str | Unset
        if isinstance(self.network_id, Unset):
            network_id = UNSET
        elif isinstance(self.network_id, UUID):
            network_id = str(self.network_id)
        else:
            network_id = self.network_id

        supporter_member_id: None | str | Unset
        if isinstance(self.supporter_member_id, Unset):
            supporter_member_id = UNSET
        elif isinstance(self.supporter_member_id, UUID):
            supporter_member_id = str(self.supporter_member_id)
        else:
            supporter_member_id = self.supporter_member_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cadence": cadence,
                "starts_on": starts_on,
                "text": text,
            }
        )
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if network_id is not UNSET:
            field_dict["network_id"] = network_id
        if supporter_member_id is not UNSET:
            field_dict["supporter_member_id"] = supporter_member_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cadence = Cadence(d.pop("cadence"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        text = d.pop("text")

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

        def _parse_network_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                network_id_type_0 = UUID(data)

                return network_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        network_id = _parse_network_id(d.pop("network_id", UNSET))

        def _parse_supporter_member_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supporter_member_id_type_0 = UUID(data)

                return supporter_member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        supporter_member_id = _parse_supporter_member_id(d.pop("supporter_member_id", UNSET))

        pledge_create = cls(
            cadence=cadence,
            starts_on=starts_on,
            text=text,
            ends_on=ends_on,
            network_id=network_id,
            supporter_member_id=supporter_member_id,
        )

        return pledge_create
