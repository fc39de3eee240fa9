from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.organization_kind import OrganizationKind

T = TypeVar("T", bound="OrganizationView")


@_attrs_define
class OrganizationView:
    """
    Attributes:
        address (None | str): Where it can be written to; accounting entries name it.
        created_at (datetime.datetime):
        id (UUID): The object's id, a UUIDv7 (time-ordered).
        kind (OrganizationKind):
        name (str):
        version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
            and `If-Match` takes it where a change needs it.
    """

    address: None | str
    created_at: datetime.datetime
    id: UUID
    kind: OrganizationKind
    name: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address: None | str
        address = self.address

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        name = self.name

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "name": name,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = OrganizationKind(d.pop("kind"))

        name = d.pop("name")

        version = d.pop("version")

        organization_view = cls(
            address=address,
            created_at=created_at,
            id=id,
            kind=kind,
            name=name,
            version=version,
        )

        organization_view.additional_properties = d
        return organization_view

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
