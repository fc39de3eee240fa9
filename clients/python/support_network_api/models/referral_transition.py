from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.referral_status import ReferralStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralTransition")


@_attrs_define
class ReferralTransition:
    """
    Attributes:
        status (ReferralStatus):
        reason (None | str | Unset): Why, in words, as the caller gave it.
    """

    status: ReferralStatus
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = ReferralStatus(d.pop("status"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        referral_transition = cls(
            status=status,
            reason=reason,
        )

        return referral_transition
