from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DisclosureNoticeView")


@_attrs_define
class DisclosureNoticeView:
    """Data about another organization's member, disclosed under 42 CFR Part 2: the notice (42 CFR 2.32), the consents that
    allowed it (readable by the recipient at `/v1/consents/{id}`) and the HL7 DS4P security labels (`42CFRPart2`: the
    policy, `R`: restricted, `NORDSCLCD`: no redisclosure without consent). Null on the member's home organization's own
    reads.

        Attributes:
            consent_ids (list[UUID]): The consents the disclosure rested on.
            notice (str): The notice that must accompany the data (42 CFR 2.32).
            security_labels (list[str]): HL7 security labels of the data: 42 CFR Part 2, restricted, no redisclosure without
                consent.
    """

    consent_ids: list[UUID]
    notice: str
    security_labels: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consent_ids = []
        for consent_ids_item_data in self.consent_ids:
            consent_ids_item = str(consent_ids_item_data)
            consent_ids.append(consent_ids_item)

        notice = self.notice

        security_labels = self.security_labels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consent_ids": consent_ids,
                "notice": notice,
                "security_labels": security_labels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consent_ids = []
        _consent_ids = d.pop("consent_ids")
        for consent_ids_item_data in _consent_ids:
            consent_ids_item = UUID(consent_ids_item_data)

            consent_ids.append(consent_ids_item)

        notice = d.pop("notice")

        security_labels = cast(list[str], d.pop("security_labels"))

        disclosure_notice_view = cls(
            consent_ids=consent_ids,
            notice=notice,
            security_labels=security_labels,
        )

        disclosure_notice_view.additional_properties = d
        return disclosure_notice_view

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
