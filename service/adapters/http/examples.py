"""An example of each body the 42 CFR Part 2 work added to or changed in the contract, every
field shown: written into the document as the schema's `examples` (tests/unit/test_examples.py
decodes each one into its Struct, so an example that the service would refuse fails the
build; the document leaves null values out)."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Litestar
from litestar.openapi.spec import Schema

from service.adapters.http.accounting_requests import (
    AccountingRequestCreate,
    AccountingRequestView,
)
from service.adapters.http.consent_schemas import (
    ConsentCreate,
    ConsentForm,
    ConsentRevoke,
    ConsentView,
    DataPeriod,
    DisclosureView,
    RevocationView,
    Signature,
    SignatureView,
    TreatmentEnded,
)
from service.adapters.http.disclosure_schemas import DisclosureNoticeView
from service.adapters.http.federation_schemas import NetworkView
from service.adapters.http.incidents import IncidentClose, IncidentCreate, IncidentView
from service.adapters.http.organization_schemas import (
    OrganizationCreate,
    OrganizationView,
    ParticipantView,
)
from service.adapters.http.restrictions import (
    RestrictionCreate,
    RestrictionDecision,
    RestrictionView,
)
from service.domain.disclosure_notice import PART2_NOTICE, SECURITY_LABELS

MEMBER = "01937a4e-5b6c-7d8e-9f00-112233445566"
CLINIC = "01937a4e-0000-7000-8000-00000000c11c"
PEER_ORG = "01937a4e-0000-7000-8000-0000000000e0"
CONSENT = "01937a4e-7c1d-7e2f-8a3b-4c5d6e7f8091"
KEY = "01937a4e-0000-7000-8000-00000000a91e"
HIE = "01937a4e-0000-7000-8000-0000000000ee"

_SIGNATURE: dict[str, Any] = {
    "method": "electronic",
    "signed_at": "2026-11-01T10:00:00Z",
    "signed_by": "Samuel Rivera",
    "authority": "patient",
    "document_sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
}
_FORM: dict[str, Any] = {
    "version": "SN-consent-2026-02",
    "statements": ["right_to_revoke", "conditioning", "redisclosure", "hipaa_redisclosure"],
}
_NOTICE: dict[str, Any] = {
    "notice": PART2_NOTICE,
    "consent_ids": [CONSENT],
    "security_labels": list(SECURITY_LABELS),
}
# What a consent request states, and its view shows again.
_CONSENT_TERMS: dict[str, Any] = {
    "recipient_organization_id": PEER_ORG,
    "recipient_class": None,
    "participant_organization_ids": [],
    "participant_class": None,
    "scopes": ["profile", "recovery"],
    "purpose": "Coordinate peer support after discharge",
    "expires_on": "2027-11-01",
    "end_event": "treatment_ended",
    "signature": _SIGNATURE,
    "recorded_by": "Intake nurse",
    "consent_type": "specific",
    "patient_name": "Samuel Rivera",
    "information": "Contact details and progress in recovery",
    "data_period": {"start": "2026-01-01", "end": "2027-11-01"},
    "purpose_code": "treatment",
    "form": _FORM,
}
_CONSENT_VIEW: dict[str, Any] = {
    **_CONSENT_TERMS,
    "id": CONSENT,
    "member_id": MEMBER,
    "organization_id": CLINIC,
    "expires_at": "2027-11-01T23:59:59.999999Z",
    "status": "revoked",
    "version": 2,
    "created_at": "2026-11-01T10:05:00Z",
    "revoked_at": "2026-11-20T09:00:00Z",
    "revocation_reason": "The member asked in writing",
    "revocation": {
        "received_via": "written",
        "received_at": "2026-11-19T16:30:00Z",
        "received_by": "Front desk",
    },
    "restricted_scopes": ["recovery"],
}

EXAMPLES: dict[type[msgspec.Struct], dict[str, Any]] = {
    Signature: _SIGNATURE,
    DataPeriod: {"start": "2026-01-01", "end": "2026-12-31"},
    ConsentForm: _FORM,
    ConsentCreate: {**_CONSENT_TERMS, "participant_organization_ids": None},
    ConsentRevoke: {
        "reason": "The member asked in writing",
        "received_via": "written",
        "received_at": "2026-11-19T16:30:00Z",
        "received_by": "Front desk",
    },
    RevocationView: _CONSENT_VIEW["revocation"],
    SignatureView: _SIGNATURE,
    ConsentView: _CONSENT_VIEW,
    TreatmentEnded: {"member_id": MEMBER, "ended_consents": [_CONSENT_VIEW]},
    DisclosureNoticeView: _NOTICE,
    DisclosureView: {
        "id": "01937a4e-9999-7000-8000-000000000001",
        "member_id": MEMBER,
        "recipient_organization_id": PEER_ORG,
        "recipient_name": "Harbor Peer Recovery",
        "recipient_address": "12 Harbor Street, Portland, ME 04101",
        "intermediary_organization_id": HIE,
        "intermediary_name": "Casco Bay Health Information Exchange",
        "consent_ids": [CONSENT],
        "purposes": ["Coordinate peer support after discharge"],
        "scopes": ["profile"],
        "disclosed": "name, time zone and contact details",
        "channel": "api",
        "operation": "getMember",
        "request_id": "req-01937a4e",
        "client_request_id": "harbor-7f3a",
        "disclosed_at": "2026-11-02T08:15:00Z",
        "key_id": KEY,
    },
    AccountingRequestCreate: {
        "received_on": "2026-11-25",
        "received_via": "written",
        "period_start": "2024-11-25",
        "period_end": "2026-11-25",
    },
    AccountingRequestView: {
        "id": "01937a4e-aaaa-7000-8000-000000000002",
        "member_id": MEMBER,
        "received_on": "2026-11-25",
        "received_via": "written",
        "period_start": "2024-11-25",
        "period_end": "2026-11-25",
        "answer_by": "2026-12-25",
        "answered_at": "2026-12-01T14:00:00Z",
        "version": 1,
    },
    RestrictionCreate: {
        "scopes": ["recovery"],
        "recipient_organization_ids": [PEER_ORG],
        "purpose_codes": ["payment"],
        "requested_on": "2026-11-20",
    },
    RestrictionDecision: {"decision": "agree"},
    RestrictionView: {
        "id": "01937a4e-bbbb-7000-8000-000000000003",
        "member_id": MEMBER,
        "scopes": ["recovery"],
        "recipient_organization_ids": [PEER_ORG],
        "purpose_codes": ["payment"],
        "requested_on": "2026-11-20",
        "status": "ended",
        "decided_at": "2026-11-21T11:00:00Z",
        "ended_at": "2026-11-28T09:30:00Z",
        "version": 3,
    },
    IncidentCreate: {
        "kind": "compromised_key",
        "description": "A key was pasted into a public chat channel.",
        "since": "2026-11-20T00:00:00Z",
        "until": "2026-11-22T12:00:00Z",
        "key_id": KEY,
        "recipient_organization_id": PEER_ORG,
    },
    OrganizationCreate: {
        "name": "Casco Bay Health Information Exchange",
        "kind": "intermediary",
        "address": "1 Exchange Place, Portland, ME 04101",
    },
    OrganizationView: {
        "id": HIE,
        "name": "Casco Bay Health Information Exchange",
        "kind": "intermediary",
        "address": "1 Exchange Place, Portland, ME 04101",
        "version": 1,
        "created_at": "2026-10-01T09:00:00Z",
    },
    ParticipantView: {
        "intermediary_organization_id": HIE,
        "participant_organization_id": CLINIC,
        "participant_name": "Harbor Clinic",
        "participant_kind": "clinic",
        "joined_at": "2026-10-02T09:00:00Z",
        "ended_at": "2026-11-28T17:00:00Z",
        "version": 2,
    },
    NetworkView: {
        "id": "01937a4e-dddd-7000-8000-000000000005",
        "kind": "circle",
        "name": "Sam R.'s circle",
        "description": "Sam's people after discharge",
        # As a partner reads it under the focus member's consent: who the focus member is
        # shows to the circle's creator only.
        "focus_member_id": None,
        "created_by_organization_id": CLINIC,
        "status": "archived",
        "version": 3,
        "created_at": "2026-11-01T10:10:00Z",
        "updated_at": "2026-11-20T10:00:00Z",
        "archived_at": "2026-11-20T10:00:00Z",
        "disclosure": _NOTICE,
    },
    IncidentClose: {"note": "Key revoked; the two members concerned were told on 2026-11-23."},
    IncidentView: {
        "id": "01937a4e-cccc-7000-8000-000000000004",
        "kind": "compromised_key",
        "description": "A key was pasted into a public chat channel.",
        "key_id": KEY,
        "recipient_organization_id": PEER_ORG,
        "since": "2026-11-20T00:00:00Z",
        "until": "2026-11-22T12:00:00Z",
        "status": "closed",
        "opened_at": "2026-11-22T12:05:00Z",
        "closed_at": "2026-11-23T17:00:00Z",
        "closing_note": "Key revoked; the two members concerned were told on 2026-11-23.",
        "version": 2,
    },
}


def document_examples(app: Litestar) -> None:
    """Give each of those bodies' schemas its example."""
    schemas = app.openapi_schema.components.schemas or {}
    for struct, example in EXAMPLES.items():
        schema = schemas[struct.__name__]
        if isinstance(schema, Schema):
            schema.examples = [example]
