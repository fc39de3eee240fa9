"""Failures as exceptions: each carries the problem the service answered with (RFC 9457)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldProblem:
    """One field the service refused: where (`body.signature.method`) and why."""

    field: str
    message: str


class ApiError(Exception):
    """Any answer that is not a success. `type` names the problem; its page is at that path
    under the service's address (`/docs/problems/...`)."""

    status: int
    type: str
    title: str
    detail: str
    field_errors: tuple[FieldProblem, ...]
    current_version: int | None
    retry_after: int | None
    request_id: str | None
    problem: Mapping[str, Any]

    def __init__(self, status: int, problem: Mapping[str, Any], headers: Mapping[str, str]) -> None:
        self.status = status
        self.problem = problem
        self.type = str(problem.get("type", "about:blank"))
        self.title = str(problem.get("title", ""))
        self.detail = str(problem.get("detail", ""))
        errors = problem.get("errors") or []
        self.field_errors = tuple(
            FieldProblem(field=str(error.get("field", "")), message=str(error.get("message", "")))
            for error in errors
            if isinstance(error, Mapping)
        )
        version = problem.get("current_version")
        self.current_version = version if isinstance(version, int) else None
        lowered = {name.lower(): value for name, value in headers.items()}
        retry_after = lowered.get("retry-after", "")
        self.retry_after = int(retry_after) if retry_after.isdigit() else None
        self.request_id = lowered.get("x-request-id")
        super().__init__(f"{status} {self.title}: {self.detail}".rstrip(": "))


class BadRequest(ApiError):
    """400: the request does not fit the contract; `field_errors` names each field."""


class Unauthorized(ApiError):
    """401: no key, or a key that is unknown, revoked or expired."""


class Forbidden(ApiError):
    """403: the key lacks the scope the operation needs."""


class NotFound(ApiError):
    """404: nothing there for this caller (another organization's object looks the same)."""


class Conflict(ApiError):
    """409: a duplicate, or the same idempotency key still in flight."""


class Gone(ApiError):
    """410: gone for good: an erased member, a revoked key, or what an idempotent replay
    created and has since been erased or deleted."""


class PreconditionFailed(ApiError):
    """412: someone changed it since your read; `current_version` is the version now."""


class UnprocessableContent(ApiError):
    """422: well-formed, but against a rule (a transition not allowed, a key reused)."""


class PreconditionRequired(ApiError):
    """428: this change needs `If-Match`."""


class RateLimited(ApiError):
    """429: over the key's quota; wait `retry_after` seconds."""


class ServiceUnavailable(ApiError):
    """503: the service cannot reach its database just now; retry after `retry_after`."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    410: Gone,
    412: PreconditionFailed,
    422: UnprocessableContent,
    428: PreconditionRequired,
    429: RateLimited,
    503: ServiceUnavailable,
}


def error_for(status: int, content: bytes, headers: Mapping[str, str]) -> ApiError:
    """The exception for an answer that is not a success, from its raw body (a problem, or
    anything else a proxy may have sent)."""
    try:
        decoded = json.loads(content) if content else {}
    except ValueError:
        decoded = {}
    problem: Mapping[str, Any] = decoded if isinstance(decoded, dict) else {}
    if not problem:
        problem = {"type": "about:blank", "title": f"HTTP {status}", "status": status}
    return _BY_STATUS.get(status, ApiError)(status, problem, headers)
