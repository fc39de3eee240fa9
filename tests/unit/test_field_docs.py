"""Every field of the contract says what it means, unless its name says it all."""

from __future__ import annotations

from typing import Any

import pytest

from service.adapters.http.field_docs import FIELD_DOCS, SCHEMA_FIELD_DOCS, SELF_EVIDENT
from service.cli import openapi_document
from service.config import Settings


@pytest.fixture(scope="module")
def schemas() -> dict[str, Any]:
    components = openapi_document(Settings())["components"]
    assert isinstance(components, dict)
    found: dict[str, Any] = components["schemas"]
    return found


def test_every_field_is_described_or_self_evident(schemas: dict[str, Any]) -> None:
    silent = [
        f"{name}.{field}"
        for name, schema in schemas.items()
        for field, prop in (schema.get("properties") or {}).items()
        if not prop.get("description") and field not in SELF_EVIDENT
    ]
    assert silent == []


def test_most_fields_have_words(schemas: dict[str, Any]) -> None:
    fields = [
        prop for schema in schemas.values() for prop in (schema.get("properties") or {}).values()
    ]
    described = [prop for prop in fields if prop.get("description")]
    assert len(fields) > 700
    assert len(described) / len(fields) > 0.9


def test_every_entry_names_a_field_of_the_contract(schemas: dict[str, Any]) -> None:
    present = {
        (name, field) for name, schema in schemas.items() for field in schema.get("properties", {})
    }
    assert sorted(set(SCHEMA_FIELD_DOCS) - present) == []
    names = {field for _, field in present}
    assert sorted((set(FIELD_DOCS) | SELF_EVIDENT) - names) == []


def test_a_description_written_on_the_struct_wins(schemas: dict[str, Any]) -> None:
    # ConsentCreate.recipient_organization_id has its own words; FIELD_DOCS has others.
    own = schemas["ConsentCreate"]["properties"]["recipient_organization_id"]["description"]
    assert own != FIELD_DOCS["recipient_organization_id"]
    assert own.startswith("The organization that receives the data (an intermediary")
