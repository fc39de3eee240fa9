from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="EndpointDisabledData")


@_attrs_define
class EndpointDisabledData:
    """
    Attributes:
        endpoint_id (UUID):
        reason (str): Why the service disabled it: a 410 from the receiver, or every retry failed.
    """

    endpoint_id: UUID
    reason: str

    def to_dict(self) -> dict[str, Any]:
        endpoint_id = str(self.endpoint_id)

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "endpoint_id": endpoint_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        endpoint_id = UUID(d.pop("endpoint_id"))

        reason = d.pop("reason")

        endpoint_disabled_data = cls(
            endpoint_id=endpoint_id,
            reason=reason,
        )

        return endpoint_disabled_data
