"""The single table from errors to RFC 9457 problem+json responses, and the OpenAPI
declarations of those responses."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any, NamedTuple

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.types import ExceptionHandlersMap

from service.adapters.http.field_errors import FieldError, field_errors
from service.domain.errors import (
    ApiKeyRevoked,
    AuthenticationRequired,
    CannotRevokeOwnKey,
    Conflict,
    DomainError,
    DuplicateExternalRef,
    IdempotencyKeyReused,
    IdempotentRequestInFlight,
    InvalidField,
    MemberErased,
    NotFound,
    PreconditionRequired,
    ScopeMissing,
    StaleVersion,
)
from service.domain.networks import NetworkConflict, NotAllowed
from service.domain.pledges import PledgeConflict
from service.domain.recovery import NoJourney
from service.domain.referrals import DuplicateReferral, IllegalTransition, ReferralConflict

logger = logging.getLogger("service.errors")

PROBLEM_MEDIA_TYPE = "application/problem+json"
# A problem's `type` is a URI reference to its page on the service that answered
# (/docs/problems/<slug>, problem_catalog.py): the same string on every deployment, and it leads
# somewhere (RFC 9457 §3.1.1 resolves a relative reference against the request's URI).
PROBLEM_TYPE_BASE = "/docs/problems/"


class ProblemDetails(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """RFC 9457 problem details. `type` is stable per kind of error; clients branch on it."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldError] | None = None
    existing_id: str | None = None
    current_version: int | None = None
    erased_at: datetime | None = None
    revoked_at: datetime | None = None
    # On an illegal referral transition: what the caller may move the referral to now.
    allowed: list[str] | None = None


class ProblemKind(NamedTuple):
    status: int
    slug: str
    title: str


# Domain errors, most specific first is not needed: the lookup walks each error's MRO.
DOMAIN_PROBLEMS: dict[type[DomainError], ProblemKind] = {
    NotFound: ProblemKind(404, "not-found", "Resource not found"),
    InvalidField: ProblemKind(422, "invalid-field", "A field breaks a rule"),
    DuplicateExternalRef: ProblemKind(409, "duplicate-external-ref", "Duplicate external_ref"),
    StaleVersion: ProblemKind(412, "stale-version", "The resource has changed"),
    PreconditionRequired: ProblemKind(
        428, "precondition-required", "If-Match is required to change this resource"
    ),
    MemberErased: ProblemKind(410, "member-erased", "The member was erased"),
    ApiKeyRevoked: ProblemKind(410, "api-key-revoked", "The API key was revoked"),
    Conflict: ProblemKind(409, "conflict", "The resource does not allow that now"),
    NetworkConflict: ProblemKind(409, "network-conflict", "The network does not allow that now"),
    NoJourney: ProblemKind(409, "no-recovery-start", "The member has no recovery start yet"),
    PledgeConflict: ProblemKind(409, "pledge-conflict", "The pledge does not allow that now"),
    IllegalTransition: ProblemKind(409, "illegal-transition", "Not a transition allowed now"),
    ReferralConflict: ProblemKind(409, "referral-conflict", "The referral cannot move now"),
    DuplicateReferral: ProblemKind(409, "duplicate-external-ref", "Duplicate external_ref"),
    NotAllowed: ProblemKind(403, "not-allowed", "Not this organization's to do"),
    CannotRevokeOwnKey: ProblemKind(409, "cannot-revoke-own-key", "A key cannot revoke itself"),
    AuthenticationRequired: ProblemKind(401, "unauthenticated", "Authentication required"),
    ScopeMissing: ProblemKind(403, "missing-scope", "The API key lacks a scope"),
    IdempotencyKeyReused: ProblemKind(
        422, "idempotency-key-reused", "Idempotency-Key reused with another request"
    ),
    IdempotentRequestInFlight: ProblemKind(
        409, "idempotency-key-in-flight", "A request with this Idempotency-Key is in progress"
    ),
}

