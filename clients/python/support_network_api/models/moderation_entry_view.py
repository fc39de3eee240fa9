from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.moderation_action import ModerationAction

T = TypeVar("T", bound="ModerationEntryView")


@_attrs_define
class ModerationEntryView:
    """
    Attributes:
        action (ModerationAction):
        at (datetime.datetime): When it happened.
        id (UUID): The object's id, a UUIDv7 (time-ordered).
        organization_id (UUID): The organization it belongs to.
        post_id (UUID): The post's (or reply's) id.
        reason (str): Why, in words, as the caller gave it.
    """

    action: ModerationAction
    at: datetime.datetime
    id: UUID
    organization_id: UUID
    post_id: UUID
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        at = self.at.isoformat()

        id = str(self.id)

        organization_id = str(self.organization_id)

        post_id = str(self.post_id)

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "at": at,
                "id": id,
                "organization_id": organization_id,
                "post_id": post_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = ModerationAction(d.pop("action"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        id = UUID(d.pop("id"))

        organization_id = UUID(d.pop("organization_id"))

        post_id = UUID(d.pop("post_id"))

        reason = d.pop("reason")

        moderation_entry_view = cls(
            action=action,
            at=at,
            id=id,
            organization_id=organization_id,
            post_id=post_id,
            reason=reason,
        )

        moderation_entry_view.additional_properties = d
        return moderation_entry_view

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
