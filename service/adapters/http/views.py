"""Building response bodies from domain objects."""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

V = TypeVar("V", bound=msgspec.Struct)


def view_of(view: type[V], source: object, **computed: Any) -> V:
    """The response Struct `view` with each field copied from the same-named attribute of
    `source`, except the `computed` ones (redacted, renamed, converted): one list of fields to
    read, the view's own, and no field forgotten when one is added to both."""
    copied = {
        name: getattr(source, name) for name in view.__struct_fields__ if name not in computed
    }
    return view(**copied, **computed)
