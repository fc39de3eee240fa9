from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="OrganizationData")


@_attrs_define
class OrganizationData:
    """
    Attributes:
        kind (str): Which kind it is; the values are listed with its type.
        organization_id (UUID): The organization created.
    """

    kind: str
    organization_id: UUID

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        organization_id = str(self.organization_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "organization_id": organization_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        organization_id = UUID(d.pop("organization_id"))

        organization_data = cls(
            kind=kind,
            organization_id=organization_id,
        )

        return organization_data
