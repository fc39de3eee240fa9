from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CheerView")


@_attrs_define
class CheerView:
    """A cheer. Its author shows only to the author's own organization.

    Attributes:
        author_member_id (None | UUID): The member who cheered; null to every organization but the author's own.
        created_at (datetime.datetime):
        id (UUID): The object's id, a UUIDv7 (time-ordered).
        message (str):
        milestone_key (str):
    """

    author_member_id: None | UUID
    created_at: datetime.datetime
    id: UUID
    message: str
    milestone_key: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        author_member_id: None | str
        if isinstance(self.author_member_id, UUID):
            author_member_id = str(self.author_member_id)
        else:
            author_member_id = self.author_member_id

        created_at = self.created_at.isoformat()

        id = str(self.id)

        message = self.message

        milestone_key = self.milestone_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "author_member_id": author_member_id,
                "created_at": created_at,
                "id": id,
                "message": message,
                "milestone_key": milestone_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        message = d.pop("message")

        milestone_key = d.pop("milestone_key")

        cheer_view = cls(
            author_member_id=author_member_id,
            created_at=created_at,
            id=id,
            message=message,
            milestone_key=milestone_key,
        )

        cheer_view.additional_properties = d
        return cheer_view

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
