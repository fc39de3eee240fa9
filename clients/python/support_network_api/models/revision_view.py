from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.topic import Topic

T = TypeVar("T", bound="RevisionView")


@_attrs_define
class RevisionView:
    """
    Attributes:
        body (str): What the post said before the edit.
        content_note (None | str): An optional note shown before the words, for hard topics (up to 200 characters).
        replaced_at (datetime.datetime): When an edit replaced this text.
        tags (list[Topic]): Topic tags from the fixed list (cravings, sleep, work, family, meetings, pain,
            relationships, housing), at most 5, each once.
        version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
            and `If-Match` takes it where a change needs it.
    """

    body: str
    content_note: None | str
    replaced_at: datetime.datetime
    tags: list[Topic]
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        content_note: None | str
        content_note = self.content_note

        replaced_at = self.replaced_at.isoformat()

        tags = []
        for tags_item_data in self.tags:
            tags_item = tags_item_data.value
            tags.append(tags_item)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
                "content_note": content_note,
                "replaced_at": replaced_at,
                "tags": tags,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        def _parse_content_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        content_note = _parse_content_note(d.pop("content_note"))

        replaced_at = datetime.datetime.fromisoformat(d.pop("replaced_at"))

        tags = []
        _tags = d.pop("tags")
        for tags_item_data in _tags:
            tags_item = Topic(tags_item_data)

            tags.append(tags_item)

        version = d.pop("version")

        revision_view = cls(
            body=body,
            content_note=content_note,
            replaced_at=replaced_at,
            tags=tags,
            version=version,
        )

        revision_view.additional_properties = d
        return revision_view

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
