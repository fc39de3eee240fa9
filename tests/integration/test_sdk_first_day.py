"""A partner's first day, through the Python SDK only (clients/python: the generated client and
its thin layer), against the live service: no raw HTTP anywhere in it. The TypeScript SDK does
the same day in clients/typescript/test/first-day.test.ts, run here under node's test runner."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from support_network_api.api.consents import grant_consent, list_member_disclosures, revoke_consent
from support_network_api.api.members import create_member, get_member, list_members, update_member
from support_network_api.api.networks import (
    accept_network_invitation,
    create_network,
    invite_network_organization,
)
from support_network_api.api.organizations import create_organization
from support_network_api.api.referrals import create_referral, get_referral, transition_referral
from support_network_api.client import AuthenticatedClient
from support_network_api.models import (
    ConsentCreate,
    ConsentForm,
    ConsentRevoke,
    DataScope,
    EndEvent,
    InvitationCreate,
    MemberCreate,
    MemberCreatedEvent,
    MemberUpdate,
    NetworkCreate,
    NetworkKind,
    NewSignatureMethod,
    OrganizationCreate,
    OrganizationKind,
    PurposeCode,
    ReferralCreate,
    ReferralStatus,
    ReferralStatusChangedEvent,
    ReferralTransition,
    ReferralView,
    Signature,
    SignerAuthority,
    Statement,
)
from support_network_sdk import (
    NotFound,
    PreconditionFailed,
    UnknownEvent,
    UnprocessableContent,
    WebhookVerificationError,
    connect,
    events,
    pages,
    unwrap,
    update_with_etag,
    verify_webhook,
    versioned,
)

from tests.support.server import REPO
from tests.support.waiting import wait_until

TYPESCRIPT = REPO / "clients" / "typescript"


def new_organization(operator: AuthenticatedClient, kind: OrganizationKind) -> tuple[str, str]:
    created = unwrap(
        create_organization.sync_detailed(
            client=operator, body=OrganizationCreate(name=f"Org {uuid.uuid4().hex[:8]}", kind=kind)
        )
    )
    assert created.first_key.token is not None
    return str(created.organization.id), created.first_key.token


def consent_to(recipient_id: str, **terms: object) -> ConsentCreate:
    consent = ConsentCreate(
        recipient_organization_id=uuid.UUID(recipient_id),
        scopes=[DataScope.PROFILE],
        purpose="Coordinate peer support after discharge",
        purpose_code=PurposeCode.TREATMENT,
        information="Contact details and progress in recovery",
        patient_name="Samuel Rivera",
        recorded_by="Intake nurse",
        expires_on=datetime.date(2030, 1, 1),
        signature=Signature(
            method=NewSignatureMethod.ELECTRONIC,
            signed_at=datetime.datetime(2026, 11, 1, 10, tzinfo=datetime.UTC),
            signed_by="Samuel Rivera",
            authority=SignerAuthority.PATIENT,
        ),
        form=ConsentForm(version="SN-consent-2026-02", statements=list(Statement)),
    )
    for name, value in terms.items():
        setattr(consent, name, value)
    return consent


def test_the_first_day_in_python(base_url: str, operator_token: str) -> None:
    operator = connect(base_url, operator_token)
    # 1-2. Two organizations: a community app (us) and a clinic.
    app_id, app_token = new_organization(operator, OrganizationKind.COMMUNITY_APP)
    clinic_id, clinic_token = new_organization(operator, OrganizationKind.CLINIC)
    app, clinic = connect(base_url, app_token), connect(base_url, clinic_token)

    # 3-4. A member, created under our own idempotency key; the retry answers the same member.
    body = MemberCreate(display_name="Sam", timezone="Europe/London")
    key = str(uuid.uuid4())
    first = versioned(create_member.sync_detailed(client=app, body=body, idempotency_key=key))
    again = versioned(create_member.sync_detailed(client=app, body=body, idempotency_key=key))
    assert (first.replayed, again.replayed) == (False, True)
    assert again.value.id == first.value.id
    # The same key with another body is refused, as a typed exception with its problem.
    with pytest.raises(UnprocessableContent) as reused:
        unwrap(
            create_member.sync_detailed(
                client=app,
                body=MemberCreate(display_name="Other", timezone="UTC"),
                idempotency_key=key,
            )
        )
    assert reused.value.type.startswith("/docs/problems/")
    member_id = first.value.id

    # 5-6. Four more, each with a key of the SDK's making (two creates, two members); then
    # the whole list, two to a page, with no cursor loop.
    for name in ("Ana", "Bo", "Cy", "Di"):
        unwrap(create_member.sync_detailed(client=app, body=MemberCreate(name, "UTC")))
    everyone = list(
        pages(lambda cursor: list_members.sync_detailed(client=app, cursor=cursor, limit=2))
    )
    assert sorted(str(m.display_name) for m in everyone) == ["Ana", "Bo", "Cy", "Di", "Sam"]

    # 7-9. Read with its ETag, change under If-Match; the old ETag is then stale: a 412 that
    # says which version is current.
    read = versioned(get_member.sync_detailed(client=app, member_id=member_id))
    renamed = versioned(
        update_member.sync_detailed(
            client=app,
            member_id=member_id,
            body=MemberUpdate(display_name="Samuel"),
            if_match=read.etag,
        )
    )
    assert renamed.value.display_name == "Samuel"
    assert renamed.etag != read.etag
    with pytest.raises(PreconditionFailed) as stale:
        unwrap(
            update_member.sync_detailed(
                client=app,
                member_id=member_id,
                body=MemberUpdate(display_name="S."),
                if_match=read.etag,
            )
        )
    assert stale.value.current_version == renamed.value.version

    # 10. The SDK's conditional update reads, changes and retries on its own.
    sam = update_with_etag(
        lambda: get_member.sync_detailed(client=app, member_id=member_id),
        lambda current, etag: update_member.sync_detailed(
            client=app,
            member_id=member_id,
            body=MemberUpdate(display_name=current.display_name + " R."),
            if_match=etag,
        ),
    )
    assert sam.value.display_name == "Samuel R."

    # 11-13. A circle around Sam; the clinic is invited and accepts.
    circle = unwrap(
        create_network.sync_detailed(
            client=app,
            body=NetworkCreate(
                kind=NetworkKind.CIRCLE, name="Sam's circle", focus_member_id=member_id
            ),
        )
    )
    unwrap(
        invite_network_organization.sync_detailed(
            network_id=circle.id,
            client=app,
            body=InvitationCreate(organization_id=uuid.UUID(clinic_id)),
        )
    )
    unwrap(accept_network_invitation.sync_detailed(network_id=circle.id, client=clinic))

    # 14-15. Without a consent the clinic does not see Sam; with one, it does.
    with pytest.raises(NotFound):
        unwrap(get_member.sync_detailed(client=clinic, member_id=member_id))
    consent = unwrap(
        grant_consent.sync_detailed(member_id=member_id, client=app, body=consent_to(clinic_id))
    )
    foreign = unwrap(get_member.sync_detailed(client=clinic, member_id=member_id))
    assert foreign.display_name == "Samuel R."

    # 16. That read is in Sam's accounting of disclosures.
    disclosures = list(
        pages(
            lambda cursor: list_member_disclosures.sync_detailed(
                member_id=member_id, client=app, cursor=cursor
            )
        )
    )
    assert [str(d.recipient_organization_id) for d in disclosures] == [clinic_id]

    # 17-18. Revoked: the clinic's next read finds nothing.
    unwrap(
        revoke_consent.sync_detailed(
            consent_id=consent.id, client=app, body=ConsentRevoke(reason="Asked by Sam")
        )
    )
    with pytest.raises(NotFound):
        unwrap(get_member.sync_detailed(client=clinic, member_id=member_id))

    # 19. The clinic refers a person to us; we accept, start and complete it, each move under
    # If-Match from the referral as we last read it.
    referral = unwrap(
        create_referral.sync_detailed(
            client=clinic,
            body=ReferralCreate(
                receiver_organization_id=uuid.UUID(app_id),
                reason="Peer support after discharge",
                member=MemberCreate(display_name="R.", timezone="America/New_York"),
                consent=consent_to(
                    app_id,
                    scopes=[DataScope.PROFILE, DataScope.NETWORKS],
                    expires_on=None,
                    end_event=EndEvent.REFERRAL_CLOSED,
                ),
            ),
        )
    )

    def move(status: ReferralStatus) -> ReferralView:
        return update_with_etag(
            lambda: get_referral.sync_detailed(referral_id=referral.id, client=app),
            lambda _current, etag: transition_referral.sync_detailed(
                referral_id=referral.id,
                client=app,
                body=ReferralTransition(status=status),
                if_match=etag,
            ),
        ).value

    for status in (ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED):
        assert move(status).status == status

    # 20. The events feed, typed: each event is its own class, with its own payload (and a
    # kind this SDK does not know yet would come as an UnknownEvent, not stop the read).
    def our_events() -> list[object]:
        return list(events(app, types=["member.created", "referral.status_changed"]))

    found = wait_until(lambda: (seen := our_events()) and len(seen) >= 8 and seen)
    created = [e for e in found if isinstance(e, MemberCreatedEvent)]
    assert member_id in {e.data.member_id for e in created}
    moves = [e.data.status for e in found if isinstance(e, ReferralStatusChangedEvent)]
    assert moves == ["accepted", "in_progress", "completed"]
    assert not [e for e in found if isinstance(e, UnknownEvent)]


def test_the_webhook_check_takes_the_guide_s_test_vectors() -> None:
    body = (
        '{"id":"01937a4e-5b6c-7d8e-9f00-000000000001","type":"member.updated",'
        '"data":{"member_id":"01937a4e-5b6c-7d8e-9f00-112233445566"}}'
    )
    headers = {
        "webhook-id": "01937a4e-5b6c-7d8e-9f00-000000000001",
        "webhook-timestamp": "1764403200",
        "webhook-signature": "v1,JLstBBm5MIrCtSMTjfJPIOad5vqPYLWY02aEg0zC32w= "
        "v1,ANiRvD5PcjYaxtehIDjtGzF8ANzbeW2tF57S97V9944=",
    }
    signed_at = datetime.datetime.fromtimestamp(1764403200, datetime.UTC)
    for secret in (
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
    ):
        event = verify_webhook(secret, body, headers, now=signed_at)
        assert event["type"] == "member.updated"
    with pytest.raises(WebhookVerificationError, match="no signature"):
        verify_webhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", body + " ", headers, now=signed_at)
    with pytest.raises(WebhookVerificationError, match="timestamp"):
        verify_webhook(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            body,
            headers,
            now=signed_at + datetime.timedelta(minutes=6),
        )


def node() -> Path:
    found = Path(sys.executable).parent / "node"
    return found if found.exists() else Path(shutil.which("node") or "node")


def test_the_first_day_in_typescript(base_url: str, operator_token: str) -> None:
    """The same day through the TypeScript SDK, under node's test runner (node strips the
    types; `make typescript` type-checks them under --strict)."""
    if not (TYPESCRIPT / "node_modules").exists():
        pytest.fail("clients/typescript/node_modules is missing: run `make test` (npm ci)")
    result = subprocess.run(
        [str(node()), "--test", "--test-reporter=spec", "test/**/*.test.ts"],
        cwd=TYPESCRIPT,
        env={**os.environ, "SN_BASE_URL": base_url, "SN_OPERATOR_TOKEN": operator_token},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The spec reporter's summary: the five tests ran (none skipped for want of a service).
    summary = dict(re.findall(r"^\u2139 (\w+) (\d+)$", result.stdout, re.MULTILINE))
    assert (summary.get("pass"), summary.get("skipped")) == ("5", "0"), result.stdout
