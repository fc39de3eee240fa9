from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="NetworkOrganizationData")


@_attrs_define
class NetworkOrganizationData:
    """
    Attributes:
        network_id (UUID):
        organization_id (UUID): The organization invited, joining, declining or leaving.
    """

    network_id: UUID
    organization_id: UUID

    def to_dict(self) -> dict[str, Any]:
        network_id = str(self.network_id)

        organization_id = str(self.organization_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "network_id": network_id,
                "organization_id": organization_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        network_id = UUID(d.pop("network_id"))

        organization_id = UUID(d.pop("organization_id"))

        network_organization_data = cls(
            network_id=network_id,
            organization_id=organization_id,
        )

        return network_organization_data
