from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.referral_status import ReferralStatus
from ..models.urgency import Urgency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.disclosure_notice_view import DisclosureNoticeView


T = TypeVar("T", bound="ReferralView")


@_attrs_define
class ReferralView:
    """A referral as either side sees it. `allowed_transitions`: what the caller may move it to now. `external_ref` is the
    sender's own reference and shows to the sender only. The person referred (`member_id`) and the `reason` are the
    member's data: the receiver sees them only while a consent from the member to it is in force (null otherwise), and
    each read that shows them is recorded in the member's accounting of disclosures.

        Attributes:
            allowed_transitions (list[ReferralStatus]): The statuses the caller may move the referral to now.
            answer_by (datetime.datetime): When an unanswered referral expires.
            consent_id (UUID):
            created_at (datetime.datetime):
            external_ref (None | str): The sender's own identifier for it; null to the receiver.
            id (UUID): The object's id, a UUIDv7 (time-ordered).
            member_id (None | UUID): The member's data: the receiver sees it only while a consent from the member to it is
                in force (null otherwise), and each read that shows it is in the member's accounting of disclosures.
            network_id (None | UUID):
            reason (None | str): The member's data: the receiver sees it only while a consent from the member to it is in
                force (null otherwise), and each read that shows it is in the member's accounting of disclosures.
            receiver_organization_id (UUID): The organization asked to take the person on.
            sender_organization_id (UUID): The organization that made the referral: the member's home organization.
            status (ReferralStatus):
            updated_at (datetime.datetime):
            urgency (Urgency): FHIR request priority.
            version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
                and `If-Match` takes it where a change needs it.
            disclosure (DisclosureNoticeView | None | Unset): Set when this answer carries data about another organization's
                member, under that member's consent: the notice 42 CFR 2.32 requires to travel with it, and the consents it
                rests on. Null when nothing of another organization's member is shown (always on the home organization's own
                reads).
    """

    allowed_transitions: list[ReferralStatus]
    answer_by: datetime.datetime
    consent_id: UUID
    created_at: datetime.datetime
    external_ref: None | str
    id: UUID
    member_id: None | UUID
    network_id: None | UUID
    reason: None | str
    receiver_organization_id: UUID
    sender_organization_id: UUID
    status: ReferralStatus
    updated_at: datetime.datetime
    urgency: Urgency
    version: int
    disclosure: DisclosureNoticeView | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415

        allowed_transitions = []
        for allowed_transitions_item_data in self.allowed_transitions:
            allowed_transitions_item = allowed_transitions_item_data.value
            allowed_transitions.append(allowed_transitions_item)

        answer_by = self.answer_by.isoformat()

        consent_id = str(self.consent_id)

        created_at = self.created_at.isoformat()

        external_ref: None | str
        external_ref = self.external_ref

        id = str(self.id)

        member_id: None | str
        if isinstance(self.member_id, UUID):
            member_id = str(self.member_id)
        else:
            member_id = self.member_id

        network_id: None | str
        if isinstance(self.network_id, UUID):
            network_id = str(self.network_id)
        else:
            network_id = self.network_id

        reason: None | str
        reason = self.reason

        receiver_organization_id = str(self.receiver_organization_id)

        sender_organization_id = str(self.sender_organization_id)

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        urgency = self.urgency.value

        version = self.version

        disclosure: dict[str, Any] | None | Unset
        if isinstance(self.disclosure, Unset):
            disclosure = UNSET
        elif isinstance(self.disclosure, DisclosureNoticeView):
            disclosure = self.disclosure.to_dict()
        else:
            disclosure = self.disclosure

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed_transitions": allowed_transitions,
                "answer_by": answer_by,
                "consent_id": consent_id,
                "created_at": created_at,
                "external_ref": external_ref,
                "id": id,
                "member_id": member_id,
                "network_id": network_id,
                "reason": reason,
                "receiver_organization_id": receiver_organization_id,
                "sender_organization_id": sender_organization_id,
                "status": status,
                "updated_at": updated_at,
                "urgency": urgency,
                "version": version,
            }
        )
        if disclosure is not UNSET:
            field_dict["disclosure"] = disclosure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415

        d = dict(src_dict)
        allowed_transitions = []
        _allowed_transitions = d.pop("allowed_transitions")
        for allowed_transitions_item_data in _allowed_transitions:
            allowed_transitions_item = ReferralStatus(allowed_transitions_item_data)

            allowed_transitions.append(allowed_transitions_item)

        answer_by = datetime.datetime.fromisoformat(d.pop("answer_by"))

        consent_id = UUID(d.pop("consent_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        id = UUID(d.pop("id"))

        def _parse_member_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                member_id_type_0 = UUID(data)

                return member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        member_id = _parse_member_id(d.pop("member_id"))

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

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        receiver_organization_id = UUID(d.pop("receiver_organization_id"))

        sender_organization_id = UUID(d.pop("sender_organization_id"))

        status = ReferralStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        urgency = Urgency(d.pop("urgency"))

        version = d.pop("version")

        def _parse_disclosure(data: object) -> DisclosureNoticeView | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                disclosure_type_0 = DisclosureNoticeView.from_dict(data)

                return disclosure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DisclosureNoticeView | None | Unset, data)

        disclosure = _parse_disclosure(d.pop("disclosure", UNSET))

        referral_view = cls(
            allowed_transitions=allowed_transitions,
            answer_by=answer_by,
            consent_id=consent_id,
            created_at=created_at,
            external_ref=external_ref,
            id=id,
            member_id=member_id,
            network_id=network_id,
            reason=reason,
            receiver_organization_id=receiver_organization_id,
            sender_organization_id=sender_organization_id,
            status=status,
            updated_at=updated_at,
            urgency=urgency,
            version=version,
            disclosure=disclosure,
        )

        referral_view.additional_properties = d
        return referral_view

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
