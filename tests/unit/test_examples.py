"""The contract's examples of the 42 CFR Part 2 bodies: each shows every field, is one the
service itself would decode, and is the one the published document carries."""

from __future__ import annotations

import json
from typing import Any

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
    # The document leaves null values out of an example (Litestar's serialisation does).
    assert schemas[struct.__name__]["examples"] == [_without_nulls(example)]


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def test_a_changed_field_is_caught() -> None:
    """The decoding check bites: an example with a value the service refuses fails it."""
    struct, example = next((s, e) for s, e in CASES if s.__name__ == "IncidentCreate")
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(json.dumps({**example, "since": "yesterday"}).encode(), type=struct)
