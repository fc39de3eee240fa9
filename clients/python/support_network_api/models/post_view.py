from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.post_kind import PostKind
from ..models.post_state import PostState
from ..models.topic import Topic

if TYPE_CHECKING:
    from ..models.language_note_view import LanguageNoteView
    from ..models.post_counts_view import PostCountsView


T = TypeVar("T", bound="PostView")


@_attrs_define
class PostView:
    """A post or reply as the caller sees it. A deleted one is a tombstone (`state: deleted`), an erased author's a
    placeholder (`state: erased`): both keep their place in the thread, with no words and no name.

        Attributes:
            author_display_name (None | str): The author's name, under the same consent as the post; null on a tombstone or
                placeholder.
            author_member_id (None | UUID): The member who cheers: a member of a network the milestone's member is in, of
                the caller's organization.
            body (None | str): Plain text, up to 4,000 characters; line breaks are kept, no other control characters. Null
                on a tombstone (deleted) or a placeholder (its author erased).
            content_note (None | str): An optional note shown before the words, for hard topics (up to 200 characters).
            counts (PostCountsView): What a post gathered: the replies this reader sees, helpful marks, and each kind of
                encouragement (kinds nobody gave are left out).
            created_at (datetime.datetime):
            crisis_flagged (bool | None): The text matched one of the author's home organization's crisis phrases. Shown to
                that organization only (null for any other); nothing is hidden.
            hidden_reason (None | str): Why a moderator hid it; null unless `state` is `hidden`.
            id (UUID): The object's id, a UUIDv7 (time-ordered).
            kind (PostKind):
            language_notes (list[LanguageNoteView]): Stigmatising terms the text uses, each with person-first words to
                consider instead (a suggestion: nothing is blocked or rewritten).
            network_id (UUID):
            organization_id (UUID): The organization it belongs to.
            parent_id (None | UUID): The post this reply answers; null (or absent) for a post.
            state (PostState):
            tags (list[Topic]): Topic tags from the fixed list (cravings, sleep, work, family, meetings, pain,
                relationships, housing), at most 5, each once.
            updated_at (datetime.datetime):
            version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
                and `If-Match` takes it where a change needs it.
    """

    author_display_name: None | str
    author_member_id: None | UUID
    body: None | str
    content_note: None | str
    counts: PostCountsView
    created_at: datetime.datetime
    crisis_flagged: bool | None
    hidden_reason: None | str
    id: UUID
    kind: PostKind
    language_notes: list[LanguageNoteView]
    network_id: UUID
    organization_id: UUID
    parent_id: None | UUID
    state: PostState
    tags: list[Topic]
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        author_display_name: None | str
        author_display_name = self.author_display_name

        author_member_id: None | str
        if isinstance(self.author_member_id, UUID):
            author_member_id = str(self.author_member_id)
        else:
            author_member_id = self.author_member_id

        body: None | str
        body = self.body

        content_note: None | str
        content_note = self.content_note

        counts = self.counts.to_dict()

        created_at = self.created_at.isoformat()

        crisis_flagged: bool | None
        crisis_flagged = self.crisis_flagged

        hidden_reason: None | str
        hidden_reason = self.hidden_reason

        id = str(self.id)

        kind = self.kind.value

        language_notes = []
        for language_notes_item_data in self.language_notes:
            language_notes_item = language_notes_item_data.to_dict()
            language_notes.append(language_notes_item)

        network_id = str(self.network_id)

        organization_id = str(self.organization_id)

        parent_id: None | str
        if isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        state = self.state.value

        tags = []
        for tags_item_data in self.tags:
            tags_item = tags_item_data.value
            tags.append(tags_item)

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "author_display_name": author_display_name,
                "author_member_id": author_member_id,
                "body": body,
                "content_note": content_note,
                "counts": counts,
                "created_at": created_at,
                "crisis_flagged": crisis_flagged,
                "hidden_reason": hidden_reason,
                "id": id,
                "kind": kind,
                "language_notes": language_notes,
                "network_id": network_id,
                "organization_id": organization_id,
                "parent_id": parent_id,
                "state": state,
                "tags": tags,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.language_note_view import LanguageNoteView  # noqa: PLC0415
        from ..models.post_counts_view import PostCountsView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_author_display_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        author_display_name = _parse_author_display_name(d.pop("author_display_name"))

        def _parse_author_member_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                author_member_id_type_0 = UUID(data)

                return author_member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        author_member_id = _parse_author_member_id(d.pop("author_member_id"))

        def _parse_body(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        body = _parse_body(d.pop("body"))

        def _parse_content_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        content_note = _parse_content_note(d.pop("content_note"))

        counts = PostCountsView.from_dict(d.pop("counts"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_crisis_flagged(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        crisis_flagged = _parse_crisis_flagged(d.pop("crisis_flagged"))

        def _parse_hidden_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hidden_reason = _parse_hidden_reason(d.pop("hidden_reason"))

        id = UUID(d.pop("id"))

        kind = PostKind(d.pop("kind"))

        language_notes = []
        _language_notes = d.pop("language_notes")
        for language_notes_item_data in _language_notes:
            language_notes_item = LanguageNoteView.from_dict(language_notes_item_data)

            language_notes.append(language_notes_item)

        network_id = UUID(d.pop("network_id"))

        organization_id = UUID(d.pop("organization_id"))

        def _parse_parent_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        state = PostState(d.pop("state"))

        tags = []
        _tags = d.pop("tags")
        for tags_item_data in _tags:
            tags_item = Topic(tags_item_data)

            tags.append(tags_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        post_view = cls(
            author_display_name=author_display_name,
            author_member_id=author_member_id,
            body=body,
            content_note=content_note,
            counts=counts,
            created_at=created_at,
            crisis_flagged=crisis_flagged,
            hidden_reason=hidden_reason,
            id=id,
            kind=kind,
            language_notes=language_notes,
            network_id=network_id,
            organization_id=organization_id,
            parent_id=parent_id,
            state=state,
            tags=tags,
            updated_at=updated_at,
            version=version,
        )

        post_view.additional_properties = d
        return post_view

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
