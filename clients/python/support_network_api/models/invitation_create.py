from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="InvitationCreate")


@_attrs_define
class InvitationCreate:
    """
    Attributes:
        organization_id (UUID): The organization to invite.
    """

    organization_id: UUID

    def to_dict(self) -> dict[str, Any]:
        organization_id = str(self.organization_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "organization_id": organization_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        organization_id = UUID(d.pop("organization_id"))

        invitation_create = cls(
            organization_id=organization_id,
        )

        return invitation_create
