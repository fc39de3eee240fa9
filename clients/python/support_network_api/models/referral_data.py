from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralData")


@_attrs_define
class ReferralData:
    """
    Attributes:
        receiver_organization_id (UUID): The organization asked to take the person on.
        referral_id (UUID):
        sender_organization_id (UUID): The organization that made the referral: the member's home organization.
        status (str): Its status after this change.
        version (int): The referral's version after this change.
        from_status (str | Unset): The status before this change; absent on `referral.created`.
        member_id (Unset | UUID):
    """

    receiver_organization_id: UUID
    referral_id: UUID
    sender_organization_id: UUID
    status: str
    version: int
    from_status: str | Unset = UNSET
    member_id: Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        receiver_organization_id = str(self.receiver_organization_id)

        referral_id = str(self.referral_id)

        sender_organization_id = str(self.sender_organization_id)

        status = self.status

        version = self.version

        from_status: str | Unset
        if isinstance(self.from_status, Unset):
            from_status = UNSET
        else:
            from_status = self.from_status

        member_id: str | Unset
        if isinstance(self.member_id, Unset):
            member_id = UNSET
        else:
            member_id = str(self.member_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "receiver_organization_id": receiver_organization_id,
                "referral_id": referral_id,
                "sender_organization_id": sender_organization_id,
                "status": status,
                "version": version,
            }
        )
        if from_status is not UNSET:
            field_dict["from_status"] = from_status
        if member_id is not UNSET:
            field_dict["member_id"] = member_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        receiver_organization_id = UUID(d.pop("receiver_organization_id"))

        referral_id = UUID(d.pop("referral_id"))

        sender_organization_id = UUID(d.pop("sender_organization_id"))

        status = d.pop("status")

        version = d.pop("version")

        def _parse_from_status(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        from_status = _parse_from_status(d.pop("from_status", UNSET))

        def _parse_member_id(data: object) -> Unset | UUID:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            member_id_type_0 = UUID(data)

            return member_id_type_0

        member_id = _parse_member_id(d.pop("member_id", UNSET))

        referral_data = cls(
            receiver_organization_id=receiver_organization_id,
            referral_id=referral_id,
            sender_organization_id=sender_organization_id,
            status=status,
            version=version,
            from_status=from_status,
            member_id=member_id,
        )

        return referral_data
