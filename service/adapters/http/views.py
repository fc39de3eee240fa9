"""Building response bodies from domain objects."""

from __future__ import annotations

from typing import Any, Self, TypeVar

import msgspec

V = TypeVar("V", bound=msgspec.Struct)


def view_of(view: type[V], source: object, **computed: Any) -> V:
    """The response Struct `view` with each field copied from the same-named attribute of
    `source`, except the `computed` ones (redacted, renamed, converted): one list of fields to
    read, the view's own, and no field forgotten when one is added to both. A set is shown as
    a sorted list (the same answer every time), a tuple as a list."""
    copied = {
        name: _shown(getattr(source, name))
        for name in view.__struct_fields__
        if name not in computed
    }
    return view(**copied, **computed)


def _shown(value: Any) -> Any:
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    return value


class CopiedView(msgspec.Struct, kw_only=True):
    """A response body that shows the same-named fields of a domain object as they are:
    `XView.of(x)` is `view_of(XView, x)`. A view that redacts or computes defines its own."""

    @classmethod
    def of(cls, source: object) -> Self:
        return view_of(cls, source)
