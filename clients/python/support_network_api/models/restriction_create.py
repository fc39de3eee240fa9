from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.data_scope import DataScope
from ..models.purpose_code import PurposeCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="RestrictionCreate")


@_attrs_define
class RestrictionCreate:
    """Which data (`scopes`) the member asks to keep back, from which recipients (none named: from every one) and for which
    purposes (none named: for any), and when they asked.

        Attributes:
            requested_on (datetime.date): The day the member asked.
            scopes (list[DataScope]): The data scopes the member asks to keep back.
            purpose_codes (list[PurposeCode] | Unset): The purposes the restriction applies to; empty: all.
            recipient_organization_ids (list[UUID] | Unset): The recipients the restriction applies to; empty: all.
    """

    requested_on: datetime.date
    scopes: list[DataScope]
    purpose_codes: list[PurposeCode] | Unset = UNSET
    recipient_organization_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        requested_on = self.requested_on.isoformat()

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        purpose_codes: list[str] | Unset = UNSET
        if not isinstance(self.purpose_codes, Unset):
            purpose_codes = []
            for purpose_codes_item_data in self.purpose_codes:
                purpose_codes_item = purpose_codes_item_data.value
                purpose_codes.append(purpose_codes_item)

        recipient_organization_ids: list[str] | Unset = UNSET
        if not isinstance(self.recipient_organization_ids, Unset):
            recipient_organization_ids = []
            for recipient_organization_ids_item_data in self.recipient_organization_ids:
                recipient_organization_ids_item = str(recipient_organization_ids_item_data)
                recipient_organization_ids.append(recipient_organization_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "requested_on": requested_on,
                "scopes": scopes,
            }
        )
        if purpose_codes is not UNSET:
            field_dict["purpose_codes"] = purpose_codes
        if recipient_organization_ids is not UNSET:
            field_dict["recipient_organization_ids"] = recipient_organization_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requested_on = datetime.date.fromisoformat(d.pop("requested_on"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = DataScope(scopes_item_data)

            scopes.append(scopes_item)

        _purpose_codes = d.pop("purpose_codes", UNSET)
        purpose_codes: list[PurposeCode] | Unset = UNSET
        if _purpose_codes is not UNSET:
            purpose_codes = []
            for purpose_codes_item_data in _purpose_codes:
                purpose_codes_item = PurposeCode(purpose_codes_item_data)

                purpose_codes.append(purpose_codes_item)

        _recipient_organization_ids = d.pop("recipient_organization_ids", UNSET)
        recipient_organization_ids: list[UUID] | Unset = UNSET
        if _recipient_organization_ids is not UNSET:
            recipient_organization_ids = []
            for recipient_organization_ids_item_data in _recipient_organization_ids:
                recipient_organization_ids_item = UUID(recipient_organization_ids_item_data)

                recipient_organization_ids.append(recipient_organization_ids_item)

        restriction_create = cls(
            requested_on=requested_on,
            scopes=scopes,
            purpose_codes=purpose_codes,
            recipient_organization_ids=recipient_organization_ids,
        )

        return restriction_create
