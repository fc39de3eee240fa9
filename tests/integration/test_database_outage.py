"""A database outage answers 503 with Retry-After (never a 500), and the service heals by
itself once the database is back. The service under test reaches the database through a proxy
the test can cut, and its backends can be terminated while a request waits on a lock."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Iterator

import asyncpg
import httpx
import pytest

from tests.integration.conftest import SERVICE_SETTINGS, Org, create_member
from tests.support.locks import wait_for_waiter
from tests.support.proxy import DatabaseProxy, database_proxy
from tests.support.server import ServiceProcess, service_process

UNAVAILABLE = "/docs/problems/database-unavailable"


@pytest.fixture(scope="module")
def proxy(dsn: str) -> Iterator[DatabaseProxy]:
    with database_proxy(dsn) as started:
        yield started


@pytest.fixture(scope="module")
def outage_service(proxy: DatabaseProxy) -> Iterator[ServiceProcess]:
    with service_process(proxy.dsn, **SERVICE_SETTINGS) as service:
        yield service


@pytest.fixture(scope="module")
def outage_url(outage_service: ServiceProcess) -> str:
    return outage_service.url


def assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == UNAVAILABLE
    assert int(response.headers["retry-after"]) >= 1


def heals(http: httpx.Client, path: str, org: Org, seconds: float = 15) -> list[int]:
    """Statuses answered until the first 200 (which ends the list)."""
    statuses: list[int] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        response = http.get(path, headers=org.headers)
        statuses.append(response.status_code)
        if response.status_code == 200:
            return statuses
        assert_unavailable(response)
        time.sleep(0.2)
    raise AssertionError(f"no 200 within {seconds} s: {statuses}")


def test_a_database_that_goes_away_answers_503_and_the_service_heals(
    proxy: DatabaseProxy, outage_url: str, client: httpx.Client, org: Org
) -> None:
    member = create_member(client, org)
    path = f"/v1/members/{member['id']}"
    with httpx.Client(base_url=outage_url, timeout=30) as http:
        assert http.get(path, headers=org.headers).status_code == 200  # the key is now cached
        proxy.cut()
        try:
            assert_unavailable(http.get(path, headers=org.headers))
            assert_unavailable(http.get("/v1/members", headers=org.headers))
            created = http.post(
                "/v1/members",
                json={"display_name": "Ana", "timezone": "Europe/Lisbon"},
                headers={**org.headers, "Idempotency-Key": "outage-1"},
            )
            assert_unavailable(created)
            assert_unavailable(http.patch(path, json={"display_name": "Kim"}, headers=org.headers))
        finally:
            proxy.restore()
        assert heals(http, path, org)[-1] == 200
        # The refused create left nothing behind: the same key now creates the member once.
        again = http.post(
            "/v1/members",
            json={"display_name": "Ana", "timezone": "Europe/Lisbon"},
            headers={**org.headers, "Idempotency-Key": "outage-1"},
        )
        assert again.status_code == 201, again.text
        assert "idempotent-replayed" not in again.headers


@pytest.mark.parametrize("how", ["terminate-backend", "cut-connection"])
async def test_a_backend_lost_mid_request_answers_503_and_the_next_request_succeeds(
    how: str,
    dsn: str,
    proxy: DatabaseProxy,
    outage_service: ServiceProcess,
    client: httpx.Client,
    org: Org,
) -> None:
    member = create_member(client, org)
    path = f"/v1/members/{member['id']}"
    admin = await asyncpg.connect(dsn)
    watcher = await asyncpg.connect(dsn)
    try:
        async with httpx.AsyncClient(base_url=outage_service.url, timeout=30) as http:
            assert (await http.get(path, headers=org.headers)).status_code == 200
            holder = admin.transaction()
            await holder.start()
            await admin.execute("SELECT 1 FROM members WHERE id = $1 FOR UPDATE", member["id"])
            # As right after an outage, the pool's connections are all new: the PATCH runs on
            # a backend that starts after the watch began.
            await asyncio.to_thread(proxy.cut)
            await asyncio.to_thread(proxy.restore)
            pending = asyncio.create_task(
                http.patch(path, json={"display_name": "Kim"}, headers=org.headers)
            )
            waiter = await wait_for_waiter(watcher, admin.get_server_pid(), pending)
            if how == "terminate-backend":
                await admin.execute("SELECT pg_terminate_backend($1)", waiter)
            else:
                await asyncio.to_thread(proxy.cut)
            response = await pending
            await holder.rollback()
            if how == "cut-connection":
                await asyncio.to_thread(proxy.restore)
            assert_unavailable(response)
            # Healed without a restart: the member is unchanged, and the same change now works.
            for _ in range(75):
                read = await http.get(path, headers=org.headers)
                if read.status_code == 200:
                    break
                assert_unavailable(read)
                await asyncio.sleep(0.2)
            assert read.status_code == 200
            assert read.json()["display_name"] == "Sam"
            changed = await http.patch(path, json={"display_name": "Kim"}, headers=org.headers)
            assert changed.status_code == 200, changed.text
            assert changed.json()["display_name"] == "Kim"
    finally:
        await watcher.close()
        await admin.close()


def test_a_worker_tells_where_its_tasks_wait_when_asked(outage_service: ServiceProcess) -> None:
    told = outage_service.stacks()
    # The C-level dump of every thread (even a stuck loop cannot stop it)...
    assert "most recent call first" in told
    # ...and, from the loop, every task with the line it waits on.
    assert "asked for the stacks of" in told
    assert "repeat_forever" in told  # the background sweeps are tasks...
    # ...and say where they wait, down to the innermost await (asyncio.sleep's own frame).
    assert re.search(r'asyncio/tasks\.py\\?", line \d+, in sleep', told), told  # (JSON-escaped)
    assert outage_service.process.poll() is None  # and the worker carries on
    assert httpx.get(outage_service.url + "/health/live").status_code == 200
