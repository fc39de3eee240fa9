"""The published contract: committed, served and generated are one document, and it keeps the
conventions partners generate clients from."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import jsonschema_rs

from service.cli import render_openapi
from service.config import Settings
from tests.integration.conftest import Org

COMMITTED = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"


def test_committed_document_is_what_the_app_produces(client: httpx.Client) -> None:
    committed = json.loads(COMMITTED.read_text())
    served = client.get("/schema/openapi.json").json()
    assert served == committed, "run `make openapi` and commit openapi/openapi.json"
    assert COMMITTED.read_text() == render_openapi(Settings())


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def test_every_operation_has_an_operation_id_one_tag_and_problem_errors() -> None:
    document = json.loads(COMMITTED.read_text())
    assert document["openapi"].startswith("3.1")
    ids = set()
    for method, path, operation in _operations(document):
        assert operation.get("operationId"), (method, path)
        ids.add(operation["operationId"])
        assert len(operation.get("tags", [])) == 1, (method, path)
        for status, response in operation["responses"].items():
            # A readiness probe answers its own small body, for load balancers.
            if int(status) >= 400 and (path, status) != ("/health/ready", "503"):
                media = response["content"]
                assert "application/problem+json" in media, (method, path, status)
                assert media["application/problem+json"]["schema"] == {
                    "$ref": "#/components/schemas/ProblemDetails"
                }
    assert len(ids) == len(_operations(document)), "operationIds must be unique"


def _inline_objects(node: Any, where: str) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            found.append(where)
        for key, value in node.items():
            found.extend(_inline_objects(value, f"{where}/{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_inline_objects(value, f"{where}/{index}"))
    return found


def test_no_anonymous_inline_object_schemas() -> None:
    document = json.loads(COMMITTED.read_text())
    assert _inline_objects(document["paths"], "#/paths") == []
    for name, schema in document["components"]["schemas"].items():
        nested = {k: v for k, v in schema.items() if k != "properties"}
        assert _inline_objects(nested, name) == []
        for prop_name, prop in schema.get("properties", {}).items():
            assert _inline_objects(prop, f"{name}.{prop_name}") == [], (name, prop_name)


def test_request_bodies_refuse_unknown_fields() -> None:
    document = json.loads(COMMITTED.read_text())
    for method, path, operation in _operations(document):
        if "requestBody" in operation:
            ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            schema = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
            assert schema["additionalProperties"] is False, (method, path)


def test_every_creating_post_takes_an_idempotency_key() -> None:
    """The README promises it: a retry after a lost answer never creates twice."""
    document = json.loads(COMMITTED.read_text())
    creating = [
        (path, operation)
        for method, path, operation in _operations(document)
        if method == "post" and "201" in operation["responses"]
    ]
    assert len(creating) >= 17
    for path, operation in creating:
        headers = {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}
        assert "Idempotency-Key" in headers, path
        assert "409" in operation["responses"], path  # the same key still in flight


def test_api_operations_require_the_bearer_key() -> None:
    document = json.loads(COMMITTED.read_text())
    for method, path, operation in _operations(document):
        expected: list[dict[str, list[str]]] = (
            [] if path.startswith("/health") else [{"BearerAuth": []}]
        )
        assert operation.get("security", []) == expected, (method, path)


def test_unknown_documents_under_schema_are_problems(client: httpx.Client) -> None:
    for path in ("/schema/swagger", "/schema/redoc", "/schema/nothing.yaml", "/schema/a/b"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/problem+json", path
        assert response.json()["type"].endswith("/not-found"), path
    assert client.get("/schema/openapi.json").status_code == 200


def test_the_contract_promises_nothing_unchanged_on_500_or_503() -> None:
    """After a lost connection the service cannot know whether a commit happened: the
    contract tells clients to retry with the same Idempotency-Key instead."""
    document = json.loads(COMMITTED.read_text())
    for method, path, operation in _operations(document):
        for status in ("500", "503"):
            response = operation["responses"].get(status)
            if response is None:
                continue
            text = response["description"].lower()
            assert "nothing was changed" not in text, (method, path, status)
            if status == "503" and method in ("post", "put", "patch", "delete"):
                assert "idempotency-key" in text, (method, path)
        if path.startswith("/v1/"):
            assert "503" in operation["responses"], (method, path)


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return own + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in _patterns(value)]
    return []


def test_every_pattern_means_the_same_to_the_server_and_to_the_contracts_readers() -> None:
    """The server checks patterns with Python's `re`; generated clients and contract testers
    read them as ECMA-262. The two disagree on the class escapes (`\\s` takes U+0085 in Python,
    U+FEFF in ECMA-262; `\\d` and `\\w` take every Unicode digit and letter in Python): a client
    could send what the contract allows and get a 400. Patterns spell their classes out."""
    patterns = _patterns(json.loads(COMMITTED.read_text()))
    assert len(patterns) > 5
    engine_dependent = re.compile(r"(?<!\\)(?:\\\\)*\\[sSdDwWbB]")
    assert [p for p in patterns if engine_dependent.search(p)] == []


# Headers of HTTP itself, which no contract declares.
_TRANSPORT = {"content-type", "content-length", "date", "server", "connection", "transfer-encoding"}


def _declared(document: dict[str, Any], method: str, template: str, status: int) -> set[str]:
    response = document["paths"][template][method]["responses"][str(status)]
    return {name.lower() for name in response.get("headers", {})}


def test_every_header_the_service_sends_is_in_the_contract(client: httpx.Client, org: Org) -> None:
    """Answers of several kinds (created, replayed, read, not modified, refused, unknown,
    stale, unauthenticated): each header one carries is declared on that operation's answer."""
    document = json.loads(COMMITTED.read_text())
    key = {"Idempotency-Key": "header-check"}
    body = {"display_name": "Sam", "timezone": "UTC"}
    created = client.post("/v1/members", json=body, headers={**org.headers, **key})
    member = f"/v1/members/{created.json()['id']}"
    answers = [
        ("post", "/v1/members", created),
        (
            "post",
            "/v1/members",
            client.post("/v1/members", json=body, headers={**org.headers, **key}),
        ),
        ("get", "/v1/members/{member_id}", client.get(member, headers=org.headers)),
        (
            "get",
            "/v1/members/{member_id}",
            client.get(member, headers={**org.headers, "If-None-Match": created.headers["etag"]}),
        ),
        ("post", "/v1/members", client.post("/v1/members", json={}, headers=org.headers)),
        (
            "get",
            "/v1/members/{member_id}",
            client.get("/v1/members/01937a4e-0000-7000-8000-000000000000", headers=org.headers),
        ),
        (
            "patch",
            "/v1/members/{member_id}",
            client.patch(
                member, json={"display_name": "S"}, headers={**org.headers, "If-Match": '"9"'}
            ),
        ),
        ("get", "/v1/members", client.get("/v1/members")),
        ("get", "/health/live", client.get("/health/live")),
    ]
    statuses = set()
    for method, template, response in answers:
        statuses.add(response.status_code)
        sent = {name.lower() for name in response.headers} - _TRANSPORT
        declared = _declared(document, method, template, response.status_code)
        assert sorted(sent - declared) == [], (method, template, response.status_code)
    assert statuses >= {200, 201, 304, 400, 401, 404, 412}


