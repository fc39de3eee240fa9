"""Bad input, missing keys, missing scopes and foreign organizations against every operation.

The list of operations comes from the contract the running service publishes, and a test fails
when an operation has no entry in ENDPOINTS below: a new endpoint cannot escape these checks.
The bad bodies are derived from each operation's request schema (every field: wrong type,
missing when required, one character over its maximum length)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from tests.integration.conftest import Org, create_member, make_key, make_org
from tests.support.database import Db


@dataclass(frozen=True)
class Endpoint:
    # Creates what the path needs in `org`; returns the path parameters.
    setup: Callable[[httpx.Client, Org], dict[str, str]] = lambda _c, _o: {}
    body: dict[str, Any] | None = None
    # The scope the operation needs; None: no organization scope (operator or self-only).
    scope: str | None = None
    operator_only: bool = False
    # A key of another organization gets 404 here (the path names one of `org`'s objects).
    foreign_is_404: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _member(client: httpx.Client, org: Org) -> dict[str, str]:
    return {"member_id": create_member(client, org)["id"]}


def _key(client: httpx.Client, org: Org) -> dict[str, str]:
    return {"key_id": make_key(client, org, ["members:read"]).key_id}


ENDPOINTS: dict[tuple[str, str], Endpoint] = {
    ("post", "/v1/organizations"): Endpoint(
        body={"name": "Clinic", "kind": "clinic"}, operator_only=True
    ),
    ("get", "/v1/organizations/{organization_id}"): Endpoint(
        setup=lambda _c, org: {"organization_id": org.id}, foreign_is_404=True
    ),
    ("post", "/v1/api-keys"): Endpoint(
        body={"name": "k", "scopes": ["members:read"]}, scope="keys:manage"
    ),
    ("get", "/v1/api-keys"): Endpoint(scope="keys:manage"),
    ("get", "/v1/api-keys/{key_id}"): Endpoint(
        setup=_key, scope="keys:manage", foreign_is_404=True
    ),
    ("delete", "/v1/api-keys/{key_id}"): Endpoint(
        setup=_key, scope="keys:manage", foreign_is_404=True
    ),
    ("post", "/v1/members"): Endpoint(
        body={"display_name": "Sam", "timezone": "UTC"}, scope="members:write"
    ),
    ("get", "/v1/members"): Endpoint(scope="members:read"),
    ("get", "/v1/members/{member_id}"): Endpoint(
        setup=_member, scope="members:read", foreign_is_404=True
    ),
    ("patch", "/v1/members/{member_id}"): Endpoint(
        setup=_member, body={"display_name": "New"}, scope="members:write", foreign_is_404=True
    ),
    ("delete", "/v1/members/{member_id}"): Endpoint(
        setup=_member, scope="members:write", foreign_is_404=True
    ),
}

OPEN = {("get", "/health/live"), ("get", "/health/ready")}


@pytest.fixture(scope="module")
def contract(client: httpx.Client) -> dict[str, Any]:
    document: dict[str, Any] = client.get("/schema/openapi.json").json()
    return document


def test_every_operation_is_covered(contract: dict[str, Any]) -> None:
    operations = {
        (method, path) for path, item in contract["paths"].items() for method in item
    } - OPEN
    assert operations == set(ENDPOINTS), "add the new operation to ENDPOINTS"


def _resolve(schema: dict[str, Any], contract: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = contract["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _types(schema: dict[str, Any], contract: dict[str, Any]) -> set[str]:
    schema = _resolve(schema, contract)
    if "type" in schema:
        kinds = schema["type"]
        return set(kinds) if isinstance(kinds, list) else {kinds}
    found: set[str] = set()
    for option in schema.get("oneOf", []) + schema.get("anyOf", []):
        found |= _types(option, contract)
    if "enum" in schema:
        found.add("string")
    return found


def _max_length(schema: dict[str, Any], contract: dict[str, Any]) -> int | None:
    schema = _resolve(schema, contract)
    if "maxLength" in schema:
        return int(schema["maxLength"])
    for option in schema.get("oneOf", []) + schema.get("anyOf", []):
        found = _max_length(option, contract)
        if found is not None:
            return found
    return None


def bad_bodies(
    valid: dict[str, Any], body_schema: dict[str, Any], contract: dict[str, Any]
) -> list[tuple[str, Any]]:
    """(description, body) pairs the service must refuse with 400."""
    schema = _resolve(body_schema, contract)
    cases: list[tuple[str, Any]] = [
        ("unknown field", {**valid, "surprise": 1}),
        ("array instead of object", [valid]),
        ("string instead of object", "hello"),
    ]
    for name in schema.get("required", []):
        cases.append((f"missing {name}", {k: v for k, v in valid.items() if k != name}))
    for name, prop in schema["properties"].items():
        kinds = _types(prop, contract)
        wrong: Any = 12345 if "integer" not in kinds and "number" not in kinds else "twelve"
        if "object" in kinds and "string" not in kinds:
            wrong = "not an object"
        cases.append((f"wrong type for {name}", {**valid, name: wrong}))
        cases.append((f"list for {name}", {**valid, name: [1, 2]}))
        if "null" not in kinds:
            cases.append((f"null for {name}", {**valid, name: None}))
        limit = _max_length(prop, contract)
        if limit is not None:
            cases.append((f"oversized {name}", {**valid, name: "a" * (limit + 1)}))
        if "string" in kinds and "array" not in kinds:
            cases.append((f"NUL in {name}", {**valid, name: "a\u0000b"}))
    return cases


@pytest.mark.parametrize(("method", "path"), sorted(ENDPOINTS))
def test_no_key_or_a_bad_key_is_401(
    client: httpx.Client, org: Org, db: Db, method: str, path: str
) -> None:
    spec = ENDPOINTS[(method, path)]
    url = path.format(**spec.setup(client, org))
    before = db.snapshot()
    for headers in (
        {},
        {"Authorization": "Bearer snk_" + "x" * 43},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer"},
    ):
        response = client.request(method, url, json=spec.body, headers=headers)
        assert response.status_code == 401, (headers, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"].startswith("Bearer")
    # Authentication comes before the body is read: a stranger learns nothing from errors.
    garbage = client.request(
        method, url, content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert garbage.status_code == 401
    assert db.snapshot() == before


@pytest.mark.parametrize(
    ("method", "path"), sorted(k for k, v in ENDPOINTS.items() if v.scope or v.operator_only)
)
def test_missing_scope_is_403(
    client: httpx.Client, org: Org, db: Db, method: str, path: str
) -> None:
    spec = ENDPOINTS[(method, path)]
    url = path.format(**spec.setup(client, org))
    other_scopes = [s for s in ("members:read", "members:write") if s != spec.scope]
    limited = make_key(client, org, other_scopes)
    before = db.snapshot()
    response = client.request(method, url, json=spec.body, headers=limited.headers)
    assert response.status_code == 403, response.text
    assert response.json()["type"].endswith("/missing-scope")
    assert db.snapshot() == before


@pytest.mark.parametrize(
    ("method", "path"), sorted(k for k, v in ENDPOINTS.items() if v.foreign_is_404)
)
def test_another_organizations_object_is_404(
    client: httpx.Client, org: Org, other_org: Org, db: Db, method: str, path: str
) -> None:
    spec = ENDPOINTS[(method, path)]
    url = path.format(**spec.setup(client, org))
    before = db.snapshot()
    response = client.request(method, url, json=spec.body, headers=other_org.headers)
    assert response.status_code == 404, response.text
    assert response.json()["type"].endswith("/not-found")
    assert db.snapshot() == before


@pytest.mark.parametrize(("method", "path"), sorted(k for k, v in ENDPOINTS.items() if "{" in k[1]))
def test_unknown_ids_are_404(
    client: httpx.Client, org: Org, operator: dict[str, str], method: str, path: str
) -> None:
    spec = ENDPOINTS[(method, path)]
    params = {name: str(uuid.uuid4()) for name in spec.setup(client, org)}
    for url in (path.format(**params), path.format(**dict.fromkeys(params, "not-a-uuid"))):
        response = client.request(method, url, json=spec.body, headers=org.headers)
        assert response.status_code == 404, (url, response.text)
        assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(("method", "path"), sorted(k for k, v in ENDPOINTS.items() if v.body))
def test_bad_bodies_are_400_and_change_nothing(
    client: httpx.Client,
    org: Org,
    operator: dict[str, str],
    db: Db,
    contract: dict[str, Any],
    method: str,
    path: str,
) -> None:
    spec = ENDPOINTS[(method, path)]
    assert spec.body is not None
    url = path.format(**spec.setup(client, org))
    headers = operator if spec.operator_only else org.headers
    body_schema = contract["paths"][path][method]["requestBody"]["content"]["application/json"][
        "schema"
    ]
    before = db.snapshot()
    for description, body in bad_bodies(spec.body, body_schema, contract):
        response = client.request(method, url, json=body, headers=headers)
        assert response.status_code == 400, (description, response.text)
        problem = response.json()
        assert problem["type"].endswith("/invalid-request"), description
        assert response.headers["content-type"] == "application/problem+json"
    for description, raw in (
        ("malformed JSON", b'{"display_name": '),
        ("not JSON", b"display_name=Sam"),
        ("empty body", b""),
        ("invalid UTF-8", b'{"name": "\xff\xfe"}'),
    ):
        response = client.request(
            method, url, content=raw, headers={**headers, "Content-Type": "application/json"}
        )
        assert response.status_code == 400, (description, response.text)
    huge = client.request(
        method,
        url,
        content=b'{"name": "' + b"a" * 70_000 + b'"}',
        headers={**headers, "Content-Type": "application/json"},
    )
    assert huge.status_code == 413
    assert db.snapshot() == before


def test_a_body_error_names_the_offending_field(client: httpx.Client, org: Org) -> None:
    response = client.post(
        "/v1/members",
        json={"display_name": "Sam", "timezone": "UTC", "contact": {"email": 5}},
        headers=org.headers,
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "contact.email"
    missing = client.post("/v1/members", json={"timezone": "UTC"}, headers=org.headers)
    assert missing.json()["errors"][0]["field"] == "display_name"
    unknown = client.post(
        "/v1/members",
        json={"display_name": "S", "timezone": "UTC", "nick": "x"},
        headers=org.headers,
    )
    assert unknown.json()["errors"][0]["field"] == "nick"


def test_page_size_is_bounded(client: httpx.Client, org: Org) -> None:
    for limit in ("0", "101", "-1", "ten"):
        response = client.get("/v1/members", params={"limit": limit}, headers=org.headers)
        assert response.status_code == 400, limit
        assert response.json()["errors"][0]["field"] == "limit"


def test_operator_key_holds_no_organization_scope(
    client: httpx.Client, operator: dict[str, str], operator_token: str
) -> None:
    response = client.get("/v1/members", headers=operator)
    assert response.status_code == 403
    org = make_org(client, operator)
    assert client.get(f"/v1/organizations/{org.id}", headers=operator).status_code == 200
