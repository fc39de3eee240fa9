from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReengagedData")


@_attrs_define
class ReengagedData:
    """
    Attributes:
        member_id (UUID):
        reasons (list[str]): The reasons of the signal that no longer holds.
        since (datetime.date): The day of the signal that no longer holds.
    """

    member_id: UUID
    reasons: list[str]
    since: datetime.date

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        reasons = self.reasons

        since = self.since.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "reasons": reasons,
                "since": since,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        reasons = cast(list[str], d.pop("reasons"))

        since = datetime.date.fromisoformat(d.pop("since"))

        reengaged_data = cls(
            member_id=member_id,
            reasons=reasons,
            since=since,
        )

        return reengaged_data
