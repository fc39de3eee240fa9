"""The request and response bodies of consents and of the accounting of disclosures."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

from service.adapters.http.federation_schemas import ShortText
from service.adapters.http.schemas import PRINTABLE, Instant, encode_cursor, parse_instant
from service.adapters.http.views import view_of
from service.domain.accounting import Channel, Disclosure, channel_of, disclosed_in_words
from service.domain.consent import Consent, ConsentStatus, DataScope
from service.domain.consent_form import (
    ConsentType,
    EndEvent,
    PurposeCode,
    RecipientClass,
    RevocationChannel,
    SignatureMethod,
    SignerAuthority,
    Statement,
)
from service.domain.consent_terms import ConsentTerms, RevocationReceived
from service.domain.paging import Page

Purpose = Annotated[str, Meta(min_length=1, max_length=1000, pattern=PRINTABLE)]
Information = Annotated[str, Meta(min_length=1, max_length=1000, pattern=PRINTABLE)]


Reason = Annotated[str, Meta(max_length=1000, pattern=PRINTABLE)]


class NewSignatureMethod(enum.Enum):
    """How a consent given now may be signed. `verbal_witnessed`, which consents recorded
    before written consent was required may show, is not among them: a component of its own so
    that generated clients do not meet two different enums named `SignatureMethod`."""

    WRITTEN = "written"
    ELECTRONIC = "electronic"


class Signature(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """42 CFR 2.31 asks for a written consent: signed on paper (`written`) or electronically
    (`electronic`), by whom, when, and in what capacity; a hash of the signed document, if
    one is kept."""

    method: NewSignatureMethod
    signed_at: datetime
    signed_by: ShortText
    authority: SignerAuthority
    document_sha256: Annotated[str, Meta(pattern="^[0-9a-f]{64}$")] | None = None


class DataPeriod(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The period the disclosed data may come from (FHIR Consent.provision.dataPeriod)."""

    start: date | None = None
    end: date | None = None


