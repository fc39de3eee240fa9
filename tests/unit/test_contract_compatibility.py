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


def _add_a_pattern(d: dict[str, Any]) -> None:
    _member_create(d)["properties"]["external_ref"] = {"type": "string", "pattern": "^[a-z]+$"}


def _add_a_format(d: dict[str, Any]) -> None:
    _member_create(d)["properties"]["display_name"]["format"] = "email"


def _add_a_response_enum_value(d: dict[str, Any]) -> None:
    kinds = d["components"]["schemas"]["OrganizationView"]["properties"]["kind"]
    target = (
        d["components"]["schemas"][kinds["$ref"].rsplit("/", 1)[1]] if "$ref" in kinds else kinds
    )
    target["enum"] = [*target["enum"], "hospital"]


def _require_a_field_of_one_union_branch(d: dict[str, Any]) -> None:
    # A request body that is a union of components: each branch is compared with its former
    # self, not only the first.
    d["components"]["schemas"]["Second"] = {
        "type": "object",
        "properties": {"note": {"type": "string"}},
    }
    body = d["paths"]["/v1/members"]["post"]["requestBody"]["content"]["application/json"]
    body["schema"] = {
        "oneOf": [
            {"$ref": "#/components/schemas/MemberCreate"},
            {"$ref": "#/components/schemas/Second"},
        ]
    }


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_add_a_pattern, "POST /v1/members body.external_ref: pattern "),
        (_add_a_format, "POST /v1/members body.display_name: format None -> "),
        (_add_a_response_enum_value, "GET /v1/organizations/{organization_id} 200.kind: may now"),
        (_remove_operation, "DELETE /v1/members/{member_id}: operation removed"),
        (_remove_response_field, "GET /v1/members/{member_id} 200.timezone: removed"),
        (_require_a_request_field, "POST /v1/members body.external_ref: now required"),
        (_shorten_a_request_field, "POST /v1/members body.external_ref: maxLength"),
        (_require_a_parameter, "GET /v1/members: query parameter limit now required"),
        (_drop_an_enum_value_from_a_request, "POST /v1/organizations body.kind: no longer takes"),
        (_require_a_field_of_one_union_branch, "POST /v1/members body<Second>.note: now required"),
    ],
)
def test_a_breaking_change_is_found(change: Any, expected: str) -> None:
    released = _released()
    changed = copy.deepcopy(released)
    change(changed)
    if change is _require_a_field_of_one_union_branch:
        # Both sides a union, the new one requiring a field in its second branch only.
        change(released)
        changed["components"]["schemas"]["Second"]["required"] = ["note"]
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


def test_a_webhook_removed_or_narrowed_is_found() -> None:
    current = json.loads((OPENAPI / "openapi.json").read_text())
    changed = copy.deepcopy(current)
    del changed["webhooks"]["member.created"]
    assert "webhook member.created: removed" in breaking_changes(current, changed)


def test_an_open_enum_may_gain_values() -> None:
    # EventType is marked open (x-open-enum): new event types may come within /v1.
    current = json.loads((OPENAPI / "openapi.json").read_text())
    grown = copy.deepcopy(current)
    event_types = grown["components"]["schemas"]["EventType"]
    assert event_types["x-open-enum"] is True
    event_types["enum"] = [*event_types["enum"], "post.created"]
    assert breaking_changes(current, grown) == []
