from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.outcome import Outcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckInCreate")


@_attrs_define
class CheckInCreate:
    """`period`: `YYYY-MM-DD` (daily), `YYYY-Www` (weekly, ISO week) or `once`. A second check-in for a period needs
    `correction: true`; the replaced one stays in the history.

        Attributes:
            outcome (Outcome):
            period (str): Which period the check-in is for: `YYYY-MM-DD` (daily), `YYYY-Www` (weekly, ISO week) or `once`.
            correction (bool | Unset): True to replace an existing check-in for the same period (the replaced one stays in
                the history, with `superseded_at`). Default: False.
            note (None | str | Unset): Free text for people, never interpreted by the service.
    """

    outcome: Outcome
    period: str
    correction: bool | Unset = False
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        period = self.period

        correction = self.correction

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
                "period": period,
            }
        )
        if correction is not UNSET:
            field_dict["correction"] = correction
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = Outcome(d.pop("outcome"))

        period = d.pop("period")

        correction = d.pop("correction", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        check_in_create = cls(
            outcome=outcome,
            period=period,
            correction=correction,
            note=note,
        )

        return check_in_create
