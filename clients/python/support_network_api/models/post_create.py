from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.post_kind import PostKind
from ..models.topic import Topic
from ..types import UNSET, Unset

T = TypeVar("T", bound="PostCreate")


@_attrs_define
class PostCreate:
    """A post in the network, written for one of the caller's members who takes an active part in it.

    Attributes:
        author_member_id (UUID): The member who cheers: a member of a network the milestone's member is in, of the
            caller's organization.
        body (str): Plain text, up to 4,000 characters; line breaks are kept, no other control characters. Null on a
            tombstone (deleted) or a placeholder (its author erased).
        kind (PostKind):
        content_note (None | str | Unset): An optional note shown before the words, for hard topics (up to 200
            characters).
        tags (list[Topic] | Unset): Topic tags from the fixed list (cravings, sleep, work, family, meetings, pain,
            relationships, housing), at most 5, each once.
    """

    author_member_id: UUID
    body: str
    kind: PostKind
    content_note: None | str | Unset = UNSET
    tags: list[Topic] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        author_member_id = str(self.author_member_id)

        body = self.body

        kind = self.kind.value

        content_note: None | str | Unset
        if isinstance(self.content_note, Unset):
            content_note = UNSET
        else:
            content_note = self.content_note

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
                "kind": kind,
            }
        )
        if content_note is not UNSET:
            field_dict["content_note"] = content_note
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        author_member_id = UUID(d.pop("author_member_id"))

        body = d.pop("body")

        kind = PostKind(d.pop("kind"))

        def _parse_content_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content_note = _parse_content_note(d.pop("content_note", UNSET))

        _tags = d.pop("tags", UNSET)
        tags: list[Topic] | Unset = UNSET
        if _tags is not UNSET:
            tags = []
            for tags_item_data in _tags:
                tags_item = Topic(tags_item_data)

                tags.append(tags_item)

        post_create = cls(
            author_member_id=author_member_id,
            body=body,
            kind=kind,
            content_note=content_note,
            tags=tags,
        )

        return post_create
