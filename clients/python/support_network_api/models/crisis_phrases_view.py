from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CrisisPhrasesView")


@_attrs_define
class CrisisPhrasesView:
    """The phrases that flag a post or reply by one of the organization's members (`post.crisis_flagged`, to the
    organization, so that a person can reach out at once). A flag never hides or blocks what someone wrote. Matching
    takes whole words, and ignores case, curly apostrophes and runs of spaces.

        Attributes:
            default (bool): True while the organization uses the documented default list; false once it has set its own.
            phrases (list[str]): The phrases, in the order given.
    """

    default: bool
    phrases: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        default = self.default

        phrases = self.phrases

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "default": default,
                "phrases": phrases,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        default = d.pop("default")

        phrases = cast(list[str], d.pop("phrases"))

        crisis_phrases_view = cls(
            default=default,
            phrases=phrases,
        )

        crisis_phrases_view.additional_properties = d
        return crisis_phrases_view

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
