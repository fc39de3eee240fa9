from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReachOutClose")


@_attrs_define
class ReachOutClose:
    """
    Attributes:
        outcome (str): How it ended: `supported`, `no_longer_needed`, `referred` or `emergency_services`.
    """

    outcome: str

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = d.pop("outcome")

        reach_out_close = cls(
            outcome=outcome,
        )

        return reach_out_close
