from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.post_counts_view_reactions import PostCountsViewReactions


T = TypeVar("T", bound="PostCountsView")


@_attrs_define
class PostCountsView:
    """What a post gathered: the replies this reader sees, helpful marks, and each kind of encouragement (kinds nobody gave
    are left out).

        Attributes:
            helpful (int): How many members marked this advice helpful.
            reactions (PostCountsViewReactions): How many members gave each kind of encouragement (kinds nobody gave are
                left out).
            replies (int): Replies: in counts, how many the caller sees; in a thread, the first page, oldest first.
    """

    helpful: int
    reactions: PostCountsViewReactions
    replies: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        helpful = self.helpful

        reactions = self.reactions.to_dict()

        replies = self.replies

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "helpful": helpful,
                "reactions": reactions,
                "replies": replies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.post_counts_view_reactions import PostCountsViewReactions  # noqa: PLC0415

        d = dict(src_dict)
        helpful = d.pop("helpful")

        reactions = PostCountsViewReactions.from_dict(d.pop("reactions"))

        replies = d.pop("replies")

        post_counts_view = cls(
            helpful=helpful,
            reactions=reactions,
            replies=replies,
        )

        post_counts_view.additional_properties = d
        return post_counts_view

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
