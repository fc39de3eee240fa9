from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.report_reason import ReportReason

T = TypeVar("T", bound="ReportView")


@_attrs_define
class ReportView:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID): The object's id, a UUIDv7 (time-ordered).
        note (None | str): Free text for people, never interpreted by the service.
        post_id (UUID): The post's (or reply's) id.
        reason (ReportReason):
    """

    created_at: datetime.datetime
    id: UUID
    note: None | str
    post_id: UUID
    reason: ReportReason
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        note: None | str
        note = self.note

        post_id = str(self.post_id)

        reason = self.reason.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "note": note,
                "post_id": post_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        post_id = UUID(d.pop("post_id"))

        reason = ReportReason(d.pop("reason"))

        report_view = cls(
            created_at=created_at,
            id=id,
            note=note,
            post_id=post_id,
            reason=reason,
        )

        report_view.additional_properties = d
        return report_view

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
