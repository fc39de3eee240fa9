"""What one client can make a worker hold is bounded: header size (431), header time (408),
idle connections, connections per worker; meanwhile a normal client keeps getting answers.
One service with small bounds (and a larger body limit, to reach the JSON depth guard with
100,000 levels)."""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Iterator

import httpx
import psutil
import pytest

from tests.integration.conftest import SERVICE_SETTINGS, Org
from tests.support.server import ServiceProcess, service_process

MAX_HEADER_BYTES = 8192
HEADER_TIMEOUT = 1.0
KEEP_ALIVE_TIMEOUT = 1.0
MAX_CONNECTIONS = 30


@pytest.fixture(scope="module")
def bounded(dsn: str) -> Iterator[ServiceProcess]:
    settings = {
        **SERVICE_SETTINGS,
        "max_header_bytes": str(MAX_HEADER_BYTES),
        "header_timeout_seconds": str(HEADER_TIMEOUT),
        "keep_alive_timeout_seconds": str(KEEP_ALIVE_TIMEOUT),
        "max_connections": str(MAX_CONNECTIONS),
        "max_body_bytes": str(300_000),
    }
    with service_process(dsn, **settings) as service:
        yield service


def _connect(service: ServiceProcess) -> socket.socket:
    port = int(service.url.rsplit(":", 1)[1])
    return socket.create_connection(("127.0.0.1", port), timeout=10)


def _read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    received = b""
    try:
        while chunk := sock.recv(65536):
            received += chunk
    except ConnectionResetError:
        pass
    return received


def test_headers_over_the_cap_are_a_431_and_the_connection_is_closed(
    bounded: ServiceProcess,
) -> None:
    with _connect(bounded) as sock:
        sock.sendall(b"GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 16_384)
        answer = _read_all(sock)
    assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]
    assert b"application/problem+json" in answer
    assert b"/headers-too-large" in answer
    # Many small headers count too.
    many = b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 100) for i in range(200))
    with _connect(bounded) as sock:
        sock.sendall(b"GET /health/live HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n")
        assert _read_all(sock).startswith(b"HTTP/1.1 431 ")