def _fits(document: dict[str, Any], schema: str, body: Any) -> bool:
    validator = jsonschema_rs.Draft202012Validator(
        {"$ref": f"#/components/schemas/{schema}", "components": document["components"]}
    )
    return bool(validator.is_valid(body))


def test_rules_across_fields_are_in_the_schema_as_the_server_holds_them(
    client: httpx.Client, org: Org
) -> None:
    document = client.get("/schema/openapi.json").json()
    members_before = client.get("/v1/members", headers=org.headers).json()["data"]

    # A start time without a start date: the schema says so (if/then), and the server too.
    timed = {"display_name": "Sam", "timezone": "UTC", "recovery_started_time": "21:30"}
    assert not _fits(document, "MemberCreate", timed)
    refused = client.post("/v1/members", json=timed, headers=org.headers)
    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["field"] == "recovery_started_time"
    # A null time needs no date; a time with its date is fine.
    assert _fits(document, "MemberCreate", {**timed, "recovery_started_time": None})
    assert _fits(document, "MemberCreate", {**timed, "recovery_started_on": "2026-03-14"})
    assert client.get("/v1/members", headers=org.headers).json()["data"] == members_before

    # A ladder names each rung once (uniqueItems), and the server refuses a repeated one.
    ladder = client.get("/v1/milestone-ladder", headers=org.headers).json()
    twice = {"rungs": [{"amount": 30, "unit": "days"}] * 2, "then_every_months": 12}
    assert not _fits(document, "LadderSpec", twice)
    answer = client.put("/v1/milestone-ladder", json=twice, headers=org.headers)
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["field"] == "rungs"
    assert client.get("/v1/milestone-ladder", headers=org.headers).json() == ladder
