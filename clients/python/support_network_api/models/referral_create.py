from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.urgency import Urgency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consent_create import ConsentCreate
    from ..models.member_create import MemberCreate


T = TypeVar("T", bound="ReferralCreate")


@_attrs_define
class ReferralCreate:
    """The person: `member_id` (one of the caller's members) or `member` (a new pseudonymous one). The consent that allows
    the referral: `consent_id` (already recorded, to the receiving organization) or `consent` (recorded with the
    referral; its recipient is the receiving organization). A consent with `end_event: referral_closed` ends when the
    referral does.

        Attributes:
            reason (str): Why, in words, as the caller gave it.
            receiver_organization_id (UUID): The organization asked to take the person on.
            consent (ConsentCreate | None | Unset): A consent to the receiver, recorded with the referral; give this or
                `consent_id`.
            consent_id (None | Unset | UUID): A consent recorded before, to the receiver; give this or `consent`.
            external_ref (None | str | Unset): The home organization's own id for the person; unique per organization.
            member (MemberCreate | None | Unset): A new member to create for the referral (pseudonymous is fine); give this
                or `member_id`.
            member_id (None | Unset | UUID): One of the caller's members; give this or `member`.
            network_id (None | Unset | UUID): A network both organizations take part in: accepting the referral makes the
                person an active member of it.
            urgency (Urgency | Unset): FHIR request priority.
    """

    reason: str
    receiver_organization_id: UUID
    consent: ConsentCreate | None | Unset = UNSET
    consent_id: None | Unset | UUID = UNSET
    external_ref: None | str | Unset = UNSET
    member: MemberCreate | None | Unset = UNSET
    member_id: None | Unset | UUID = UNSET
    network_id: None | Unset | UUID = UNSET
    urgency: Urgency | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.consent_create import ConsentCreate  # noqa: PLC0415
        from ..models.member_create import MemberCreate  # noqa: PLC0415

        reason = self.reason

        receiver_organization_id = str(self.receiver_organization_id)

        consent: dict[str, Any] | None | Unset
        if isinstance(self.consent, Unset):
            consent = UNSET
        elif isinstance(self.consent, ConsentCreate):
            consent = self.consent.to_dict()
        else:
            consent = self.consent

        consent_id: None | str | Unset
        if isinstance(self.consent_id, Unset):
            consent_id = UNSET
        elif isinstance(self.consent_id, UUID):
            consent_id = str(self.consent_id)
        else:
            consent_id = self.consent_id

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        member: dict[str, Any] | None | Unset
        if isinstance(self.member, Unset):
            member = UNSET
        elif isinstance(self.member, MemberCreate):
            member = self.member.to_dict()
        else:
            member = self.member

        member_id: None | str | Unset
        if isinstance(self.member_id, Unset):
            member_id = UNSET
        elif isinstance(self.member_id, UUID):
            member_id = str(self.member_id)
        else:
            member_id = self.member_id

        network_id: None | str | Unset
        if isinstance(self.network_id, Unset):
            network_id = UNSET
        elif isinstance(self.network_id, UUID):
            network_id = str(self.network_id)
        else:
            network_id = self.network_id

        urgency: str | Unset = UNSET
        if not isinstance(self.urgency, Unset):
            urgency = self.urgency.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "receiver_organization_id": receiver_organization_id,
            }
        )
        if consent is not UNSET:
            field_dict["consent"] = consent
        if consent_id is not UNSET:
            field_dict["consent_id"] = consent_id
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if member is not UNSET:
            field_dict["member"] = member
        if member_id is not UNSET:
            field_dict["member_id"] = member_id
        if network_id is not UNSET:
            field_dict["network_id"] = network_id
        if urgency is not UNSET:
            field_dict["urgency"] = urgency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_create import ConsentCreate  # noqa: PLC0415
        from ..models.member_create import MemberCreate  # noqa: PLC0415

        d = dict(src_dict)
        reason = d.pop("reason")

        receiver_organization_id = UUID(d.pop("receiver_organization_id"))

        def _parse_consent(data: object) -> ConsentCreate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                consent_type_0 = ConsentCreate.from_dict(data)

                return consent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsentCreate | None | Unset, data)

        consent = _parse_consent(d.pop("consent", UNSET))

        def _parse_consent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_id_type_0 = UUID(data)

                return consent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        consent_id = _parse_consent_id(d.pop("consent_id", UNSET))

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        def _parse_member(data: object) -> MemberCreate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                member_type_0 = MemberCreate.from_dict(data)

                return member_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MemberCreate | None | Unset, data)

        member = _parse_member(d.pop("member", UNSET))

        def _parse_member_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                member_id_type_0 = UUID(data)

                return member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        member_id = _parse_member_id(d.pop("member_id", UNSET))

        def _parse_network_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                network_id_type_0 = UUID(data)

                return network_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        network_id = _parse_network_id(d.pop("network_id", UNSET))

        _urgency = d.pop("urgency", UNSET)
        urgency: Urgency | Unset
        if isinstance(_urgency, Unset):
            urgency = UNSET
        else:
            urgency = Urgency(_urgency)

        referral_create = cls(
            reason=reason,
            receiver_organization_id=receiver_organization_id,
            consent=consent,
            consent_id=consent_id,
            external_ref=external_ref,
            member=member,
            member_id=member_id,
            network_id=network_id,
            urgency=urgency,
        )

        return referral_create
