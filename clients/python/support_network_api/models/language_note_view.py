from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LanguageNoteView")


@_attrs_define
class LanguageNoteView:
    """A stigmatising term the text uses, and person-first words to consider instead. A suggestion only: nothing is blocked
    or rewritten.

        Attributes:
            suggestion (str): Person-first words to consider instead.
            term (str): The term as found (matched as whole words, ignoring case).
    """

    suggestion: str
    term: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        suggestion = self.suggestion

        term = self.term

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "suggestion": suggestion,
                "term": term,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        suggestion = d.pop("suggestion")

        term = d.pop("term")

        language_note_view = cls(
            suggestion=suggestion,
            term=term,
        )

        language_note_view.additional_properties = d
        return language_note_view

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
