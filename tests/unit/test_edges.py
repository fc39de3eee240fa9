"""Edge helpers: cursors, If-Match, error field names, ids, settings, paging."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st
from litestar.exceptions import ValidationException

from service.adapters.http.field_errors import _field_name
from service.adapters.http.idempotency import etag, expected_version
from service.adapters.http.schemas import decode_cursor, encode_cursor
from service.adapters.system import UuidV7Source
from service.config import Settings
from service.domain.errors import (
    Precondition,
    PreconditionRequired,
    StaleVersion,
    check_version,
)
from service.domain.paging import PageRequest, page_from_rows


@given(st.uuids())
def test_cursor_round_trips(value: UUID) -> None:
    cursor = encode_cursor(value)
    assert cursor is not None
    assert re.fullmatch(r"[A-Za-z0-9_\-]{22}", cursor)
    assert decode_cursor(cursor) == value


@given(st.text(max_size=40))
def test_decode_cursor_accepts_or_raises_value_error(text: str) -> None:
    try:
        decoded = decode_cursor(text)
    except ValueError:
        return
    assert isinstance(decoded, UUID)


@given(st.integers(min_value=1, max_value=10**9))
def test_if_match_accepts_our_etags_by_strong_comparison(version: int) -> None:
    assert expected_version(etag(version)) == Precondition.version(version)
    # RFC 9110 §13.1.1: If-Match compares strongly, so a weak tag never matches.
    assert expected_version("W/" + etag(version)) == Precondition()
    # The tag of a circle under its neutral name guards the same version.
    assert expected_version(f'"{version}-neutral"') == Precondition.version(version)


@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=5))
def test_if_match_with_a_list_passes_if_any_tag_matches(versions: list[int]) -> None:
    precondition = expected_version(", ".join(etag(v) for v in versions))
    assert precondition is not None
    assert all(precondition.holds_for(v) for v in versions)
    assert not precondition.holds_for(max(versions) + 1)


@pytest.mark.parametrize("value", ['"abc"', '"-1"', 'W/"1"', '"1.0"', '"1-"', '"1-N"'])
def test_a_well_formed_tag_that_is_not_ours_never_matches(value: str) -> None:
    precondition = expected_version(value)
    assert precondition is not None
    assert not any(precondition.holds_for(v) for v in range(5))


@pytest.mark.parametrize("value", ["1", "null", '"7" "1"', '"', "W/", "'1'"])
def test_a_malformed_if_match_is_a_400_naming_the_header(value: str) -> None:
    with pytest.raises(ValidationException) as refused:
        expected_version(value)
    assert refused.value.extra == [
        {"key": "If-Match", "message": 'Use the form "<version>" (the ETag).'}
    ]


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_if_match_is_an_empty_list_that_never_matches(value: str) -> None:
    precondition = expected_version(value)
    assert precondition == Precondition()
    assert not any(precondition.holds_for(v) for v in range(5))


def test_if_match_star_means_exists_and_absent_asks_nothing() -> None:
    assert expected_version(None) is None
    star = expected_version("*")
    assert star is not None
    assert star.holds_for(1)
    assert star.holds_for(99)


def test_a_shared_resource_needs_a_precondition() -> None:
    check_version(3, None)
    with pytest.raises(PreconditionRequired):
        check_version(3, None, required=True)
    with pytest.raises(StaleVersion):
        check_version(3, Precondition.version(2), required=True)
    check_version(3, Precondition(versions=frozenset({2, 3})), required=True)


@pytest.mark.parametrize(
    ("key", "message", "field"),
    [
        ("data", "Object missing required field `display_name`", "display_name"),
        ("data", "Object contains unknown field `nick`", "nick"),
        ("data", "Object contains unknown field `x` - at `$.contact`", "contact.x"),
        ("data", "Expected `str`, got `int` - at `$.contact.email`", "contact.email"),
        ("limit", "Expected `int` <= 100", "limit"),
        (None, "Input data was truncated", "body"),
    ],
)
def test_field_name_points_at_the_offending_field(
    key: str | None, message: str, field: str
) -> None:
    assert _field_name(key, message) == field


def test_uuid7_ids_are_version_7_and_time_ordered() -> None:
    source = UuidV7Source()
    ids = [source.new_id() for _ in range(1000)]
    assert all(i.version == 7 and i.variant == "specified in RFC 4122" for i in ids)
    timestamps = [i.int >> 80 for i in ids]
    assert timestamps == sorted(timestamps)
    assert len(set(ids)) == len(ids)


def test_settings_from_environment() -> None:
    settings = Settings.from_env(
        {"DATABASE_URL": "postgresql://db/x", "SN_PORT": "9000", "SN_ACCESS_LOG": "false"}
    )
    assert settings.database_url == "postgresql://db/x"
    assert settings.port == 9000
    assert settings.access_log is False
    assert Settings.from_env({}).pg_data_dir == Path(".data") / "pg"


@given(total=st.integers(0, 40), limit=st.integers(1, 10))
def test_paging_visits_every_row_once_in_order(total: int, limit: int) -> None:
    rows = [UUID(int=i + 1) for i in range(total)]
    seen: list[UUID] = []
    after: UUID | None = None
    while True:
        request = PageRequest(limit=limit, after=after)
        fetched = [r for r in rows if after is None or r > after][: limit + 1]
        page = page_from_rows(fetched, request, lambda r: r)
        seen.extend(page.items)
        assert len(page.items) <= limit
        if page.next_after is None:
            break
        after = page.next_after
    assert seen == rows


def _sql_literals(path: Path) -> list[str]:
    """The module's string literals but docstrings, an f-string whole (its values as `{}`),
    so that a fragment such as `" SET "` between two values is read in its statement."""
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    in_fstrings = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for part in node.values
    }
    literals = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings | in_fstrings
    ]
    fstrings = [
        "".join(str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
    ]
    return literals + fstrings


SESSION_STATE = re.compile(
    r"(^|;)\s*(SET\s+(?!LOCAL\b)|LISTEN\b|RESET\b)|pg_advisory_lock|set_config\([^)]*false",
    # Case-sensitive: the SQL here is written in capitals, prose ("set it first") is not.
    re.MULTILINE,
)


def test_no_session_state_on_pooled_connections() -> None:
    """The pool skips asyncpg's reset query (one round trip per request). That is only safe
    while no statement sets session state on a pooled connection: guard the invariant."""
    service = Path(__file__).resolve().parents[2] / "service"
    offenders = [
        (str(path), literal)
        for path in service.rglob("*.py")
        for literal in _sql_literals(path)
        if SESSION_STATE.search(literal)
    ]
    assert offenders == []
    assert SESSION_STATE.search("SET statement_timeout = 0")
    assert SESSION_STATE.search("SELECT 1; LISTEN events")
    assert not SESSION_STATE.search("UPDATE members SET version = 2")
    assert not SESSION_STATE.search("SET LOCAL statement_timeout = 0")
