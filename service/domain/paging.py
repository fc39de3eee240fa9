"""Keyset paging: a page is everything after a known id, so new rows never shift a page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar
from uuid import UUID

import msgspec

T = TypeVar("T")

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


class PageRequest(msgspec.Struct, frozen=True, kw_only=True):
    limit: int = DEFAULT_PAGE_SIZE
    after: UUID | None = None


class Page(msgspec.Struct, Generic[T], frozen=True, kw_only=True):
    items: list[T]
    next_after: UUID | None


def page_from_rows(rows: list[T], request: PageRequest, id_of: Callable[[T], UUID]) -> Page[T]:
    """`rows` were fetched with limit + 1, in id order: the extra row only tells that a next
    page exists, and the next page starts after the last row shown."""
    if len(rows) > request.limit:
        shown = rows[: request.limit]
        return Page(items=shown, next_after=id_of(shown[-1]))
    return Page(items=rows, next_after=None)
