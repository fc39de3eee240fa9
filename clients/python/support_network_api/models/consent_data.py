from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsentData")


@_attrs_define
class ConsentData:
    """
    Attributes:
        consent_id (UUID):
        member_id (UUID):
        scopes (list[str]): Scope names, sorted.
        reason (str | Unset): Why it ended when that was not its expiry date: `member_erased` or `treatment_ended`;
            absent otherwise.
        recipient_class (str | Unset): A class of recipients instead of one organization, decided at each read from what
            the service knows then.
        recipient_organization_id (Unset | UUID): The organization that receives (or received) the data.
    """

    consent_id: UUID
    member_id: UUID
    scopes: list[str]
    reason: str | Unset = UNSET
    recipient_class: str | Unset = UNSET
    recipient_organization_id: Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        consent_id = str(self.consent_id)

        member_id = str(self.member_id)

        scopes = self.scopes

        reason: str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        recipient_class: str | Unset
        if isinstance(self.recipient_class, Unset):
            recipient_class = UNSET
        else:
            recipient_class = self.recipient_class

        recipient_organization_id: str | Unset
        if isinstance(self.recipient_organization_id, Unset):
            recipient_organization_id = UNSET
        else:
            recipient_organization_id = str(self.recipient_organization_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "consent_id": consent_id,
                "member_id": member_id,
                "scopes": scopes,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if recipient_class is not UNSET:
            field_dict["recipient_class"] = recipient_class
        if recipient_organization_id is not UNSET:
            field_dict["recipient_organization_id"] = recipient_organization_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consent_id = UUID(d.pop("consent_id"))

        member_id = UUID(d.pop("member_id"))

        scopes = cast(list[str], d.pop("scopes"))

        def _parse_reason(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_recipient_class(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        recipient_class = _parse_recipient_class(d.pop("recipient_class", UNSET))

        def _parse_recipient_organization_id(data: object) -> Unset | UUID:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            recipient_organization_id_type_0 = UUID(data)

            return recipient_organization_id_type_0

        recipient_organization_id = _parse_recipient_organization_id(
            d.pop("recipient_organization_id", UNSET)
        )

        consent_data = cls(
            consent_id=consent_id,
            member_id=member_id,
            scopes=scopes,
            reason=reason,
            recipient_class=recipient_class,
            recipient_organization_id=recipient_organization_id,
        )

        return consent_data
