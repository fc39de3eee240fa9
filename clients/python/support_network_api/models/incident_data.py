from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="IncidentData")


@_attrs_define
class IncidentData:
    """
    Attributes:
        incident_id (UUID):
        kind (str): Which kind it is; the values are listed with its type.
    """

    incident_id: UUID
    kind: str

    def to_dict(self) -> dict[str, Any]:
        incident_id = str(self.incident_id)

        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "incident_id": incident_id,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        incident_id = UUID(d.pop("incident_id"))

        kind = d.pop("kind")

        incident_data = cls(
            incident_id=incident_id,
            kind=kind,
        )

        return incident_data
