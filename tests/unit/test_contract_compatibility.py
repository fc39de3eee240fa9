"""The versioning promise, checked: the contract breaks nothing a client of the last released
one relies on, except the changes declared on purpose in openapi/breaking-changes.txt."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tools.contract_diff import breaking_changes

OPENAPI = Path(__file__).resolve().parents[2] / "openapi"


def _released() -> dict[str, Any]:
    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in path.stem.split("."))

    [last] = sorted(OPENAPI.glob("released/*.json"), key=version)[-1:]
    document: dict[str, Any] = json.loads(last.read_text())
    return document


def _declared() -> set[str]:
    lines = (OPENAPI / "breaking-changes.txt").read_text().splitlines()
    return {line for line in lines if line.strip() and not line.startswith("#")}


def test_the_contract_breaks_nothing_undeclared_since_the_last_release() -> None:
    current = json.loads((OPENAPI / "openapi.json").read_text())
    found = set(breaking_changes(_released(), current))
    assert sorted(found - _declared()) == [], "declare it in openapi/breaking-changes.txt"
    assert sorted(_declared() - found) == [], "no longer a change: remove the line"


def test_the_released_contract_breaks_nothing_against_itself() -> None:
    assert breaking_changes(_released(), _released()) == []


# What the check catches, on the released contract changed one way at a time.
def _member_create(document: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = document["components"]["schemas"]["MemberCreate"]
    return schema


def _member_view(document: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = document["components"]["schemas"]["MemberView"]
    return schema


def _remove_operation(d: dict[str, Any]) -> None:
    del d["paths"]["/v1/members/{member_id}"]["delete"]


def _remove_response_field(d: dict[str, Any]) -> None:
    del _member_view(d)["properties"]["timezone"]


def _require_a_request_field(d: dict[str, Any]) -> None:
    _member_create(d)["required"] = [*_member_create(d).get("required", []), "external_ref"]


def _shorten_a_request_field(d: dict[str, Any]) -> None:
    _member_create(d)["properties"]["external_ref"] = {"type": "string", "maxLength": 3}


def _require_a_parameter(d: dict[str, Any]) -> None:
    for parameter in d["paths"]["/v1/members"]["get"]["parameters"]:
        if parameter["name"] == "limit":
            parameter["required"] = True


def _drop_an_enum_value_from_a_request(d: dict[str, Any]) -> None:
    kinds = d["components"]["schemas"]["OrganizationCreate"]["properties"]["kind"]
    target = (
        d["components"]["schemas"][kinds["$ref"].rsplit("/", 1)[1]] if "$ref" in kinds else kinds
    )
    target["enum"] = target["enum"][1:]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_remove_operation, "DELETE /v1/members/{member_id}: operation removed"),
        (_remove_response_field, "GET /v1/members/{member_id} 200.timezone: removed"),
        (_require_a_request_field, "POST /v1/members body.external_ref: now required"),
        (_shorten_a_request_field, "POST /v1/members body.external_ref: maxLength"),
        (_require_a_parameter, "GET /v1/members: query parameter limit now required"),
        (_drop_an_enum_value_from_a_request, "POST /v1/organizations body.kind: no longer takes"),
    ],
)
def test_a_breaking_change_is_found(change: Any, expected: str) -> None:
    released = _released()
    changed = copy.deepcopy(released)
    change(changed)
    found = breaking_changes(released, changed)
    assert any(line.startswith(expected) for line in found), found


def test_growth_breaks_nothing() -> None:
    """New operations, optional request fields and response fields are the policy's to add."""
    released = _released()
    grown = copy.deepcopy(released)
    grown["paths"]["/v1/new-things"] = {"get": {"responses": {"200": {"description": "x"}}}}
    _member_create(grown)["properties"]["nickname"] = {"type": "string"}
    _member_view(grown)["properties"]["nickname"] = {"type": "string"}
    assert breaking_changes(released, grown) == []
