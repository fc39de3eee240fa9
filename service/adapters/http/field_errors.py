"""The errors of a refused request, field by field, and which field each names: the dotted
path of a body field, or a header as a client spells it (Litestar reports body errors against
the whole body)."""

from __future__ import annotations

import re
from typing import Any

import msgspec

_NAMED_FIELD = re.compile(r"field `([^`]+)`")


_AT_PATH = re.compile(r" - at `\$\.?([^`]*)`$")


# Header parameters as a client names them, not as the handler's arguments are called.
_HEADER_PARAMETERS = {"if_match": "If-Match", "idempotency_key": "Idempotency-Key"}


def _field_name(key: object, message: str) -> str:
    """The dotted path of the offending field. Litestar reports body errors against the whole
    body (`data`); msgspec's message carries the real path or field name."""
    at = _AT_PATH.search(message)
    named = _NAMED_FIELD.search(message)
    # Without a path in the message, Litestar's key says where in the body (`signature`).
    nested = key not in (None, "", "data") and key not in _HEADER_PARAMETERS
    prefix = at.group(1) if at else (str(key) if nested and named else "")
    if named:
        return f"{prefix}.{named.group(1)}" if prefix else named.group(1)
    if prefix:
        return prefix
    if key in _HEADER_PARAMETERS:
        return _HEADER_PARAMETERS[str(key)]
    return "body" if key in (None, "", "data") else str(key)


def field_errors(extra: Any) -> list[FieldError]:
    errors: list[FieldError] = []
    if isinstance(extra, list):
        for item in extra:
            if isinstance(item, dict):
                message = str(item.get("message"))
                errors.append(
                    FieldError(field=_field_name(item.get("key"), message), message=message)
                )
    return errors


class FieldError(msgspec.Struct, frozen=True, kw_only=True):
    """One offending input: `field` is a dotted path into the body, or a parameter's name."""

    field: str
    message: str
