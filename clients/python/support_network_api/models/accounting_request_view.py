from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.revocation_channel import RevocationChannel

T = TypeVar("T", bound="AccountingRequestView")


@_attrs_define
class AccountingRequestView:
    """`answer_by`: 30 days after the request was received (42 CFR 2.24).

    Attributes:
        answer_by (datetime.date): When the answer is due: 30 days after `received_on` (42 CFR 2.24).
        answered_at (datetime.datetime | None): When the home organization recorded its answer; null while it is due.
        id (UUID): The object's id, a UUIDv7 (time-ordered).
        member_id (UUID):
        period_end (datetime.date): The last day it covers, included.
        period_start (datetime.date): The first day the accounting covers.
        received_on (datetime.date): The day it was received.
        received_via (RevocationChannel):
        version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
            and `If-Match` takes it where a change needs it.
    """

    answer_by: datetime.date
    answered_at: datetime.datetime | None
    id: UUID
    member_id: UUID
    period_end: datetime.date
    period_start: datetime.date
    received_on: datetime.date
    received_via: RevocationChannel
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answer_by = self.answer_by.isoformat()

        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        id = str(self.id)

        member_id = str(self.member_id)

        period_end = self.period_end.isoformat()

        period_start = self.period_start.isoformat()

        received_on = self.received_on.isoformat()

        received_via = self.received_via.value

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer_by": answer_by,
                "answered_at": answered_at,
                "id": id,
                "member_id": member_id,
                "period_end": period_end,
                "period_start": period_start,
                "received_on": received_on,
                "received_via": received_via,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answer_by = datetime.date.fromisoformat(d.pop("answer_by"))

        def _parse_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)

                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answered_at = _parse_answered_at(d.pop("answered_at"))

        id = UUID(d.pop("id"))

        member_id = UUID(d.pop("member_id"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        received_via = RevocationChannel(d.pop("received_via"))

        version = d.pop("version")

        accounting_request_view = cls(
            answer_by=answer_by,
            answered_at=answered_at,
            id=id,
            member_id=member_id,
            period_end=period_end,
            period_start=period_start,
            received_on=received_on,
            received_via=received_via,
            version=version,
        )

        accounting_request_view.additional_properties = d
        return accounting_request_view

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
