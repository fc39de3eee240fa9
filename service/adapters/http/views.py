"""Building response bodies from domain objects."""

from __future__ import annotations

from service.domain.records import copied

# The response Struct with each field copied from the same-named attribute of the domain
# object, but for the computed ones (redacted, renamed, converted).
view_of = copied

__all__ = ["view_of"]
