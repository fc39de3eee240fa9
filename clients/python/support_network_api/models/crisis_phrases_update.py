from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="CrisisPhrasesUpdate")


@_attrs_define
class CrisisPhrasesUpdate:
    """The organization's own crisis phrases. They replace the default list (each phrase once, as matching sees it: case
    and spacing do not count).

        Attributes:
            phrases (list[str]): The organization's own phrases, each once: they replace the default list.
    """

    phrases: list[str]

    def to_dict(self) -> dict[str, Any]:
        phrases = self.phrases

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "phrases": phrases,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phrases = cast(list[str], d.pop("phrases"))

        crisis_phrases_update = cls(
            phrases=phrases,
        )

        return crisis_phrases_update
