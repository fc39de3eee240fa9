"""A request body's list of bounded strings keeps its items' bounds in the contract (Litestar
drops them; schemathesis then sent an empty crisis phrase as valid data and got a 400)."""

from __future__ import annotations

from service.adapters.http.conversation import CrisisPhrasesUpdate
from service.adapters.http.schemas import PRINTABLE
from service.cli import openapi_document
from service.config import Settings
from service.domain.conversation import MAX_CRISIS_PHRASE_CHARACTERS


def test_the_items_of_a_list_of_bounded_strings_carry_their_bounds() -> None:
    components = openapi_document(Settings())["components"]
    assert isinstance(components, dict)
    phrases = components["schemas"][CrisisPhrasesUpdate.__name__]["properties"]["phrases"]
    assert phrases["items"] == {
        "type": "string",
        "minLength": 2,
        "maxLength": MAX_CRISIS_PHRASE_CHARACTERS,
        "pattern": PRINTABLE,
    }
