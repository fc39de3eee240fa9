from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.crisis_resource_body import CrisisResourceBody


T = TypeVar("T", bound="ReachOutSettingsUpdate")


@_attrs_define
class ReachOutSettingsUpdate:
    """How long the organization's reach-outs wait for a first answer before they escalate to it (a `now` one no later than
    a `today` one), and the crisis resources that go out with every reach-out it opens.

        Attributes:
            crisis_resources (list[CrisisResourceBody]): Places a person can call at once (such as a national crisis line),
                given by the home organization with every reach-out it opens.
            escalate_now_after_seconds (int): How long a `now` reach-out waits for a first answer before it escalates to the
                home organization (60 s to 12 h; default 600).
            escalate_today_after_seconds (int): How long a `today` reach-out waits for a first answer before it escalates
                (60 s to 12 h, no shorter than for `now`; default 7200).
    """

    crisis_resources: list[CrisisResourceBody]
    escalate_now_after_seconds: int
    escalate_today_after_seconds: int

    def to_dict(self) -> dict[str, Any]:
        crisis_resources = []
        for crisis_resources_item_data in self.crisis_resources:
            crisis_resources_item = crisis_resources_item_data.to_dict()
            crisis_resources.append(crisis_resources_item)

        escalate_now_after_seconds = self.escalate_now_after_seconds

        escalate_today_after_seconds = self.escalate_today_after_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "crisis_resources": crisis_resources,
                "escalate_now_after_seconds": escalate_now_after_seconds,
                "escalate_today_after_seconds": escalate_today_after_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.crisis_resource_body import CrisisResourceBody  # noqa: PLC0415

        d = dict(src_dict)
        crisis_resources = []
        _crisis_resources = d.pop("crisis_resources")
        for crisis_resources_item_data in _crisis_resources:
            crisis_resources_item = CrisisResourceBody.from_dict(crisis_resources_item_data)

            crisis_resources.append(crisis_resources_item)

        escalate_now_after_seconds = d.pop("escalate_now_after_seconds")

        escalate_today_after_seconds = d.pop("escalate_today_after_seconds")

        reach_out_settings_update = cls(
            crisis_resources=crisis_resources,
            escalate_now_after_seconds=escalate_now_after_seconds,
            escalate_today_after_seconds=escalate_today_after_seconds,
        )

        return reach_out_settings_update
