"""`serve` migrates in a process of its own (cli._migrate_apart): that process runs this
package whatever directory serve was started from, and its log lines are serve's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.cli import _migrate_apart
from tests.support.database import Db, fresh_database


def test_the_migration_runs_this_package_from_any_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another checkout (or anything named `service`) in the directory serve starts from.
    decoy = tmp_path / "service"
    decoy.mkdir()
    (decoy / "__init__.py").write_text("")
    (decoy / "__main__.py").write_text("raise SystemExit(3)\n")
    monkeypatch.chdir(tmp_path)
    with fresh_database("0034") as dsn:
        _migrate_apart(dsn)
        assert Db(dsn).fetchval("SELECT version_num FROM alembic_version") == "0035"


def test_the_migrations_log_lines_are_serves_and_it_adds_no_closing_line(
    capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SN_LOG_FORMAT", "json")
    monkeypatch.setenv("SN_LOG_LEVEL", "INFO")
    with fresh_database("0034") as dsn:
        capfd.readouterr()
        _migrate_apart(dsn)
        out = capfd.readouterr().out
    lines = [json.loads(line) for line in out.splitlines()]
    assert any("0034 -> 0035" in line["msg"] for line in lines), out
    assert "database is at the newest revision" not in out
