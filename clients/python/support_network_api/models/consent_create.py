from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.consent_create_participant_class_type_1 import (
    ConsentCreateParticipantClassType1,
)
from ..models.consent_create_participant_class_type_2_type_1 import (
    ConsentCreateParticipantClassType2Type1,
)
from ..models.consent_create_participant_class_type_3_type_1 import (
    ConsentCreateParticipantClassType3Type1,
)
from ..models.consent_type import ConsentType
from ..models.data_scope import DataScope
from ..models.end_event import EndEvent
from ..models.purpose_code import PurposeCode
from ..models.recipient_class import RecipientClass
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consent_form import ConsentForm
    from ..models.data_period import DataPeriod
    from ..models.signature import Signature


T = TypeVar("T", bound="ConsentCreate")


@_attrs_define
class ConsentCreate:
    """Every element 42 CFR 2.31 requires. A missing one is a 400 naming it; one that breaks a rule the schema cannot state
    (recipients that do not fit together, an expiry in the past, statements the recipient needs) is a 422 naming it. The
    recipients are `recipient_organization_id` or `recipient_class`; the expiry is `expires_on` or `end_event` (a `tpo`
    consent may have neither).

        Attributes:
            form (ConsentForm): The signed form: its version, and the statements it contains (42 CFR 2.31: the right to
                revoke and how, conditioning, redisclosure; the HIPAA redisclosure statement when the recipient is a covered
                entity, such as a clinic).
            information (str): What may be disclosed, in words, as it stands on the form.
            patient_name (str): The member's name as it stands on the signed form. The home organization's only: never shown
                to a recipient, and blanked by erasure.
            purpose (str): The purpose in words, as it stands on the signed form.
            purpose_code (PurposeCode): The purpose of the disclosure, coded (FHIR Consent.provision.purpose, HL7
                PurposeOfUse:
                    TREAT, HPAYMT, HOPERAT, PATRQT, HRESCH); the consent's `purpose` says it in words.
            recorded_by (str): Who entered the consent here, for the record. Null to the recipient.
            scopes (list[DataScope]): The kinds of data (for a consent) or of operation (for a key) it covers.
            signature (Signature): 42 CFR 2.31 asks for a written consent: signed on paper (`written`) or electronically
                (`electronic`), by whom, when, and in what capacity; a hash of the signed document, if one is kept.
            consent_type (ConsentType | Unset): `specific`: to a named recipient for a stated purpose. `tpo`: a single
                consent for all
                    future uses for treatment, payment and health care operations (42 CFR 2.33(a)(2)), in force
                    until revoked in writing, so it may carry no expiry.
            data_period (DataPeriod | None | Unset): The period the disclosed data may come from; absent: any.
            end_event (EndEvent | None | Unset): The event that ends the consent instead of a date: `treatment_ended` (when
                the home organization says so) or `referral_closed` (with the last referral resting on it).
            expires_on (datetime.date | None | Unset): The last day the consent is in force, in the member's time zone. Give
                this or `end_event` (a `tpo` consent may have neither).
            participant_class (ConsentCreateParticipantClassType1 | ConsentCreateParticipantClassType2Type1 |
                ConsentCreateParticipantClassType3Type1 | None | Unset): Through an intermediary: its participants with a
                treating provider relationship with the member (clinics taking part in the member's circle, as for
                `recipient_class`).
            participant_organization_ids (list[UUID] | None | Unset): Through an intermediary: the participants that may
                receive the data, by name (each taking part in it now). Or `participant_class`.
            recipient_class (None | RecipientClass | Unset): Instead of a named organization, a class of them, decided at
                each read: `supporting_organizations` (every organization taking part in an active circle around the member that
                the member's home organization created, the member still active in it) or `treating_providers` (those of them
                that are clinics).
            recipient_organization_id (None | Unset | UUID): The organization that receives the data (an intermediary, if of
                that kind: then name its participants too). Give this or `recipient_class`.
    """

    form: ConsentForm
    information: str
    patient_name: str
    purpose: str
    purpose_code: PurposeCode
    recorded_by: str
    scopes: list[DataScope]
    signature: Signature
    consent_type: ConsentType | Unset = UNSET
    data_period: DataPeriod | None | Unset = UNSET
    end_event: EndEvent | None | Unset = UNSET
    expires_on: datetime.date | None | Unset = UNSET
    participant_class: (
        ConsentCreateParticipantClassType1
        | ConsentCreateParticipantClassType2Type1
        | ConsentCreateParticipantClassType3Type1
        | None
        | Unset
    ) = UNSET
    participant_organization_ids: list[UUID] | None | Unset = UNSET
    recipient_class: None | RecipientClass | Unset = UNSET
    recipient_organization_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.data_period import DataPeriod  # noqa: PLC0415

        form = self.form.to_dict()

        information = self.information

        patient_name = self.patient_name

        purpose = self.purpose

        purpose_code = self.purpose_code.value

        recorded_by = self.recorded_by

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        signature = self.signature.to_dict()

        consent_type: str | Unset = UNSET
        if not isinstance(self.consent_type, Unset):
            consent_type = self.consent_type.value

        data_period: dict[str, Any] | None | Unset
        if isinstance(self.data_period, Unset):
            data_period = UNSET
        elif isinstance(self.data_period, DataPeriod):
            data_period = self.data_period.to_dict()
        else:
            data_period = self.data_period

        end_event: None | str | Unset
        if isinstance(self.end_event, Unset):
            end_event = UNSET
        elif isinstance(self.end_event, EndEvent):
            end_event = self.end_event.value
        else:
            end_event = self.end_event

        expires_on: None | str | Unset
        if isinstance(self.expires_on, Unset):
            expires_on = UNSET
        elif isinstance(self.expires_on, datetime.date):
            expires_on = self.expires_on.isoformat()
        else:
            expires_on = self.expires_on

        participant_class: None | str | Unset
        if isinstance(self.participant_class, Unset):
            participant_class = UNSET
        elif isinstance(self.participant_class, ConsentCreateParticipantClassType1):
            participant_class = self.participant_class.value
        elif isinstance(self.participant_class, ConsentCreateParticipantClassType2Type1):
            participant_class = self.participant_class.value
        elif isinstance(self.participant_class, ConsentCreateParticipantClassType3Type1):
            participant_class = self.participant_class.value
        else:
            participant_class = self.participant_class

        participant_organization_ids: list[str] | None | Unset
        if isinstance(self.participant_organization_ids, Unset):
            participant_organization_ids = UNSET
        elif isinstance(self.participant_organization_ids, list):
            participant_organization_ids = []
            for participant_organization_ids_type_0_item_data in self.participant_organization_ids:
                participant_organization_ids_type_0_item = str(
                    participant_organization_ids_type_0_item_data
                )
                participant_organization_ids.append(participant_organization_ids_type_0_item)

        else:
            participant_organization_ids = self.participant_organization_ids

        recipient_class: None | str | Unset
        if isinstance(self.recipient_class, Unset):
            recipient_class = UNSET
        elif isinstance(self.recipient_class, RecipientClass):
            recipient_class = self.recipient_class.value
        else:
            recipient_class = self.recipient_class

        recipient_organization_id: None | str | Unset
        if isinstance(self.recipient_organization_id, Unset):
            recipient_organization_id = UNSET
        elif isinstance(self.recipient_organization_id, UUID):
            recipient_organization_id = str(self.recipient_organization_id)
        else:
            recipient_organization_id = self.recipient_organization_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "form": form,
                "information": information,
                "patient_name": patient_name,
                "purpose": purpose,
                "purpose_code": purpose_code,
                "recorded_by": recorded_by,
                "scopes": scopes,
                "signature": signature,
            }
        )
        if consent_type is not UNSET:
            field_dict["consent_type"] = consent_type
        if data_period is not UNSET:
            field_dict["data_period"] = data_period
        if end_event is not UNSET:
            field_dict["end_event"] = end_event
        if expires_on is not UNSET:
            field_dict["expires_on"] = expires_on
        if participant_class is not UNSET:
            field_dict["participant_class"] = participant_class
        if participant_organization_ids is not UNSET:
            field_dict["participant_organization_ids"] = participant_organization_ids
        if recipient_class is not UNSET:
            field_dict["recipient_class"] = recipient_class
        if recipient_organization_id is not UNSET:
            field_dict["recipient_organization_id"] = recipient_organization_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_form import ConsentForm  # noqa: PLC0415
        from ..models.data_period import DataPeriod  # noqa: PLC0415
        from ..models.signature import Signature  # noqa: PLC0415

        d = dict(src_dict)
        form = ConsentForm.from_dict(d.pop("form"))

        information = d.pop("information")

        patient_name = d.pop("patient_name")

        purpose = d.pop("purpose")

        purpose_code = PurposeCode(d.pop("purpose_code"))

        recorded_by = d.pop("recorded_by")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = DataScope(scopes_item_data)

            scopes.append(scopes_item)

        signature = Signature.from_dict(d.pop("signature"))

        _consent_type = d.pop("consent_type", UNSET)
        consent_type: ConsentType | Unset
        if isinstance(_consent_type, Unset):
            consent_type = UNSET
        else:
            consent_type = ConsentType(_consent_type)

        def _parse_data_period(data: object) -> DataPeriod | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_period_type_0 = DataPeriod.from_dict(data)

                return data_period_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DataPeriod | None | Unset, data)

        data_period = _parse_data_period(d.pop("data_period", UNSET))

        def _parse_end_event(data: object) -> EndEvent | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_event_type_0 = EndEvent(data)

                return end_event_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EndEvent | None | Unset, data)

        end_event = _parse_end_event(d.pop("end_event", UNSET))

        def _parse_expires_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_on_type_0 = datetime.date.fromisoformat(data)

                return expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expires_on = _parse_expires_on(d.pop("expires_on", UNSET))

        def _parse_participant_class(
            data: object,
        ) -> (
            ConsentCreateParticipantClassType1
            | ConsentCreateParticipantClassType2Type1
            | ConsentCreateParticipantClassType3Type1
            | None
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participant_class_type_1 = ConsentCreateParticipantClassType1(data)

                return participant_class_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participant_class_type_2_type_1 = ConsentCreateParticipantClassType2Type1(data)

                return participant_class_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participant_class_type_3_type_1 = ConsentCreateParticipantClassType3Type1(data)

                return participant_class_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ConsentCreateParticipantClassType1
                | ConsentCreateParticipantClassType2Type1
                | ConsentCreateParticipantClassType3Type1
                | None
                | Unset,
                data,
            )

        participant_class = _parse_participant_class(d.pop("participant_class", UNSET))

        def _parse_participant_organization_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                participant_organization_ids_type_0 = []
                _participant_organization_ids_type_0 = data
                for (
                    participant_organization_ids_type_0_item_data
                ) in _participant_organization_ids_type_0:
                    participant_organization_ids_type_0_item = UUID(
                        participant_organization_ids_type_0_item_data
                    )

                    participant_organization_ids_type_0.append(
                        participant_organization_ids_type_0_item
                    )

                return participant_organization_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        participant_organization_ids = _parse_participant_organization_ids(
            d.pop("participant_organization_ids", UNSET)
        )

        def _parse_recipient_class(data: object) -> None | RecipientClass | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recipient_class_type_0 = RecipientClass(data)

                return recipient_class_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecipientClass | Unset, data)

        recipient_class = _parse_recipient_class(d.pop("recipient_class", UNSET))

        def _parse_recipient_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recipient_organization_id_type_0 = UUID(data)

                return recipient_organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        recipient_organization_id = _parse_recipient_organization_id(
            d.pop("recipient_organization_id", UNSET)
        )

        consent_create = cls(
            form=form,
            information=information,
            patient_name=patient_name,
            purpose=purpose,
            purpose_code=purpose_code,
            recorded_by=recorded_by,
            scopes=scopes,
            signature=signature,
            consent_type=consent_type,
            data_period=data_period,
            end_event=end_event,
            expires_on=expires_on,
            participant_class=participant_class,
            participant_organization_ids=participant_organization_ids,
            recipient_class=recipient_class,
            recipient_organization_id=recipient_organization_id,
        )

        return consent_create
