from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.crisis_resource_body import CrisisResourceBody


T = TypeVar("T", bound="ReachOutSettingsView")


@_attrs_define
class ReachOutSettingsView:
    """The organization's escalation windows (defaults 600 s for `now`, 7200 s for `today`) and crisis resources (none
    until it sets them). `version` 0: never set.

        Attributes:
            crisis_resources (list[CrisisResourceBody]): Places a person can call at once (such as a national crisis line),
                given by the home organization with every reach-out it opens.
            escalate_now_after_seconds (int): How long a `now` reach-out waits for a first answer before it escalates to the
                home organization (60 s to 12 h; default 600).
            escalate_today_after_seconds (int): How long a `today` reach-out waits for a first answer before it escalates
                (60 s to 12 h, no shorter than for `now`; default 7200).
            version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
                and `If-Match` takes it where a change needs it.
    """

    crisis_resources: list[CrisisResourceBody]
    escalate_now_after_seconds: int
    escalate_today_after_seconds: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        crisis_resources = []
        for crisis_resources_item_data in self.crisis_resources:
            crisis_resources_item = crisis_resources_item_data.to_dict()
            crisis_resources.append(crisis_resources_item)

        escalate_now_after_seconds = self.escalate_now_after_seconds

        escalate_today_after_seconds = self.escalate_today_after_seconds

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "crisis_resources": crisis_resources,
                "escalate_now_after_seconds": escalate_now_after_seconds,
                "escalate_today_after_seconds": escalate_today_after_seconds,
                "version": version,
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

        version = d.pop("version")

        reach_out_settings_view = cls(
            crisis_resources=crisis_resources,
            escalate_now_after_seconds=escalate_now_after_seconds,
            escalate_today_after_seconds=escalate_today_after_seconds,
            version=version,
        )

        reach_out_settings_view.additional_properties = d
        return reach_out_settings_view

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
