from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.incident_kind import IncidentKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="IncidentCreate")


@_attrs_define
class IncidentCreate:
    """`compromised_key` names the key (`key_id`): the incident then touches what that key read.
    `recipient_organization_id` narrows it to what the caller disclosed to one organization. The period is `since`
    (required) to `until` (default: open).

        Attributes:
            description (str): Free text for people, never interpreted by the service.
            kind (IncidentKind):
            since (datetime.datetime): The start of the period concerned.
            key_id (None | Unset | UUID): For a compromised key: which.
            recipient_organization_id (None | Unset | UUID): For a suspected breach at one recipient: which; narrows the
                incident to what the caller disclosed to it.
            until (None | str | Unset): The end of the period concerned; open when absent.
    """

    description: str
    kind: IncidentKind
    since: datetime.datetime
    key_id: None | Unset | UUID = UNSET
    recipient_organization_id: None | Unset | UUID = UNSET
    until: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        kind = self.kind.value

        since = self.since.isoformat()

        key_id: None | str | Unset
        if isinstance(self.key_id, Unset):
            key_id = UNSET
        elif isinstance(self.key_id, UUID):
            key_id = str(self.key_id)
        else:
            key_id = self.key_id

        recipient_organization_id: None | str | Unset
        if isinstance(self.recipient_organization_id, Unset):
            recipient_organization_id = UNSET
        elif isinstance(self.recipient_organization_id, UUID):
            recipient_organization_id = str(self.recipient_organization_id)
        else:
            recipient_organization_id = self.recipient_organization_id

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        else:
            until = self.until

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "kind": kind,
                "since": since,
            }
        )
        if key_id is not UNSET:
            field_dict["key_id"] = key_id
        if recipient_organization_id is not UNSET:
            field_dict["recipient_organization_id"] = recipient_organization_id
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        kind = IncidentKind(d.pop("kind"))

        since = datetime.datetime.fromisoformat(d.pop("since"))

        def _parse_key_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                key_id_type_0 = UUID(data)

                return key_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        key_id = _parse_key_id(d.pop("key_id", UNSET))

        def _parse_recipient_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recipient_organization_id_type_0 = UUID(data)

                return recipient_organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        recipient_organization_id = _parse_recipient_organization_id(
            d.pop("recipient_organization_id", UNSET)
        )

        def _parse_until(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        until = _parse_until(d.pop("until", UNSET))

        incident_create = cls(
            description=description,
            kind=kind,
            since=since,
            key_id=key_id,
            recipient_organization_id=recipient_organization_id,
            until=until,
        )

        return incident_create
