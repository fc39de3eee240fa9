from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.incident_kind import IncidentKind
from ..models.incident_status import IncidentStatus

T = TypeVar("T", bound="IncidentView")


@_attrs_define
class IncidentView:
    """
    Attributes:
        closed_at (datetime.datetime | None): When it was closed; null while open.
        closing_note (None | str): What was done, as given when closing.
        description (str): Free text for people, never interpreted by the service.
        id (UUID): The object's id, a UUIDv7 (time-ordered).
        key_id (None | UUID): For a compromised key: which.
        kind (IncidentKind):
        opened_at (datetime.datetime): When it was recorded.
        recipient_organization_id (None | UUID): For a suspected breach at one recipient: which.
        since (datetime.datetime): The start of the period concerned.
        status (IncidentStatus):
        until (datetime.datetime | None): The end of the period concerned; open when absent.
        version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
            and `If-Match` takes it where a change needs it.
    """

    closed_at: datetime.datetime | None
    closing_note: None | str
    description: str
    id: UUID
    key_id: None | UUID
    kind: IncidentKind
    opened_at: datetime.datetime
    recipient_organization_id: None | UUID
    since: datetime.datetime
    status: IncidentStatus
    until: datetime.datetime | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        closing_note: None | str
        closing_note = self.closing_note

        description = self.description

        id = str(self.id)

        key_id: None | str
        if isinstance(self.key_id, UUID):
            key_id = str(self.key_id)
        else:
            key_id = self.key_id

        kind = self.kind.value

        opened_at = self.opened_at.isoformat()

        recipient_organization_id: None | str
        if isinstance(self.recipient_organization_id, UUID):
            recipient_organization_id = str(self.recipient_organization_id)
        else:
            recipient_organization_id = self.recipient_organization_id

        since = self.since.isoformat()

        status = self.status.value

        until: None | str
        if isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closed_at": closed_at,
                "closing_note": closing_note,
                "description": description,
                "id": id,
                "key_id": key_id,
                "kind": kind,
                "opened_at": opened_at,
                "recipient_organization_id": recipient_organization_id,
                "since": since,
                "status": status,
                "until": until,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        def _parse_closing_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closing_note = _parse_closing_note(d.pop("closing_note"))

        description = d.pop("description")

        id = UUID(d.pop("id"))

        def _parse_key_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                key_id_type_0 = UUID(data)

                return key_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        key_id = _parse_key_id(d.pop("key_id"))

        kind = IncidentKind(d.pop("kind"))

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        def _parse_recipient_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recipient_organization_id_type_0 = UUID(data)

                return recipient_organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        recipient_organization_id = _parse_recipient_organization_id(
            d.pop("recipient_organization_id")
        )

        since = datetime.datetime.fromisoformat(d.pop("since"))

        status = IncidentStatus(d.pop("status"))

        def _parse_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        until = _parse_until(d.pop("until"))

        version = d.pop("version")

        incident_view = cls(
            closed_at=closed_at,
            closing_note=closing_note,
            description=description,
            id=id,
            key_id=key_id,
            kind=kind,
            opened_at=opened_at,
            recipient_organization_id=recipient_organization_id,
            since=since,
            status=status,
            until=until,
            version=version,
        )

        incident_view.additional_properties = d
        return incident_view

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
