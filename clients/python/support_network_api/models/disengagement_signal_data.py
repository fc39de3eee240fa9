from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="DisengagementSignalData")


@_attrs_define
class DisengagementSignalData:
    """
    Attributes:
        descriptions (list[str]): Each reason in plain words, for the person who reaches out.
        member_id (UUID):
        reasons (list[str]): What was noticed: `quiet_longer_than_usual`, `pledge_periods_without_check_in`,
            `meetings_missed`, `quiet_since_reach_out`.
        since (datetime.date): The member's local day the signal was raised for (the day that had just ended).
    """

    descriptions: list[str]
    member_id: UUID
    reasons: list[str]
    since: datetime.date

    def to_dict(self) -> dict[str, Any]:
        descriptions = self.descriptions

        member_id = str(self.member_id)

        reasons = self.reasons

        since = self.since.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "descriptions": descriptions,
                "member_id": member_id,
                "reasons": reasons,
                "since": since,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        descriptions = cast(list[str], d.pop("descriptions"))

        member_id = UUID(d.pop("member_id"))

        reasons = cast(list[str], d.pop("reasons"))

        since = datetime.date.fromisoformat(d.pop("since"))

        disengagement_signal_data = cls(
            descriptions=descriptions,
            member_id=member_id,
            reasons=reasons,
            since=since,
        )

        return disengagement_signal_data
