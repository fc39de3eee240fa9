from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="CheerCreate")


@_attrs_define
class CheerCreate:
    """
    Attributes:
        author_member_id (UUID): The member who cheers: a member of a network the milestone's member is in, of the
            caller's organization.
        message (str):
    """

    author_member_id: UUID
    message: str

    def to_dict(self) -> dict[str, Any]:
        author_member_id = str(self.author_member_id)

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "author_member_id": author_member_id,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        author_member_id = UUID(d.pop("author_member_id"))

        message = d.pop("message")

        cheer_create = cls(
            author_member_id=author_member_id,
            message=message,
        )

        return cheer_create
