"""What a signed consent form states (42 CFR 2.31): how it was signed and by whom, its type,
its purpose, the statements the rule requires, and what can end or revoke it."""

from __future__ import annotations

import enum


class SignatureMethod(enum.StrEnum):
    WRITTEN = "written"
    ELECTRONIC = "electronic"
    VERBAL_WITNESSED = "verbal_witnessed"


class EndEvent(enum.StrEnum):
    """What can end a consent instead of a date: its referral's closing (only for a consent made
    with one), or the end of treatment the home organization records."""

    REFERRAL_CLOSED = "referral_closed"
    TREATMENT_ENDED = "treatment_ended"


class RevocationChannel(enum.StrEnum):
    WRITTEN = "written"
    ELECTRONIC = "electronic"
    ORAL = "oral"


class ConsentType(enum.StrEnum):
    """`specific`: to a named recipient for a stated purpose. `tpo`: a single consent for all
    future uses for treatment, payment and health care operations (42 CFR 2.33(a)(2)), in force
    until revoked in writing, so it may carry no expiry."""

    SPECIFIC = "specific"
    TPO = "tpo"


class PurposeCode(enum.StrEnum):
    """The purpose of the disclosure, coded (FHIR Consent.provision.purpose, HL7 PurposeOfUse:
    TREAT, HPAYMT, HOPERAT, PATRQT, HRESCH); the consent's `purpose` says it in words."""

    TREATMENT = "treatment"
    PAYMENT = "payment"
    HEALTH_CARE_OPERATIONS = "health_care_operations"
    PATIENT_REQUEST = "patient_request"
    RESEARCH = "research"


class RecipientClass(enum.StrEnum):
    """A class of recipients (42 CFR 2.31(a)(4)), decided at each read from what the service
    knows of the reader and the member: `supporting_organizations`, every organization taking
    part in an active circle around the member that the member's home organization created
    (and alone invites into), the member still active in it; `treating_providers`, those of
    them that are clinics (the general description the rule allows for an intermediary's
    participants: a treating provider relationship)."""

    TREATING_PROVIDERS = "treating_providers"
    SUPPORTING_ORGANIZATIONS = "supporting_organizations"


class SignerAuthority(enum.StrEnum):
    """In what capacity the signer signed (42 CFR 2.31(a)(9), 2.14, 2.15)."""

    PATIENT = "patient"
    GUARDIAN = "guardian"
    PERSONAL_REPRESENTATIVE = "personal_representative"


class Statement(enum.StrEnum):
    """The statements the signed form contains. The first three every consent needs (2.31(a)(6),
    (a)(8), and the redisclosure notice); the HIPAA redisclosure statement when the recipient
    is a covered entity or business associate (2.31(a)(10))."""

    RIGHT_TO_REVOKE = "right_to_revoke"
    CONDITIONING = "conditioning"
    REDISCLOSURE = "redisclosure"
    HIPAA_REDISCLOSURE = "hipaa_redisclosure"


REQUIRED_STATEMENTS = frozenset(
    {Statement.RIGHT_TO_REVOKE, Statement.CONDITIONING, Statement.REDISCLOSURE}
)
