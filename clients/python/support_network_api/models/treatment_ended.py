from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.consent_view import ConsentView


T = TypeVar("T", bound="TreatmentEnded")


@_attrs_define
class TreatmentEnded:
    """The consents that ended because the member's treatment did.

    Attributes:
        ended_consents (list[ConsentView]): The consents that ended with the treatment.
        member_id (UUID):
    """

    ended_consents: list[ConsentView]
    member_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ended_consents = []
        for ended_consents_item_data in self.ended_consents:
            ended_consents_item = ended_consents_item_data.to_dict()
            ended_consents.append(ended_consents_item)

        member_id = str(self.member_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ended_consents": ended_consents,
                "member_id": member_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_view import ConsentView  # noqa: PLC0415

        d = dict(src_dict)
        ended_consents = []
        _ended_consents = d.pop("ended_consents")
        for ended_consents_item_data in _ended_consents:
            ended_consents_item = ConsentView.from_dict(ended_consents_item_data)

            ended_consents.append(ended_consents_item)

        member_id = UUID(d.pop("member_id"))

        treatment_ended = cls(
            ended_consents=ended_consents,
            member_id=member_id,
        )

        treatment_ended.additional_properties = d
        return treatment_ended

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
