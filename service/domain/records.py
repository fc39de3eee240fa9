"""How a versioned record is made and changed: made from the fields its request shares with it
by name, and one version on with every change (the version is what If-Match and ETag carry)."""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

R = TypeVar("R", bound=msgspec.Struct)


def copied(kind: type[R], source: object, **given: Any) -> R:
    """A `kind` with each field taken from the same-named attribute of `source`, except the
    `given` ones: one list of fields, the made Struct's own, so none is forgotten when one is
    added to both."""
    fields = {name: getattr(source, name) for name in kind.__struct_fields__ if name not in given}
    return kind(**fields, **given)


def new_record(kind: type[R], new: msgspec.Struct, **given: Any) -> R:
    """A record at version 1 made from its request `new` (the fields they share by name) and
    `given` (its id, owner, status and times, and whatever the rules worked out)."""
    shared = {
        name: getattr(new, name)
        for name in kind.__struct_fields__
        if name not in given and name in new.__struct_fields__
    }
    return kind(**shared, **given, version=1)


def next_version(record: R, **changes: Any) -> R:
    """The record with `changes`, one version on."""
    version: int = getattr(record, "version")  # noqa: B009 (every versioned record has one)
    return msgspec.structs.replace(record, **changes, version=version + 1)