class ConsentForm(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The signed form: its version, and the statements it contains (42 CFR 2.31: the right
    to revoke and how, conditioning, redisclosure; the HIPAA redisclosure statement when the
    recipient is a covered entity, such as a clinic)."""

    version: ShortText
    statements: Annotated[list[Statement], Meta(max_length=len(Statement))]


class ConsentCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Every element 42 CFR 2.31 requires. A missing one is a 400 naming it; one that breaks
    a rule the schema cannot state (recipients that do not fit together, an expiry in the
    past, statements the recipient needs) is a 422 naming it. The recipients are
    `recipient_organization_id` or `recipient_class`; the expiry is `expires_on` or
    `end_event` (a `tpo` consent may have neither)."""

    recipient_organization_id: Annotated[
        UUID | None,
        Meta(
            description="The organization that receives the data (an intermediary, if of that "
            "kind: then name its participants too). Give this or `recipient_class`."
        ),
    ] = None
    recipient_class: Annotated[
        RecipientClass | None,
        Meta(
            description="Instead of a named organization, a class of them, decided at each read: "
            "`supporting_organizations` (every organization taking part in an active circle "
            "around the member that the member's home organization created, the member still "
            "active in it) or `treating_providers` (those of them that are clinics)."
        ),
    ] = None
    participant_organization_ids: (
        Annotated[
            list[UUID],
            Meta(
                min_length=1,
                max_length=50,
                description="Through an intermediary: the participants that may receive the "
                "data, by name (each taking part in it now). Or `participant_class`.",
            ),
        ]
        | None
    ) = None
    participant_class: Annotated[
        Literal["treating_providers"] | None,
        Meta(
            description="Through an intermediary: its participants with a treating provider "
            "relationship with the member (clinics taking part in the member's circle, as for "
            "`recipient_class`)."
        ),
    ] = None
    scopes: Annotated[list[DataScope], Meta(min_length=1, max_length=len(DataScope))]
    purpose: Purpose
    signature: Signature
    recorded_by: ShortText
    # The patient's name as it stands on the form: the home organization's only.
    patient_name: ShortText
    information: Information
    purpose_code: PurposeCode
    form: ConsentForm
    expires_on: date | None = None
    end_event: EndEvent | None = None
    consent_type: ConsentType = ConsentType.SPECIFIC
    data_period: DataPeriod | None = None

    def to_domain(self) -> ConsentTerms:
        signature = self.signature
        period = self.data_period or DataPeriod()
        return ConsentTerms(
            consent_type=self.consent_type,
            patient_name=self.patient_name,
            information=self.information,
            data_period_start=period.start,
            data_period_end=period.end,
            purpose_code=self.purpose_code,
            form_version=self.form.version,
            statements=frozenset(self.form.statements),
            signer_authority=signature.authority,
            document_sha256=signature.document_sha256,
            recipient_organization_id=self.recipient_organization_id,
            recipient_class=self.recipient_class,
            participant_organization_ids=frozenset(self.participant_organization_ids or ()),
            participant_class=None
            if self.participant_class is None
            else RecipientClass(self.participant_class),
            scopes=frozenset(self.scopes),
            purpose=self.purpose,
            expires_on=self.expires_on,
            end_event=self.end_event,
            signature_method=SignatureMethod(signature.method.value),
            signed_at=signature.signed_at,
            signed_by=signature.signed_by,
            recorded_by=self.recorded_by,
        )


class TreatmentEnded(msgspec.Struct, kw_only=True):
    """The consents that ended because the member's treatment did."""

    member_id: UUID
    ended_consents: list[ConsentView]


class ConsentRevoke(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """How the revocation reached the organization (42 CFR 2.31(a)(6)): `received_via`
    (`written`, `electronic`, `oral`; default `electronic`), `received_at` (default now) and
    `received_by` (who took it). It takes effect now, whenever it was received."""

    reason: Reason | None = None
    received_via: RevocationChannel = RevocationChannel.ELECTRONIC
    received_at: Instant | None = None
    received_by: ShortText | None = None

    def to_domain(self, key_id: UUID) -> RevocationReceived:
        received_at = parse_instant("received_at", self.received_at)
        return RevocationReceived(
            via=self.received_via, at=received_at, by=self.received_by, key_id=key_id
        )


class RevocationView(msgspec.Struct, kw_only=True):
    """How, when and by whom a revocation was received (who took it: home only)."""

    received_via: RevocationChannel | None
    received_at: datetime | None
    received_by: str | None


class SignatureView(msgspec.Struct, kw_only=True):
    """`verbal_witnessed` only on consents recorded before written consent was required."""

    method: SignatureMethod
    signed_at: datetime
    signed_by: str | None
    authority: SignerAuthority | None
    document_sha256: str | None


class ConsentView(msgspec.Struct, kw_only=True):
    """A consent. The recipient sees it too, less who signed and who recorded it."""

    id: UUID
    member_id: UUID
    organization_id: UUID
    # One of the two: a named organization (an intermediary, with its participants), or a class.
    recipient_organization_id: UUID | None
    recipient_class: RecipientClass | None
    participant_organization_ids: list[UUID]
    participant_class: Literal["treating_providers"] | None
    scopes: list[DataScope]
    purpose: str
    expires_on: date | None
    expires_at: datetime | None
    end_event: EndEvent | None
    signature: SignatureView
    recorded_by: str | None
    status: ConsentStatus
    version: int
    created_at: datetime
    revoked_at: datetime | None
    revocation_reason: str | None
    revocation: RevocationView | None
    consent_type: ConsentType
    restricted_scopes: list[DataScope]
    patient_name: str | None
    information: str | None
    data_period: DataPeriod | None
    purpose_code: PurposeCode | None
    form: ConsentForm | None

    @classmethod
    def of(cls, consent: Consent, viewer: UUID, now: datetime) -> ConsentView:
        home = viewer == consent.organization_id
        return view_of(
            cls,
            consent,
            signature=SignatureView(
                method=consent.signature_method,
                signed_at=consent.signed_at,
                signed_by=consent.signed_by if home else None,
                authority=consent.signer_authority,
                document_sha256=consent.document_sha256,
            ),
            patient_name=consent.patient_name if home else None,
            data_period=None
            if consent.data_period_start is None and consent.data_period_end is None
            else DataPeriod(start=consent.data_period_start, end=consent.data_period_end),
            form=None
            if consent.form_version is None
            else ConsentForm(version=consent.form_version, statements=sorted(consent.statements)),
            recorded_by=consent.recorded_by if home else None,
            status=consent.status(now),
            revocation_reason=consent.revocation_reason if home else None,
            revocation=None
            if consent.revoked_at is None
            else RevocationView(
                received_via=consent.revocation_received_via,
                received_at=consent.revocation_received_at,
                received_by=consent.revocation_received_by if home else None,
            ),
        )


class ConsentList(msgspec.Struct, kw_only=True):
    data: list[ConsentView]
    next_cursor: str | None


class DisclosureView(msgspec.Struct, kw_only=True):
    id: UUID
    member_id: UUID
    recipient_organization_id: UUID
    consent_ids: list[UUID]
    scopes: list[DataScope]
    operation: str
    # This service's id of the request that disclosed (quote it to us).
    request_id: str
    # What the recipient sent as X-Request-ID, as it sent it: the caller's word, not ours.
    client_request_id: str | None
    disclosed_at: datetime
    recipient_name: str | None
    recipient_address: Annotated[
        str | None, Meta(description="The recipient's address, if it gave one.")
    ]
    intermediary_organization_id: Annotated[
        UUID | None,
        Meta(description="The intermediary the data reached the recipient through, if any."),
    ]
    intermediary_name: Annotated[
        str | None, Meta(description="That intermediary's name, as it is now.")
    ]
    purposes: list[str]
    disclosed: Annotated[
        str,
        Meta(
            description="What went, in words a member can read.",
            examples=["name, time zone and contact details; recovery start date and journey"],
        ),
    ]
    channel: Channel
    key_id: Annotated[
        UUID | None,
        Meta(description="The API key that read (null for webhook deliveries and older records)."),
    ]

    @classmethod
    def of(cls, d: Disclosure) -> DisclosureView:
        return view_of(
            cls,
            d,
            disclosed=disclosed_in_words(d),
            channel=channel_of(d.operation),
        )


class DisclosureList(msgspec.Struct, kw_only=True):
    data: list[DisclosureView]
    next_cursor: str | None


def consent_page(page: Page[Consent], viewer: UUID, now: datetime) -> ConsentList:
    return ConsentList(
        data=[ConsentView.of(c, viewer, now) for c in page.items],
        next_cursor=encode_cursor(page.next_after),
    )


def disclosure_page(page: Page[Disclosure]) -> DisclosureList:
    return DisclosureList(
        data=[DisclosureView.of(d) for d in page.items], next_cursor=encode_cursor(page.next_after)
    )
