"""Load benchmark: the service next to the bare app, same database, same run, over loopback.

    make bench                      # or: .venv/bin/python -m bench.run --duration 15

Needs `wrk` on PATH (Debian: apt-get install wrk). Uses the embedded PostgreSQL in
.data/bench-pg (or DATABASE_URL's server), in a scratch database dropped at the end. Prints
requests/s and p50/p99 latency per endpoint, and the ratios the targets are stated in."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx
import msgspec

from service.adapters.system import uuid7
from tests.support.database import fresh_database
from tests.support.server import cli, free_port, token_from

REPO = Path(__file__).resolve().parents[1]

GET_SCRIPT = """
local ids = {}
for line in io.lines("%(ids)s") do ids[#ids + 1] = line end
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
wrk.headers["Authorization"] = "Bearer %(token)s"
request = function()
  return wrk.format("GET", "%(prefix)s" .. ids[math.random(#ids)] .. "%(suffix)s")
end
"""

# A post in a random network, by its author (lines of "network author").
POST_IN_NETWORK_SCRIPT = """
local pairs = {}
for line in io.lines("%(pairs)s") do
  local network, author = line:match("(%%S+) (%%S+)")
  pairs[#pairs + 1] = {network, author}
end
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer %(token)s"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local pick = pairs[math.random(#pairs)]
  local body = '{"author_member_id": "' .. pick[2] .. '", "kind": "share", '
    .. '"body": "Thirty days today. Calling my sponsor helped on the hard evenings."}'
  return wrk.format(nil, "%(prefix)s" .. pick[1] .. "%(suffix)s", nil, body)
end
"""

POST_SCRIPT = """
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer %(token)s"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
local tag = tostring({}):sub(8)
request = function()
  counter = counter + 1
  local body = '{"display_name": "Bench ' .. counter .. '", "timezone": "Europe/London"}'
  %(idempotency)s
  return wrk.format(nil, nil, nil, body)
end
"""


class Result(msgspec.Struct):
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int


def _ms(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if match is None:
        raise ValueError(f"unexpected wrk latency {value!r}")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def wrk(name: str, url: str, script: str, *, duration: int, connections: int) -> Result:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-s", handle.name, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(handle.name)
    (REPO / ".data" / "bench-wrk.log").open("a").write(f"== {name}\n{output}\n")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Result(name, rps, p50, p99, int(non_2xx.group(1)) if non_2xx else 0)


def settle(dsn: str) -> None:
    """Finish, before the next run starts, the background work the last one left: vacuum
    what it wrote (the consented reads' disclosure records, the creations' rows) and write
    out what it left dirty. Otherwise autovacuum and the checkpointer fall in whichever run
    comes next: the POST after the consented reads lost up to a fifth of its rate to the
    vacuum of their records. A run still pays for what it starts during its own 10 s."""

    async def vacuum_and_checkpoint() -> None:
        connection = await asyncpg.connect(dsn)
        try:
            await connection.execute("VACUUM")
            await connection.execute("CHECKPOINT")
        finally:
            await connection.close()

    asyncio.run(vacuum_and_checkpoint())


def _median(name: str, results: list[Result]) -> Result:
    return Result(
        name,
        statistics.median(r.rps for r in results),
        statistics.median(r.p50_ms for r in results),
        statistics.median(r.p99_ms for r in results),
        sum(r.non_2xx for r in results),
    )


@contextmanager
def process(args: list[str], env: dict[str, str], port: int, ready_path: str) -> Iterator[int]:
    (REPO / ".data" / "logs").mkdir(parents=True, exist_ok=True)
    log = (REPO / ".data" / "logs" / f"bench-{port}.log").open("w")
    proc = subprocess.Popen(args, cwd=REPO, env={**os.environ, **env}, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}{ready_path}", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{args} did not start; see {log.name}")
            time.sleep(0.1)
        yield proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def rss_mb(pid: int) -> float:
    import psutil

    proc = psutil.Process(pid)
    total: int = sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)])
    return total / 2**20


async def seed(dsn: str, organization_id: str, recipient_id: str, count: int) -> list[str]:
    """`count` members of one organization, each with a consent in force (profile and
    recovery) to the recipient organization."""
    connection = await asyncpg.connect(dsn)
    try:
        ids = [uuid.uuid4() for _ in range(count)]
        await connection.executemany(
            "INSERT INTO members (id, organization_id, display_name, timezone, external_ref, "
            "version, created_at, updated_at) "
            "VALUES ($1, $2, $3, 'Europe/London', $4, 1, now(), now())",
            [(i, uuid.UUID(organization_id), f"Member {n}", f"ext-{n}") for n, i in enumerate(ids)],
        )
        await connection.execute(
            "INSERT INTO consents (id, member_id, organization_id, recipient_organization_id, "
            "scopes, purpose, expires_on, expires_at, signature_method, signed_at, signed_by, "
            "recorded_by, recorded_by_key_id, version, created_at, updated_at) "
            "SELECT gen_random_uuid(), id, organization_id, $2, ARRAY['profile', 'recovery'], "
            "'bench', DATE '2099-01-01', TIMESTAMPTZ '2099-01-02', 'electronic', now(), 'member', "
            "'bench', gen_random_uuid(), 1, now(), now() FROM members WHERE organization_id = $1",
            uuid.UUID(organization_id),
            uuid.UUID(recipient_id),
        )
        await connection.execute("ANALYZE members")
        await connection.execute("ANALYZE consents")
    finally:
        await connection.close()
    return [str(i) for i in ids]


async def seed_conversation(
    dsn: str, organization_id: str, partner_id: str, members: list[str], networks: int, posts: int
) -> list[tuple[str, str]]:
    """`networks` groups created by the organization, the partner taking part in each; one
    author per network (taking part); `posts` posts spread evenly over them, with kept counts,
    written with COPY. Every member's consent to the partner covers the conversation too.
    Returns (network, author) pairs."""
    connection = await asyncpg.connect(dsn)
    try:
        org, partner = uuid.UUID(organization_id), uuid.UUID(partner_id)
        network_ids = [uuid.uuid4() for _ in range(networks)]
        authors = [uuid.UUID(members[n % len(members)]) for n in range(networks)]
        now = datetime.now(UTC)
        await connection.copy_records_to_table(
            "networks",
            columns=[
                "id",
                "kind",
                "name",
                "created_by_organization_id",
                "status",
                "version",
                "created_at",
                "updated_at",
            ],
            records=[
                (n, "group", f"Group {i}", org, "active", 1, now, now)
                for i, n in enumerate(network_ids)
            ],
        )
        await connection.copy_records_to_table(
            "network_organizations",
            columns=["network_id", "organization_id", "status", "joined_at", "version"],
            records=[(n, o, "active", now, 1) for n in network_ids for o in (org, partner)],
        )
        await connection.copy_records_to_table(
            "network_memberships",
            columns=[
                "id",
                "network_id",
                "member_id",
                "member_organization_id",
                "role",
                "status",
                "added_by_organization_id",
                "joined_at",
                "version",
                "created_at",
                "updated_at",
            ],
            records=[
                (uuid.uuid4(), n, a, org, "peer_supporter", "active", org, now, 1, now, now)
                for n, a in zip(network_ids, authors, strict=True)
            ],
        )
        per_network = max(1, posts // networks)
        start = now - timedelta(days=365)
        step = timedelta(days=365) / per_network
        reactions = '{"heart": 3, "same_here": 1}'

        def rows() -> Iterator[tuple[object, ...]]:
            for n, a in zip(network_ids, authors, strict=True):
                for k in range(per_network):
                    at = start + step * k
                    yield (
                        uuid7(int(at.timestamp() * 1000)),
                        n,
                        org,
                        a,
                        "advice" if k % 5 == 0 else "share",
                        "One day at a time: a walk after dinner, then call someone.",
                        ["cravings"],
                        "visible",
                        k % 7,
                        reactions,
                        1,
                        at,
                        at,
                    )

        await connection.copy_records_to_table(
            "posts",
            columns=[
                "id",
                "network_id",
                "organization_id",
                "author_member_id",
                "kind",
                "body",
                "tags",
                "state",
                "helpful_count",
                "reaction_counts",
                "version",
                "created_at",
                "updated_at",
            ],
            records=rows(),
        )
        await connection.execute(
            "UPDATE consents SET scopes = scopes || ARRAY['conversation'] "
            "WHERE recipient_organization_id = $1",
            partner,
        )
        for table in (
            "networks",
            "network_organizations",
            "network_memberships",
            "posts",
            "consents",
        ):
            await connection.execute(f"ANALYZE {table}")
    finally:
        await connection.close()
    return [(str(n), str(a)) for n, a in zip(network_ids, authors, strict=True)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--posts",
        type=int,
        default=0,
        help="also seed a conversation of this many posts (issue #13: 1000000) over --networks "
        "networks, and measure a page of 50 posts and posting",
    )
    parser.add_argument("--networks", type=int, default=10_000)
    parser.add_argument(
        "--only", default="", help="run only the endpoints whose name holds this text, e.g. POST"
    )
    parser.add_argument(
        "--compare-protocol",
        action="store_true",
        help="also serve the same app with uvicorn's own httptools protocol (no header bounds) "
        "and drive it alike: the cost of service/adapters/http/server.py",
    )
    parser.add_argument(
        "--compare-server",
        action="store_true",
        help="also serve the same app with granian (Rust's hyper; pip install granian) with "
        "the header bounds it has built in, and drive it alike: an ASGI server comparison",
    )
    args = parser.parse_args()
    granian_bin = Path(sys.executable).parent / "granian"
    if args.compare_server and not granian_bin.exists():
        print("--compare-server needs granian: .venv/bin/pip install granian", file=sys.stderr)
        return 2
    if shutil.which("wrk") is None:
        print("wrk is needed: apt-get install wrk", file=sys.stderr)
        return 2

    os.environ.setdefault("SN_DATA_DIR", str(REPO / ".data" / "bench"))
    (REPO / ".data").mkdir(exist_ok=True)
    with fresh_database() as dsn:
        made = cli(dsn, "orgs", "create", "--name", "Bench", "--kind", "community_app")
        token = token_from(made)
        organization_id = re.search(r"organization: (\S+)", made).group(1)  # type: ignore[union-attr]
        partner = cli(dsn, "orgs", "create", "--name", "Partner", "--kind", "clinic")
        partner_token = token_from(partner)
        partner_id = re.search(r"organization: (\S+)", partner).group(1)  # type: ignore[union-attr]
        ids = asyncio.run(seed(dsn, organization_id, partner_id, args.members))
        ids_file = REPO / ".data" / "bench-ids.txt"
        ids_file.write_text("\n".join(ids) + "\n")
        networks_file = REPO / ".data" / "bench-networks.txt"
        pairs_file = REPO / ".data" / "bench-network-authors.txt"
        if args.posts:
            pairs = asyncio.run(
                seed_conversation(dsn, organization_id, partner_id, ids, args.networks, args.posts)
            )
            networks_file.write_text("\n".join(n for n, _ in pairs) + "\n")
            pairs_file.write_text("\n".join(f"{n} {a}" for n, a in pairs) + "\n")

        service_port, bare_port, orm_port = free_port(), free_port(), free_port()
        service_env = {
            "DATABASE_URL": dsn,
            "SN_PORT": str(service_port),
            "SN_WORKERS": str(args.workers),
            "SN_LOG_LEVEL": "WARNING",
            # One key drives the whole load: the limiter runs (and costs) but never refuses.
            "SN_RATE_LIMIT_QUOTA": "1000000000",
        }
        bare_env = {"DATABASE_URL": dsn, "BENCH_ORGANIZATION_ID": organization_id}
        bare_cmd = [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "bench.bare_app:create_app",
            "--port",
            str(bare_port),
            "--no-access-log",
            "--log-level",
            "warning",
            "--workers",
            str(args.workers),
        ]
        # The FastAPI + SQLAlchemy ORM peer, served alike (bench/orm_app.py).
        orm_cmd = [
            *bare_cmd[:4],
            "bench.orm_app:create_app",
            "--port",
            str(orm_port),
            *bare_cmd[7:],
        ]
        service = f"http://127.0.0.1:{service_port}"
        bare = f"http://127.0.0.1:{bare_port}"
        orm = f"http://127.0.0.1:{orm_port}"
        member = {"ids": ids_file, "suffix": ""}
        get_script = GET_SCRIPT % {**member, "token": token, "prefix": "/v1/members/"}
        foreign_get = GET_SCRIPT % {**member, "token": partner_token, "prefix": "/v1/members/"}
        bare_get = GET_SCRIPT % {**member, "token": token, "prefix": "/bare/members/"}
        orm_get = GET_SCRIPT % {**member, "token": token, "prefix": "/orm/members/"}
        page = {"ids": networks_file, "prefix": "/v1/networks/", "suffix": "/posts?limit=50"}
        posts_page = GET_SCRIPT % {**page, "token": token}
        foreign_posts_page = GET_SCRIPT % {**page, "token": partner_token}
        bare_page = GET_SCRIPT % {**page, "token": token, "prefix": "/bare/networks/"}
        writing = {"pairs": pairs_file, "token": token, "suffix": "/posts"}
        post_in_network = POST_IN_NETWORK_SCRIPT % {**writing, "prefix": "/v1/networks/"}
        bare_post_in_network = POST_IN_NETWORK_SCRIPT % {**writing, "prefix": "/bare/networks/"}
        post = POST_SCRIPT % {"token": token, "idempotency": ""}
        idempotent_post = POST_SCRIPT % {
            "token": token,
            "idempotency": 'wrk.headers["Idempotency-Key"] = tag .. "-" .. counter',
        }
        # (name, url, script); service and bare alternate, round after round, so that drift in
        # the machine's speed falls on both alike. Medians are reported.
        plan = [
            ("service GET /v1/members/{id}", service + "/", get_script),
            ("service GET /v1/members/{id} by consented org", service + "/", foreign_get),
            ("bare GET /bare/members/{id}", bare + "/", bare_get),
            ("orm GET /orm/members/{id} (FastAPI + SQLAlchemy)", orm + "/", orm_get),
            ("service GET /health/live (no db)", service + "/health/live", ""),
            ("bare GET /bare/ping (no db)", bare + "/bare/ping", ""),
            ("service POST /v1/members", service + "/v1/members", post),
            ("bare POST /bare/members", bare + "/bare/members", post),
            ("orm POST /orm/members (FastAPI + SQLAlchemy)", orm + "/orm/members", post),
            (
                "service POST /v1/members + Idempotency-Key",
                service + "/v1/members",
                idempotent_post,
            ),
        ]
        if args.posts:
            plan += [
                ("service GET /v1/networks/{id}/posts (50)", service + "/", posts_page),
                ("service GET .../posts (50) by consented org", service + "/", foreign_posts_page),
                ("bare GET /bare/networks/{id}/posts (50)", bare + "/", bare_page),
                ("service POST /v1/networks/{id}/posts", service + "/", post_in_network),
                ("bare POST /bare/networks/{id}/posts", bare + "/", bare_post_in_network),
            ]
        plain_port = free_port()
        plain = f"http://127.0.0.1:{plain_port}"
        if args.compare_protocol:
            plan += [
                ("plain-httptools GET /v1/members/{id}", plain + "/", get_script),
                ("plain-httptools GET /health/live (no db)", plain + "/health/live", ""),
            ]
        granian_port = free_port()
        granian = f"http://127.0.0.1:{granian_port}"
        if args.compare_server:
            plan += [
                ("granian GET /v1/members/{id}", granian + "/", get_script),
                ("granian GET /health/live (no db)", granian + "/health/live", ""),
                ("granian POST /v1/members", granian + "/v1/members", post),
            ]
        plan = [step for step in plan if args.only in step[0]]
        runs: dict[str, list[Result]] = {name: [] for name, _, _ in plan}
        memory: dict[str, float] = {}
        service_cmd = [sys.executable, "-m", "service", "serve"]
        # The same application under uvicorn's own protocol, as `serve` ran it before.
        plain_cmd = [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "service.main:asgi_app_from_env",
            "--http",
            "httptools",
            "--port",
            str(plain_port),
            "--no-access-log",
            "--log-level",
            "warning",
        ]
        # The same application under granian, one worker on uvloop, with the bounds the
        # hardening work asked of uvicorn: a bounded read buffer for the request line and
        # headers (32 KiB, as Settings.max_header_bytes) and 5 s to send them; no idle
        # keep-alive timeout (granian offers none to set for HTTP/1).
        granian_cmd = [
            str(granian_bin),
            "--interface",
            "asgi",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(granian_port),
            "--workers",
            str(args.workers),
            "--loop",
            "uvloop",
            "--http",
            "1",
            "--no-ws",
            "--log-level",
            "warning",
            "--http1-header-read-timeout",
            "5000",
            "--http1-buffer-size",
            str(32 * 1024),
            "--http1-keep-alive",
            "service.main:asgi_app_from_env",
        ]
        with contextlib.ExitStack() as stack:
            service_pid = stack.enter_context(
                process(service_cmd, service_env, service_port, "/health/ready")
            )
            bare_pid = stack.enter_context(process(bare_cmd, bare_env, bare_port, "/bare/ping"))
            orm_pid = stack.enter_context(process(orm_cmd, bare_env, orm_port, "/orm/ping"))
            if args.compare_protocol:
                stack.enter_context(
                    process(
                        plain_cmd,
                        {**service_env, "SN_PORT": str(plain_port)},
                        plain_port,
                        "/health/ready",
                    )
                )
            if args.compare_server:
                # Its workers read DATABASE_URL as `serve` passes it to uvicorn's.
                stack.enter_context(
                    process(
                        granian_cmd,
                        {**service_env, "SN_PORT": str(granian_port)},
                        granian_port,
                        "/health/ready",
                    )
                )
            wrk("warm-up", service + "/", get_script, duration=3, connections=args.connections)
            wrk("warm-up", bare + "/", bare_get, duration=3, connections=args.connections)
            wrk("warm-up", orm + "/", orm_get, duration=3, connections=args.connections)
            for _ in range(args.rounds):
                for name, url, script in plan:
                    settle(dsn)
                    runs[name].append(
                        wrk(name, url, script, duration=args.duration, connections=args.connections)
                    )
            memory["service"] = rss_mb(service_pid)
            memory["bare"] = rss_mb(bare_pid)
            memory["orm"] = rss_mb(orm_pid)
        results = [_median(name, found) for name, found in runs.items()]

    print(
        f"\nwrk -t2 -c{args.connections} -d{args.duration}s, {args.members} members, "
        f"{args.workers} worker(s), median of {args.rounds} alternating rounds\n"
    )
    print(f"{'endpoint':48} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for r in results:
        print(f"{r.name:48} {r.rps:9.0f} {r.p50_ms:8.2f} {r.p99_ms:8.2f} {r.non_2xx:8d}")
    by = {r.name: r.rps for r in results}
    ratios = [
        (
            "bounded protocol / plain httptools, GET member",
            "service GET /v1/members/{id}",
            "plain-httptools GET /v1/members/{id}",
            "the header bounds should cost nothing measurable",
        ),
        (
            "bounded protocol / plain httptools, /health/live",
            "service GET /health/live (no db)",
            "plain-httptools GET /health/live (no db)",
            "the header bounds should cost nothing measurable",
        ),
        (
            "granian / uvicorn (bounded protocol), GET member",
            "granian GET /v1/members/{id}",
            "service GET /v1/members/{id}",
            "an ASGI server change, measured",
        ),
        (
            "granian / uvicorn (bounded protocol), /health/live",
            "granian GET /health/live (no db)",
            "service GET /health/live (no db)",
            "the server's share of the framework cost",
        ),
        (
            "granian / uvicorn (bounded protocol), POST member",
            "granian POST /v1/members",
            "service POST /v1/members",
            "",
        ),
        (
            "GET member  / bare GET ",
            "service GET /v1/members/{id}",
            "bare GET /bare/members/{id}",
            "standing target >= 1.0x",
        ),
        (
            "GET member  / FastAPI + SQLAlchemy GET",
            "service GET /v1/members/{id}",
            "orm GET /orm/members/{id} (FastAPI + SQLAlchemy)",
            "standing target >= 5x",
        ),
        (
            "/health/live / bare ping",
            "service GET /health/live (no db)",
            "bare GET /bare/ping (no db)",
            "the framework and middleware work per request",
        ),
        (
            "POST member / bare POST",
            "service POST /v1/members",
            "bare POST /bare/members",
            "standing target >= 0.9x",
        ),
        (
            "POST member / FastAPI + SQLAlchemy POST",
            "service POST /v1/members",
            "orm POST /orm/members (FastAPI + SQLAlchemy)",
            "",
        ),
        (
            "GET by consented org / GET by home",
            "service GET /v1/members/{id} by consented org",
            "service GET /v1/members/{id}",
            "standing target >= 0.9x; includes the disclosure record",
        ),
        (
            "page of 50 posts / bare page of 50 posts",
            "service GET /v1/networks/{id}/posts (50)",
            "bare GET /bare/networks/{id}/posts (50)",
            "issue #13: as GET member / bare GET, within noise",
        ),
        (
            "page of 50 posts by consented org / by home",
            "service GET .../posts (50) by consented org",
            "service GET /v1/networks/{id}/posts (50)",
            "includes the consent check and a disclosure record per member shown",
        ),
        (
            "POST post / bare INSERT of a post",
            "service POST /v1/networks/{id}/posts",
            "bare POST /bare/networks/{id}/posts",
            "issue #13 target >= 0.6x",
        ),
        (
            "POST + Idempotency-Key / bare POST",
            "service POST /v1/members + Idempotency-Key",
            "bare POST /bare/members",
            "standing target >= 0.7x",
        ),
    ]
    print()
    for label, numerator, denominator, target in ratios:
        if numerator in by and denominator in by:
            print(f"{label}: {by[numerator] / by[denominator]:.2f}x   ({target})")
    if any(r.non_2xx for r in results):
        print("WARNING: some responses were not 2xx; the figures above are not comparable")
    print(
        f"RSS after the run: service {memory['service']:.0f} MB, bare {memory['bare']:.0f} MB, "
        f"FastAPI + SQLAlchemy {memory['orm']:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