# Errors raised by the framework itself, by status code.
HTTP_PROBLEMS: dict[int, ProblemKind] = {
    400: ProblemKind(400, "invalid-request", "The request does not match the contract"),
    401: ProblemKind(401, "unauthenticated", "Authentication required"),
    403: ProblemKind(403, "forbidden", "Forbidden"),
    404: ProblemKind(404, "not-found", "Resource not found"),
    405: ProblemKind(405, "method-not-allowed", "Method not allowed"),
    413: ProblemKind(413, "body-too-large", "The request body is too large"),
    415: ProblemKind(415, "unsupported-media-type", "Unsupported media type"),
    429: ProblemKind(429, "rate-limited", "Too many requests"),
}
INTERNAL = ProblemKind(500, "internal-error", "Internal server error")
GONE = ProblemKind(410, "resource-erased", "The resource was erased")
BUSY = ProblemKind(503, "busy", "Busy; retry shortly")
UNAVAILABLE = ProblemKind(503, "database-unavailable", "The database cannot be reached right now")
# Seconds a client is asked to wait after a 503: long enough for a restarted database to take
# connections again, short enough that a client waits little past the outage.
RETRY_AFTER_SECONDS = 2

# Says whether an exception means "the database is not reachable right now" (given by the
# composition root, so that this adapter names no database library).
Unreachable = Callable[[BaseException], bool]


def problem_type(slug: str) -> str:
    return PROBLEM_TYPE_BASE + slug


