from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.topic import Topic
from ..types import UNSET, Unset

T = TypeVar("T", bound="PostUpdate")


@_attrs_define
class PostUpdate:
    """The fields given replace the post's; `content_note: null` removes the note. What the post said before is kept for
    the moderators.

        Attributes:
            body (str | Unset): Plain text, up to 4,000 characters; line breaks are kept, no other control characters. Null
                on a tombstone (deleted) or a placeholder (its author erased).
            content_note (None | str | Unset): An optional note shown before the words, for hard topics (up to 200
                characters).
            tags (list[Topic] | Unset): Topic tags from the fixed list (cravings, sleep, work, family, meetings, pain,
                relationships, housing), at most 5, each once.
    """

    body: str | Unset = UNSET
    content_note: None | str | Unset = UNSET
    tags: list[Topic] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        body: str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        content_note: None | str | Unset
        if isinstance(self.content_note, Unset):
            content_note = UNSET
        else:
            content_note = self.content_note

        tags: list[str] | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        else:
            tags = []
            for tags_type_0_item_data in self.tags:
                tags_type_0_item = tags_type_0_item_data.value
                tags.append(tags_type_0_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if body is not UNSET:
            field_dict["body"] = body
        if content_note is not UNSET:
            field_dict["content_note"] = content_note
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_body(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_content_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content_note = _parse_content_note(d.pop("content_note", UNSET))

        def _parse_tags(data: object) -> list[Topic] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            tags_type_0 = []
            _tags_type_0 = data
            for tags_type_0_item_data in _tags_type_0:
                tags_type_0_item = Topic(tags_type_0_item_data)

                tags_type_0.append(tags_type_0_item)

            return tags_type_0

        tags = _parse_tags(d.pop("tags", UNSET))

        post_update = cls(
            body=body,
            content_note=content_note,
            tags=tags,
        )

        return post_update
