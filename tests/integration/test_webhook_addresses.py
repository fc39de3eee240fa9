"""A webhook attempt against a host with several addresses, over real loopback sockets: the
sender tries each checked address in turn when one refuses the connection."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import httpx

from service.adapters.system import SystemClock
from service.adapters.webhooks import ADDRESSES_TRIED, HttpWebhookSender
from service.domain.events import Event, EventType, new_event
from service.domain.webhooks import WebhookEndpoint, parse_networks
from tests.support.builders import endpoint
from tests.support.receiver import webhook_receiver
from tests.unit.fakes import FakeResolver

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
# Nothing listens on these: every connection to them is refused at once.
CLOSED = ["127.0.0.2", "127.0.0.3"]


def _sender(addresses: list[str]) -> HttpWebhookSender:
    return HttpWebhookSender(
        timeout_seconds=2,
        allowed_networks=parse_networks("127.0.0.0/8"),
        resolver=FakeResolver({"receiver.test": addresses}),
        clock=SystemClock(),
    )


def _endpoint(port: int) -> WebhookEndpoint:
    return endpoint(organization_id=uuid4(), now=NOW, url=f"http://receiver.test:{port}/hook")


def _event() -> Event:
    subject = uuid4()
    return new_event(
        EventType.MEMBER_CREATED,
        organization_id=uuid4(),
        subject_type="member",
        subject_id=subject,
        event_id=uuid4(),
        now=NOW,
        data={"member_id": str(subject)},
    )


async def test_an_address_that_refuses_is_skipped_for_the_next_one() -> None:
    with webhook_receiver() as receiver:
        port = httpx.URL(receiver.url).port
        assert port is not None
        sender = _sender([CLOSED[0], "127.0.0.1"])
        try:
            outcome = await sender.attempt(_endpoint(port), _event())
        finally:
            await sender.close()
        assert (outcome.attempt.status_code, outcome.attempt.error) == (200, None)
        assert outcome.reached  # a disclosure, if the event is about another's member
        [delivery] = receiver.wait_for(1)
        assert delivery.headers["host"] == f"receiver.test:{port}"


async def test_the_first_address_that_answers_is_the_only_one_used() -> None:
    with webhook_receiver() as receiver:
        port = httpx.URL(receiver.url).port
        assert port is not None
        sender = _sender(["127.0.0.1", "127.0.0.1"])
        try:
            outcome = await sender.attempt(_endpoint(port), _event())
        finally:
            await sender.close()
        assert outcome.attempt.error is None
        assert len(receiver.wait_for(1)) == 1


async def test_when_every_address_refuses_the_attempt_fails_and_says_so() -> None:
    with webhook_receiver() as receiver:
        port = httpx.URL(receiver.url).port
        assert port is not None
        sender = _sender(CLOSED)
        try:
            outcome = await sender.attempt(_endpoint(port), _event())
        finally:
            await sender.close()
        assert outcome.attempt.status_code is None
        assert outcome.attempt.error == "could not deliver: ConnectError"
        assert not outcome.reached
        assert receiver.received == []


async def test_only_the_first_few_addresses_are_tried() -> None:
    with webhook_receiver() as receiver:
        port = httpx.URL(receiver.url).port
        assert port is not None
        closed = [f"127.0.0.{n}" for n in range(2, 2 + ADDRESSES_TRIED)]
        sender = _sender([*closed, "127.0.0.1"])
        try:
            outcome = await sender.attempt(_endpoint(port), _event())
        finally:
            await sender.close()
        assert outcome.attempt.error == "could not deliver: ConnectError"
        assert not outcome.reached
        assert receiver.received == []


async def test_one_forbidden_address_refuses_the_whole_host_before_any_connection() -> None:
    with webhook_receiver() as receiver:
        port = httpx.URL(receiver.url).port
        assert port is not None
        sender = _sender(["127.0.0.1", "10.0.0.1"])  # 10/8 is not allowed here
        try:
            outcome = await sender.attempt(_endpoint(port), _event())
        finally:
            await sender.close()
        assert outcome.attempt.status_code is None
        assert outcome.attempt.error is not None
        assert "private" in outcome.attempt.error
        assert not outcome.reached
        assert receiver.received == []
