from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.post_view import PostView


T = TypeVar("T", bound="ThreadView")


@_attrs_define
class ThreadView:
    """A post with the first page of its replies (oldest first); `next_replies_cursor` pages on through GET
    /v1/posts/{post_id}/replies.

        Attributes:
            next_replies_cursor (None | str): Pass it as `cursor` to GET /v1/posts/{post_id}/replies for the next replies;
                null when there are no more.
            post (PostView): A post or reply as the caller sees it. A deleted one is a tombstone (`state: deleted`), an
                erased author's a placeholder (`state: erased`): both keep their place in the thread, with no words and no name.
            replies (list[PostView]): Replies: in counts, how many the caller sees; in a thread, the first page, oldest
                first.
    """

    next_replies_cursor: None | str
    post: PostView
    replies: list[PostView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        next_replies_cursor: None | str
        next_replies_cursor = self.next_replies_cursor

        post = self.post.to_dict()

        replies = []
        for replies_item_data in self.replies:
            replies_item = replies_item_data.to_dict()
            replies.append(replies_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "next_replies_cursor": next_replies_cursor,
                "post": post,
                "replies": replies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.post_view import PostView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_next_replies_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_replies_cursor = _parse_next_replies_cursor(d.pop("next_replies_cursor"))

        post = PostView.from_dict(d.pop("post"))

        replies = []
        _replies = d.pop("replies")
        for replies_item_data in _replies:
            replies_item = PostView.from_dict(replies_item_data)

            replies.append(replies_item)

        thread_view = cls(
            next_replies_cursor=next_replies_cursor,
            post=post,
            replies=replies,
        )

        thread_view.additional_properties = d
        return thread_view

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
