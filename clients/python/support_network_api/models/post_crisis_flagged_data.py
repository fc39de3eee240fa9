from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="PostCrisisFlaggedData")


@_attrs_define
class PostCrisisFlaggedData:
    """
    Attributes:
        kind (str): Which kind it is; the values are listed with its type.
        matched_phrases (list[str]): The crisis phrases the text matched, in the list's order.
        member_id (UUID):
        network_id (UUID):
        post_id (UUID): The post's (or reply's) id.
        version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
            and `If-Match` takes it where a change needs it.
    """

    kind: str
    matched_phrases: list[str]
    member_id: UUID
    network_id: UUID
    post_id: UUID
    version: int

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        matched_phrases = self.matched_phrases

        member_id = str(self.member_id)

        network_id = str(self.network_id)

        post_id = str(self.post_id)

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "matched_phrases": matched_phrases,
                "member_id": member_id,
                "network_id": network_id,
                "post_id": post_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        matched_phrases = cast(list[str], d.pop("matched_phrases"))

        member_id = UUID(d.pop("member_id"))

        network_id = UUID(d.pop("network_id"))

        post_id = UUID(d.pop("post_id"))

        version = d.pop("version")

        post_crisis_flagged_data = cls(
            kind=kind,
            matched_phrases=matched_phrases,
            member_id=member_id,
            network_id=network_id,
            post_id=post_id,
            version=version,
        )

        return post_crisis_flagged_data