def test_a_huge_header_is_cut_off_early_and_costs_the_worker_no_memory(
    bounded: ServiceProcess,
) -> None:
    worker = psutil.Process(bounded.process.pid)
    before = worker.memory_info().rss
    sent = 0
    chunk = b"a" * 65_536
    with _connect(bounded) as sock:
        sock.sendall(b"GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ")
        try:
            while sent < 64 * 1024 * 1024:
                sock.sendall(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = _read_all(sock)
    assert sent < 8 * 1024 * 1024, "the server kept reading a 64 MB header"
    assert answer == b"" or answer.startswith(b"HTTP/1.1 431 ")
    assert worker.memory_info().rss - before < 16 * 1024 * 1024
    assert httpx.get(bounded.url + "/health/live").status_code == 200


def test_stalled_headers_are_cut_off_within_the_deadline(bounded: ServiceProcess) -> None:
    with _connect(bounded) as sock:
        started = time.monotonic()
        sock.sendall(b"GET /health/live HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
        answer = _read_all(sock)
        waited = time.monotonic() - started
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert HEADER_TIMEOUT * 0.9 <= waited < HEADER_TIMEOUT + 2


def test_a_slowloris_client_is_cut_off_while_others_are_answered(
    bounded: ServiceProcess, client: httpx.Client, org: Org
) -> None:
    trickling = [_connect(bounded) for _ in range(10)]
    try:
        for sock in trickling:
            sock.sendall(b"GET /health/live HTTP/1.1\r\n")
        started = time.monotonic()
        answered = 0
        with httpx.Client(base_url=bounded.url, timeout=5) as http:
            while time.monotonic() - started < HEADER_TIMEOUT + 1:
                for sock in trickling:
                    with contextlib.suppress(OSError):
                        sock.sendall(b"X-A: b\r\n")  # one header line at a time, never done
                assert http.get("/v1/members", headers=org.headers).status_code == 200
                answered += 1
                time.sleep(0.1)
        assert answered >= 3  # a normal client kept being answered all along
        for sock in trickling:
            sock.settimeout(HEADER_TIMEOUT + 2)
            assert _read_all(sock).startswith(b"HTTP/1.1 408 ")
    finally:
        for sock in trickling:
            sock.close()


def test_idle_connections_are_closed(bounded: ServiceProcess) -> None:
    with _connect(bounded) as silent:
        started = time.monotonic()
        assert _read_all(silent) == b""  # never sent anything: closed without an answer
        assert time.monotonic() - started < HEADER_TIMEOUT + 2
    with _connect(bounded) as kept_alive:
        kept_alive.sendall(b"GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n")
        started = time.monotonic()
        answer = _read_all(kept_alive)
        assert answer.startswith(b"HTTP/1.1 200 ")
        assert time.monotonic() - started < KEEP_ALIVE_TIMEOUT + 2


def test_connections_past_the_bound_are_closed_at_once(bounded: ServiceProcess) -> None:
    held = [_connect(bounded) for _ in range(MAX_CONNECTIONS)]
    try:
        time.sleep(0.2)
        with _connect(bounded) as extra:
            extra.settimeout(HEADER_TIMEOUT / 2)
            with contextlib.suppress(ConnectionResetError):
                assert extra.recv(1) == b""  # closed at once, long before any timeout
    finally:
        for sock in held:
            sock.close()
    deadline = time.monotonic() + 5
    while True:
        try:
            if httpx.get(bounded.url + "/health/live", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "the worker did not take connections again"
        time.sleep(0.1)


def test_json_100000_levels_deep_is_a_400(bounded: ServiceProcess, org: Org) -> None:
    for body in (b"[" * 100_000 + b"]" * 100_000, b'{"display_name":' + b"[" * 100_000):
        response = httpx.post(
            bounded.url + "/v1/members",
            content=body,
            headers={**org.headers, "Content-Type": "application/json"},
        )
        assert response.status_code == 400, response.text
        assert response.json()["type"].endswith("/invalid-request")


def test_stalled_headers_are_cut_off_on_every_operation(bounded: ServiceProcess) -> None:
    from tests.integration.test_every_endpoint import ENDPOINTS

    operations = sorted(ENDPOINTS)
    # In batches below the connection bound of this service.
    for first in range(0, len(operations), MAX_CONNECTIONS - 10):
        stalled = []
        try:
            for method, path in operations[first : first + MAX_CONNECTIONS - 10]:
                target = path.replace("{", "").replace("}", "")  # the headers never finish
                sock = _connect(bounded)
                stalled.append(sock)
                sock.sendall(f"{method.upper()} {target} HTTP/1.1\r\nHost: x\r\n".encode())
            started = time.monotonic()
            answers = []
            for sock in stalled:
                sock.settimeout(HEADER_TIMEOUT + 3)
                answers.append(_read_all(sock))
            assert time.monotonic() - started < HEADER_TIMEOUT + 3
            assert all(a.startswith(b"HTTP/1.1 408 ") for a in answers), answers[:3]
        finally:
            for sock in stalled:
                sock.close()


def test_a_large_body_after_pipelined_headers_is_not_taken_for_headers(
    bounded: ServiceProcess, org: Org
) -> None:
    """Only a request's line and headers count against the header cap, whatever arrives
    after them on the same connection (here: the body of a pipelined request, read by the
    handler after the first response has gone)."""
    body = b'{"display_name": "' + b"a" * 19_000 + b'", "timezone": "UTC"}'
    with _connect(bounded) as sock:
        sock.sendall(
            b"GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n"
            b"POST /v1/members HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Authorization: {org.headers['Authorization']}\r\n".encode()
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
        )
        answers = b""
        while answers.count(b"HTTP/1.1 ") < 1 or b'{"status":"ok"}' not in answers:
            answers += sock.recv(65536)
        time.sleep(0.2)
        sock.sendall(body)
        sock.settimeout(5)
        while answers.count(b"HTTP/1.1 ") < 2:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answers += chunk
    assert answers.startswith(b"HTTP/1.1 200 "), answers[:200]
    assert b"HTTP/1.1 400 " in answers, answers[-400:]  # display_name too long: the body was read
    assert b" 431 " not in answers


def test_a_pipelined_request_that_starts_after_a_large_body_is_not_taken_for_big_headers(
    bounded: ServiceProcess, org: Org
) -> None:
    """A read that holds the end of one request's body and the beginning of the next request's
    headers: only the new request's own bytes count against the header cap."""
    body = b'{"display_name": "' + b"a" * 40_000 + b'", "timezone": "UTC"}'
    with _connect(bounded) as sock:
        sock.sendall(
            b"POST /v1/members HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Authorization: {org.headers['Authorization']}\r\n".encode()
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
            + b"GET /health/live HTTP/1.1\r\nHo"  # the next request's headers, unfinished
        )
        time.sleep(0.3)
        sock.sendall(b"st: x\r\n\r\n")
        sock.settimeout(5)
        answers = b""
        while answers.count(b"HTTP/1.1 ") < 2:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answers += chunk
    assert b" 431 " not in answers, answers[:300]
    assert answers.startswith(b"HTTP/1.1 400 "), answers[:300]  # display_name too long
    assert b"HTTP/1.1 200 " in answers, answers[-300:]
