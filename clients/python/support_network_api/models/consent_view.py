from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consent_status import ConsentStatus
from ..models.consent_type import ConsentType
from ..models.consent_view_participant_class_type_1 import (
    ConsentViewParticipantClassType1,
)
from ..models.consent_view_participant_class_type_2_type_1 import (
    ConsentViewParticipantClassType2Type1,
)
from ..models.consent_view_participant_class_type_3_type_1 import (
    ConsentViewParticipantClassType3Type1,
)
from ..models.data_scope import DataScope
from ..models.end_event import EndEvent
from ..models.purpose_code import PurposeCode
from ..models.recipient_class import RecipientClass

if TYPE_CHECKING:
    from ..models.consent_form import ConsentForm
    from ..models.data_period import DataPeriod
    from ..models.revocation_view import RevocationView
    from ..models.signature_view import SignatureView


T = TypeVar("T", bound="ConsentView")


@_attrs_define
class ConsentView:
    """A consent. The recipient sees it too, less who signed and who recorded it.

    Attributes:
        consent_type (ConsentType): `specific`: to a named recipient for a stated purpose. `tpo`: a single consent for
            all
                future uses for treatment, payment and health care operations (42 CFR 2.33(a)(2)), in force
                until revoked in writing, so it may carry no expiry.
        created_at (datetime.datetime):
        data_period (DataPeriod | None): The period the disclosed data may come from; absent: any.
        end_event (EndEvent | None): The event that ends the consent instead of a date: `treatment_ended` (when the home
            organization says so) or `referral_closed` (with the last referral resting on it).
        expires_at (datetime.datetime | None): The instant the consent stops: the end of `expires_on` in the member's
            time zone.
        expires_on (datetime.date | None): The last day the consent is in force, in the member's time zone. Give this or
            `end_event` (a `tpo` consent may have neither).
        form (ConsentForm | None): The signed form: its version and the statements it contains.
        id (UUID): The object's id, a UUIDv7 (time-ordered).
        information (None | str): What may be disclosed, in words, as it stands on the form.
        member_id (UUID):
        organization_id (UUID): The member's home organization, which recorded it.
        participant_class (ConsentViewParticipantClassType1 | ConsentViewParticipantClassType2Type1 |
            ConsentViewParticipantClassType3Type1 | None): For an intermediary recipient: its participants described instead
            of named (those with a treating provider relationship).
        participant_organization_ids (list[UUID]): For an intermediary recipient: the participants it may pass the data
            to, by name.
        patient_name (None | str): The member's name as it stands on the signed form. The home organization's only:
            never shown to a recipient, and blanked by erasure.
        purpose (str): The purpose in words, as it stands on the signed form.
        purpose_code (None | PurposeCode): The purpose coded: `treatment`, `payment`, `health_care_operations`,
            `patient_request`, `research`.
        recipient_class (None | RecipientClass): A class of recipients instead of one organization, decided at each read
            from what the service knows then.
        recipient_organization_id (None | UUID): The organization that receives (or received) the data.
        recorded_by (None | str): Who entered the consent here, for the record. Null to the recipient.
        restricted_scopes (list[DataScope]): The scopes an agreed restriction takes out of this consent now.
        revocation (None | RevocationView): How the revocation was received; null unless revoked.
        revocation_reason (None | str): Why it was revoked, as the home organization entered it. Null to the recipient.
        revoked_at (datetime.datetime | None): When it was revoked; null while it stands.
        scopes (list[DataScope]): The kinds of data (for a consent) or of operation (for a key) it covers.
        signature (SignatureView): `verbal_witnessed` only on consents recorded before written consent was required.
        status (ConsentStatus):
        version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
            and `If-Match` takes it where a change needs it.
    """

    consent_type: ConsentType
    created_at: datetime.datetime
    data_period: DataPeriod | None
    end_event: EndEvent | None
    expires_at: datetime.datetime | None
    expires_on: datetime.date | None
    form: ConsentForm | None
    id: UUID
    information: None | str
    member_id: UUID
    organization_id: UUID
    participant_class: (
        ConsentViewParticipantClassType1
        | ConsentViewParticipantClassType2Type1
        | ConsentViewParticipantClassType3Type1
        | None
    )
    participant_organization_ids: list[UUID]
    patient_name: None | str
    purpose: str
    purpose_code: None | PurposeCode
    recipient_class: None | RecipientClass
    recipient_organization_id: None | UUID
    recorded_by: None | str
    restricted_scopes: list[DataScope]
    revocation: None | RevocationView
    revocation_reason: None | str
    revoked_at: datetime.datetime | None
    scopes: list[DataScope]
    signature: SignatureView
    status: ConsentStatus
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.consent_form import ConsentForm  # noqa: PLC0415
        from ..models.data_period import DataPeriod  # noqa: PLC0415
        from ..models.revocation_view import RevocationView  # noqa: PLC0415

        consent_type = self.consent_type.value

        created_at = self.created_at.isoformat()

        data_period: dict[str, Any] | None
        if isinstance(self.data_period, DataPeriod):
            data_period = self.data_period.to_dict()
        else:
            data_period = self.data_period

        end_event: None | str
        if isinstance(self.end_event, EndEvent):
            end_event = self.end_event.value
        else:
            end_event = self.end_event

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        expires_on: None | str
        if isinstance(self.expires_on, datetime.date):
            expires_on = self.expires_on.isoformat()
        else:
            expires_on = self.expires_on

        form: dict[str, Any] | None
        if isinstance(self.form, ConsentForm):
            form = self.form.to_dict()
        else:
            form = self.form

        id = str(self.id)

        information: None | str
        information = self.information

        member_id = str(self.member_id)

        organization_id = str(self.organization_id)

        participant_class: None | str
        if isinstance(self.participant_class, ConsentViewParticipantClassType1):
            participant_class = self.participant_class.value
        elif isinstance(self.participant_class, ConsentViewParticipantClassType2Type1):
            participant_class = self.participant_class.value
        elif isinstance(self.participant_class, ConsentViewParticipantClassType3Type1):
            participant_class = self.participant_class.value
        else:
            participant_class = self.participant_class

        participant_organization_ids = []
        for participant_organization_ids_item_data in self.participant_organization_ids:
            participant_organization_ids_item = str(participant_organization_ids_item_data)
            participant_organization_ids.append(participant_organization_ids_item)

        patient_name: None | str
        patient_name = self.patient_name

        purpose = self.purpose

        purpose_code: None | str
        if isinstance(self.purpose_code, PurposeCode):
            purpose_code = self.purpose_code.value
        else:
            purpose_code = self.purpose_code

        recipient_class: None | str
        if isinstance(self.recipient_class, RecipientClass):
            recipient_class = self.recipient_class.value
        else:
            recipient_class = self.recipient_class

        recipient_organization_id: None | str
        if isinstance(self.recipient_organization_id, UUID):
            recipient_organization_id = str(self.recipient_organization_id)
        else:
            recipient_organization_id = self.recipient_organization_id

        recorded_by: None | str
        recorded_by = self.recorded_by

        restricted_scopes = []
        for restricted_scopes_item_data in self.restricted_scopes:
            restricted_scopes_item = restricted_scopes_item_data.value
            restricted_scopes.append(restricted_scopes_item)

        revocation: dict[str, Any] | None
        if isinstance(self.revocation, RevocationView):
            revocation = self.revocation.to_dict()
        else:
            revocation = self.revocation

        revocation_reason: None | str
        revocation_reason = self.revocation_reason

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        signature = self.signature.to_dict()

        status = self.status.value

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consent_type": consent_type,
                "created_at": created_at,
                "data_period": data_period,
                "end_event": end_event,
                "expires_at": expires_at,
                "expires_on": expires_on,
                "form": form,
                "id": id,
                "information": information,
                "member_id": member_id,
                "organization_id": organization_id,
                "participant_class": participant_class,
                "participant_organization_ids": participant_organization_ids,
                "patient_name": patient_name,
                "purpose": purpose,
                "purpose_code": purpose_code,
                "recipient_class": recipient_class,
                "recipient_organization_id": recipient_organization_id,
                "recorded_by": recorded_by,
                "restricted_scopes": restricted_scopes,
                "revocation": revocation,
                "revocation_reason": revocation_reason,
                "revoked_at": revoked_at,
                "scopes": scopes,
                "signature": signature,
                "status": status,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_form import ConsentForm  # noqa: PLC0415
        from ..models.data_period import DataPeriod  # noqa: PLC0415
        from ..models.revocation_view import RevocationView  # noqa: PLC0415
        from ..models.signature_view import SignatureView  # noqa: PLC0415

        d = dict(src_dict)
        consent_type = ConsentType(d.pop("consent_type"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_data_period(data: object) -> DataPeriod | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_period_type_0 = DataPeriod.from_dict(data)

                return data_period_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DataPeriod | None, data)

        data_period = _parse_data_period(d.pop("data_period"))

        def _parse_end_event(data: object) -> EndEvent | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_event_type_0 = EndEvent(data)

                return end_event_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EndEvent | None, data)

        end_event = _parse_end_event(d.pop("end_event"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        def _parse_expires_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_on_type_0 = datetime.date.fromisoformat(data)

                return expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expires_on = _parse_expires_on(d.pop("expires_on"))

        def _parse_form(data: object) -> ConsentForm | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                form_type_0 = ConsentForm.from_dict(data)

                return form_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsentForm | None, data)

        form = _parse_form(d.pop("form"))

        id = UUID(d.pop("id"))

        def _parse_information(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        information = _parse_information(d.pop("information"))

        member_id = UUID(d.pop("member_id"))

        organization_id = UUID(d.pop("organization_id"))

        def _parse_participant_class(
            data: object,
        ) -> (
            ConsentViewParticipantClassType1
            | ConsentViewParticipantClassType2Type1
            | ConsentViewParticipantClassType3Type1
            | None
        ):
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participant_class_type_1 = ConsentViewParticipantClassType1(data)

                return participant_class_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participant_class_type_2_type_1 = ConsentViewParticipantClassType2Type1(data)

                return participant_class_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participant_class_type_3_type_1 = ConsentViewParticipantClassType3Type1(data)

                return participant_class_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ConsentViewParticipantClassType1
                | ConsentViewParticipantClassType2Type1
                | ConsentViewParticipantClassType3Type1
                | None,
                data,
            )

        participant_class = _parse_participant_class(d.pop("participant_class"))

        participant_organization_ids = []
        _participant_organization_ids = d.pop("participant_organization_ids")
        for participant_organization_ids_item_data in _participant_organization_ids:
            participant_organization_ids_item = UUID(participant_organization_ids_item_data)

            participant_organization_ids.append(participant_organization_ids_item)

        def _parse_patient_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        patient_name = _parse_patient_name(d.pop("patient_name"))

        purpose = d.pop("purpose")

        def _parse_purpose_code(data: object) -> None | PurposeCode:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                purpose_code_type_0 = PurposeCode(data)

                return purpose_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PurposeCode, data)

        purpose_code = _parse_purpose_code(d.pop("purpose_code"))

        def _parse_recipient_class(data: object) -> None | RecipientClass:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recipient_class_type_0 = RecipientClass(data)

                return recipient_class_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecipientClass, data)

        recipient_class = _parse_recipient_class(d.pop("recipient_class"))

        def _parse_recipient_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recipient_organization_id_type_0 = UUID(data)

                return recipient_organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        recipient_organization_id = _parse_recipient_organization_id(
            d.pop("recipient_organization_id")
        )

        def _parse_recorded_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by"))

        restricted_scopes = []
        _restricted_scopes = d.pop("restricted_scopes")
        for restricted_scopes_item_data in _restricted_scopes:
            restricted_scopes_item = DataScope(restricted_scopes_item_data)

            restricted_scopes.append(restricted_scopes_item)

        def _parse_revocation(data: object) -> None | RevocationView:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                revocation_type_0 = RevocationView.from_dict(data)

                return revocation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RevocationView, data)

        revocation = _parse_revocation(d.pop("revocation"))

        def _parse_revocation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revocation_reason = _parse_revocation_reason(d.pop("revocation_reason"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = DataScope(scopes_item_data)

            scopes.append(scopes_item)

        signature = SignatureView.from_dict(d.pop("signature"))

        status = ConsentStatus(d.pop("status"))

        version = d.pop("version")

        consent_view = cls(
            consent_type=consent_type,
            created_at=created_at,
            data_period=data_period,
            end_event=end_event,
            expires_at=expires_at,
            expires_on=expires_on,
            form=form,
            id=id,
            information=information,
            member_id=member_id,
            organization_id=organization_id,
            participant_class=participant_class,
            participant_organization_ids=participant_organization_ids,
            patient_name=patient_name,
            purpose=purpose,
            purpose_code=purpose_code,
            recipient_class=recipient_class,
            recipient_organization_id=recipient_organization_id,
            recorded_by=recorded_by,
            restricted_scopes=restricted_scopes,
            revocation=revocation,
            revocation_reason=revocation_reason,
            revoked_at=revoked_at,
            scopes=scopes,
            signature=signature,
            status=status,
            version=version,
        )

        consent_view.additional_properties = d
        return consent_view

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
