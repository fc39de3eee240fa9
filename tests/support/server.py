"""The real service, started as its own process with the real CLI, on a free loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class ServiceProcess:
    """A started service: where it listens, its process (to kill it in a test) and its log."""

    def __init__(self, url: str, process: subprocess.Popen[bytes], log: Path) -> None:
        self.url = url
        self.process = process
        self.log = log

    def stacks(self, settle_seconds: float = 1.0) -> str:
        """What the service was doing: its threads' and tasks' stacks (SIGUSR1), from its log."""
        start = self.log.stat().st_size
        self.process.send_signal(signal.SIGUSR1)
        time.sleep(settle_seconds)
        with self.log.open() as log:
            log.seek(start)
            return log.read()


@contextmanager
def service_process(dsn: str, **settings: str) -> Iterator[ServiceProcess]:
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": dsn,
        "SN_PORT": str(port),
        "SN_LOG_LEVEL": "WARNING",
        # The contract's example webhook URL names a host that does not exist, and schemathesis
        # registers it. This machine's resolver leaves one query in 25 for such a name
        # unanswered, and glibc asks again only after 5 s: longer than the tests' 4 s deadline
        # for a request with an Idempotency-Key (a 503). One second before asking again.
        "RES_OPTIONS": "timeout:1 attempts:2",
        **{f"SN_{k.upper()}": v for k, v in settings.items()},
    }
    (REPO / ".data" / "logs").mkdir(parents=True, exist_ok=True)
    log = (REPO / ".data" / "logs" / f"service-{port}.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "service", "serve"], cwd=REPO, env=env, stdout=log, stderr=log
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the service exited; see {log.name}")
            try:
                if httpx.get(base_url + "/health/ready", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the service did not become ready; see {log.name}")
            time.sleep(0.1)
        yield ServiceProcess(base_url, process, Path(log.name))
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


@contextmanager
def running_service(dsn: str, **settings: str) -> Iterator[str]:
    with service_process(dsn, **settings) as service:
        yield service.url


def cli(dsn: str, *args: str) -> str:
    """Run the real command-line entry point against `dsn`; return what it printed."""
    result = subprocess.run(
        [sys.executable, "-m", "service", *args],
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": dsn, "SN_LOG_LEVEL": "WARNING"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


def token_from(output: str) -> str:
    for line in output.splitlines():
        if line.startswith("token:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no token in: {output}")
