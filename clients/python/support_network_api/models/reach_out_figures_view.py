from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReachOutFiguresView")


@_attrs_define
class ReachOutFiguresView:
    """The caller's reach-outs opened in the period (those that asked `network_id`, if given): how many, how many were
    answered, never answered, escalated; the time to a first answer at the 50th and 90th percentile (nearest rank; null
    with none answered).

        Attributes:
            answered (int): Of those, how many a supporter answered.
            escalated (int): Of those, how many escalated to the home organization.
            network_id (None | UUID):
            opened (int): Reach-outs opened in the period.
            p50_seconds_to_answer (float | None): Half of the answered ones were answered within this (nearest rank); null
                with none answered.
            p90_seconds_to_answer (float | None): Nine in ten of the answered ones were answered within this (nearest rank);
                null with none answered.
            since (datetime.datetime): The start of the period concerned.
            unanswered (int): Of those, how many nobody answered.
            until (datetime.datetime): The end of the period concerned; open when absent.
    """

    answered: int
    escalated: int
    network_id: None | UUID
    opened: int
    p50_seconds_to_answer: float | None
    p90_seconds_to_answer: float | None
    since: datetime.datetime
    unanswered: int
    until: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answered = self.answered

        escalated = self.escalated

        network_id: None | str
        if isinstance(self.network_id, UUID):
            network_id = str(self.network_id)
        else:
            network_id = self.network_id

        opened = self.opened

        p50_seconds_to_answer: float | None
        p50_seconds_to_answer = self.p50_seconds_to_answer

        p90_seconds_to_answer: float | None
        p90_seconds_to_answer = self.p90_seconds_to_answer

        since = self.since.isoformat()

        unanswered = self.unanswered

        until = self.until.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answered": answered,
                "escalated": escalated,
                "network_id": network_id,
                "opened": opened,
                "p50_seconds_to_answer": p50_seconds_to_answer,
                "p90_seconds_to_answer": p90_seconds_to_answer,
                "since": since,
                "unanswered": unanswered,
                "until": until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answered = d.pop("answered")

        escalated = d.pop("escalated")

        def _parse_network_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                network_id_type_0 = UUID(data)

                return network_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        network_id = _parse_network_id(d.pop("network_id"))

        opened = d.pop("opened")

        def _parse_p50_seconds_to_answer(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p50_seconds_to_answer = _parse_p50_seconds_to_answer(d.pop("p50_seconds_to_answer"))

        def _parse_p90_seconds_to_answer(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p90_seconds_to_answer = _parse_p90_seconds_to_answer(d.pop("p90_seconds_to_answer"))

        since = datetime.datetime.fromisoformat(d.pop("since"))

        unanswered = d.pop("unanswered")

        until = datetime.datetime.fromisoformat(d.pop("until"))

        reach_out_figures_view = cls(
            answered=answered,
            escalated=escalated,
            network_id=network_id,
            opened=opened,
            p50_seconds_to_answer=p50_seconds_to_answer,
            p90_seconds_to_answer=p90_seconds_to_answer,
            since=since,
            unanswered=unanswered,
            until=until,
        )

        reach_out_figures_view.additional_properties = d
        return reach_out_figures_view

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
