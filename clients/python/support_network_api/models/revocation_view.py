from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.revocation_channel import RevocationChannel

T = TypeVar("T", bound="RevocationView")


@_attrs_define
class RevocationView:
    """How, when and by whom a revocation was received (who took it: home only).

    Attributes:
        received_at (datetime.datetime | None): When it was received, which may be before it was entered here.
        received_by (None | str): Who received it. Null to the recipient.
        received_via (None | RevocationChannel): How it was received: `written`, `electronic` or `oral`.
    """

    received_at: datetime.datetime | None
    received_by: None | str
    received_via: None | RevocationChannel
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        received_at: None | str
        if isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        received_by: None | str
        received_by = self.received_by

        received_via: None | str
        if isinstance(self.received_via, RevocationChannel):
            received_via = self.received_via.value
        else:
            received_via = self.received_via

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "received_at": received_at,
                "received_by": received_by,
                "received_via": received_via,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_received_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_at_type_0 = datetime.datetime.fromisoformat(data)

                return received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        received_at = _parse_received_at(d.pop("received_at"))

        def _parse_received_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        received_by = _parse_received_by(d.pop("received_by"))

        def _parse_received_via(data: object) -> None | RevocationChannel:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_via_type_0 = RevocationChannel(data)

                return received_via_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RevocationChannel, data)

        received_via = _parse_received_via(d.pop("received_via"))

        revocation_view = cls(
            received_at=received_at,
            received_by=received_by,
            received_via=received_via,
        )

        revocation_view.additional_properties = d
        return revocation_view

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
