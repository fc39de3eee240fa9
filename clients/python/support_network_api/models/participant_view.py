from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.organization_kind import OrganizationKind

T = TypeVar("T", bound="ParticipantView")


@_attrs_define
class ParticipantView:
    """An organization's taking part in an intermediary: active while `ended_at` is null.

    Attributes:
        ended_at (datetime.datetime | None): When it ended; null while it lasts.
        intermediary_organization_id (UUID): The intermediary (an HIE, say).
        joined_at (datetime.datetime): When it became active.
        participant_kind (OrganizationKind):
        participant_name (str): The participant's name, for accounting entries.
        participant_organization_id (UUID): An organization the intermediary may pass data to.
        version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
            and `If-Match` takes it where a change needs it.
    """

    ended_at: datetime.datetime | None
    intermediary_organization_id: UUID
    joined_at: datetime.datetime
    participant_kind: OrganizationKind
    participant_name: str
    participant_organization_id: UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        intermediary_organization_id = str(self.intermediary_organization_id)

        joined_at = self.joined_at.isoformat()

        participant_kind = self.participant_kind.value

        participant_name = self.participant_name

        participant_organization_id = str(self.participant_organization_id)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ended_at": ended_at,
                "intermediary_organization_id": intermediary_organization_id,
                "joined_at": joined_at,
                "participant_kind": participant_kind,
                "participant_name": participant_name,
                "participant_organization_id": participant_organization_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        intermediary_organization_id = UUID(d.pop("intermediary_organization_id"))

        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))

        participant_kind = OrganizationKind(d.pop("participant_kind"))

        participant_name = d.pop("participant_name")

        participant_organization_id = UUID(d.pop("participant_organization_id"))

        version = d.pop("version")

        participant_view = cls(
            ended_at=ended_at,
            intermediary_organization_id=intermediary_organization_id,
            joined_at=joined_at,
            participant_kind=participant_kind,
            participant_name=participant_name,
            participant_organization_id=participant_organization_id,
            version=version,
        )

        participant_view.additional_properties = d
        return participant_view

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
