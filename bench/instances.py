"""More than one machine (issue #15, part 3): several service instances on one PostgreSQL,
directly or through PgBouncer in transaction pooling mode, checked under load for what must
behave as with one instance.

    .venv/bin/python -m bench.instances                # three instances, two workers each
    .venv/bin/python -m bench.instances --pgbouncer    # the same through PgBouncer

Needs `wrk` (apt-get install wrk) and, for --pgbouncer, Debian's `pgbouncer` package. Uses the
embedded PostgreSQL in .data/bench-pg (or DATABASE_URL's server) in a scratch database.
Instances are separate processes (`support-network serve`, SN_WORKERS=2) on their own loopback
ports. Through PgBouncer they connect with SN_STATEMENT_CACHE_SIZE=0 (PgBouncer 1.18 cannot
follow named prepared statements from one server connection to the next) and migrate over a
direct connection (SN_MIGRATION_DATABASE_URL).

While wrk drives GET /v1/members/{id} at every instance, it checks:
- idempotency: the same Idempotency-Key sent to every instance at once makes one member, and
  every success names it;
- webhooks: every member.created event reaches each endpoint once, in feed order;
- sweeps: the milestone of members whose recovery began a week ago is announced once;
- the key cache: a key revoked through one instance is refused by all of them within the
  cache's time to live (SN_KEY_CACHE_TTL_SECONDS=2 here);
and then, with a quota of 300 per minute, that one key's requests at 200/s spread over every
instance are refused past the quota, overshooting it by no more than one sync interval's
worth (README, "Rate limits"). Prints each check, the load's figures, and exits 1 if a check
failed."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import asyncpg
import httpx
import msgspec

from bench.run import GET_SCRIPT, _ms
from tests.support.database import fresh_database
from tests.support.server import ServiceProcess, cli, free_port, service_process, token_from

REPO = Path(__file__).resolve().parents[1]
PGBOUNCER = "/usr/sbin/pgbouncer"


class Check(msgspec.Struct):
    name: str
    passed: bool
    detail: str


# --- PgBouncer ------------------------------------------------------------------------------


@contextlib.contextmanager
def pgbouncer(direct_dsn: str, pool_size: int) -> Iterator[str]:
    """PgBouncer in transaction mode before `direct_dsn`'s server (over its unix socket, or its
    host and port); yields the DSN of the same database through it."""
    parts = urlsplit(direct_dsn)
    database = parts.path.lstrip("/")
    query = parse_qs(parts.query)
    socket_dir = query.get("host", [parts.hostname or ""])[0]
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="pgbouncer-"))
    server = f"host={socket_dir}" + (f" port={parts.port}" if parts.port else "")
    user = parts.username or "postgres"
    (workdir / "pgbouncer.ini").write_text(
        f"""[databases]
