from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.referral_status import ReferralStatus

T = TypeVar("T", bound="StatusChangeView")


@_attrs_define
class StatusChangeView:
    """
    Attributes:
        actor_organization_id (None | UUID): Who moved it; null: the expiry sweep.
        at (datetime.datetime): When it happened.
        from_status (None | ReferralStatus): The status before; null for the referral's creation.
        reason (None | str): Why, as the mover gave it; the receiver sees the sender's reasons only under the member's
            consent.
        to_status (ReferralStatus):
    """

    actor_organization_id: None | UUID
    at: datetime.datetime
    from_status: None | ReferralStatus
    reason: None | str
    to_status: ReferralStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor_organization_id: None | str
        if isinstance(self.actor_organization_id, UUID):
            actor_organization_id = str(self.actor_organization_id)
        else:
            actor_organization_id = self.actor_organization_id

        at = self.at.isoformat()

        from_status: None | str
        if isinstance(self.from_status, ReferralStatus):
            from_status = self.from_status.value
        else:
            from_status = self.from_status

        reason: None | str
        reason = self.reason

        to_status = self.to_status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor_organization_id": actor_organization_id,
                "at": at,
                "from_status": from_status,
                "reason": reason,
                "to_status": to_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_actor_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_organization_id_type_0 = UUID(data)

                return actor_organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_organization_id = _parse_actor_organization_id(d.pop("actor_organization_id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_from_status(data: object) -> None | ReferralStatus:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_status_type_0 = ReferralStatus(data)

                return from_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralStatus, data)

        from_status = _parse_from_status(d.pop("from_status"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        to_status = ReferralStatus(d.pop("to_status"))

        status_change_view = cls(
            actor_organization_id=actor_organization_id,
            at=at,
            from_status=from_status,
            reason=reason,
            to_status=to_status,
        )

        status_change_view.additional_properties = d
        return status_change_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
