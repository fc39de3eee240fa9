from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rung_spec import RungSpec


T = TypeVar("T", bound="LadderSpec")


@_attrs_define
class LadderSpec:
    """The rungs, then one more every `then_every_months` months (null: no more).

    Attributes:
        rungs (list[RungSpec]): The milestones, each an amount of time in recovery; no two alike.
        then_every_months (int | None | Unset): After the rungs, one at each multiple of this many months from the start
            (12: 24, 36, 48 ... months), for ever; null: none. Default: 12.
    """

    rungs: list[RungSpec]
    then_every_months: int | None | Unset = 12

    def to_dict(self) -> dict[str, Any]:
        rungs = []
        for rungs_item_data in self.rungs:
            rungs_item = rungs_item_data.to_dict()
            rungs.append(rungs_item)

        then_every_months: int | None | Unset
        if isinstance(self.then_every_months, Unset):
            then_every_months = UNSET
        else:
            then_every_months = self.then_every_months

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rungs": rungs,
            }
        )
        if then_every_months is not UNSET:
            field_dict["then_every_months"] = then_every_months

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rung_spec import RungSpec  # noqa: PLC0415

        d = dict(src_dict)
        rungs = []
        _rungs = d.pop("rungs")
        for rungs_item_data in _rungs:
            rungs_item = RungSpec.from_dict(rungs_item_data)

            rungs.append(rungs_item)

        def _parse_then_every_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        then_every_months = _parse_then_every_months(d.pop("then_every_months", UNSET))

        ladder_spec = cls(
            rungs=rungs,
            then_every_months=then_every_months,
        )

        return ladder_spec
