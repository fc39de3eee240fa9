"""Settings read from the environment: defaults that put correctness first."""

from __future__ import annotations

import msgspec
import pytest

from service.config import Settings


def test_disclosure_records_are_durable_before_the_data_leaves_by_default() -> None:
    assert Settings.from_env({}).disclosure_commit == "sync"


def test_the_asynchronous_disclosure_commit_is_an_explicit_opt_out() -> None:
    assert Settings.from_env({"SN_DISCLOSURE_COMMIT": "async"}).disclosure_commit == "async"
    with pytest.raises(msgspec.ValidationError):
        Settings.from_env({"SN_DISCLOSURE_COMMIT": "sometimes"})
