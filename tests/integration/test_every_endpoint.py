"""Bad input, missing keys, missing scopes and foreign organizations against every operation.

The list of operations comes from the contract the running service publishes, and a test fails
when an operation has no entry in ENDPOINTS below: a new endpoint cannot escape these checks.
The bad bodies are derived from each operation's request schema (every field: wrong type,
missing when required, one character over its maximum length)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.integration.conftest import Org, create_member, make_key, make_org
from tests.support.database import Db

TODAY = datetime.now(UTC).date().isoformat()
SECRET_NAME = "Quinn Zephyrine"
SECRET_REF = "mrn-4471-zz"
SECRET_EMAIL = "quinn.zephyrine@example.org"
SECRET_PHONE = "+1 555 0199"


@dataclass(frozen=True)
class World:
    """One member (with values that must never leak) of `home`, in a circle that `partner`
    takes part in without any consent; a consent to `recipient`; `stranger` has nothing."""

    home: Org
    partner: Org
    stranger: Org
    recipient: Org
    member_id: str
    network_id: str
    membership_id: str
    consent_id: str
    key_id: str
    pledge_id: str
    referral_id: str
    endpoint_id: str
    incident_id: str
    accounting_request_id: str
    restriction_id: str
    post_id: str
    reach_out_id: str
    meeting_id: str

    @property
    def secrets(self) -> list[str]:
        return [
            SECRET_NAME,
            SECRET_REF,
            SECRET_EMAIL,
            SECRET_PHONE,
            "1999-12-31",
            "Pacific/Chatham",
        ]


def build_world(client: httpx.Client, operator: dict[str, str]) -> World:
    home = make_org(client, operator)
    partner = make_org(client, operator, kind="clinic")
    stranger = make_org(client, operator, kind="peer_org")
    recipient = make_org(client, operator, kind="peer_org")
    member = create_member(
        client,
        home,
        display_name=SECRET_NAME,
        timezone="Pacific/Chatham",
        external_ref=SECRET_REF,
        recovery_started_on="1999-12-31",
        contact={"email": SECRET_EMAIL, "phone": SECRET_PHONE},
    )
    network = client.post(
        "/v1/networks",
        json={"kind": "circle", "name": "Circle", "focus_member_id": member["id"]},
        headers=home.headers,
    ).json()
    invited = client.post(
        f"/v1/networks/{network['id']}/organizations",
        json={"organization_id": partner.id},
        headers=home.headers,
    )
    assert invited.status_code == 201, invited.text
    accepted = client.post(
        f"/v1/networks/{network['id']}/invitation/accept", headers=partner.headers
    )
    assert accepted.status_code == 200, accepted.text
    memberships = client.get(
        f"/v1/networks/{network['id']}/memberships", headers=home.headers
    ).json()["data"]
    consent = client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(recipient.id),
        headers=home.headers,
    )
    assert consent.status_code == 201, consent.text
    referral = client.post(
        "/v1/referrals",
        json=referral_body(recipient.id, member["id"], consent.json()["id"]),
        headers=home.headers,
    )
    assert referral.status_code == 201, referral.text
    endpoint = client.post("/v1/webhook-endpoints", json=ENDPOINT_BODY, headers=home.headers)
    assert endpoint.status_code == 201, endpoint.text
    post = client.post(
        f"/v1/networks/{network['id']}/posts",
        json={"author_member_id": member["id"], "kind": "advice", "body": POST_BODY},
        headers=home.headers,
    )
    assert post.status_code == 201, post.text
    # `today`: it escalates after two hours, never while a test compares snapshots.
    reach_out = client.post(
        f"/v1/members/{member['id']}/reach-outs", json={"urgency": "today"}, headers=home.headers
    )
    assert reach_out.status_code == 201, reach_out.text
    meeting = client.post(
        f"/v1/networks/{network['id']}/meetings",
        json=MEETING_BODY,
        headers=home.headers,
    )
    assert meeting.status_code == 201, meeting.text
    return World(
        meeting_id=meeting.json()["id"],
        post_id=post.json()["id"],
        reach_out_id=reach_out.json()["id"],
        home=home,
        partner=partner,
        stranger=stranger,
        recipient=recipient,
        member_id=member["id"],
        network_id=network["id"],
        membership_id=memberships[0]["id"],
        consent_id=consent.json()["id"],
        key_id=make_key(client, home, ["members:read"]).key_id,
        pledge_id=client.post(
            f"/v1/members/{member['id']}/pledges",
            json={"text": "Call Sam every Sunday", "cadence": "weekly", "starts_on": TODAY},
            headers=home.headers,
        ).json()["id"],
        referral_id=referral.json()["id"],
        endpoint_id=endpoint.json()["endpoint"]["id"],
        incident_id=client.post("/v1/incidents", json=INCIDENT_BODY, headers=home.headers).json()[
            "id"
        ],
        accounting_request_id=client.post(
            f"/v1/members/{member['id']}/accounting-requests",
            json=ACCOUNTING_REQUEST_BODY,
            headers=home.headers,
        ).json()["id"],
        restriction_id=client.post(
            f"/v1/members/{member['id']}/restrictions",
            json=RESTRICTION_BODY,
            headers=home.headers,
        ).json()["id"],
    )


POST_BODY = "Call someone before the drive home."
YESTERDAY = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()
MEETING_BODY = {
    "title": "Evening circle",
    "timezone": "UTC",
    "local_time": "00:00",
    "repeat": "weekly",
    "weekdays": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "starts_on": (datetime.now(UTC).date() - timedelta(days=10)).isoformat(),
}
RESTRICTION_BODY = {"scopes": ["pledges"], "requested_on": TODAY}


ACCOUNTING_REQUEST_BODY = {"received_on": TODAY, "received_via": "written"}


INCIDENT_BODY = {
    "kind": "suspected_breach",
    "description": "A laptop with an export was lost",
    "since": "2026-11-01T00:00:00Z",
}


# A loopback URL (the test service allows loopback) and an event type this endpoint can only
# see if it is itself disabled, which never happens without a delivery: so the dispatcher
# never writes anything while these tests compare snapshots.
ENDPOINT_BODY = {
    "url": "http://127.0.0.1:9/hook",
    "description": "tests",
    "event_types": ["webhook_endpoint.disabled"],
}


def referral_body(receiver_id: str, member_id: str, consent_id: str) -> dict[str, Any]:
    return {
        "receiver_organization_id": receiver_id,
        "reason": "Peer support after detox",
        "urgency": "urgent",
        "member_id": member_id,
        "consent_id": consent_id,
    }


def consent_body(recipient_id: str, scopes: list[str] | None = None) -> dict[str, Any]:
    return {
        "recipient_organization_id": recipient_id,
        "scopes": scopes or ["profile"],
        "purpose": "Coordinate peer support after discharge",
        "expires_on": "2030-01-01",
        "signature": {
            "method": "electronic",
            "signed_at": "2026-11-01T10:00:00Z",
            "signed_by": "the member",
            "authority": "patient",
        },
        "recorded_by": "Intake nurse",
        "patient_name": "Samuel Rivera",
        "information": "Contact details and progress in recovery",
        "purpose_code": "treatment",
        "form": {
            "version": "SN-consent-2026-02",
            "statements": [
                "right_to_revoke",
                "conditioning",
                "redisclosure",
                "hipaa_redisclosure",
            ],
        },
    }


@dataclass(frozen=True)
class Endpoint:
    # The path parameters, naming objects of world.home.
    params: Callable[[World], dict[str, str]] = lambda _w: {}
    body: Callable[[World], dict[str, Any]] | None = None
    # The scope the operation needs; None: no organization scope (operator or self-only).
    scope: str | None = None
    operator_only: bool = False
    # A key of an unrelated organization gets 404 here.
    foreign_is_404: bool = False


MEMBER = lambda w: {"member_id": w.member_id}  # noqa: E731
NETWORK = lambda w: {"network_id": w.network_id}  # noqa: E731
REFERRAL = lambda w: {"referral_id": w.referral_id}  # noqa: E731
ENDPOINT = lambda w: {"endpoint_id": w.endpoint_id}  # noqa: E731
POST = lambda w: {"post_id": w.post_id}  # noqa: E731
REACH_OUT = lambda w: {"reach_out_id": w.reach_out_id}  # noqa: E731
MEETING = lambda w: {"meeting_id": w.meeting_id}  # noqa: E731
PARTICIPANT = lambda w: {"organization_id": w.home.id, "participant_id": w.partner.id}  # noqa: E731

ENDPOINTS: dict[tuple[str, str], Endpoint] = {
    ("post", "/v1/organizations"): Endpoint(
        body=lambda _w: {"name": "Clinic", "kind": "clinic"}, operator_only=True
    ),
    ("get", "/v1/organizations/{organization_id}"): Endpoint(
        params=lambda w: {"organization_id": w.home.id}, foreign_is_404=True
    ),
    # Who takes part in an intermediary: recorded by the operator, read by any organization.
    ("put", "/v1/organizations/{organization_id}/participants/{participant_id}"): Endpoint(
        params=PARTICIPANT, operator_only=True
    ),
    ("delete", "/v1/organizations/{organization_id}/participants/{participant_id}"): Endpoint(
        params=PARTICIPANT, operator_only=True
    ),
    ("get", "/v1/organizations/{organization_id}/participants"): Endpoint(
        params=lambda w: {"organization_id": w.home.id}
    ),
    ("post", "/v1/members/{member_id}/accounting-requests"): Endpoint(
        params=MEMBER,
        body=lambda _w: ACCOUNTING_REQUEST_BODY,
        scope="consents:write",
        foreign_is_404=True,
    ),
    ("get", "/v1/members/{member_id}/accounting-requests"): Endpoint(
        params=MEMBER, scope="consents:read", foreign_is_404=True
    ),
    ("post", "/v1/accounting-requests/{request_id}/answered"): Endpoint(
        params=lambda w: {"request_id": w.accounting_request_id},
        scope="consents:write",
        foreign_is_404=True,
    ),
    ("post", "/v1/members/{member_id}/restrictions"): Endpoint(
        params=MEMBER,
        body=lambda _w: RESTRICTION_BODY,
        scope="consents:write",
        foreign_is_404=True,
    ),
    ("get", "/v1/members/{member_id}/restrictions"): Endpoint(
        params=MEMBER, scope="consents:read", foreign_is_404=True
    ),
    ("post", "/v1/restrictions/{restriction_id}/decision"): Endpoint(
        params=lambda w: {"restriction_id": w.restriction_id},
        body=lambda _w: {"decision": "deny"},
        scope="consents:write",
        foreign_is_404=True,
    ),
    ("post", "/v1/restrictions/{restriction_id}/end"): Endpoint(
        params=lambda w: {"restriction_id": w.restriction_id},
        scope="consents:write",
        foreign_is_404=True,
    ),
    ("post", "/v1/incidents"): Endpoint(body=lambda _w: INCIDENT_BODY, scope="keys:manage"),
    ("get", "/v1/incidents/{incident_id}"): Endpoint(
        params=lambda w: {"incident_id": w.incident_id}, scope="keys:manage", foreign_is_404=True
    ),
    ("post", "/v1/incidents/{incident_id}/close"): Endpoint(
        params=lambda w: {"incident_id": w.incident_id},
        body=lambda _w: {"note": "nothing was disclosed"},
        scope="keys:manage",
        foreign_is_404=True,
    ),
    ("get", "/v1/incidents/{incident_id}/disclosures"): Endpoint(
        params=lambda w: {"incident_id": w.incident_id}, scope="keys:manage", foreign_is_404=True
    ),
    ("post", "/v1/api-keys"): Endpoint(
        body=lambda _w: {"name": "k", "scopes": ["members:read"]}, scope="keys:manage"
    ),
    ("get", "/v1/api-keys"): Endpoint(scope="keys:manage"),
    ("get", "/v1/api-keys/{key_id}"): Endpoint(
        params=lambda w: {"key_id": w.key_id}, scope="keys:manage", foreign_is_404=True
    ),
    ("delete", "/v1/api-keys/{key_id}"): Endpoint(
        params=lambda w: {"key_id": w.key_id}, scope="keys:manage", foreign_is_404=True
    ),
    ("post", "/v1/members"): Endpoint(
        body=lambda _w: {"display_name": "Sam", "timezone": "UTC"}, scope="members:write"
    ),
    ("get", "/v1/members"): Endpoint(scope="members:read"),
    ("get", "/v1/members/{member_id}"): Endpoint(
        params=MEMBER, scope="members:read", foreign_is_404=True
    ),
    ("patch", "/v1/members/{member_id}"): Endpoint(
        params=MEMBER,
        body=lambda _w: {"display_name": "New"},
        scope="members:write",
        foreign_is_404=True,
    ),
    ("delete", "/v1/members/{member_id}"): Endpoint(
        params=MEMBER, scope="members:write", foreign_is_404=True
    ),
    ("post", "/v1/members/{member_id}/consents"): Endpoint(
        params=MEMBER,
        body=lambda w: consent_body(w.recipient.id),
        scope="consents:write",
        foreign_is_404=True,
    ),
    ("get", "/v1/members/{member_id}/consents"): Endpoint(
        params=MEMBER, scope="consents:read", foreign_is_404=True
    ),
    ("get", "/v1/members/{member_id}/disclosures"): Endpoint(
        params=MEMBER, scope="consents:read", foreign_is_404=True
    ),
    ("get", "/v1/members/{member_id}/disclosures/document"): Endpoint(
        params=MEMBER, scope="consents:read", foreign_is_404=True
    ),
    ("post", "/v1/members/{member_id}/treatment-end"): Endpoint(
        params=MEMBER, scope="consents:write", foreign_is_404=True
    ),
    ("get", "/v1/consents/{consent_id}"): Endpoint(
        params=lambda w: {"consent_id": w.consent_id}, scope="consents:read", foreign_is_404=True
    ),
    ("post", "/v1/consents/{consent_id}/revoke"): Endpoint(
        params=lambda w: {"consent_id": w.consent_id},
        body=lambda _w: {"reason": "asked by the member"},
        scope="consents:write",
        foreign_is_404=True,
    ),
    ("get", "/v1/members/{member_id}/recovery"): Endpoint(
        params=MEMBER, scope="members:read", foreign_is_404=True
    ),
    ("post", "/v1/members/{member_id}/recovery-restarts"): Endpoint(
        params=MEMBER,
        body=lambda _w: {"restarted_on": "2026-11-01", "note": "private"},
        scope="members:write",
        foreign_is_404=True,
    ),
    ("get", "/v1/members/{member_id}/milestones"): Endpoint(
        params=MEMBER, scope="members:read", foreign_is_404=True
    ),
    ("post", "/v1/members/{member_id}/custom-milestones"): Endpoint(
        params=MEMBER,
        body=lambda _w: {"title": "First meeting chaired", "achieved_on": "2026-11-01"},
        scope="members:write",
        foreign_is_404=True,
    ),
    ("post", "/v1/members/{member_id}/milestones/{milestone_key}/cheers"): Endpoint(
        params=lambda w: {"member_id": w.member_id, "milestone_key": "1999-12-31.7d"},
        body=lambda w: {"author_member_id": w.member_id, "message": "So proud of you"},
        scope="members:write",
        foreign_is_404=True,
    ),
    ("get", "/v1/milestone-ladder"): Endpoint(scope="members:read"),
    # Any organization key reads the feed; its scopes decide which kinds of event it sees.
    ("get", "/v1/events"): Endpoint(),
    ("post", "/v1/members/{member_id}/pledges"): Endpoint(
        params=MEMBER,
        body=lambda _w: {"text": "No use today", "cadence": "daily", "starts_on": TODAY},
        scope="members:write",
        foreign_is_404=True,
    ),
    ("get", "/v1/members/{member_id}/pledges"): Endpoint(
        params=MEMBER, scope="members:read", foreign_is_404=True
    ),
    ("patch", "/v1/pledges/{pledge_id}"): Endpoint(
        params=lambda w: {"pledge_id": w.pledge_id},
        body=lambda _w: {"status": "withdrawn"},
        scope="members:write",
        foreign_is_404=True,
    ),
    ("post", "/v1/pledges/{pledge_id}/check-ins"): Endpoint(
        params=lambda w: {"pledge_id": w.pledge_id},
        body=lambda _w: {"period": "2026-W01", "outcome": "kept"},
        scope="members:write",
        foreign_is_404=True,
    ),
    ("put", "/v1/milestone-ladder"): Endpoint(
        body=lambda _w: {"rungs": [{"unit": "days", "amount": 7}], "then_every_months": 12},
        scope="members:write",
    ),
    ("get", "/v1/crisis-phrases"): Endpoint(scope="networks:read"),
    ("put", "/v1/crisis-phrases"): Endpoint(
        body=lambda _w: {"phrases": ["want to die"]}, scope="networks:write"
    ),
    ("delete", "/v1/crisis-phrases"): Endpoint(scope="networks:write"),
    ("post", "/v1/networks/{network_id}/posts"): Endpoint(
        params=NETWORK,
        body=lambda w: {"author_member_id": w.member_id, "kind": "share", "body": "Day 3."},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("get", "/v1/networks/{network_id}/posts"): Endpoint(
        params=NETWORK, scope="networks:read", foreign_is_404=True
    ),
    ("get", "/v1/networks/{network_id}/advice"): Endpoint(
        params=NETWORK, scope="networks:read", foreign_is_404=True
    ),
    ("get", "/v1/networks/{network_id}/moderation-queue"): Endpoint(
        params=NETWORK, scope="networks:read", foreign_is_404=True
    ),
    ("get", "/v1/networks/{network_id}/moderation-log"): Endpoint(
        params=NETWORK, scope="networks:read", foreign_is_404=True
    ),
    ("get", "/v1/members/{member_id}/posts"): Endpoint(
        params=MEMBER, scope="networks:read", foreign_is_404=True
    ),
    ("get", "/v1/posts/{post_id}"): Endpoint(
        params=POST, scope="networks:read", foreign_is_404=True
    ),
    ("patch", "/v1/posts/{post_id}"): Endpoint(
        params=POST,
        body=lambda _w: {"body": "Edited."},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("delete", "/v1/posts/{post_id}"): Endpoint(
        params=POST, scope="networks:write", foreign_is_404=True
    ),
    ("get", "/v1/posts/{post_id}/replies"): Endpoint(
        params=POST, scope="networks:read", foreign_is_404=True
    ),
    ("post", "/v1/posts/{post_id}/replies"): Endpoint(
        params=POST,
        body=lambda w: {"author_member_id": w.member_id, "body": "Thank you."},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("get", "/v1/posts/{post_id}/revisions"): Endpoint(
        params=POST, scope="networks:read", foreign_is_404=True
    ),
    ("put", "/v1/posts/{post_id}/reactions/{reaction}/members/{member_id}"): Endpoint(
        params=lambda w: {"post_id": w.post_id, "reaction": "heart", "member_id": w.member_id},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("delete", "/v1/posts/{post_id}/reactions/{reaction}/members/{member_id}"): Endpoint(
        params=lambda w: {"post_id": w.post_id, "reaction": "heart", "member_id": w.member_id},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("put", "/v1/posts/{post_id}/helpful-marks/{member_id}"): Endpoint(
        params=lambda w: {"post_id": w.post_id, "member_id": w.member_id},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("delete", "/v1/posts/{post_id}/helpful-marks/{member_id}"): Endpoint(
        params=lambda w: {"post_id": w.post_id, "member_id": w.member_id},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("post", "/v1/posts/{post_id}/reports"): Endpoint(
        params=POST,
        body=lambda _w: {"reason": "spam"},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("post", "/v1/posts/{post_id}/moderation"): Endpoint(
        params=POST,
        body=lambda _w: {"action": "dismiss", "reason": "reviewed"},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("post", "/v1/members/{member_id}/reach-outs"): Endpoint(
        params=MEMBER,
        body=lambda _w: {"urgency": "today", "message": "Rough evening."},
        scope="members:write",
        foreign_is_404=True,
    ),
    ("get", "/v1/reach-outs/{reach_out_id}"): Endpoint(
        params=REACH_OUT, scope="members:read", foreign_is_404=True
    ),
    ("post", "/v1/reach-outs/{reach_out_id}/responses"): Endpoint(
        params=REACH_OUT,
        body=lambda w: {"supporter_member_id": w.member_id, "kind": "calling"},
        scope="members:write",
        foreign_is_404=True,
    ),
    ("post", "/v1/reach-outs/{reach_out_id}/close"): Endpoint(
        params=REACH_OUT,
        body=lambda _w: {"outcome": "supported"},
        scope="members:write",
        foreign_is_404=True,
    ),
    ("get", "/v1/reach-out-settings"): Endpoint(scope="members:read"),
    ("put", "/v1/reach-out-settings"): Endpoint(
        body=lambda _w: {
            "escalate_now_after_seconds": 600,
            "escalate_today_after_seconds": 7200,
            "crisis_resources": [{"name": "Crisis line", "phone": "988"}],
        },
        scope="members:write",
    ),
    ("get", "/v1/reach-out-figures"): Endpoint(scope="members:read"),
    ("post", "/v1/networks/{network_id}/meetings"): Endpoint(
        params=NETWORK, body=lambda _w: MEETING_BODY, scope="networks:write", foreign_is_404=True
    ),
    ("get", "/v1/networks/{network_id}/meetings"): Endpoint(
        params=NETWORK, scope="networks:read", foreign_is_404=True
    ),
    ("get", "/v1/meetings/{meeting_id}"): Endpoint(
        params=MEETING, scope="networks:read", foreign_is_404=True
    ),
    ("post", "/v1/meetings/{meeting_id}/cancellations"): Endpoint(
        params=MEETING,
        body=lambda _w: {"local_date": YESTERDAY},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("put", "/v1/meetings/{meeting_id}/attendance/{local_date}/{member_id}"): Endpoint(
        params=lambda w: {
            "meeting_id": w.meeting_id,
            "local_date": YESTERDAY,
            "member_id": w.member_id,
        },
        body=lambda _w: {"status": "attended"},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("get", "/v1/members/{member_id}/attendance"): Endpoint(
        params=MEMBER, scope="members:read", foreign_is_404=True
    ),
    ("get", "/v1/disengagement-thresholds"): Endpoint(scope="members:read"),
    ("put", "/v1/disengagement-thresholds"): Endpoint(
        body=lambda _w: {"missed_periods": 4}, scope="members:write"
    ),
    ("post", "/v1/referrals"): Endpoint(
        body=lambda w: referral_body(w.recipient.id, w.member_id, w.consent_id),
        scope="referrals:write",
    ),
    ("get", "/v1/referrals"): Endpoint(scope="referrals:read"),
    ("get", "/v1/referrals/{referral_id}"): Endpoint(
        params=REFERRAL, scope="referrals:read", foreign_is_404=True
    ),
    ("get", "/v1/referrals/{referral_id}/history"): Endpoint(
        params=REFERRAL, scope="referrals:read", foreign_is_404=True
    ),
    ("post", "/v1/referrals/{referral_id}/transitions"): Endpoint(
        params=REFERRAL,
        body=lambda _w: {"status": "cancelled", "reason": "the person moved away"},
        scope="referrals:write",
        foreign_is_404=True,
    ),
    ("post", "/v1/webhook-endpoints"): Endpoint(
        body=lambda _w: ENDPOINT_BODY, scope="webhooks:manage"
    ),
    ("get", "/v1/webhook-endpoints"): Endpoint(scope="webhooks:manage"),
    ("get", "/v1/webhook-endpoints/{endpoint_id}"): Endpoint(
        params=ENDPOINT, scope="webhooks:manage", foreign_is_404=True
    ),
    ("patch", "/v1/webhook-endpoints/{endpoint_id}"): Endpoint(
        params=ENDPOINT,
        body=lambda _w: {"description": "renamed"},
        scope="webhooks:manage",
        foreign_is_404=True,
    ),
    ("delete", "/v1/webhook-endpoints/{endpoint_id}"): Endpoint(
        params=ENDPOINT, scope="webhooks:manage", foreign_is_404=True
    ),
    ("post", "/v1/webhook-endpoints/{endpoint_id}/secret-rotations"): Endpoint(
        params=ENDPOINT, scope="webhooks:manage", foreign_is_404=True
    ),
    ("get", "/v1/webhook-endpoints/{endpoint_id}/deliveries"): Endpoint(
        params=ENDPOINT, scope="webhooks:manage", foreign_is_404=True
    ),
    ("post", "/v1/webhook-endpoints/{endpoint_id}/redeliveries"): Endpoint(
        params=ENDPOINT,
        body=lambda w: {"event_id": w.member_id},
        scope="webhooks:manage",
        foreign_is_404=True,
    ),
    ("post", "/v1/networks"): Endpoint(
        body=lambda _w: {"kind": "group", "name": "Tuesday group"}, scope="networks:write"
    ),
    ("get", "/v1/networks"): Endpoint(scope="networks:read"),
    ("get", "/v1/networks/{network_id}"): Endpoint(
        params=NETWORK, scope="networks:read", foreign_is_404=True
    ),
    ("patch", "/v1/networks/{network_id}"): Endpoint(
        params=NETWORK,
        body=lambda _w: {"name": "Renamed"},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("post", "/v1/networks/{network_id}/archive"): Endpoint(
        params=NETWORK, scope="networks:write", foreign_is_404=True
    ),
    ("get", "/v1/networks/{network_id}/organizations"): Endpoint(
        params=NETWORK, scope="networks:read", foreign_is_404=True
    ),
    ("post", "/v1/networks/{network_id}/organizations"): Endpoint(
        params=NETWORK,
        body=lambda w: {"organization_id": w.recipient.id},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("post", "/v1/networks/{network_id}/invitation/accept"): Endpoint(
        params=NETWORK, scope="networks:write", foreign_is_404=True
    ),
    ("post", "/v1/networks/{network_id}/invitation/decline"): Endpoint(
        params=NETWORK, scope="networks:write", foreign_is_404=True
    ),
    ("post", "/v1/networks/{network_id}/leave"): Endpoint(
        params=NETWORK, scope="networks:write", foreign_is_404=True
    ),
    ("get", "/v1/networks/{network_id}/memberships"): Endpoint(
        params=NETWORK, scope="networks:read", foreign_is_404=True
    ),
    ("post", "/v1/networks/{network_id}/memberships"): Endpoint(
        params=NETWORK,
        body=lambda w: {"member_id": w.member_id, "role": "peer_supporter"},
        scope="networks:write",
        foreign_is_404=True,
    ),
    ("patch", "/v1/networks/{network_id}/memberships/{membership_id}"): Endpoint(
        params=lambda w: {"network_id": w.network_id, "membership_id": w.membership_id},
        body=lambda _w: {"role": "sponsor"},
        scope="networks:write",
        foreign_is_404=True,
    ),
}

OPEN = {("get", "/health/live"), ("get", "/health/ready")}


@pytest.fixture
def world(client: httpx.Client, operator: dict[str, str]) -> World:
    return build_world(client, operator)


@pytest.fixture(scope="module")
def contract(client: httpx.Client) -> dict[str, Any]:
    document: dict[str, Any] = client.get("/schema/openapi.json").json()
    return document


def test_every_operation_is_covered(contract: dict[str, Any]) -> None:
    operations = {
        (method, path) for path, item in contract["paths"].items() for method in item
    } - OPEN
    assert operations == set(ENDPOINTS), "add the new operation to ENDPOINTS"


def _resolve(schema: dict[str, Any], contract: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = contract["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _types(schema: dict[str, Any], contract: dict[str, Any]) -> set[str]:
    schema = _resolve(schema, contract)
    if "type" in schema:
        kinds = schema["type"]
        return set(kinds) if isinstance(kinds, list) else {kinds}
    found: set[str] = set()
    for option in schema.get("oneOf", []) + schema.get("anyOf", []):
        found |= _types(option, contract)
    if "enum" in schema:
        found.add("string")
    return found


def _max_length(schema: dict[str, Any], contract: dict[str, Any]) -> int | None:
    schema = _resolve(schema, contract)
    if "maxLength" in schema:
        return int(schema["maxLength"])
    for option in schema.get("oneOf", []) + schema.get("anyOf", []):
        found = _max_length(option, contract)
        if found is not None:
            return found
    return None


def bad_bodies(
    valid: dict[str, Any], body_schema: dict[str, Any], contract: dict[str, Any]
) -> list[tuple[str, Any]]:
    """(description, body) pairs the service must refuse with 400."""
    schema = _resolve(body_schema, contract)
    cases: list[tuple[str, Any]] = [
        ("unknown field", {**valid, "surprise": 1}),
        ("array instead of object", [valid]),
        ("string instead of object", "hello"),
    ]
    for name in schema.get("required", []):
        cases.append((f"missing {name}", {k: v for k, v in valid.items() if k != name}))
    for name, prop in schema["properties"].items():
        kinds = _types(prop, contract)
        wrong: Any = 12345 if "integer" not in kinds and "number" not in kinds else "twelve"
        if "object" in kinds and "string" not in kinds:
            wrong = "not an object"
        cases.append((f"wrong type for {name}", {**valid, name: wrong}))
        cases.append((f"list for {name}", {**valid, name: [1, 2]}))
        if "null" not in kinds:
            cases.append((f"null for {name}", {**valid, name: None}))
        limit = _max_length(prop, contract)
        if limit is not None:
            cases.append((f"oversized {name}", {**valid, name: "a" * (limit + 1)}))
        if "string" in kinds and "array" not in kinds:
            cases.append((f"NUL in {name}", {**valid, name: "a\u0000b"}))
    return cases


@pytest.mark.parametrize(("method", "path"), sorted(ENDPOINTS))
def test_no_key_or_a_bad_key_is_401(
    client: httpx.Client, world: World, db: Db, method: str, path: str
) -> None:
    spec = ENDPOINTS[(method, path)]
    url = path.format(**spec.params(world))
    body = spec.body(world) if spec.body else None
    before = db.snapshot()
    for headers in (
        {},
        {"Authorization": "Bearer snk_" + "x" * 43},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer"},
    ):
        response = client.request(method, url, json=body, headers=headers)
        assert response.status_code == 401, (headers, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"].startswith("Bearer")
    # Authentication comes before the body is read: a stranger learns nothing from errors.
    garbage = client.request(
        method, url, content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert garbage.status_code == 401
    assert db.snapshot() == before


@pytest.mark.parametrize(
    ("method", "path"), sorted(k for k, v in ENDPOINTS.items() if v.scope or v.operator_only)
)
def test_missing_scope_is_403(
    client: httpx.Client, world: World, db: Db, method: str, path: str
) -> None:
    spec = ENDPOINTS[(method, path)]
    url = path.format(**spec.params(world))
    other_scopes = [s for s in ("members:read", "networks:read") if s != spec.scope]
    limited = make_key(client, world.home, other_scopes)
    before = db.snapshot()
    body = spec.body(world) if spec.body else None
    response = client.request(method, url, json=body, headers=limited.headers)
    assert response.status_code == 403, response.text
    assert response.json()["type"].endswith("/missing-scope")
    assert db.snapshot() == before


@pytest.mark.parametrize(
    ("method", "path"), sorted(k for k, v in ENDPOINTS.items() if v.foreign_is_404)
)
def test_an_unrelated_organization_gets_404_and_nothing_leaks(
    client: httpx.Client, world: World, db: Db, method: str, path: str
) -> None:
    spec = ENDPOINTS[(method, path)]
    url = path.format(**spec.params(world))
    before = db.snapshot()
    body = spec.body(world) if spec.body else None
    response = client.request(method, url, json=body, headers=world.stranger.headers)
    assert response.status_code == 404, response.text
    assert response.json()["type"].endswith("/not-found")
    assert not [secret for secret in world.secrets if secret in response.text]
    assert db.snapshot() == before


# What a participating organization without consent may get: the network itself is shared,
# the member is not. Writes it may make are allowed; none may show the member.
PARTNER_STATUSES = {200, 201, 204, 403, 404, 409, 412, 422, 428}


@pytest.mark.parametrize(
    ("method", "path"), sorted(k for k, v in ENDPOINTS.items() if v.foreign_is_404)
)
def test_a_participating_organization_without_consent_sees_no_member_data(
    client: httpx.Client, world: World, method: str, path: str
) -> None:
    spec = ENDPOINTS[(method, path)]
    url = path.format(**spec.params(world))
    body = spec.body(world) if spec.body else None
    response = client.request(method, url, json=body, headers=world.partner.headers)
    assert response.status_code in PARTNER_STATUSES, response.text
    leaked = [secret for secret in world.secrets if secret in response.text]
    assert leaked == [], (method, path, response.text)
    if "member_id" not in spec.params(world) and response.status_code < 300:
        assert world.member_id not in response.text, (method, path, response.text)
    if "/members/" in path and response.status_code < 300:
        raise AssertionError(f"{method} {path} answered a stranger to the member: {response.text}")


NOT_IDS = frozenset({"reaction", "local_date"})


@pytest.mark.parametrize(("method", "path"), sorted(k for k, v in ENDPOINTS.items() if "{" in k[1]))
def test_unknown_ids_are_404(
    client: httpx.Client, world: World, operator: dict[str, str], method: str, path: str
) -> None:
    spec = ENDPOINTS[(method, path)]
    given = spec.params(world)
    # A name from a fixed list (a kind of reaction) is no id: it keeps its value.
    named = {name: value for name, value in given.items() if name in NOT_IDS}
    params = {name: str(uuid.uuid4()) for name in given} | named
    garbled = dict.fromkeys(given, "not-a-uuid") | named
    body = spec.body(world) if spec.body else None
    headers = operator if spec.operator_only else world.home.headers
    for url in (path.format(**params), path.format(**garbled)):
        response = client.request(method, url, json=body, headers=headers)
        assert response.status_code == 404, (url, response.text)
        assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(("method", "path"), sorted(k for k, v in ENDPOINTS.items() if v.body))
def test_bad_bodies_are_400_and_change_nothing(
    client: httpx.Client,
    world: World,
    operator: dict[str, str],
    db: Db,
    contract: dict[str, Any],
    method: str,
    path: str,
) -> None:
    spec = ENDPOINTS[(method, path)]
    assert spec.body is not None
    valid = spec.body(world)
    url = path.format(**spec.params(world))
    headers = operator if spec.operator_only else world.home.headers
    body_schema = contract["paths"][path][method]["requestBody"]["content"]["application/json"][
        "schema"
    ]
    before = db.snapshot()
    for description, body in bad_bodies(valid, body_schema, contract):
        response = client.request(method, url, json=body, headers=headers)
        assert response.status_code == 400, (description, response.text)
        problem = response.json()
        assert problem["type"].endswith("/invalid-request"), description
        assert response.headers["content-type"] == "application/problem+json"
    for description, raw in (
        ("malformed JSON", b'{"display_name": '),
        ("not JSON", b"display_name=Sam"),
        ("empty body", b""),
        ("invalid UTF-8", b'{"name": "\xff\xfe"}'),
    ):
        response = client.request(
            method, url, content=raw, headers={**headers, "Content-Type": "application/json"}
        )
        assert response.status_code == 400, (description, response.text)
    for description, raw in (
        ("1,000 levels deep", b"[" * 1000 + b"]" * 1000),
        ("a field 1,000 levels deep", b'{"name": ' + b"[" * 1000 + b"]" * 1000 + b"}"),
        ("60,000 levels, unclosed", b"[" * 60_000),
        ("10,000 levels of objects", b'{"a":' * 10_000 + b"1" + b"}" * 10_000),
    ):
        response = client.request(
            method, url, content=raw, headers={**headers, "Content-Type": "application/json"}
        )
        assert response.status_code == 400, (description, response.text)
        assert response.json()["type"].endswith("/invalid-request"), description
    valid_json = json.dumps(valid).encode()
    for content_type in ("text/plain", "application/x-www-form-urlencoded", None):
        sent = {**headers, "Content-Type": content_type} if content_type else headers
        response = client.request(method, url, content=valid_json, headers=sent)
        assert response.status_code == 415, (content_type, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"].endswith("/unsupported-media-type")
    huge = client.request(
        method,
        url,
        content=b'{"name": "' + b"a" * 70_000 + b'"}',
        headers={**headers, "Content-Type": "application/json"},
    )
    assert huge.status_code == 413
    assert db.snapshot() == before


def test_a_body_error_names_the_offending_field(client: httpx.Client, org: Org) -> None:
    response = client.post(
        "/v1/members",
        json={"display_name": "Sam", "timezone": "UTC", "contact": {"email": 5}},
        headers=org.headers,
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "contact.email"
    missing = client.post("/v1/members", json={"timezone": "UTC"}, headers=org.headers)
    assert missing.json()["errors"][0]["field"] == "display_name"
    unknown = client.post(
        "/v1/members",
        json={"display_name": "S", "timezone": "UTC", "nick": "x"},
        headers=org.headers,
    )
    assert unknown.json()["errors"][0]["field"] == "nick"


def test_query_strings_with_control_characters_are_400(client: httpx.Client, org: Org) -> None:
    response = client.get("/v1/members", params={"external_ref": "a\u0000b"}, headers=org.headers)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "external_ref"


def test_page_size_is_bounded(client: httpx.Client, org: Org) -> None:
    for limit in ("0", "101", "-1", "ten"):
        response = client.get("/v1/members", params={"limit": limit}, headers=org.headers)
        assert response.status_code == 400, limit
        assert response.json()["errors"][0]["field"] == "limit"


def test_operator_key_holds_no_organization_scope(
    client: httpx.Client, operator: dict[str, str], operator_token: str
) -> None:
    response = client.get("/v1/members", headers=operator)
    assert response.status_code == 403
    org = make_org(client, operator)
    assert client.get(f"/v1/organizations/{org.id}", headers=operator).status_code == 200


def test_an_oversize_header_is_a_431_on_every_operation(
    client: httpx.Client, world: World, db: Db
) -> None:
    before = db.snapshot()
    for (method, path), spec in sorted(ENDPOINTS.items()):
        url = path.format(**spec.params(world))
        body = spec.body(world) if spec.body else None
        headers = {**world.home.headers, "X-Padding": "a" * 40_000}
        response = client.request(method, url, json=body, headers=headers)
        assert response.status_code == 431, (method, path, response.status_code)
        assert response.headers["content-type"] == "application/problem+json"
    assert db.snapshot() == before


def _operations_with(contract: dict[str, Any], header: str) -> list[tuple[str, str]]:
    return sorted(
        (method, path)
        for path, item in contract["paths"].items()
        for method, operation in item.items()
        if any(p["name"] == header for p in operation.get("parameters", []))
    )


def test_a_malformed_if_match_is_a_400_on_every_operation_that_takes_it(
    client: httpx.Client, world: World, db: Db, contract: dict[str, Any]
) -> None:
    operations = _operations_with(contract, "If-Match")
    assert len(operations) >= 8
    before = db.snapshot()
    for method, path in operations:
        spec = ENDPOINTS[(method, path)]
        url = path.format(**spec.params(world))
        body = spec.body(world) if spec.body else None
        for value in ("1", "null", '"7" "1"', "W/"):
            response = client.request(
                method, url, json=body, headers={**world.home.headers, "If-Match": value}
            )
            assert response.status_code == 400, (method, path, value, response.text)
            assert [e["field"] for e in response.json()["errors"]] == ["If-Match"]
    assert db.snapshot() == before


def test_shared_resources_changed_without_if_match_are_a_428(
    client: httpx.Client, world: World, db: Db, contract: dict[str, Any]
) -> None:
    shared = sorted(
        (method, path)
        for path, item in contract["paths"].items()
        for method, operation in item.items()
        if "428" in operation["responses"]
    )
    assert shared == [
        ("delete", "/v1/posts/{post_id}"),
        ("patch", "/v1/networks/{network_id}"),
        ("patch", "/v1/networks/{network_id}/memberships/{membership_id}"),
        ("patch", "/v1/posts/{post_id}"),
        ("post", "/v1/networks/{network_id}/archive"),
        ("post", "/v1/referrals/{referral_id}/transitions"),
    ]
    before = db.snapshot()
    network_before = client.get(f"/v1/networks/{world.network_id}", headers=world.home.headers)
    for method, path in shared:
        spec = ENDPOINTS[(method, path)]
        url = path.format(**spec.params(world))
        body = spec.body(world) if spec.body else None
        response = client.request(method, url, json=body, headers=world.home.headers)
        assert response.status_code == 428, (method, path, response.text)
        assert response.json()["type"].endswith("/precondition-required")
    assert db.snapshot() == before
    network_after = client.get(f"/v1/networks/{world.network_id}", headers=world.home.headers)
    assert network_after.json() == network_before.json()
