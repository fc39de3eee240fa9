from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ApiKeyData")


@_attrs_define
class ApiKeyData:
    """
    Attributes:
        api_key_id (UUID):
        scopes (list[str]): Scope names, sorted.
    """

    api_key_id: UUID
    scopes: list[str]

    def to_dict(self) -> dict[str, Any]:
        api_key_id = str(self.api_key_id)

        scopes = self.scopes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "api_key_id": api_key_id,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        api_key_id = UUID(d.pop("api_key_id"))

        scopes = cast(list[str], d.pop("scopes"))

        api_key_data = cls(
            api_key_id=api_key_id,
            scopes=scopes,
        )

        return api_key_data
