"""The elements of a signed consent form (42 CFR 2.31) beyond recipient, scopes, purpose,
expiry and signature, as the tests' consents carry them."""

from __future__ import annotations

from typing import Any

from service.domain.consent_form import PurposeCode, SignerAuthority, Statement

SIGNED_FORM: dict[str, Any] = {
    "patient_name": "Samuel Rivera",
    "information": "Contact details",
    "purpose_code": PurposeCode.TREATMENT,
    "form_version": "v1",
    "statements": frozenset(Statement),
    "signer_authority": SignerAuthority.PATIENT,
}
