"""The documentation assets are installed again when a file is missing or changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tools.docs_assets import FILES, STAMP, intact


def _installed(target: Path) -> None:
    target.mkdir(parents=True)
    for name in FILES:
        (target / name).write_bytes(f"contents of {name}".encode())
    (target / STAMP).write_text(
        "https://registry.npmjs.org/...\nsha512-...\n"
        + "".join(f"{hashlib.sha256((target / n).read_bytes()).hexdigest()}  {n}\n" for n in FILES)
    )


def test_files_as_installed_are_intact(tmp_path: Path) -> None:
    _installed(tmp_path / "swagger-ui")
    assert intact(tmp_path / "swagger-ui")


def test_a_changed_or_missing_file_or_an_old_stamp_is_not(tmp_path: Path) -> None:
    for case in ("changed", "missing", "old stamp", "no stamp"):
        target = tmp_path / case
        _installed(target)
        if case == "changed":
            (target / FILES[0]).write_text("tampered")
        elif case == "missing":
            (target / FILES[1]).unlink()
        elif case == "old stamp":  # as the stamp was written before it named the files
            (target / STAMP).write_text("https://registry.npmjs.org/...\nsha512-...\n")
        else:
            (target / STAMP).unlink()
        assert not intact(target), case
