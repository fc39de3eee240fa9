from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.response_kind import ResponseKind

T = TypeVar("T", bound="ResponseCreate")


@_attrs_define
class ResponseCreate:
    """A supporter's response, given by their organization: one of its members asked by the reach-out (an active supporter
    in a circle it asked).

        Attributes:
            kind (ResponseKind):
            supporter_member_id (UUID): One of the caller's members asked by the reach-out (an active supporter in a circle
                it asked).
    """

    kind: ResponseKind
    supporter_member_id: UUID

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        supporter_member_id = str(self.supporter_member_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "supporter_member_id": supporter_member_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ResponseKind(d.pop("kind"))

        supporter_member_id = UUID(d.pop("supporter_member_id"))

        response_create = cls(
            kind=kind,
            supporter_member_id=supporter_member_id,
        )

        return response_create
