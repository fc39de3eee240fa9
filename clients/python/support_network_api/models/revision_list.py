from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.revision_view import RevisionView


T = TypeVar("T", bound="RevisionList")


@_attrs_define
class RevisionList:
    """What a post said before each edit, newest first (the latest 100).

    Attributes:
        data (list[RevisionView]): The items of this page, in the list's order.
        post_id (UUID): The post's (or reply's) id.
    """

    data: list[RevisionView]
    post_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        post_id = str(self.post_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "post_id": post_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.revision_view import RevisionView  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = RevisionView.from_dict(data_item_data)

            data.append(data_item)

        post_id = UUID(d.pop("post_id"))

        revision_list = cls(
            data=data,
            post_id=post_id,
        )

        revision_list.additional_properties = d
        return revision_list

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
