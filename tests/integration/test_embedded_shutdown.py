"""`serve` on the embedded PostgreSQL (no DATABASE_URL), as the README's first command runs it:
the schema is migrated by a process of its own, and stopping the service with SIGTERM stops
the database it started too."""

from __future__ import annotations

import os
import pty
import select
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
        # Ready on a fresh data directory, so migrated: by a process of its own, since the
        # serving process never loaded Alembic's SQLAlchemy (about 21 MB it would keep).
        assert "/sqlalchemy/" not in Path(f"/proc/{service.pid}/maps").read_text()
        import sqlalchemy  # noqa: F401  (the check can see it: it maps compiled modules)

        assert "/sqlalchemy/" in Path("/proc/self/maps").read_text()
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


def test_at_a_terminal_serve_greets_with_readable_lines(tmp_path: Path) -> None:
    """`make run` at a terminal: the first-key help and where it serves, in plain lines; no
    JSON log lines from the migrations and no warning about XDG_RUNTIME_DIR."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "XDG_RUNTIME_DIR")}
    env |= {"SN_DATA_DIR": str(tmp_path), "SN_PORT": str(port), "SN_LOG_LEVEL": "INFO"}
    controller, terminal = pty.openpty()
    service = subprocess.Popen(
        [sys.executable, "-m", "service", "serve"],
        cwd=REPO,
        env=env,
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
    )
    os.close(terminal)
    output = b""
    try:
        deadline = time.monotonic() + 60
        while b"Serving the Support Network API" not in output:
            assert time.monotonic() < deadline, output.decode(errors="replace")
            assert service.poll() is None, output.decode(errors="replace")
            ready, _, _ = select.select([controller], [], [], 0.5)
            if ready:
                output += os.read(controller, 65536)
        text = output.decode()
        assert "No API key exists yet" in text
        assert "orgs create" in text
        assert f"http://127.0.0.1:{port}/docs" in text  # where partners start
        assert "Warning" not in text, text
        assert not [line for line in text.splitlines() if line.lstrip().startswith("{")], text
    finally:
        service.send_signal(signal.SIGTERM)
        try:
            # A terminal is always read: keep reading while the service stops, so that its
            # shutdown lines can never block it on a full pty buffer, and show them if it hangs.
            output += _drain_until_exit(service, controller, timeout=30)
            assert service.poll() is not None, output.decode(errors="replace")[-4000:]
        finally:
            if service.poll() is None:
                service.kill()
            os.close(controller)
            postmaster = tmp_path / "pg" / "postmaster.pid"
            if postmaster.exists():
                os.kill(int(postmaster.read_text().split()[0]), signal.SIGTERM)


def _drain_until_exit(service: subprocess.Popen[bytes], controller: int, timeout: float) -> bytes:
    output = b""
    deadline = time.monotonic() + timeout
    while service.poll() is None and time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.2)
        if ready:
            try:
                output += os.read(controller, 65536)
            except OSError:  # the terminal closed: nothing more to read, only to wait
                time.sleep(0.2)
    return output
