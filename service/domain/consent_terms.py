"""A consent's life: the terms a grant must state (42 CFR 2.31), and its revocation, expiry
and the events that end it. What a consent in force lets another organization see is
consent.py's."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID

import msgspec

from service.domain.consent import Consent, DataScope
from service.domain.consent_form import (
    REQUIRED_STATEMENTS,
    ConsentType,
    EndEvent,
    PurposeCode,
    RecipientClass,
    RevocationChannel,
    SignatureMethod,
    SignerAuthority,
    Statement,
)
from service.domain.consent_recipients import RecipientFacts, Recipients, check_recipients
from service.domain.errors import InvalidField
from service.domain.local_time import local_midnight
from service.domain.records import next_version


class ConsentTerms(msgspec.Struct, frozen=True, kw_only=True):
    """What a grant must say. Optional here so that a missing element is named in a 422."""

    recipient_organization_id: UUID | None = None
    recipient_class: RecipientClass | None = None
    participant_organization_ids: frozenset[UUID] = frozenset()
    participant_class: RecipientClass | None = None
    scopes: frozenset[DataScope] | None = None
    purpose: str | None = None
    expires_on: date | None = None
    end_event: EndEvent | None = None
    signature_method: SignatureMethod | None = None
    signed_at: datetime | None = None
    signed_by: str | None = None
    recorded_by: str | None = None
    consent_type: ConsentType = ConsentType.SPECIFIC
    patient_name: str | None = None
    information: str | None = None
    data_period_start: date | None = None
    data_period_end: date | None = None
    purpose_code: PurposeCode | None = None
    form_version: str | None = None
    statements: frozenset[Statement] = frozenset()
    signer_authority: SignerAuthority | None = None
    document_sha256: str | None = None


TPO_PURPOSES = frozenset(
    {PurposeCode.TREATMENT, PurposeCode.PAYMENT, PurposeCode.HEALTH_CARE_OPERATIONS}
)

# 42 CFR 2.31: a consent is written, on paper or electronically. Consents recorded before the
# rule was enforced here may still say `verbal_witnessed`; no new one may.
WRITTEN_SIGNATURES = frozenset({SignatureMethod.WRITTEN, SignatureMethod.ELECTRONIC})

# The longest a dated consent may run: a consent is a specific permission, renewed by a new one.
MAX_CONSENT_TERM = timedelta(days=3653)


def expiry_instant(expires_on: date, timezone: str) -> datetime:
    """A consent that expires on a date holds through that whole local day."""
    return local_midnight(expires_on + timedelta(days=1), timezone)


def grant_consent(
    terms: ConsentTerms,
    *,
    consent_id: UUID,
    member_id: UUID,
    member_timezone: str,
    home_organization_id: UUID,
    recorded_by_key_id: UUID,
    now: datetime,
    with_referral: bool = False,
    recipient: RecipientFacts | None = None,
) -> Consent:
    """A consent with every element 42 CFR 2.31 asks for, or InvalidField naming the first
    one missing or wrong. `with_referral`: the consent is made with a referral (only such a
    consent may end when the referral closes); `recipient`: what the service knows of the
    organization the consent names (its kind; an intermediary's participants)."""
    recipients = Recipients(
        organization_id=terms.recipient_organization_id,
        recipient_class=terms.recipient_class,
        participant_organization_ids=terms.participant_organization_ids,
        participant_class=terms.participant_class,
    )
    recipient_is_covered_entity = check_recipients(
        recipients, home_organization_id, recipient or RecipientFacts()
    )
    if not terms.scopes:
        raise InvalidField("scopes", "Name at least one scope of data the consent covers.")
    if terms.purpose is None or not terms.purpose.strip():
        raise InvalidField("purpose", "State the purpose of the disclosure.")
    _check_form(terms, recipient_is_covered_entity)
    # A consent for all future treatment, payment and operations holds until revoked.
    open_ended = terms.consent_type is ConsentType.TPO
    if terms.expires_on is None and terms.end_event is None and not open_ended:
        raise InvalidField("expires_on", "Give an expiry: a date (expires_on) or an end_event.")
    if terms.end_event is EndEvent.REFERRAL_CLOSED and not with_referral:
        # The event could never happen, and the consent would never end.
        raise InvalidField(
            "end_event",
            "Only a consent made with a referral can end when the referral closes; give an "
            "expiry date, or treatment_ended.",
        )
    expires_at = None
    if terms.expires_on is not None:
        if terms.expires_on > now.date() + MAX_CONSENT_TERM:
            raise InvalidField(
                "expires_on", "A consent expires within ten years; record a new one to go on."
            )
        expires_at = expiry_instant(terms.expires_on, member_timezone)
        if expires_at <= now:
            raise InvalidField("expires_on", "The expiry date has already passed.")
    if terms.signature_method is None:
        raise InvalidField("signature_method", "Say how the consent was signed.")
    if terms.signature_method not in WRITTEN_SIGNATURES:
        raise InvalidField(
            "signature_method",
            "42 CFR 2.31 requires a written consent, signed on paper or electronically.",
        )
    if terms.signed_at is None:
        raise InvalidField("signed_at", "Say when the consent was signed.")
    if terms.signed_at > now + timedelta(minutes=5):
        raise InvalidField("signed_at", "The signature cannot be in the future.")
    if terms.signed_by is None or not terms.signed_by.strip():
        raise InvalidField("signed_by", "Say who signed (the member or their representative).")
    if terms.signer_authority is None:
        raise InvalidField("signer_authority", "Say in what capacity the signer signed.")
    if terms.recorded_by is None or not terms.recorded_by.strip():
        raise InvalidField("recorded_by", "Say who recorded the consent.")
    return Consent(
        id=consent_id,
        member_id=member_id,
        organization_id=home_organization_id,
        recipient_organization_id=terms.recipient_organization_id,
        recipient_class=terms.recipient_class,
        participant_organization_ids=terms.participant_organization_ids,
        participant_class=terms.participant_class,
        scopes=terms.scopes,
        purpose=terms.purpose.strip(),
        expires_on=terms.expires_on,
        expires_at=expires_at,
        end_event=terms.end_event,
        signature_method=terms.signature_method,
        signed_at=terms.signed_at,
        signed_by=terms.signed_by.strip(),
        recorded_by=terms.recorded_by.strip(),
        recorded_by_key_id=recorded_by_key_id,
        version=1,
        created_at=now,
        updated_at=now,
        consent_type=terms.consent_type,
        patient_name=(terms.patient_name or "").strip(),
        information=(terms.information or "").strip(),
        data_period_start=terms.data_period_start,
        data_period_end=terms.data_period_end,
        purpose_code=terms.purpose_code,
        form_version=terms.form_version,
        statements=terms.statements,
        signer_authority=terms.signer_authority,
        document_sha256=terms.document_sha256,
    )


def _check_form(terms: ConsentTerms, recipient_is_covered_entity: bool) -> None:
    """The elements of 42 CFR 2.31 beyond recipient, scopes, expiry and signature."""
    if not (terms.patient_name or "").strip():
        raise InvalidField("patient_name", "Give the patient's name as it stands on the form.")
    if not (terms.information or "").strip():
        raise InvalidField(
            "information", "Describe the information to be disclosed, as the form states it."
        )
    start, end = terms.data_period_start, terms.data_period_end
    if start is not None and end is not None and end < start:
        raise InvalidField("data_period", "The data period ends before it starts.")
    if terms.purpose_code is None:
        raise InvalidField("purpose_code", "Code the purpose of the disclosure.")
    if terms.consent_type is ConsentType.TPO and terms.purpose_code not in TPO_PURPOSES:
        raise InvalidField(
            "purpose_code", "A tpo consent is for treatment, payment or health care operations."
        )
    if not terms.form_version:
        raise InvalidField("form_version", "Name the version of the consent form signed.")
    needed = REQUIRED_STATEMENTS | (
        {Statement.HIPAA_REDISCLOSURE} if recipient_is_covered_entity else set()
    )
    missing = sorted(needed - terms.statements)
    if missing:
        raise InvalidField(
            "statements", f"The signed form must state: {', '.join(m.value for m in missing)}."
        )


class RevocationReceived(msgspec.Struct, frozen=True, kw_only=True):
    """How a revocation reached the home organization: `at` None means now, through this API."""

    via: RevocationChannel = RevocationChannel.ELECTRONIC
    at: datetime | None = None
    by: str | None = None
    key_id: UUID | None = None


def revoke(
    consent: Consent,
    *,
    reason: str | None,
    now: datetime,
    received: RevocationReceived | None = None,
) -> Consent:
    """Revocation takes effect at once (from `now`, whenever it was received); revoking twice
    keeps the first revocation. When it was received cannot be in the future, nor before the
    consent was signed."""
    if consent.revoked_at is not None:
        return consent
    received = received or RevocationReceived()
    if consent.consent_type is ConsentType.TPO and received.via is RevocationChannel.ORAL:
        raise InvalidField(
            "received_via", "A tpo consent is revoked in writing (on paper or electronically)."
        )
    received_at = received.at or now
    if received_at > now + timedelta(minutes=5):
        raise InvalidField("received_at", "A revocation cannot be received in the future.")
    if received_at < consent.signed_at:
        raise InvalidField("received_at", "A revocation cannot precede the consent's signature.")
    return next_version(
        consent,
        revoked_at=now,
        revocation_reason=reason,
        revocation_received_via=received.via,
        revocation_received_at=received_at,
        revocation_received_by=received.by.strip() if received.by else None,
        revoked_by_key_id=received.key_id,
        updated_at=now,
    )


def end_with_member(consent: Consent, now: datetime) -> Consent:
    """The member was erased: nothing about them may cross any more, so every consent of
    theirs in force ends now (its status becomes expired)."""
    if not consent.is_active(now):
        return consent
    return next_version(consent, ended_at=now, updated_at=now)


def end_on_event(consent: Consent, event: EndEvent, now: datetime) -> Consent:
    """The consent's end event happened: a consent that was waiting for it ends now; any
    other (another end event, already revoked, ended or expired) is returned unchanged."""
    if consent.end_event is not event or not consent.is_active(now):
        return consent
    return next_version(consent, ended_at=now, updated_at=now)
