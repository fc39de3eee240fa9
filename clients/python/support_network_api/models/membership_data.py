from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MembershipData")


@_attrs_define
class MembershipData:
    """
    Attributes:
        membership_id (UUID):
        network_id (UUID):
        role (str | Unset): The member's part in the network: `focus` (whom a circle is around), `peer_supporter`,
            `sponsor`, `family`, `clinician`, `coordinator`.
        status (str | Unset): Its status after the change; absent on `network.membership_added`.
    """

    membership_id: UUID
    network_id: UUID
    role: str | Unset = UNSET
    status: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        membership_id = str(self.membership_id)

        network_id = str(self.network_id)

        role: str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "membership_id": membership_id,
                "network_id": network_id,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        membership_id = UUID(d.pop("membership_id"))

        network_id = UUID(d.pop("network_id"))

        def _parse_role(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        def _parse_status(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        membership_data = cls(
            membership_id=membership_id,
            network_id=network_id,
            role=role,
            status=status,
        )

        return membership_data
