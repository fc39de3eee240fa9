"""Schemathesis against the live service: every phase (examples, coverage, fuzzing, stateful),
every default check, with a valid key. Zero failures is the bar."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.conftest import Org

CONFIG = Path(__file__).resolve().parents[1] / "schemathesis.toml"
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")

pytestmark = pytest.mark.slow


def _run(base_url: str, token: str, *extra: str) -> str:
    result = subprocess.run(
        [
            str(SCHEMATHESIS),
            "--no-color",
            "--config-file",
            str(CONFIG),
            "run",
            f"{base_url}/schema/openapi.json",
            "-H",
            f"Authorization: Bearer {token}",
            "--seed",
            "20261125",
            "--max-examples",
            "60",
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-8000:]
    return output


def _generated(output: str) -> int:
    match = re.search(r"(\d+) generated", output)
    assert match, output[-2000:]
    return int(match.group(1))


def test_schemathesis_finds_nothing_with_an_organization_key(base_url: str, org: Org) -> None:
    output = _run(base_url, org.token)
    generated = _generated(output)
    assert generated > 500
    assert f"{generated} generated, {generated} passed" in output  # every case passed


def test_schemathesis_finds_nothing_on_organizations_with_the_operator_key(
    base_url: str, operator_token: str
) -> None:
    output = _run(base_url, operator_token, "--include-tag", "organizations")
    assert _generated(output) > 50
