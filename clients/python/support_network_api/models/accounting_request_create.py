from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.revocation_channel import RevocationChannel
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountingRequestCreate")


@_attrs_define
class AccountingRequestCreate:
    """When and how the member asked (`written`, `electronic`, `oral`), and the period the accounting should cover
    (default: the three years before the request, the most it may).

        Attributes:
            received_on (datetime.date): The day it was received.
            received_via (RevocationChannel):
            period_end (datetime.date | None | Unset): The last day it covers, included; absent: `received_on`.
            period_start (datetime.date | None | Unset): The first day the accounting covers; absent: three years before
                `received_on` (the most it may).
    """

    received_on: datetime.date
    received_via: RevocationChannel
    period_end: datetime.date | None | Unset = UNSET
    period_start: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        received_on = self.received_on.isoformat()

        received_via = self.received_via.value

        period_end: None | str | Unset
        if isinstance(self.period_end, Unset):
            period_end = UNSET
        elif isinstance(self.period_end, datetime.date):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        period_start: None | str | Unset
        if isinstance(self.period_start, Unset):
            period_start = UNSET
        elif isinstance(self.period_start, datetime.date):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "received_on": received_on,
                "received_via": received_via,
            }
        )
        if period_end is not UNSET:
            field_dict["period_end"] = period_end
        if period_start is not UNSET:
            field_dict["period_start"] = period_start

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        received_via = RevocationChannel(d.pop("received_via"))

        def _parse_period_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.date.fromisoformat(data)

                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_end = _parse_period_end(d.pop("period_end", UNSET))

        def _parse_period_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.date.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_start = _parse_period_start(d.pop("period_start", UNSET))

        accounting_request_create = cls(
            received_on=received_on,
            received_via=received_via,
            period_end=period_end,
            period_start=period_start,
        )

        return accounting_request_create