* = {server}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = trust
auth_file = {workdir}/userlist.txt
pool_mode = transaction
default_pool_size = {pool_size}
max_client_conn = 4000
ignore_startup_parameters = extra_float_digits
logfile = {workdir}/pgbouncer.log
"""
    )
    (workdir / "userlist.txt").write_text(f'"{user}" ""\n')
    # PgBouncer will not run as root: it runs as the owner of the server's socket directory.
    owner = pwd.getpwuid(os.stat(socket_dir).st_uid).pw_name if socket_dir.startswith("/") else ""
    command = [PGBOUNCER, str(workdir / "pgbouncer.ini")]
    if os.geteuid() == 0:
        shutil.chown(workdir, owner or "nobody")
        for name in ("pgbouncer.ini", "userlist.txt"):
            shutil.chown(workdir / name, owner or "nobody")
        command[1:1] = ["-u", owner or "nobody"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with contextlib.closing(
                    __import__("socket").create_connection(("127.0.0.1", port))
                ):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"pgbouncer did not start; see {workdir}") from None
                time.sleep(0.1)
        yield f"postgresql://{user}@127.0.0.1:{port}/{database}"
    finally:
        process.terminate()
        process.wait(timeout=10)


# --- A webhook receiver that knows its endpoints --------------------------------------------


class Deliveries:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.by_endpoint: dict[str, list[str]] = {}

    def add(self, endpoint: str, event_id: str) -> None:
        with self.lock:
            self.by_endpoint.setdefault(endpoint, []).append(event_id)

    def received(self) -> dict[str, list[str]]:
        with self.lock:
            return {k: list(v) for k, v in self.by_endpoint.items()}


@contextlib.contextmanager
def receiver() -> Iterator[tuple[str, Deliveries]]:
    deliveries = Deliveries()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            deliveries.add(self.path.rsplit("/", 1)[-1], msgspec.json.decode(body)["id"])
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hooks", deliveries
    finally:
        server.shutdown()
        server.server_close()


# --- Instances ------------------------------------------------------------------------------


@contextlib.contextmanager
def instances(
    count: int, workers: int, dsn: str, direct_dsn: str, through_pgbouncer: bool, **extra: str
) -> Iterator[list[ServiceProcess]]:
    settings = {
        "workers": str(workers),
        "migration_database_url": direct_dsn,
        "key_cache_ttl_seconds": "2",
        "webhook_allowed_networks": "127.0.0.0/8",
        "webhook_poll_seconds": "0.2",
        "milestone_sweep_seconds": "0.5",
        "pool_min_size": "2",
        "pool_max_size": "8",
        **({"statement_cache_size": "0"} if through_pgbouncer else {}),
        **extra,
    }
    with contextlib.ExitStack() as stack:
        yield [stack.enter_context(service_process(dsn, **settings)) for _ in range(count)]


def _headers(token: str, **more: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **more}


# --- The checks -----------------------------------------------------------------------------


async def check_idempotency(urls: list[str], token: str, direct_dsn: str) -> Check:
    keys = 20
    async with httpx.AsyncClient(timeout=30) as client:

        async def one_key(n: int) -> tuple[str, list[int], set[str]]:
            tag = f"idem-{uuid.uuid4().hex[:12]}"
            body = {"display_name": f"Idem {n}", "timezone": "UTC", "external_ref": tag}
            headers = _headers(token, **{"Idempotency-Key": tag})
            sends = [
                client.post(url + "/v1/members", json=body, headers=headers)
                for url in urls
                for _ in range(2)
            ]
            answers = await asyncio.gather(*sends)
            ids = {a.json()["id"] for a in answers if a.status_code == 201}
            return tag, [a.status_code for a in answers], ids

        results = await asyncio.gather(*(one_key(n) for n in range(keys)))
    connection = await asyncpg.connect(direct_dsn)
    try:
        counts = {
            r["external_ref"]: r["n"]
            for r in await connection.fetch(
                "SELECT external_ref, count(*) AS n FROM members "
                "WHERE external_ref = ANY($1::text[]) GROUP BY external_ref",
                [tag for tag, _, _ in results],
            )
        }
    finally:
        await connection.close()
    statuses = sorted({s for _, found, _ in results for s in found})
    one_each = all(counts.get(tag) == 1 for tag, _, _ in results)
    same_id = all(len(ids) == 1 for _, _, ids in results)
    only_known = set(statuses) <= {201, 409}
    return Check(
        "idempotency across instances",
        one_each and same_id and only_known,
        f"{keys} keys x {2 * len(urls)} concurrent sends: one member each: {one_each}; "
        f"every 201 names it: {same_id}; statuses seen {statuses}",
    )


async def feed_order(url: str, token: str, types: str) -> list[str]:
    order: list[str] = []
    cursor: str | None = None
    async with httpx.AsyncClient(timeout=30) as client:
        while True:
            params = {"types": types, "limit": "100", **({"cursor": cursor} if cursor else {})}
            page = (
                await client.get(url + "/v1/events", params=params, headers=_headers(token))
            ).json()
            order += [e["id"] for e in page["data"]]
            if len(page["data"]) < 100:
                return order
            cursor = page["next_cursor"]


async def check_webhooks(
    url: str, token: str, deliveries: Deliveries, endpoints: list[str], wait_seconds: float = 60
) -> Check:
    # Every member.created event is in the feed once everything has committed; wait for all
    # to arrive at every endpoint.
    deadline = time.monotonic() + wait_seconds
    while True:
        expected = await feed_order(url, token, "member.created")
        got = deliveries.received()
        if all(len(got.get(e, [])) >= len(expected) for e in endpoints):
            break
        if time.monotonic() > deadline:
            break
        await asyncio.sleep(0.5)
    problems = []
    for endpoint in endpoints:
        received = got.get(endpoint, [])
        if len(received) != len(set(received)):
            problems.append(f"{endpoint}: {len(received) - len(set(received))} duplicates")
        if received != expected:
            problems.append(f"{endpoint}: {len(received)} received, {len(expected)} expected")
    return Check(
        "webhooks: each event once, in feed order",
        not problems,
        f"{len(endpoints)} endpoints x {len(expected)} member.created events; "
        + ("; ".join(problems) or "all once and in order"),
    )


async def check_sweeps(direct_dsn: str, members: list[str], wait_seconds: float = 30) -> Check:
    connection = await asyncpg.connect(direct_dsn)
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            rows = await connection.fetch(
                "SELECT data->>'member_id' AS member, data->>'milestone_key' AS key, "
                "count(*) AS n FROM outbox_events WHERE type = 'milestone.reached' "
                "AND data->>'member_id' = ANY($1::text[]) GROUP BY 1, 2",
                members,
            )
            announced = {r["member"] for r in rows}
            if announced >= set(members) or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.5)
    finally:
        await connection.close()
    twice = [r for r in rows if r["n"] > 1]
    per_member = len(rows) / max(1, len(members))
    return Check(
        "sweeps: each milestone announced once",
        not twice and announced >= set(members),
        f"{len(members)} members, {len(rows)} milestones ({per_member:.1f} each), "
        f"announced twice: {len(twice)}",
    )


async def check_key_cache(urls: list[str], token: str) -> Check:
    async with httpx.AsyncClient(timeout=30) as client:
        made = await client.post(
            urls[0] + "/v1/api-keys",
            json={"name": "revoked-soon", "scopes": ["members:read"]},
            headers=_headers(token),
        )
        victim, key_id = made.json()["token"], made.json()["key"]["id"]
        # Every worker of every instance sees (and caches) it.
        warm = [
            (await client.get(url + "/v1/members", headers=_headers(victim))).status_code
            for url in urls
            for _ in range(8)
        ]
        revoked = await client.delete(f"{urls[0]}/v1/api-keys/{key_id}", headers=_headers(token))
        await asyncio.sleep(2 + 1)
        after = [
            (await client.get(url + "/v1/members", headers=_headers(victim))).status_code
            for url in urls
            for _ in range(10)
        ]
    return Check(
        "key cache: a revoked key refused by every instance within the TTL",
        set(warm) == {200} and revoked.status_code == 204 and set(after) == {401},
        f"before: {sorted(set(warm))}; revoked: {revoked.status_code}; "
        f"3 s later, {len(after)} requests over every instance: {sorted(set(after))}",
    )


async def check_rate_limit(urls: list[str], token: str, quota: int, sync_seconds: float) -> Check:
    # Start in a fresh window (windows are aligned on the clock) with room to finish in it.
    await asyncio.sleep(60 - time.time() % 60 + 0.2)
    rate, total = 200, 3 * quota
    statuses: list[int] = []
    async with httpx.AsyncClient(timeout=30) as client:
        started = time.monotonic()

        async def send(n: int) -> None:
            await asyncio.sleep(n / rate)
            answer = await client.get(urls[n % len(urls)] + "/v1/members", headers=_headers(token))
            statuses.append(answer.status_code)

        await asyncio.gather(*(send(n) for n in range(total)))
        elapsed = time.monotonic() - started
    accepted, refused = statuses.count(200), statuses.count(429)
    # Together the workers may overshoot by about what they serve in one sync interval.
    bound = quota + rate * sync_seconds * 1.5
    return Check(
        "rate limit shared by every instance",
        quota <= accepted <= bound and accepted + refused == total,
        f"quota {quota}/min, {total} requests at {rate}/s over {len(urls)} instances in "
        f"{elapsed:.1f} s: {accepted} accepted, {refused} refused (bound {bound:.0f})",
    )


# --- Load -----------------------------------------------------------------------------------


def start_load(urls: list[str], token: str, ids_file: Path, seconds: int) -> list[Any]:
    script = GET_SCRIPT % {"ids": ids_file, "token": token, "prefix": "/v1/members/", "suffix": ""}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    return [
        subprocess.Popen(
            ["wrk", "-t1", "-c16", f"-d{seconds}s", "--latency", "-s", handle.name, url + "/"],
            stdout=subprocess.PIPE,
            text=True,
        )
        for url in urls
    ]


def load_figures(processes: list[Any]) -> tuple[float, float, float, int]:
    rps = p50 = p99 = 0.0
    non_2xx = 0
    for process in processes:
        output = process.communicate()[0]
        rps += float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
        p50 = max(p50, _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)))  # type: ignore[union-attr]
        p99 = max(p99, _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)))  # type: ignore[union-attr]
        found = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        non_2xx += int(found.group(1)) if found else 0
    return rps, p50, p99, non_2xx


async def create_members(urls: list[str], token: str, count: int, **fields: str) -> list[str]:
    async with httpx.AsyncClient(timeout=30) as client:
        semaphore = asyncio.Semaphore(12)

        async def one(n: int) -> str:
            async with semaphore:
                answer = await client.post(
                    urls[n % len(urls)] + "/v1/members",
                    json={"display_name": f"Member {n}", "timezone": "UTC", **fields},
                    headers=_headers(token),
                )
                assert answer.status_code == 201, answer.text
                member_id: str = answer.json()["id"]
                return member_id

        return list(await asyncio.gather(*(one(n) for n in range(count))))


def run(args: argparse.Namespace, direct_dsn: str, dsn: str) -> list[Check]:
    made = cli(direct_dsn, "orgs", "create", "--name", "Instances", "--kind", "community_app")
    token = token_from(made)
    checks: list[Check] = []
    with (
        receiver() as (hook_url, deliveries),
        # One key drives the load: the limiter runs (and costs) but never refuses here.
        instances(
            args.instances,
            args.workers,
            dsn,
            direct_dsn,
            args.pgbouncer,
            rate_limit_quota="1000000000",
        ) as running,
    ):
        urls = [s.url for s in running]
        endpoints = []
        with httpx.Client(timeout=30) as client:
            for n in range(4):
                answer = client.post(
                    urls[n % len(urls)] + "/v1/webhook-endpoints",
                    json={"url": f"{hook_url}/{n}", "event_types": ["member.created"]},
                    headers=_headers(token),
                )
                assert answer.status_code == 201, answer.text
                endpoints.append(str(n))
        members = asyncio.run(create_members(urls, token, 300))
        ids_file = REPO / ".data" / "instances-ids.txt"
        ids_file.write_text("\n".join(members) + "\n")
        load = start_load(urls, token, ids_file, args.duration)
        # Seven days ago: the 7-day milestone fell due today (UTC), within the day before
        # they were recorded, so it is announced (older ones are stored quietly).
        started = (datetime.now(UTC).date() - timedelta(days=7)).isoformat()
        recovering = asyncio.run(create_members(urls, token, 60, recovery_started_on=started))
        checks.append(asyncio.run(check_idempotency(urls, token, direct_dsn)))
        checks.append(asyncio.run(check_key_cache(urls, token)))
        checks.append(asyncio.run(check_sweeps(direct_dsn, recovering)))
        rps, p50, p99, non_2xx = load_figures(load)
        checks.append(asyncio.run(check_webhooks(urls[0], token, deliveries, endpoints)))
        checks.append(
            Check(
                "load: GET /v1/members/{id} at every instance",
                non_2xx == 0,
                f"{rps:.0f} requests/s in all, p50 {p50:.1f} ms, p99 {p99:.1f} ms "
                f"(worst instance), non-2xx {non_2xx}",
            )
        )
    with instances(
        args.instances,
        args.workers,
        dsn,
        direct_dsn,
        args.pgbouncer,
        rate_limit_quota="300",
        rate_limit_window_seconds="60",
    ) as running:
        urls = [s.url for s in running]
        checks.append(asyncio.run(check_rate_limit(urls, token, 300, 1.0)))
    return checks


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--instances", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--duration", type=int, default=20, help="seconds of wrk load")
    parser.add_argument("--pgbouncer", action="store_true")
    parser.add_argument("--pool-size", type=int, default=20, help="PgBouncer's server pool")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is needed: apt-get install wrk", file=sys.stderr)
        return 2
    if args.pgbouncer and not Path(PGBOUNCER).exists():
        print("pgbouncer is needed: apt-get install pgbouncer", file=sys.stderr)
        return 2
    os.environ.setdefault("SN_DATA_DIR", str(REPO / ".data" / "bench"))
    started = datetime.now(UTC)
    with fresh_database() as direct_dsn, contextlib.ExitStack() as stack:
        dsn = (
            stack.enter_context(pgbouncer(direct_dsn, args.pool_size))
            if args.pgbouncer
            else direct_dsn
        )
        checks = run(args, direct_dsn, dsn)
    how = (
        f"through PgBouncer (transaction pooling, pool {args.pool_size})"
        if args.pgbouncer
        else "directly"
    )
    print(
        f"\n{args.instances} instances x {args.workers} workers on one PostgreSQL, {how}; "
        f"{started:%Y-%m-%d}\n"
    )
    for check in checks:
        print(f"[{'ok' if check.passed else 'FAILED'}] {check.name}: {check.detail}")
    return 0 if all(c.passed for c in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
