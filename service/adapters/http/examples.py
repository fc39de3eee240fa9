"""An example of every request and response body of the contract, every field shown, nulls
included: written into the document as the schema's `examples`. tests/unit/test_examples.py
decodes each one into its Struct (an example the service would refuse fails the build),
checks it against the published schema, and finds every body with one. One story runs
through them: Samuel Rivera, a member of Harbor Clinic, his circle, and Harbor Peer Recovery,
the community app that supports him."""

from __future__ import annotations

import enum
from typing import Any

import msgspec
from litestar import Litestar
from litestar.openapi.spec import Schema

from service.adapters.http.accounting_requests import (
    AccountingRequestCreate,
    AccountingRequestList,
    AccountingRequestView,
)
from service.adapters.http.consent_schemas import (
    ConsentCreate,
    ConsentForm,
    ConsentList,
    ConsentRevoke,
    ConsentView,
    DataPeriod,
    DisclosureList,
    DisclosureView,
    RevocationView,
    Signature,
    SignatureView,
    TreatmentEnded,
)
from service.adapters.http.conversation import (
    AdviceList,
    CrisisPhrasesUpdate,
    CrisisPhrasesView,
    LanguageNoteView,
    ModerationCreate,
    ModerationEntryView,
    ModerationLog,
    ModerationQueue,
    PostCountsView,
    PostCreate,
    PostList,
    PostUpdate,
    PostView,
    QueuedPostView,
    ReplyCreate,
    ReportCreate,
    ReportView,
    RevisionList,
    RevisionView,
    ThreadView,
)
from service.adapters.http.disclosure_schemas import DisclosureNoticeView
from service.adapters.http.engagement import ThresholdsUpdate, ThresholdsView
from service.adapters.http.events import EventList
from service.adapters.http.federation_schemas import (
    InvitationCreate,
    MembershipCreate,
    MembershipList,
    MembershipUpdate,
    MembershipView,
    NetworkCreate,
    NetworkList,
    NetworkUpdate,
    NetworkView,
    ParticipationList,
    ParticipationView,
)
from service.adapters.http.incidents import IncidentClose, IncidentCreate, IncidentView
from service.adapters.http.meetings import (
    AttendanceUpdate,
    AttendanceView,
    CorrectionView,
    MeetingCreate,
    MeetingList,
    MeetingView,
    MemberAttendanceView,
    OccurrenceCancel,
    OccurrenceView,
)
from service.adapters.http.milestone_schemas import (
    CheerCreate,
    CheerView,
    CustomMilestoneCreate,
    LadderSpec,
    MilestonesView,
    MilestoneView,
    RungSpec,
)
from service.adapters.http.operations import paragraphs
from service.adapters.http.organization_schemas import (
    ApiKeyCreate,
    ApiKeyList,
    ApiKeyView,
    IssuedApiKey,
    OrganizationCreate,
    OrganizationCreated,
    OrganizationView,
    ParticipantList,
    ParticipantView,
)
from service.adapters.http.pledges import (
    CheckInCreate,
    PledgeCreate,
    PledgeList,
    PledgeUpdate,
    PledgeView,
)
from service.adapters.http.reach_outs import (
    CrisisResourceBody,
    ReachOutClose,
    ReachOutCreate,
    ReachOutFiguresView,
    ReachOutSettingsUpdate,
    ReachOutSettingsView,
    ReachOutView,
    ResponseCreate,
    ResponseView,
)
from service.adapters.http.recovery import RecoveryView, RestartCreate
from service.adapters.http.referral_schemas import (
    ReferralCreate,
    ReferralHistory,
    ReferralList,
    ReferralTransition,
    ReferralView,
)
from service.adapters.http.restrictions import (
    RestrictionCreate,
    RestrictionDecision,
    RestrictionList,
    RestrictionView,
)
from service.adapters.http.schemas import (
    ContactDetails,
    Health,
    MemberCreate,
    MemberList,
    MemberUpdate,
    MemberView,
)
from service.adapters.http.webhook_schemas import (
    DeliveryList,
    Redelivery,
    WebhookEndpointCreate,
    WebhookEndpointList,
    WebhookEndpointUpdate,
    WebhookEndpointView,
    WebhookEndpointWithSecret,
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

CURSOR = "AZN6TltsfY6fAAAAAAAAAQ"
NETWORK = "01937a4e-dddd-7000-8000-000000000005"
PLEDGE = "01937a4e-eeee-7000-8000-000000000006"
REFERRAL = "01937a4e-ffff-7000-8000-000000000007"
ENDPOINT = "01937a4e-0000-7000-8000-0000000000b0"
SUPPORTER = "01937a4e-5b6c-7d8e-9f00-0000000000a5"
EVENT = "01937a4e-5b6c-7d8e-9f00-000000000001"


def _page(*items: dict[str, Any]) -> dict[str, Any]:
    return {"data": list(items), "next_cursor": CURSOR}


_CONTACT: dict[str, Any] = {"email": "sam@example.org", "phone": "+12075550143"}
_MEMBER_CREATE: dict[str, Any] = {
    "display_name": "Sam R.",
    "timezone": "America/New_York",
    "contact": _CONTACT,
    "external_ref": "harbor-mrn-20931",
    "recovery_started_on": "2026-03-14",
    "recovery_started_time": "21:30",
}
_MEMBER_VIEW: dict[str, Any] = {
    **_MEMBER_CREATE,
    "id": MEMBER,
    "organization_id": CLINIC,
    "access": "home",
    "disclosed_scopes": [],
    "disclosure": None,
    "version": 3,
    "created_at": "2026-03-15T09:00:00Z",
    "updated_at": "2026-11-02T08:00:00Z",
}
_API_KEY: dict[str, Any] = {
    "id": KEY,
    "organization_id": CLINIC,
    "name": "intake desk",
    "prefix": "snk_4f1c",
    "scopes": ["members:read", "members:write"],
    "version": 1,
    "created_at": "2026-10-01T09:05:00Z",
    "revoked_at": None,
}
_ISSUED_KEY: dict[str, Any] = {"key": _API_KEY, "token": "snk_4f1c9d2e7b8a4c1f0e6d5b3a2918f7c6"}
_MEMBERSHIP: dict[str, Any] = {
    "id": "01937a4e-dddd-7000-8000-0000000000a1",
    "network_id": NETWORK,
    "member": {"id": SUPPORTER, "organization_id": PEER_ORG, "display_name": "Jo (sponsor)"},
    "role": "sponsor",
    "status": "active",
    "invited_at": None,
    "joined_at": "2026-11-01T11:00:00Z",
    "left_at": None,
    "version": 1,
    "disclosure": None,
}
_PARTICIPATION: dict[str, Any] = {
    "network_id": NETWORK,
    "organization_id": PEER_ORG,
    "status": "active",
    "invited_by_organization_id": CLINIC,
    "invited_at": "2026-11-01T10:15:00Z",
    "joined_at": "2026-11-01T10:40:00Z",
    "left_at": None,
    "version": 2,
}
_CHEER: dict[str, Any] = {
    "id": "01937a4e-1111-7000-8000-0000000000c1",
    "milestone_key": "2026-03-14.30d",
    "author_member_id": SUPPORTER,
    "message": "30 days, Sam. Proud of you.",
    "created_at": "2026-04-13T19:00:00Z",
}
_PLEDGE_CREATE: dict[str, Any] = {
    "text": "Call Jo before the evening meeting",
    "cadence": "daily",
    "starts_on": "2026-11-01",
    "ends_on": "2026-12-31",
    "network_id": NETWORK,
    "supporter_member_id": SUPPORTER,
}
_PLEDGE_VIEW: dict[str, Any] = {
    **_PLEDGE_CREATE,
    "id": PLEDGE,
    "member_id": MEMBER,
    "status": "active",
    "check_ins": [
        {
            "id": "01937a4e-eeee-7000-8000-0000000000f1",
            "period_start": "2026-11-27",
            "outcome": "kept",
            "note": "Called after work",
            "by_sweep": False,
            "recorded_at": "2026-11-27T22:10:00Z",
            "superseded_at": None,
        }
    ],
    "current_streak": 4,
    "longest_streak": 12,
    "kept_rate": 0.86,
    "version": 29,
    "disclosure": None,
}
_REFERRAL_VIEW: dict[str, Any] = {
    "id": REFERRAL,
    "sender_organization_id": CLINIC,
    "receiver_organization_id": PEER_ORG,
    "member_id": MEMBER,
    "network_id": NETWORK,
    "consent_id": CONSENT,
    "reason": "Peer support after discharge",
    "urgency": "urgent",
    "external_ref": "harbor-ref-5531",
    "status": "accepted",
    "allowed_transitions": ["in_progress", "cancelled"],
    "answer_by": "2026-11-04T10:00:00Z",
    "version": 2,
    "created_at": "2026-11-01T10:00:00Z",
    "updated_at": "2026-11-02T15:30:00Z",
    "disclosure": None,
}
_ENDPOINT_VIEW: dict[str, Any] = {
    "id": ENDPOINT,
    "url": "https://hooks.harbor-peer.example/support-network",
    "description": "Referrals into the intake queue",
    "event_types": ["referral.created", "referral.status_changed"],
    "status": "active",
    "disabled_at": None,
    "disabled_reason": None,
    "previous_secret_valid_until": None,
    "version": 1,
    "created_at": "2026-11-01T09:00:00Z",
    "updated_at": "2026-11-01T09:00:00Z",
}

POST = "01937a4e-aaaa-7000-8000-000000000a01"
REPLY = "01937a4e-aaaa-7000-8000-000000000a02"
_POST_COUNTS: dict[str, Any] = {
    "replies": 1,
    "helpful": 4,
    "reactions": {"heart": 3, "same_here": 2},
}
_LANGUAGE_NOTE: dict[str, Any] = {
    "term": "tested clean",
    "suggestion": "tested negative, or a negative test",
}
_POST_VIEW: dict[str, Any] = {
    "id": POST,
    "network_id": NETWORK,
    "parent_id": None,
    "organization_id": CLINIC,
    "author_member_id": MEMBER,
    "author_display_name": "Sam",
    "kind": "advice",
    "state": "visible",
    "body": "When a craving hits after work I call Jo before I get home. Ten minutes on the "
    "phone and it passes. Tested clean again this week.",
    "tags": ["cravings", "work"],
    "content_note": None,
    "hidden_reason": None,
    "crisis_flagged": False,
    "counts": _POST_COUNTS,
    "language_notes": [_LANGUAGE_NOTE],
    "version": 1,
    "created_at": "2026-11-29T18:05:00Z",
    "updated_at": "2026-11-29T18:05:00Z",
}
_REPLY_VIEW: dict[str, Any] = {
    **_POST_VIEW,
    "id": REPLY,
    "parent_id": POST,
    "organization_id": PEER_ORG,
    "author_member_id": SUPPORTER,
    "author_display_name": "Jo",
    "kind": "share",
    "body": "Same here. The drive home is the hardest part.",
    "tags": [],
    "crisis_flagged": None,
    "counts": {"replies": 0, "helpful": 0, "reactions": {"heart": 1}},
    "language_notes": [],
    "created_at": "2026-11-29T18:12:00Z",
    "updated_at": "2026-11-29T18:12:00Z",
}
MEETING = "01937a4e-cccc-7000-8000-000000000c01"
_OCCURRENCE = {
    "local_date": "2026-12-01",
    "starts_at": "2026-12-02T01:00:00Z",
    "ends_at": "2026-12-02T02:00:00Z",
    "shifted": False,
}
_MEETING_VIEW = {
    "id": MEETING,
    "network_id": NETWORK,
    "organization_id": CLINIC,
    "title": "Tuesday evening circle",
    "timezone": "America/Chicago",
    "local_time": "19:00",
    "duration_minutes": 60,
    "repeat": "weekly",
    "starts_on": "2026-11-03",
    "weekdays": ["tuesday"],
    "ends_on": None,
    "cancelled_dates": ["2026-12-22"],
    "occurrences": [_OCCURRENCE],
    "version": 2,
}
_CORRECTION = {
    "status": "absent",
    "recorded_by_organization_id": PEER_ORG,
    "recorded_at": "2026-11-24T20:05:00Z",
    "replaced_at": "2026-11-25T09:00:00Z",
}
_ATTENDANCE_VIEW = {
    "meeting_id": MEETING,
    "network_id": NETWORK,
    "local_date": "2026-11-24",
    "member_id": MEMBER,
    "status": "excused",
    "recorded_by_organization_id": CLINIC,
    "recorded_at": "2026-11-25T09:00:00Z",
    "version": 2,
    "corrections": [_CORRECTION],
}
REACH_OUT = "01937a4e-bbbb-7000-8000-000000000b01"
_CRISIS_LINE = {"name": "988 Suicide & Crisis Lifeline", "phone": "988"}
_RESPONSE_VIEW = {
    "id": "01937a4e-bbbb-7000-8000-000000000b02",
    "reach_out_id": REACH_OUT,
    "organization_id": PEER_ORG,
    "supporter_member_id": SUPPORTER,
    "kind": "calling",
    "responded_at": "2026-11-29T21:04:10Z",
}
_REACH_OUT_VIEW = {
    "id": REACH_OUT,
    "member_id": MEMBER,
    "organization_id": CLINIC,
    "urgency": "now",
    "message": "Cravings are bad tonight. Could someone call?",
    "circle_ids": [NETWORK],
    "asked": [SUPPORTER],
    "crisis_resources": [_CRISIS_LINE],
    "status": "open",
    "opened_at": "2026-11-29T21:02:00Z",
    "escalates_at": "2026-11-29T21:12:00Z",
    "expires_at": "2026-11-30T21:02:00Z",
    "first_answered_at": "2026-11-29T21:04:10Z",
    "escalated_at": None,
    "closed_at": None,
    "outcome": None,
    "responses": [_RESPONSE_VIEW],
    "version": 2,
    "disclosure": None,
}
_ADVICE_CURSOR = "AAAABAAGYW4hs-sAAZN6TqqqcACAAAAAAAAKAQ"
_QUEUED: dict[str, Any] = {"post": _REPLY_VIEW, "open_reports": {"unsafe_advice": 1}}
_MODERATION_ENTRY: dict[str, Any] = {
    "id": "01937a4e-aaaa-7000-8000-00000000f0b1",
    "post_id": REPLY,
    "organization_id": CLINIC,
    "action": "hide",
    "reason": "Dosing advice: please ask your clinic.",
    "at": "2026-11-29T18:40:00Z",
}
_REVISION: dict[str, Any] = {
    "version": 1,
    "body": "When a craving hits after work I call Jo before I get home.",
    "tags": ["cravings"],
    "content_note": None,
    "replaced_at": "2026-11-29T18:30:00Z",
}


EXAMPLES.update(
    {
        Health: {"status": "ok"},
        ContactDetails: _CONTACT,
        MemberCreate: _MEMBER_CREATE,
        MemberUpdate: {
            "display_name": "Samuel R.",
            "timezone": "America/New_York",
            "contact": {"email": "samuel@example.org", "phone": None},
            "external_ref": "harbor-mrn-20931",
            "recovery_started_on": "2026-03-14",
            "recovery_started_time": None,
        },
        MemberView: _MEMBER_VIEW,
        MemberList: _page(_MEMBER_VIEW),
        ApiKeyCreate: {"name": "intake desk", "scopes": ["members:read", "members:write"]},
        ApiKeyView: _API_KEY,
        ApiKeyList: _page(_API_KEY),
        IssuedApiKey: _ISSUED_KEY,
        OrganizationCreated: {
            "organization": {
                "id": CLINIC,
                "name": "Harbor Clinic",
                "kind": "clinic",
                "address": "40 Pier Road, Portland, ME 04101",
                "version": 1,
                "created_at": "2026-10-01T09:00:00Z",
            },
            "first_key": {**_ISSUED_KEY, "key": {**_API_KEY, "name": "first key"}},
        },
        NetworkCreate: {
            "kind": "circle",
            "name": "Sam R.'s circle",
            "description": "Sam's people after discharge",
            "focus_member_id": MEMBER,
        },
        NetworkUpdate: {"name": "Sam's circle", "description": "Sam's people, week by week"},
        NetworkList: _page(EXAMPLES[NetworkView]),
        InvitationCreate: {"organization_id": PEER_ORG},
        ParticipationView: _PARTICIPATION,
        ParticipationList: {"data": [_PARTICIPATION]},
        MembershipCreate: {"member_id": SUPPORTER, "role": "sponsor", "status": "active"},
        MembershipUpdate: {"role": "peer_supporter", "status": None},
        MembershipView: _MEMBERSHIP,
        MembershipList: _page(_MEMBERSHIP),
        CheerCreate: {"author_member_id": SUPPORTER, "message": "30 days, Sam. Proud of you."},
        CheerView: _CHEER,
        CustomMilestoneCreate: {"title": "First shift back at work", "achieved_on": "2026-10-05"},
        RungSpec: {"amount": 30, "unit": "days"},
        LadderSpec: {
            "rungs": [
                {"amount": 24, "unit": "hours"},
                {"amount": 30, "unit": "days"},
                {"amount": 6, "unit": "months"},
            ],
            "then_every_months": 12,
        },
        MilestoneView: {
            "key": "2026-03-14.30d",
            "label": "30 days",
            "kind": "automatic",
            "reached_at": "2026-04-13T21:30:00Z",
            "achieved_on": None,
            "period_started_on": "2026-03-14",
            "cheers": [_CHEER],
        },
        MilestonesView: {
            "member_id": MEMBER,
            "reached": [
                {
                    "key": "01937a4e-1111-7000-8000-0000000000c2",
                    "label": "First shift back at work",
                    "kind": "custom",
                    "reached_at": None,
                    "achieved_on": "2026-10-05",
                    "period_started_on": None,
                    "cheers": [],
                }
            ],
            "next": {
                "key": "2026-03-14.9m",
                "label": "9 months",
                "due_on": "2026-12-14",
                "due_at": "2026-12-15T02:30:00Z",
            },
            "disclosure": None,
        },
        PledgeCreate: _PLEDGE_CREATE,
        PledgeUpdate: {"status": "completed"},
        CheckInCreate: {
            "period": "2026-11-28",
            "outcome": "partial",
            "note": "Texted instead of calling",
            "correction": False,
        },
        PledgeView: _PLEDGE_VIEW,
        PledgeList: _page(_PLEDGE_VIEW),
        RestartCreate: {
            "restarted_on": "2026-03-14",
            "restarted_time": "21:30",
            "note": "Back with the group the next morning",
        },
        RecoveryView: {
            "member_id": MEMBER,
            "current_period_started_on": "2026-03-14",
            "current_period_started_time": "21:30",
            "current_streak_days": 260,
            "longest_streak_days": 260,
            "total_days_in_recovery": 371,
            "restarts": 1,
            "periods": [
                {
                    "started_on": "2025-02-01",
                    "ended_on": "2026-03-14",
                    "days": 406,
                    "note": "Back with the group the next morning",
                }
            ],
            "version": 4,
            "disclosure": None,
            "attendance": {
                "considered": 10,
                "attended": 8,
                "absent": 1,
                "excused": 1,
                "rate": 0.89,
                "current_run": 5,
            },
        },
        ReferralCreate: {
            "receiver_organization_id": PEER_ORG,
            "reason": "Peer support after discharge",
            "urgency": "urgent",
            "member_id": MEMBER,
            "member": None,
            "consent_id": CONSENT,
            "consent": None,
            "network_id": NETWORK,
            "external_ref": "harbor-ref-5531",
        },
        ReferralTransition: {"status": "accepted", "reason": "We have a place on Tuesdays"},
        ReferralView: _REFERRAL_VIEW,
        ReferralList: _page(_REFERRAL_VIEW),
        ReferralHistory: {
            "data": [
                {
                    "from_status": None,
                    "to_status": "requested",
                    "actor_organization_id": CLINIC,
                    "reason": None,
                    "at": "2026-11-01T10:00:00Z",
                },
                {
                    "from_status": "requested",
                    "to_status": "accepted",
                    "actor_organization_id": PEER_ORG,
                    "reason": "We have a place on Tuesdays",
                    "at": "2026-11-02T15:30:00Z",
                },
            ]
        },
        WebhookEndpointCreate: {
            "url": "https://hooks.harbor-peer.example/support-network",
            "description": "Referrals into the intake queue",
            "event_types": ["referral.created", "referral.status_changed"],
        },
        WebhookEndpointUpdate: {
            "url": "https://hooks.harbor-peer.example/support-network",
            "description": "Referrals and consents",
            "event_types": ["referral.created", "referral.status_changed", "consent.revoked"],
            "enabled": True,
        },
        WebhookEndpointView: _ENDPOINT_VIEW,
        WebhookEndpointList: _page(_ENDPOINT_VIEW),
        WebhookEndpointWithSecret: {
            "endpoint": _ENDPOINT_VIEW,
            "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        },
        Redelivery: {"event_id": EVENT},
        DeliveryList: _page(
            {
                "id": "01937a4e-0000-7000-8000-0000000000d1",
                "event_id": EVENT,
                "event_type": "referral.created",
                "status": "delivered",
                "redelivery": False,
                "attempts": [
                    {
                        "at": "2026-11-01T10:00:01Z",
                        "status_code": 503,
                        "latency_ms": 120,
                        "error": None,
                    },
                    {
                        "at": "2026-11-01T10:00:06Z",
                        "status_code": 204,
                        "latency_ms": 45,
                        "error": None,
                    },
                ],
                "next_attempt_at": None,
                "created_at": "2026-11-01T10:00:00Z",
                "finished_at": "2026-11-01T10:00:06Z",
            }
        ),
        EventList: _page(
            {
                "type": "member.created",
                "id": EVENT,
                "occurred_at": "2026-03-15T09:00:00Z",
                "organization_id": CLINIC,
                "subject_type": "member",
                "subject_id": MEMBER,
                "data": {"member_id": MEMBER, "version": 1},
            }
        ),
        PostCreate: {
            "author_member_id": MEMBER,
            "kind": "advice",
            "body": "When a craving hits after work I call Jo before I get home. Ten minutes "
            "on the phone and it passes.",
            "tags": ["cravings", "work"],
            "content_note": None,
        },
        ReplyCreate: {
            "author_member_id": SUPPORTER,
            "kind": "share",
            "body": "Same here. The drive home is the hardest part.",
            "tags": [],
            "content_note": None,
        },
        PostUpdate: {
            "body": "When a craving hits after work I call Jo before I get home.",
            "tags": ["cravings"],
            "content_note": None,
        },
        ReportCreate: {"reason": "unsafe_advice", "note": "Talks about doubling a dose."},
        ModerationCreate: {"action": "hide", "reason": "Dosing advice: please ask your clinic."},
        PostCountsView: _POST_COUNTS,
        LanguageNoteView: _LANGUAGE_NOTE,
        PostView: _POST_VIEW,
        PostList: _page(_POST_VIEW),
        AdviceList: {"data": [_POST_VIEW], "next_cursor": _ADVICE_CURSOR},
        ThreadView: {"post": _POST_VIEW, "replies": [_REPLY_VIEW], "next_replies_cursor": None},
        ReportView: {
            "id": "01937a4e-aaaa-7000-8000-00000000f0a1",
            "post_id": POST,
            "reason": "unsafe_advice",
            "note": "Talks about doubling a dose.",
            "created_at": "2026-11-29T18:20:00Z",
        },
        QueuedPostView: _QUEUED,
        ModerationQueue: _page(_QUEUED),
        ModerationEntryView: _MODERATION_ENTRY,
        ModerationLog: _page(_MODERATION_ENTRY),
        RevisionView: _REVISION,
        RevisionList: {"post_id": POST, "data": [_REVISION]},
        CrisisPhrasesUpdate: {"phrases": ["want to die", "end it all", "need a ride to detox"]},
        CrisisPhrasesView: {
            "phrases": ["want to die", "end it all", "need a ride to detox"],
            "default": False,
        },
        MeetingCreate: {
            "title": "Tuesday evening circle",
            "timezone": "America/Chicago",
            "local_time": "19:00",
            "duration_minutes": 60,
            "repeat": "weekly",
            "starts_on": "2026-11-03",
            "weekdays": ["tuesday"],
            "ends_on": None,
        },
        OccurrenceView: _OCCURRENCE,
        MeetingView: _MEETING_VIEW,
        MeetingList: _page(_MEETING_VIEW),
        OccurrenceCancel: {"local_date": "2026-12-22"},
        AttendanceUpdate: {"status": "attended"},
        CorrectionView: _CORRECTION,
        AttendanceView: _ATTENDANCE_VIEW,
        MemberAttendanceView: {
            "member_id": MEMBER,
            "considered": 4,
            "attended": 3,
            "absent": 0,
            "excused": 1,
            "rate": 1.0,
            "current_run": 3,
            "data": [_ATTENDANCE_VIEW],
            "disclosure": None,
        },
        ThresholdsUpdate: {
            "gap_factor": 2.0,
            "gap_floor_days": 4,
            "missed_periods": 3,
            "missed_meetings": 2,
            "quiet_days_after_reach_out": 3,
        },
        ThresholdsView: {
            "gap_factor": 2.0,
            "gap_floor_days": 4,
            "missed_periods": 3,
            "missed_meetings": 2,
            "quiet_days_after_reach_out": 3,
            "version": 1,
        },
        CrisisResourceBody: _CRISIS_LINE,
        ReachOutCreate: {
            "urgency": "now",
            "message": "Cravings are bad tonight. Could someone call?",
            "circle_ids": [NETWORK],
        },
        ReachOutView: _REACH_OUT_VIEW,
        ResponseCreate: {"supporter_member_id": SUPPORTER, "kind": "calling"},
        ResponseView: _RESPONSE_VIEW,
        ReachOutClose: {"outcome": "supported"},
        ReachOutSettingsUpdate: {
            "escalate_now_after_seconds": 600,
            "escalate_today_after_seconds": 7200,
            "crisis_resources": [_CRISIS_LINE],
        },
        ReachOutSettingsView: {
            "escalate_now_after_seconds": 600,
            "escalate_today_after_seconds": 7200,
            "crisis_resources": [_CRISIS_LINE],
            "version": 1,
        },
        ReachOutFiguresView: {
            "since": "2026-11-01T00:00:00Z",
            "until": "2026-12-01T00:00:00Z",
            "network_id": None,
            "opened": 12,
            "answered": 11,
            "unanswered": 1,
            "escalated": 1,
            "p50_seconds_to_answer": 140.0,
            "p90_seconds_to_answer": 460.0,
        },
        AccountingRequestList: _page(EXAMPLES[AccountingRequestView]),
        ConsentList: _page(_CONSENT_VIEW),
        DisclosureList: _page(EXAMPLES[DisclosureView]),
        RestrictionList: _page(EXAMPLES[RestrictionView]),
        ParticipantList: _page(EXAMPLES[ParticipantView]),
    }
)


class _Null(enum.Enum):
    """A JSON null that Litestar's document writer keeps: it drops every None in a mapping,
    which left required nullable fields out of the examples (so that they did not fit their
    own schema); an Enum member is written as its value."""

    NULL = None


def _nulls_kept(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _Null.NULL if v is None else _nulls_kept(v) for key, v in value.items()}
    if isinstance(value, list):
        return [_nulls_kept(v) for v in value]
    return value


def document_examples(app: Litestar) -> None:
    """Give each of those bodies' schemas its example, and its Struct's docstring as its
    description where it has none."""
    schemas = app.openapi_schema.components.schemas or {}
    for struct, example in EXAMPLES.items():
        schema = schemas[struct.__name__]
        if isinstance(schema, Schema):
            schema.examples = [_nulls_kept(example)]
            if not schema.description:
                schema.description = "\n\n".join(paragraphs(struct.__doc__)) or None