def problem_response(
    kind: ProblemKind,
    detail: str,
    *,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> Response[ProblemDetails]:
    problem = ProblemDetails(
        type=problem_type(kind.slug),
        title=kind.title,
        status=kind.status,
        detail=detail,
        **extensions,
    )
    return Response(
        problem, status_code=kind.status, media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )


def _lookup(error: DomainError) -> ProblemKind:
    for cls in type(error).__mro__:
        kind = DOMAIN_PROBLEMS.get(cls)
        if kind is not None:
            return kind
    return INTERNAL


def domain_error_handler(_: Request[Any, Any, Any], error: DomainError) -> Response[ProblemDetails]:
    kind = _lookup(error)
    headers = {"WWW-Authenticate": 'Bearer realm="support-network"'} if kind.status == 401 else None
    if isinstance(error, InvalidField):
        return problem_response(
            kind, error.detail, errors=[FieldError(field=error.field, message=error.detail)]
        )
    if isinstance(error, DuplicateExternalRef):
        existing = error.existing_member_id
        return problem_response(
            kind, error.detail, existing_id=None if existing is None else str(existing)
        )
    if isinstance(error, DuplicateReferral):
        return problem_response(kind, error.detail, existing_id=str(error.existing_id))
    if isinstance(error, IllegalTransition):
        return problem_response(kind, error.detail, allowed=[s.value for s in error.allowed])
    if isinstance(error, Conflict):
        # One stable type per rule, so clients can tell "focus-taken" from "network-archived".
        return problem_response(ProblemKind(409, error.reason, kind.title), error.detail)
    if isinstance(error, MemberErased):
        return problem_response(kind, error.detail, erased_at=error.erased_at)
    if isinstance(error, ApiKeyRevoked):
        return problem_response(kind, error.detail, revoked_at=error.revoked_at)
    if isinstance(error, IdempotentRequestInFlight):
        return problem_response(
            kind, error.detail, headers={"Retry-After": str(error.retry_after_seconds)}
        )
    if isinstance(error, StaleVersion):
        return problem_response(kind, error.detail, current_version=error.current)
    return problem_response(kind, error.detail, headers=headers)


def http_error_handler(_: Request[Any, Any, Any], error: HTTPException) -> Response[ProblemDetails]:
    status = error.status_code
    if status >= 500:
        logger.error("framework error %s: %s", status, error.detail)
        return problem_response(INTERNAL, "The service failed to answer; it has been logged.")
    kind = HTTP_PROBLEMS.get(status, ProblemKind(status, "client-error", "Client error"))
    headers = dict(error.headers or {})
    if status == 401:
        headers.setdefault("WWW-Authenticate", 'Bearer realm="support-network"')
    if isinstance(error, ValidationException) or status == 400:
        errors = field_errors(error.extra)
        return problem_response(kind, error.detail, headers=headers or None, errors=errors or None)
    return problem_response(kind, error.detail, headers=headers or None)


def _unavailable(request: Request[Any, Any, Any], error: BaseException) -> Response[ProblemDetails]:
    logger.warning(
        "database unreachable on %s %s: %s: %s",
        request.method,
        request.url.path,
        type(error).__name__,
        error,
    )
    return problem_response(
        UNAVAILABLE,
        "The database could not be reached. If this request changes something and the "
        "connection was lost while it committed, the change may have been made: retry with "
        "the same Idempotency-Key, which replays the first answer or applies the change once.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def internal_error_handler(
    unreachable: Unreachable,
) -> Callable[[Request[Any, Any, Any], Exception], Response[ProblemDetails]]:
    def handle(request: Request[Any, Any, Any], error: Exception) -> Response[ProblemDetails]:
        if unreachable(error):
            return _unavailable(request, error)
        logger.exception(
            "unhandled error on %s %s", request.method, request.url.path, exc_info=error
        )
        return problem_response(INTERNAL, "The service failed to answer; it has been logged.")

    return handle


def undecodable_body_handler(
    _: Request[Any, Any, Any], error: UnicodeDecodeError
) -> Response[ProblemDetails]:
    # Litestar decodes some bodies as text before parsing them, and lets this escape.
    return problem_response(
        HTTP_PROBLEMS[400],
        "The body is not valid UTF-8 JSON.",
        errors=[FieldError(field="body", message=str(error))],
    )


def busy_handler(request: Request[Any, Any, Any], error: TimeoutError) -> Response[ProblemDetails]:
    # A statement or the request waited too long (usually for a row another transaction holds,
    # or for a connection). A write may have committed just as the wait ran out.
    logger.warning("timed out on %s %s", request.method, request.url.path)
    return problem_response(
        BUSY,
        "The service is busy with this resource. Retry shortly; for a change, retry with the "
        "same Idempotency-Key, which replays the first answer or applies the change once.",
        headers={"Retry-After": "1"},
    )


def too_deep_handler(unreachable: Unreachable) -> Callable[..., Response[ProblemDetails]]:
    internal = internal_error_handler(unreachable)

    def handle(request: Request[Any, Any, Any], error: RecursionError) -> Response[ProblemDetails]:
        # The JSON decoder refuses a document nested deeper than the interpreter's recursion
        # limit allows; any other RecursionError is a bug.
        if "deserializ" not in str(error):
            return internal(request, error)
        return problem_response(
            HTTP_PROBLEMS[400],
            "The JSON body is nested too deeply.",
            errors=[FieldError(field="body", message="JSON nested too deeply")],
        )

    return handle


# The route option holding the headers an operation sends on every answer, its errors too (a
# deprecated operation's notice), set once when the route is declared (operations.operation).
EVERY_ANSWER_HEADERS = "every_answer_headers"


def _with_the_operation_s_notices(
    handler: Callable[[Request[Any, Any, Any], Any], Response[ProblemDetails]],
) -> Callable[[Request[Any, Any, Any], Any], Response[ProblemDetails]]:
    """Litestar puts a route's response headers on its handler's own answers only; a problem
    answered for a deprecated operation carries its Deprecation, Sunset and Link too."""

    def handle(request: Request[Any, Any, Any], error: Any) -> Response[ProblemDetails]:
        response = handler(request, error)
        route = request.scope.get("route_handler")
        notices: dict[str, str] = getattr(route, "opt", {}).get(EVERY_ANSWER_HEADERS, {})
        for name, value in notices.items():
            response.headers.setdefault(name, value)
        return response

    return handle


def exception_handlers(unreachable: Unreachable) -> ExceptionHandlersMap:
    """The error table, given what tells a database outage from a bug."""
    table: dict[type[Exception], Any] = {
        TimeoutError: busy_handler,
        DomainError: domain_error_handler,
        UnicodeDecodeError: undecodable_body_handler,
        RecursionError: too_deep_handler(unreachable),
        HTTPException: http_error_handler,
        Exception: internal_error_handler(unreachable),
    }
    return {kind: _with_the_operation_s_notices(handler) for kind, handler in table.items()}
