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
from pathlib import Path

import asyncpg
import httpx
import msgspec

from tests.support.database import fresh_database
from tests.support.server import cli, free_port, token_from

REPO = Path(__file__).resolve().parents[1]

GET_SCRIPT = """
local ids = {}
for line in io.lines("%(ids)s") do ids[#ids + 1] = line end
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
wrk.headers["Authorization"] = "Bearer %(token)s"
request = function()
  return wrk.format("GET", "%(prefix)s" .. ids[math.random(#ids)])
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--only", default="", help="run only the endpoints whose name holds this text, e.g. POST"
    )
    parser.add_argument(
        "--compare-protocol",
        action="store_true",
        help="also serve the same app with uvicorn's own httptools protocol (no header bounds) "
        "and drive it alike: the cost of service/adapters/http/server.py",
    )
    args = parser.parse_args()
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

        service_port, bare_port = free_port(), free_port()
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
        service = f"http://127.0.0.1:{service_port}"
        bare = f"http://127.0.0.1:{bare_port}"
        get_script = GET_SCRIPT % {"ids": ids_file, "token": token, "prefix": "/v1/members/"}
        foreign_get = GET_SCRIPT % {
            "ids": ids_file,
            "token": partner_token,
            "prefix": "/v1/members/",
        }
        bare_get = GET_SCRIPT % {"ids": ids_file, "token": token, "prefix": "/bare/members/"}
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
            ("service GET /health/live (no db)", service + "/health/live", ""),
            ("bare GET /bare/ping (no db)", bare + "/bare/ping", ""),
            ("service POST /v1/members", service + "/v1/members", post),
            ("bare POST /bare/members", bare + "/bare/members", post),
            (
                "service POST /v1/members + Idempotency-Key",
                service + "/v1/members",
                idempotent_post,
            ),
        ]
        plain_port = free_port()
        plain = f"http://127.0.0.1:{plain_port}"
        if args.compare_protocol:
            plan += [
                ("plain-httptools GET /v1/members/{id}", plain + "/", get_script),
                ("plain-httptools GET /health/live (no db)", plain + "/health/live", ""),
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
        with contextlib.ExitStack() as stack:
            service_pid = stack.enter_context(
                process(service_cmd, service_env, service_port, "/health/ready")
            )
            bare_pid = stack.enter_context(process(bare_cmd, bare_env, bare_port, "/bare/ping"))
            if args.compare_protocol:
                stack.enter_context(
                    process(
                        plain_cmd,
                        {**service_env, "SN_PORT": str(plain_port)},
                        plain_port,
                        "/health/ready",
                    )
                )
            wrk("warm-up", service + "/", get_script, duration=3, connections=args.connections)
            wrk("warm-up", bare + "/", bare_get, duration=3, connections=args.connections)
            for _ in range(args.rounds):
                for name, url, script in plan:
                    runs[name].append(
                        wrk(name, url, script, duration=args.duration, connections=args.connections)
                    )
            memory["service"] = rss_mb(service_pid)
            memory["bare"] = rss_mb(bare_pid)
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
            "GET member  / bare GET ",
            "service GET /v1/members/{id}",
            "bare GET /bare/members/{id}",
            "standing target >= 1.0x",
        ),
        (
            "POST member / bare POST",
            "service POST /v1/members",
            "bare POST /bare/members",
            "standing target >= 0.6x",
        ),
        (
            "GET by consented org / GET by home",
            "service GET /v1/members/{id} by consented org",
            "service GET /v1/members/{id}",
            "issue #3 target >= 0.7x; includes the disclosure record",
        ),
        (
            "POST + Idempotency-Key / bare POST",
            "service POST /v1/members + Idempotency-Key",
            "bare POST /bare/members",
            "standing target >= 0.6x",
        ),
    ]
    print()
    for label, numerator, denominator, target in ratios:
        if numerator in by and denominator in by:
            print(f"{label}: {by[numerator] / by[denominator]:.2f}x   ({target})")
    if any(r.non_2xx for r in results):
        print("WARNING: some responses were not 2xx; the figures above are not comparable")
    print(f"RSS after the run: service {memory['service']:.0f} MB, bare {memory['bare']:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
