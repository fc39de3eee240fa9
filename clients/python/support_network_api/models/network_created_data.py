from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.network_created_data_kind import NetworkCreatedDataKind

T = TypeVar("T", bound="NetworkCreatedData")


@_attrs_define
class NetworkCreatedData:
    """
    Attributes:
        kind (NetworkCreatedDataKind): Which kind it is; the values are listed with its type.
        network_id (UUID):
    """

    kind: NetworkCreatedDataKind
    network_id: UUID

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        network_id = str(self.network_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "network_id": network_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = NetworkCreatedDataKind(d.pop("kind"))

        network_id = UUID(d.pop("network_id"))

        network_created_data = cls(
            kind=kind,
            network_id=network_id,
        )

        return network_created_data
