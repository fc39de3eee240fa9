"""The Python SDK's own layer, against a stand-in transport (the first day against the live
service is tests/integration/test_sdk_first_day.py)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from support_network_api.api.members import create_member, list_members
from support_network_api.models import MemberCreate, MemberCreatedEvent
from support_network_api.types import Response
from support_network_sdk import (
    UnknownEvent,
    WebhookVerificationError,
    connect,
    events,
    pages,
    verify_webhook,
)

MEMBER: dict[str, Any] = {
    "id": "01937a4e-5b6c-7d8e-9f00-112233445566",
    "organization_id": "01937a4e-0000-7000-8000-00000000c11c",
    "display_name": "Sam",
    "timezone": "UTC",
    "contact": None,
    "external_ref": None,
    "recovery_started_on": None,
    "recovery_started_time": None,
    "access": "home",
    "disclosed_scopes": [],
    "version": 1,
    "created_at": "2026-11-29T12:00:00Z",
    "updated_at": "2026-11-29T12:00:00Z",
}


def test_every_post_gets_an_idempotency_key_in_sync_and_async_calls() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(201, json=MEMBER)

    # A MockTransport serves the sync and the async client alike.
    client = connect("http://api.test", "snk_x", transport=httpx.MockTransport(answer))
    body = MemberCreate(display_name="Sam", timezone="UTC")
    create_member.sync_detailed(client=client, body=body)
    asyncio.run(create_member.asyncio_detailed(client=client, body=body))
    create_member.sync_detailed(client=client, body=body, idempotency_key="mine")
    keys = [request.headers.get("Idempotency-Key") for request in seen]
    assert len(keys) == 3
    assert keys[0]
    assert keys[1]
    assert keys[0] != keys[1]
    assert keys[2] == "mine"
    assert {request.headers["Authorization"] for request in seen} == {"Bearer snk_x"}


def test_a_fetch_that_ignores_the_cursor_is_stopped_not_looped() -> None:
    page = {"data": [MEMBER], "next_cursor": "AZN6TltsfY6fAAAAAAAAAQ"}
    client = connect(
        "http://api.test",
        "snk_x",
        transport=httpx.MockTransport(lambda _request: httpx.Response(200, json=page)),
    )

    def forgetful(_cursor: object) -> Response[object]:
        return list_members.sync_detailed(client=client)

    with pytest.raises(RuntimeError, match="same cursor"):
        list(pages(forgetful))  # type: ignore[arg-type]


def test_an_event_of_a_kind_unknown_to_this_sdk_does_not_stop_the_feed() -> None:
    known = {
        "type": "member.created",
        "id": "01937a4e-5b6c-7d8e-9f00-000000000001",
        "occurred_at": "2026-11-29T12:00:00Z",
        "organization_id": MEMBER["organization_id"],
        "subject_type": "member",
        "subject_id": MEMBER["id"],
        "disclosure": None,
        "data": {"member_id": MEMBER["id"], "version": 1},
    }
    newer_id = "01937a4e-5b6c-7d8e-9f00-000000000002"
    newer = {**known, "type": "post.created", "id": newer_id}
    pages_by_cursor = {
        None: {"data": [known, newer], "next_cursor": "AZN6TltsfY6fAAAAAAAAAg"},
        "AZN6TltsfY6fAAAAAAAAAg": {"data": [], "next_cursor": "AZN6TltsfY6fAAAAAAAAAg"},
    }

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=pages_by_cursor[request.url.params.get("cursor")])

    client = connect("http://api.test", "snk_x", transport=httpx.MockTransport(answer))
    read = list(events(client))
    assert isinstance(read[0], MemberCreatedEvent)
    assert str(read[0].data.member_id) == MEMBER["id"]
    assert read[1] == UnknownEvent(type="post.created", id=newer_id, raw=newer)


BODY = (
    '{"id":"01937a4e-5b6c-7d8e-9f00-000000000001","type":"member.updated",'
    '"data":{"member_id":"01937a4e-5b6c-7d8e-9f00-112233445566"}}'
)
HEADERS = {
    "webhook-id": "01937a4e-5b6c-7d8e-9f00-000000000001",
    "webhook-timestamp": "1764403200",
    "webhook-signature": "v1,JLstBBm5MIrCtSMTjfJPIOad5vqPYLWY02aEg0zC32w=",
}
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SIGNED_AT = datetime.fromtimestamp(1764403200, UTC)


def test_the_webhook_check_refuses_whatever_it_is_given_with_its_own_error() -> None:
    assert verify_webhook(SECRET, BODY, HEADERS, now=SIGNED_AT)["type"] == "member.updated"
    for headers, secret in (
        ({**HEADERS, "webhook-signature": "v1,\u00e9t\u00e9"}, SECRET),  # beyond ASCII
        ({**HEADERS, "webhook-timestamp": "\u0661\u0667"}, SECRET),  # Arabic-Indic digits
        ({k: v for k, v in HEADERS.items() if k != "webhook-id"}, SECRET),
        (HEADERS, "whsec_not base64!"),
    ):
        with pytest.raises(WebhookVerificationError):
            verify_webhook(secret, BODY, headers, now=SIGNED_AT)
