from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.revocation_channel import RevocationChannel
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsentRevoke")


@_attrs_define
class ConsentRevoke:
    """How the revocation reached the organization (42 CFR 2.31(a)(6)): `received_via` (`written`, `electronic`, `oral`;
    default `electronic`), `received_at` (default now) and `received_by` (who took it). It takes effect now, whenever it
    was received.

        Attributes:
            reason (None | str | Unset): Why, in words, as the caller gave it.
            received_at (None | str | Unset): When it was received, which may be before it was entered here.
            received_by (None | str | Unset): Who received it.
            received_via (RevocationChannel | Unset):
    """

    reason: None | str | Unset = UNSET
    received_at: None | str | Unset = UNSET
    received_by: None | str | Unset = UNSET
    received_via: RevocationChannel | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        received_at: None | str | Unset
        if isinstance(self.received_at, Unset):
            received_at = UNSET
        else:
            received_at = self.received_at

        received_by: None | str | Unset
        if isinstance(self.received_by, Unset):
            received_by = UNSET
        else:
            received_by = self.received_by

        received_via: str | Unset = UNSET
        if not isinstance(self.received_via, Unset):
            received_via = self.received_via.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reason is not UNSET:
            field_dict["reason"] = reason
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if received_by is not UNSET:
            field_dict["received_by"] = received_by
        if received_via is not UNSET:
            field_dict["received_via"] = received_via

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_received_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        received_at = _parse_received_at(d.pop("received_at", UNSET))

        def _parse_received_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        received_by = _parse_received_by(d.pop("received_by", UNSET))

        _received_via = d.pop("received_via", UNSET)
        received_via: RevocationChannel | Unset
        if isinstance(_received_via, Unset):
            received_via = UNSET
        else:
            received_via = RevocationChannel(_received_via)

        consent_revoke = cls(
            reason=reason,
            received_at=received_at,
            received_by=received_by,
            received_via=received_via,
        )

        return consent_revoke
