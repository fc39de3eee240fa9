from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.post_kind import PostKind
from ..models.topic import Topic
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReplyCreate")


@_attrs_define
class ReplyCreate:
    """A reply to a post (one level deep), written for one of the caller's members who takes an active part in the post's
    network.

        Attributes:
            author_member_id (UUID): The member who cheers: a member of a network the milestone's member is in, of the
                caller's organization.
            body (str): Plain text, up to 4,000 characters; line breaks are kept, no other control characters. Null on a
                tombstone (deleted) or a placeholder (its author erased).
            content_note (None | str | Unset): An optional note shown before the words, for hard topics (up to 200
                characters).
            kind (PostKind | Unset):
            tags (list[Topic] | Unset): Topic tags from the fixed list (cravings, sleep, work, family, meetings, pain,
                relationships, housing), at most 5, each once.
    """

    author_member_id: UUID
    body: str
    content_note: None | str | Unset = UNSET
    kind: PostKind | Unset = UNSET
    tags: list[Topic] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        author_member_id = str(self.author_member_id)

        body = self.body

        content_note: None | str | Unset
        if isinstance(self.content_note, Unset):
            content_note = UNSET
        else:
            content_note = self.content_note

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = []
            for tags_item_data in self.tags:
                tags_item = tags_item_data.value
                tags.append(tags_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "author_member_id": author_member_id,
                "body": body,
            }
        )
        if content_note is not UNSET:
            field_dict["content_note"] = content_note
        if kind is not UNSET:
            field_dict["kind"] = kind
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        author_member_id = UUID(d.pop("author_member_id"))

        body = d.pop("body")

        def _parse_content_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content_note = _parse_content_note(d.pop("content_note", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: PostKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = PostKind(_kind)

        _tags = d.pop("tags", UNSET)
        tags: list[Topic] | Unset = UNSET
        if _tags is not UNSET:
            tags = []
            for tags_item_data in _tags:
                tags_item = Topic(tags_item_data)

                tags.append(tags_item)

        reply_create = cls(
            author_member_id=author_member_id,
            body=body,
            content_note=content_note,
            kind=kind,
            tags=tags,
        )

        return reply_create
