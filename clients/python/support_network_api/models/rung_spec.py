from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.unit import Unit

T = TypeVar("T", bound="RungSpec")


@_attrs_define
class RungSpec:
    """
    Attributes:
        amount (int): How many units after the start of recovery.
        unit (Unit):
    """

    amount: int
    unit: Unit

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        unit = self.unit.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        unit = Unit(d.pop("unit"))

        rung_spec = cls(
            amount=amount,
            unit=unit,
        )

        return rung_spec
