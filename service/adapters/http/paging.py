"""Query parameters shared by every list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from litestar.di import NamedDependency, Provide
from litestar.exceptions import ValidationException
from litestar.params import QueryParameter

from service.adapters.http.schemas import decode_cursor, encode_cursor
from service.domain.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page, PageRequest

T = TypeVar("T")
L = TypeVar("L")

Limit = Annotated[
    int,
    QueryParameter(
        ge=1, le=MAX_PAGE_SIZE, description=f"Page size, 1 to {MAX_PAGE_SIZE}.", required=False
    ),
]
Cursor = Annotated[
    str | None,
    QueryParameter(
        required=False,
        min_length=22,
        max_length=22,
        pattern=r"^[A-Za-z0-9_\-]{22}$",
        description="`next_cursor` of the previous page.",
    ),
]


def page_request(limit: int = DEFAULT_PAGE_SIZE, cursor: str | None = None) -> PageRequest:
    if cursor is None:
        return PageRequest(limit=limit)
    try:
        after = decode_cursor(cursor)
    except ValueError:
        raise not_a_cursor() from None
    return PageRequest(limit=limit, after=after)


def not_a_cursor() -> ValidationException:
    """The 400 for a `cursor` this service did not hand out."""
    return ValidationException(
        "The cursor is not one this service handed out.",
        extra=[{"key": "cursor", "message": "Use next_cursor from a previous page."}],
    )


def list_of(body: Callable[..., L], page: Page[T], view: Callable[[T], Any]) -> L:
    """A list response: `{"data": [view of each item], "next_cursor": ...}`."""
    return body(
        data=[view(item) for item in page.items], next_cursor=encode_cursor(page.next_after)
    )


def _page(limit: Limit = DEFAULT_PAGE_SIZE, cursor: Cursor = None) -> PageRequest:
    return page_request(limit, cursor)


# A handler's `page: Paging`, from the two query parameters every list takes.
PAGING = {"page": Provide(_page, sync_to_thread=False)}
Paging = NamedDependency[PageRequest]
