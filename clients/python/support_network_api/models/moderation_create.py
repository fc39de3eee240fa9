from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.moderation_action import ModerationAction

T = TypeVar("T", bound="ModerationCreate")


@_attrs_define
class ModerationCreate:
    """A moderator's action on a post, with the reason the moderation log keeps.

    Attributes:
        action (ModerationAction):
        reason (str): Why, in words, as the caller gave it.
    """

    action: ModerationAction
    reason: str

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = ModerationAction(d.pop("action"))

        reason = d.pop("reason")

        moderation_create = cls(
            action=action,
            reason=reason,
        )

        return moderation_create
