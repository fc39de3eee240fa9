"""Writes that lock a member row and another row take them in one order, so that two of them
running at once wait for each other instead of deadlocking. Each test holds, in a transaction of
its own, the lock the other writer takes first, lets the request run into it, then takes what
that other writer takes next."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from uuid import UUID

import asyncpg
import httpx

from tests.integration.conftest import Org, create_member
from tests.support.locks import wait_for_waiter


@asynccontextmanager
async def _holding(dsn: str, lock: str, member_id: str) -> AsyncIterator[asyncpg.Connection]:
    """A transaction holding `lock` on the member's row (an erasure's or a cheer's first
    step), with a short lock timeout for what it does next."""
    holder = await asyncpg.connect(dsn)
    try:
        async with holder.transaction():
            await holder.execute("SET LOCAL lock_timeout = '5s'")
            await holder.execute(f"SELECT 1 FROM members WHERE id = $1 {lock}", UUID(member_id))
            yield holder
    finally:
        await holder.close()


async def test_a_check_in_and_an_erasure_of_its_member_do_not_deadlock(
    dsn: str, base_url: str, client: httpx.Client, org: Org
) -> None:
    member = create_member(client, org, timezone="UTC")
    today = datetime.now(UTC).date()
    pledge = client.post(  # noqa: ASYNC212 (set-up, before anything runs concurrently)
        f"/v1/members/{member['id']}/pledges",
        json={"text": "No use today", "cadence": "daily", "starts_on": today.isoformat()},
        headers=org.headers,
    ).json()
    watcher = await asyncpg.connect(dsn)
    try:
        async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
            async with _holding(dsn, "FOR UPDATE", member["id"]) as erasure:
                check_in = asyncio.create_task(
                    http.post(
                        f"/v1/pledges/{pledge['id']}/check-ins",
                        json={"period": today.isoformat(), "outcome": "kept"},
                        headers=org.headers,
                    )
                )
                await wait_for_waiter(watcher, erasure.get_server_pid(), check_in)
                # The erasure's next step rewrites the member's pledges: the check-in must not
                # be holding one of them while it waits for the member.
                await erasure.execute(
                    "UPDATE pledges SET text = text WHERE member_id = $1", UUID(member["id"])
                )
            answered = await check_in
    finally:
        await watcher.close()
    assert answered.status_code == 201, answered.text


async def test_cheering_ones_own_milestone_twice_at_once_does_not_deadlock(
    dsn: str, base_url: str, client: httpx.Client, org: Org
) -> None:
    started = datetime.now(UTC).date() - timedelta(days=10)
    member = create_member(client, org, timezone="UTC", recovery_started_on=started.isoformat())
    url = f"/v1/members/{member['id']}/milestones/{started.isoformat()}.7d/cheers"
    # Another cheer of the member holds its row for share, as every cheer does first, and
    # would go on to the author's row (the same one): this cheer must not wait for it to end,
    # or each would wait for the other.
    async with (
        _holding(dsn, "FOR SHARE", member["id"]),
        httpx.AsyncClient(base_url=base_url, timeout=30) as http,
    ):
        cheered = await asyncio.wait_for(
            http.post(
                url, json={"author_member_id": member["id"], "message": "Me!"}, headers=org.headers
            ),
            timeout=10,
        )
    assert cheered.status_code == 201, cheered.text
