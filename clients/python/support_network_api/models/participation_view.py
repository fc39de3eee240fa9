from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.participation_status import ParticipationStatus

T = TypeVar("T", bound="ParticipationView")


@_attrs_define
class ParticipationView:
    """
    Attributes:
        invited_at (datetime.datetime | None): When it was invited; null when it was added as active at once.
        invited_by_organization_id (None | UUID): The network's creator; null for the creator itself.
        joined_at (datetime.datetime | None): When it became active.
        left_at (datetime.datetime | None): When it left; null while it takes part.
        network_id (UUID):
        organization_id (UUID): The organization taking part, or invited.
        status (ParticipationStatus):
        version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
            and `If-Match` takes it where a change needs it.
    """

    invited_at: datetime.datetime | None
    invited_by_organization_id: None | UUID
    joined_at: datetime.datetime | None
    left_at: datetime.datetime | None
    network_id: UUID
    organization_id: UUID
    status: ParticipationStatus
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invited_at: None | str
        if isinstance(self.invited_at, datetime.datetime):
            invited_at = self.invited_at.isoformat()
        else:
            invited_at = self.invited_at

        invited_by_organization_id: None | str
        if isinstance(self.invited_by_organization_id, UUID):
            invited_by_organization_id = str(self.invited_by_organization_id)
        else:
            invited_by_organization_id = self.invited_by_organization_id

        joined_at: None | str
        if isinstance(self.joined_at, datetime.datetime):
            joined_at = self.joined_at.isoformat()
        else:
            joined_at = self.joined_at

        left_at: None | str
        if isinstance(self.left_at, datetime.datetime):
            left_at = self.left_at.isoformat()
        else:
            left_at = self.left_at

        network_id = str(self.network_id)

        organization_id = str(self.organization_id)

        status = self.status.value

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invited_at": invited_at,
                "invited_by_organization_id": invited_by_organization_id,
                "joined_at": joined_at,
                "left_at": left_at,
                "network_id": network_id,
                "organization_id": organization_id,
                "status": status,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_invited_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invited_at_type_0 = datetime.datetime.fromisoformat(data)

                return invited_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        invited_at = _parse_invited_at(d.pop("invited_at"))

        def _parse_invited_by_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invited_by_organization_id_type_0 = UUID(data)

                return invited_by_organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        invited_by_organization_id = _parse_invited_by_organization_id(
            d.pop("invited_by_organization_id")
        )

        def _parse_joined_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                joined_at_type_0 = datetime.datetime.fromisoformat(data)

                return joined_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        joined_at = _parse_joined_at(d.pop("joined_at"))

        def _parse_left_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_at_type_0 = datetime.datetime.fromisoformat(data)

                return left_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        left_at = _parse_left_at(d.pop("left_at"))

        network_id = UUID(d.pop("network_id"))

        organization_id = UUID(d.pop("organization_id"))

        status = ParticipationStatus(d.pop("status"))

        version = d.pop("version")

        participation_view = cls(
            invited_at=invited_at,
            invited_by_organization_id=invited_by_organization_id,
            joined_at=joined_at,
            left_at=left_at,
            network_id=network_id,
            organization_id=organization_id,
            status=status,
            version=version,
        )

        participation_view.additional_properties = d
        return participation_view

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
