from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_scope import DataScope
from ..models.purpose_code import PurposeCode
from ..models.restriction_status import RestrictionStatus

T = TypeVar("T", bound="RestrictionView")


@_attrs_define
class RestrictionView:
    """`agreed`: every read honours it, as it honours a consent's limits (the consents it matches show it in
    `restricted_scopes`).

        Attributes:
            decided_at (datetime.datetime | None): When the home organization agreed or denied; null while undecided.
            ended_at (datetime.datetime | None): When it ended; null while it lasts.
            id (UUID): The object's id, a UUIDv7 (time-ordered).
            member_id (UUID):
            purpose_codes (list[PurposeCode]): The purposes the restriction applies to; empty: all.
            recipient_organization_ids (list[UUID]): The recipients the restriction applies to; empty: all.
            requested_on (datetime.date): The day the member asked.
            scopes (list[DataScope]): The data scopes the member asks to keep back.
            status (RestrictionStatus):
            version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
                and `If-Match` takes it where a change needs it.
    """

    decided_at: datetime.datetime | None
    ended_at: datetime.datetime | None
    id: UUID
    member_id: UUID
    purpose_codes: list[PurposeCode]
    recipient_organization_ids: list[UUID]
    requested_on: datetime.date
    scopes: list[DataScope]
    status: RestrictionStatus
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        id = str(self.id)

        member_id = str(self.member_id)

        purpose_codes = []
        for purpose_codes_item_data in self.purpose_codes:
            purpose_codes_item = purpose_codes_item_data.value
            purpose_codes.append(purpose_codes_item)

        recipient_organization_ids = []
        for recipient_organization_ids_item_data in self.recipient_organization_ids:
            recipient_organization_ids_item = str(recipient_organization_ids_item_data)
            recipient_organization_ids.append(recipient_organization_ids_item)

        requested_on = self.requested_on.isoformat()

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        status = self.status.value

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decided_at": decided_at,
                "ended_at": ended_at,
                "id": id,
                "member_id": member_id,
                "purpose_codes": purpose_codes,
                "recipient_organization_ids": recipient_organization_ids,
                "requested_on": requested_on,
                "scopes": scopes,
                "status": status,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

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

        id = UUID(d.pop("id"))

        member_id = UUID(d.pop("member_id"))

        purpose_codes = []
        _purpose_codes = d.pop("purpose_codes")
        for purpose_codes_item_data in _purpose_codes:
            purpose_codes_item = PurposeCode(purpose_codes_item_data)

            purpose_codes.append(purpose_codes_item)

        recipient_organization_ids = []
        _recipient_organization_ids = d.pop("recipient_organization_ids")
        for recipient_organization_ids_item_data in _recipient_organization_ids:
            recipient_organization_ids_item = UUID(recipient_organization_ids_item_data)

            recipient_organization_ids.append(recipient_organization_ids_item)

        requested_on = datetime.date.fromisoformat(d.pop("requested_on"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = DataScope(scopes_item_data)

            scopes.append(scopes_item)

        status = RestrictionStatus(d.pop("status"))

        version = d.pop("version")

        restriction_view = cls(
            decided_at=decided_at,
            ended_at=ended_at,
            id=id,
            member_id=member_id,
            purpose_codes=purpose_codes,
            recipient_organization_ids=recipient_organization_ids,
            requested_on=requested_on,
            scopes=scopes,
            status=status,
            version=version,
        )

        restriction_view.additional_properties = d
        return restriction_view

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
