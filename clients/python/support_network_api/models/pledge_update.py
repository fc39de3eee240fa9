from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.pledge_update_status import PledgeUpdateStatus

T = TypeVar("T", bound="PledgeUpdate")


@_attrs_define
class PledgeUpdate:
    """
    Attributes:
        status (PledgeUpdateStatus): `completed` or `withdrawn`: ends the pledge.
    """

    status: PledgeUpdateStatus

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = PledgeUpdateStatus(d.pop("status"))

        pledge_update = cls(
            status=status,
        )

        return pledge_update
