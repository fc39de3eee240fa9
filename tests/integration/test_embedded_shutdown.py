"""`serve` on the embedded PostgreSQL (no DATABASE_URL), as the README's first command runs it:
stopping the service with SIGTERM stops the database it started too."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.support.server import REPO, free_port


def test_sigterm_stops_the_service_and_its_embedded_postgres(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"SN_DATA_DIR": str(tmp_path), "SN_PORT": str(port), "SN_LOG_LEVEL": "WARNING"}
    log = (tmp_path / "service.log").open("w")
    service = subprocess.Popen(
        [sys.executable, "-m", "service", "serve"], cwd=REPO, env=env, stdout=log, stderr=log
    )
    postmaster = tmp_path / "pg" / "postmaster.pid"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert service.poll() is None, (tmp_path / "service.log").read_text()
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health/ready", timeout=1).is_success:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the service did not become ready"
            time.sleep(0.2)
        assert postmaster.exists()
        database_pid = int(postmaster.read_text().split()[0])

        service.send_signal(signal.SIGTERM)
        assert service.wait(timeout=20) == 128 + signal.SIGTERM
        deadline = time.monotonic() + 20
        while postmaster.exists() or _alive(database_pid):
            assert time.monotonic() < deadline, "the embedded PostgreSQL kept running"
            time.sleep(0.2)
    finally:
        if service.poll() is None:
            service.kill()
        if postmaster.exists():  # never leave a server behind, even when the test fails
            os.kill(int(postmaster.read_text().split()[0]), signal.SIGTERM)
        log.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by the database user
    return True
