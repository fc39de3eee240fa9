"""How a controller declares an operation and what its handler acts with.

An operation is its route, its contract name, the scope it needs and the errors it may
answer; its handler's docstring is its documentation (the first paragraph the summary, the
rest the description). A handler asks `acting(request)` for the services, the caller's
organization (the one the route's scope was checked for) and its own operation id."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from email.utils import format_datetime
from typing import Any, cast
from uuid import UUID

import msgspec
from litestar import Controller, Request
from litestar.datastructures import ResponseHeader
from litestar.handlers import HTTPRouteHandler

from service.adapters.http.auth import NEVER_LIMITED, OPERATOR_ONLY, caller_of, scope_required
from service.adapters.http.paging import PAGING
from service.adapters.http.problems import EVERY_ANSWER_HEADERS
from service.adapters.http.responses import ETAG_HEADER, LOCATION_HEADER, error_responses
from service.adapters.http.services import BEARER, Services, authenticated
from service.domain.accounting import Viewing
from service.domain.organizations import Caller, Scope
from service.domain.ports import Clock, UnitOfWork

HttpRequest = Request[Any, Any, Any]
Handler = Callable[..., Any]


# The versioning policy (/docs/guides/versioning): a deprecated operation keeps working for at
# least this long after its deprecation is announced.
SUNSET_NOTICE = timedelta(days=183)


class Deprecation(msgspec.Struct, frozen=True, kw_only=True):
    """An operation on its way out: announced on `announced`, gone after `sunset` (at least
    SUNSET_NOTICE later), with `successor` the operation to use instead."""

    announced: date
    sunset: date
    successor: str | None = None

    def __post_init__(self) -> None:
        if self.sunset < self.announced + SUNSET_NOTICE:
            raise ValueError("A deprecated operation lives at least six months after notice.")

    def headers(self) -> list[ResponseHeader]:
        """RFC 9745 Deprecation (when it was announced) and RFC 8594 Sunset (when it goes),
        and a link to the successor, on every answer of the operation."""
        announced = datetime.combine(self.announced, time(), UTC)
        sunset = datetime.combine(self.sunset, time(), UTC)
        found = [
            ResponseHeader(
                name="Deprecation",
                value=f"@{int(announced.timestamp())}",
                description="When this operation's deprecation was announced (RFC 9745).",
            ),
            ResponseHeader(
                name="Sunset",
                value=format_datetime(sunset, usegmt=True),
                description="After this moment the operation may be gone (RFC 8594).",
            ),
        ]
        if self.successor is not None:
            found.append(
                ResponseHeader(
                    name="Link",
                    value=f'<{self.successor}>; rel="successor-version"',
                    description="The operation to use instead.",
                )
            )
        return found


class ApiController(Controller):
    """A controller of the authenticated API: every route needs a bearer key. A handler that
    takes `page: Paging` gets the `limit` and `cursor` query parameters every list has."""

    middleware = [authenticated]
    security = BEARER
    dependencies = PAGING


def operation(
    route: Callable[..., HTTPRouteHandler],
    operation_id: str,
    scope: Scope | None,
    *,
    errors: tuple[int, ...] = (),
    path: str | None = None,
    etag: bool = False,
    created: bool = False,
    status_code: int | None = None,
    operator: bool = False,
    media_type: str | None = None,
    deprecated: Deprecation | None = None,
    never_limited: bool = False,
) -> Callable[[Handler], HTTPRouteHandler]:
    """The route for a handler. `scope` is what the caller's key must hold (None: any key of
    an organization); `errors` are the statuses it may answer beyond those every route of the
    API can (403 among them); `etag`: its answers carry the resource's version; `created`: a
    Location header names what it created; `media_type`: its answer's, when not JSON;
    `deprecated`: it is on its way out (marked so in the contract, and every answer says when
    it was announced and when it goes); `never_limited`: the per-key rate limit never refuses
    it (a person asking for support now is never told to wait), nor counts it."""
    headers = [h for h, on in ((ETAG_HEADER, etag), (LOCATION_HEADER, created)) if on]
    if deprecated is not None:
        headers += deprecated.headers()
    opt = OPERATOR_ONLY if operator else scope_required(scope) if scope else {}
    if deprecated is not None:
        notices = {h.name: h.value for h in deprecated.headers() if h.value is not None}
        opt = {**opt, EVERY_ANSWER_HEADERS: notices}
    if never_limited:
        opt = {**opt, NEVER_LIMITED: True}

    def declare(handler: Handler) -> HTTPRouteHandler:
        summary, description = _documentation(handler)
        return route(
            path,
            operation_id=operation_id,
            summary=summary,
            description=description,
            opt=opt,
            responses=error_responses(403, *errors, limited=not never_limited),
            response_headers=headers or None,
            status_code=status_code,
            media_type=media_type,
            deprecated=deprecated is not None,
        )(handler)

    return declare


def paragraphs(doc: str | None) -> list[str]:
    """A docstring's paragraphs, each on one line: what the contract shows of it."""
    joined = (" ".join(paragraph.split()) for paragraph in (doc or "").split("\n\n"))
    return [paragraph for paragraph in joined if paragraph]


def _documentation(handler: Handler) -> tuple[str, str | None]:
    found = paragraphs(handler.__doc__)
    if not found:
        raise TypeError(f"{handler.__qualname__} needs a docstring: it is the operation's summary")
    return found[0], " ".join(found[1:]) or None


class Acting:
    """What a handler acts with: the services, the caller, and the operation's id."""

    __slots__ = ("caller", "operation_id", "services")

    def __init__(self, services: Services, caller: Caller, operation_id: str) -> None:
        self.services = services
        self.caller = caller
        self.operation_id = operation_id

    @property
    def organization_id(self) -> UUID:
        """The caller's organization: the authentication middleware has checked that the key
        holds the scope the route needs; an operator key has no organization, and is refused."""
        return self.caller.organization()

    def uow(self) -> UnitOfWork:
        return self.services.uow()

    @property
    def clock(self) -> Clock:
        return self.services.clock

    def viewing(self) -> Viewing:
        """The caller as the reader of this operation, for its disclosure record."""
        return self.services.viewing(self.organization_id, self.operation_id, self.caller.key_id)


def acting(request: HttpRequest) -> Acting:
    """What the handler of this request acts with."""
    return Acting(
        cast(Services, request.app.state.services),
        caller_of(request),
        cast(str, request.route_handler.operation_id),
    )
