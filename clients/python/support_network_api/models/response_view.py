from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_kind import ResponseKind

T = TypeVar("T", bound="ResponseView")


@_attrs_define
class ResponseView:
    """A response to a reach-out. `supporter_member_id` shows only to the supporter's own organization, `organization_id`
    to it and to the member's home organization (null to others).

        Attributes:
            id (UUID): The object's id, a UUIDv7 (time-ordered).
            kind (ResponseKind):
            organization_id (None | UUID): The organization that answered for its supporter: shown to it and to the member's
                home organization (null to others).
            reach_out_id (UUID): The reach-out's id.
            responded_at (datetime.datetime): When the response was given.
            supporter_member_id (None | UUID): The supporter who answered: shown to the supporter's own organization only
                (null to others).
    """

    id: UUID
    kind: ResponseKind
    organization_id: None | UUID
    reach_out_id: UUID
    responded_at: datetime.datetime
    supporter_member_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        organization_id: None | str
        if isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        reach_out_id = str(self.reach_out_id)

        responded_at = self.responded_at.isoformat()

        supporter_member_id: None | str
        if isinstance(self.supporter_member_id, UUID):
            supporter_member_id = str(self.supporter_member_id)
        else:
            supporter_member_id = self.supporter_member_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "organization_id": organization_id,
                "reach_out_id": reach_out_id,
                "responded_at": responded_at,
                "supporter_member_id": supporter_member_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = ResponseKind(d.pop("kind"))

        def _parse_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id"))

        reach_out_id = UUID(d.pop("reach_out_id"))

        responded_at = datetime.datetime.fromisoformat(d.pop("responded_at"))

        def _parse_supporter_member_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supporter_member_id_type_0 = UUID(data)

                return supporter_member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        supporter_member_id = _parse_supporter_member_id(d.pop("supporter_member_id"))

        response_view = cls(
            id=id,
            kind=kind,
            organization_id=organization_id,
            reach_out_id=reach_out_id,
            responded_at=responded_at,
            supporter_member_id=supporter_member_id,
        )

        response_view.additional_properties = d
        return response_view

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
