"""How a handler declares its operation: the docstring is its documentation, the arguments
its contract (scope, error statuses, headers)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from litestar import Litestar, get, post
from litestar.testing import TestClient

from service.adapters.http.auth import OPERATOR_ONLY
from service.adapters.http.operations import Deprecation, operation
from service.adapters.http.problems import exception_handlers
from service.domain.errors import NotFound
from service.domain.organizations import Scope


async def _summary_only() -> None:
    """Read a thing (home organization only)"""


async def _with_description() -> None:
    """Change a thing

    The first paragraph is the summary; what follows is the description, its lines joined
    with single spaces

    and its paragraphs too."""


async def _undocumented() -> None:
    pass


def test_the_first_paragraph_is_the_summary_and_the_rest_the_description() -> None:
    only = operation(get, "readThing", Scope.MEMBERS_READ)(_summary_only)
    described = operation(post, "changeThing", Scope.MEMBERS_WRITE)(_with_description)

    assert (only.summary, only.description) == ("Read a thing (home organization only)", None)
    assert described.summary == "Change a thing"
    assert described.description == (
        "The first paragraph is the summary; what follows is the description, its lines "
        "joined with single spaces and its paragraphs too."
    )


def test_a_handler_without_a_docstring_is_refused_when_declared() -> None:
    with pytest.raises(TypeError, match="needs a docstring"):
        operation(get, "readThing", Scope.MEMBERS_READ)(_undocumented)


def test_the_scope_goes_to_the_route_for_the_authentication_middleware() -> None:
    scoped = operation(get, "readThing", Scope.MEMBERS_READ)(_summary_only)
    any_key = operation(get, "readThing", None)(_summary_only)
    operator = operation(post, "makeThing", None, operator=True)(_summary_only)

    assert scoped.opt["scope"] is Scope.MEMBERS_READ
    assert "scope" not in any_key.opt
    assert operator.opt["operator"] is OPERATOR_ONLY["operator"]


def test_error_statuses_always_include_403_and_those_every_route_can_answer() -> None:
    plain = operation(get, "readThing", Scope.MEMBERS_READ)(_summary_only)
    writing = operation(post, "makeThing", Scope.MEMBERS_WRITE, errors=(409, 413))(_summary_only)

    assert set(_responses(plain)) == {400, 401, 403, 404, 429, 500, 503}
    # A body may be too large (413), and then may also not be JSON (415).
    assert set(_responses(writing)) == {400, 401, 403, 404, 409, 413, 415, 429, 500, 503}


def test_etag_and_location_headers_are_declared_only_when_asked() -> None:
    bare = operation(get, "readThing", Scope.MEMBERS_READ)(_summary_only)
    made = operation(post, "makeThing", Scope.MEMBERS_WRITE, etag=True, created=True)(_summary_only)

    assert not bare.response_headers
    assert [h.name for h in made.response_headers or ()] == ["ETag", "Location"]


def test_path_and_status_code_pass_through() -> None:
    made = operation(post, "doThing", Scope.MEMBERS_WRITE, path="/things/do", status_code=200)(
        _summary_only
    )

    assert made.paths == {"/things/do"}
    assert made.status_code == 200
    assert made.operation_id == "doThing"


def _responses(handler: Any) -> dict[int, Any]:
    return dict(handler.responses or {})


async def _old_read() -> dict[str, str]:
    """Read a thing the old way"""
    return {"thing": "old"}


def test_a_deprecated_operation_says_so_in_the_contract_and_on_every_answer() -> None:
    notice = Deprecation(
        announced=date(2027, 1, 1), sunset=date(2027, 7, 5), successor="/v1/things/new"
    )
    handler = operation(get, "readOldThing", None, path="/things/old", deprecated=notice)(_old_read)
    with TestClient(Litestar([handler], debug=False)) as client:
        answer = client.get("/things/old")
        document = client.app.openapi_schema.to_schema()

    assert answer.status_code == 200
    assert answer.headers["deprecation"] == "@1798761600"  # 2027-01-01T00:00:00Z
    assert answer.headers["sunset"] == "Mon, 05 Jul 2027 00:00:00 GMT"
    assert answer.headers["link"] == '</v1/things/new>; rel="successor-version"'
    declared = document["paths"]["/things/old"]["get"]
    assert declared["deprecated"] is True
    assert {"Deprecation", "Sunset", "Link"} <= set(declared["responses"]["200"]["headers"])


async def _old_failing_read() -> dict[str, str]:
    """Read a thing the old way, and fail"""
    raise NotFound("thing", "old")


def test_a_deprecated_operation_s_errors_carry_its_notice_too() -> None:
    notice = Deprecation(announced=date(2027, 1, 1), sunset=date(2027, 7, 5))
    handler = operation(get, "readOldFailing", None, path="/things/gone", deprecated=notice)(
        _old_failing_read
    )
    current = operation(get, "readCurrent", None, path="/things/now")(_old_failing_read)
    app = Litestar(
        [handler, current], debug=False, exception_handlers=exception_handlers(lambda _error: False)
    )
    with TestClient(app) as client:
        failed = client.get("/things/gone")
        current_failed = client.get("/things/now")

    assert failed.status_code == 404
    assert failed.headers["content-type"].startswith("application/problem+json")
    assert failed.headers["deprecation"] == "@1798761600"
    assert failed.headers["sunset"] == "Mon, 05 Jul 2027 00:00:00 GMT"
    assert current_failed.status_code == 404
    assert "deprecation" not in current_failed.headers


def test_a_deprecation_keeps_the_operation_six_months_at_least() -> None:
    with pytest.raises(ValueError, match="six months"):
        Deprecation(announced=date(2027, 1, 1), sunset=date(2027, 3, 1))
