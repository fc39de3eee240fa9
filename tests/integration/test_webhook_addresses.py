"""A webhook attempt against a host with several addresses, over real loopback sockets: the
sender tries each checked address in turn when one refuses the connection."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import httpx
import pytest

from service.adapters import webhooks
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


def _counting(
    connections: list[int], number: int
) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter], Any]:
    """A receiver answering 204 to every request, counting the connections it accepts."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections[number] += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                await reader.readexactly(length)
                writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    return serve


async def test_a_connection_to_each_of_many_receivers_is_kept_for_its_next_delivery() -> None:
    """Dispatchers go round many endpoints: the second round reuses every first round's
    connection (httpx's own default keeps 20, and 30 receivers made every attempt connect)."""
    connections = [0] * 30

    servers = [
        await asyncio.start_server(_counting(connections, number), "127.0.0.1", 0)
        for number in range(len(connections))
    ]
    sender = _sender(["127.0.0.1"])
    try:
        for _ in range(2):
            for server in servers:
                port = server.sockets[0].getsockname()[1]
                outcome = await sender.attempt(_endpoint(port), _event())
                assert outcome.attempt.status_code == 204
    finally:
        await sender.close()
        for server in servers:
            server.close()
    assert connections == [1] * len(connections)


async def test_an_answer_whose_body_never_ends_is_still_the_answer() -> None:
    """The body is read only to keep the connection: a receiver that answers 200 and then
    stalls in its body has answered, and the delivery is not failed for it."""

    async def stall(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nx")
        await writer.drain()
        await asyncio.sleep(10)
        writer.close()

    server = await asyncio.start_server(stall, "127.0.0.1", 0)
    sender = HttpWebhookSender(
        timeout_seconds=0.5,
        allowed_networks=parse_networks("127.0.0.0/8"),
        resolver=FakeResolver({"receiver.test": ["127.0.0.1"]}),
        clock=SystemClock(),
    )
    try:
        port = server.sockets[0].getsockname()[1]
        outcome = await sender.attempt(_endpoint(port), _event())
    finally:
        await sender.close()
        server.close()
    assert (outcome.attempt.status_code, outcome.attempt.error) == (200, None)
    assert outcome.reached


async def test_past_the_receivers_kept_the_least_lately_used_connection_is_closed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(webhooks, "KEPT_RECEIVERS", 2)
    connections = [0] * 3
    servers = [
        await asyncio.start_server(_counting(connections, number), "127.0.0.1", 0)
        for number in range(len(connections))
    ]
    ports = [server.sockets[0].getsockname()[1] for server in servers]
    sender = _sender(["127.0.0.1"])
    try:
        for number in (0, 1, 2, 0, 2):
            outcome = await sender.attempt(_endpoint(ports[number]), _event())
            assert outcome.attempt.status_code == 204
    finally:
        await sender.close()
        for server in servers:
            server.close()
    # The first receiver's connection was closed when the third came; the third's was kept.
    assert connections == [2, 1, 1]
