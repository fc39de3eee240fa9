"""The contract's examples of the 42 CFR Part 2 bodies: each shows every field, is one the
service itself would decode, and is the one the published document carries."""

from __future__ import annotations

import json
from typing import Any

import jsonschema_rs
import msgspec
import pytest

from service.adapters.http.examples import EXAMPLES
from service.cli import openapi_document
from service.config import Settings

CASES = sorted(EXAMPLES.items(), key=lambda item: item[0].__name__)
IDS = [struct.__name__ for struct, _ in CASES]


@pytest.fixture(scope="module")
def schemas() -> dict[str, Any]:
    document = openapi_document(Settings())
    components = document["components"]
    assert isinstance(components, dict)
    found: dict[str, Any] = components["schemas"]
    return found


@pytest.mark.parametrize(("struct", "example"), CASES, ids=IDS)
def test_an_example_shows_every_field(
    struct: type[msgspec.Struct], example: dict[str, Any]
) -> None:
    assert set(example) == set(struct.__struct_fields__)


@pytest.mark.parametrize(("struct", "example"), CASES, ids=IDS)
def test_an_example_is_a_body_the_service_decodes(
    struct: type[msgspec.Struct], example: dict[str, Any]
) -> None:
    # As a request body is decoded: from JSON, strictly, every constraint of the Struct held.
    decoded = msgspec.json.decode(json.dumps(example).encode(), type=struct)
    to_domain = getattr(decoded, "to_domain", None)
    if to_domain is not None and not to_domain.__code__.co_argcount > 1:
        to_domain()  # and a request body converts to what the use case takes


@pytest.mark.parametrize(("struct", "example"), CASES, ids=IDS)
def test_the_published_document_carries_the_example(
    schemas: dict[str, Any], struct: type[msgspec.Struct], example: dict[str, Any]
) -> None:
    # Nulls too: a required field that may be null is in the example as null.
    assert schemas[struct.__name__]["examples"] == [example]


def test_a_changed_field_is_caught() -> None:
    """The decoding check bites: an example with a value the service refuses fails it."""
    struct, example = next((s, e) for s, e in CASES if s.__name__ == "IncidentCreate")
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(json.dumps({**example, "since": "yesterday"}).encode(), type=struct)


def _bodies(document: dict[str, Any]) -> set[str]:
    """The schemas every request and response body of the document names (problems aside)."""
    found: set[str] = set()
    for operations in document["paths"].values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            contents = [operation.get("requestBody", {}).get("content", {})]
            contents += [r.get("content", {}) for r in operation["responses"].values()]
            for content in contents:
                for media in content.values():
                    schema = media["schema"]
                    ref = schema.get("$ref") or schema.get("items", {}).get("$ref")
                    if ref and not ref.endswith("/ProblemDetails"):
                        found.add(ref.rsplit("/", 1)[1])
    return found


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return openapi_document(Settings())


def test_every_request_and_response_body_has_an_example(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    bodies = _bodies(document)
    assert len(bodies) > 60
    assert sorted(name for name in bodies if not schemas[name].get("examples")) == []


def test_every_example_fits_the_published_schema(document: dict[str, Any]) -> None:
    # As a generated client or a validator would read it: against the document's own schema,
    # references and all (JSON Schema 2020-12, as OpenAPI 3.1 uses).
    for name, schema in document["components"]["schemas"].items():
        for example in schema.get("examples", []):
            validator = jsonschema_rs.Draft202012Validator(
                {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
            )
            errors = [str(error) for error in validator.iter_errors(example)]
            assert errors == [], f"{name}: {errors}"
