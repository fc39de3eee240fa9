"""The OpenAPI declarations of the error responses (problem+json), shared by the routes; the
error table itself is problems.py."""

from __future__ import annotations

from litestar.datastructures import ResponseHeader
from litestar.openapi.datastructures import ResponseSpec

from service.adapters.http.problems import PROBLEM_MEDIA_TYPE, ProblemDetails


def _spec(description: str) -> ResponseSpec:
    return ResponseSpec(
        data_container=ProblemDetails,
        media_type=PROBLEM_MEDIA_TYPE,
        description=description,
        generate_examples=False,
    )


_DESCRIPTIONS: dict[int, str] = {
    400: "The request does not match the contract: malformed JSON, a wrong type, a missing or "
    "unknown field, a value out of bounds. `errors` names the offending fields.",
    401: "No API key, or an unknown or revoked one.",
    403: "The API key lacks the scope this operation needs, or the organization takes part but "
    "the action is not its to take.",
    404: "No such resource visible to the caller (another organization's objects are reported "
    "as absent, never as forbidden).",
    409: "Conflict with the current state (duplicate external_ref with `existing_id`, "
    "a key revoking itself, a referral transition not allowed now with `allowed`, or a "
    "request with the same Idempotency-Key still in progress: then `Retry-After` says when "
    "to try again).",
    410: "Gone: the member was erased, the API key revoked, or (on an idempotent replay) what "
    "the request created was erased. The id stays valid as a reference; the data is gone.",
    412: "If-Match does not name the current version; `current_version` says which it is.",
    428: "This resource can be changed by other organizations too: send `If-Match` with the "
    "ETag last read, so that no change is overwritten unseen.",
    413: "The request body is larger than the service accepts.",
    415: "The body is not labelled as JSON: send `Content-Type: application/json`.",
    422: "The body matches the contract but breaks a domain rule (e.g. an unknown time zone), or "
    "the Idempotency-Key was used before with another request.",
    429: "This API key used its quota of requests for the current window; nothing was "
    "changed. Retry after `Retry-After` seconds. Every answer carries `RateLimit-Policy` "
    '(e.g. `"default";q=6000;w=60`) and `RateLimit` (e.g. `"default";r=5999;t=42`: requests '
    "remaining, seconds until the window resets).",
    500: "The service failed (a bug, logged on our side). A change may or may not have been "
    "made: retry a creating POST with the same `Idempotency-Key` (it then replays the first "
    "answer or applies the change once), and re-read before repeating any other write.",
    503: "The database cannot be reached right now (`type` ending in `/database-unavailable`), "
    "or the service is busy with this resource (`/busy`). Retry after `Retry-After` seconds. "
    "If the connection was lost while a change committed, the change may have been made: "
    "retry with the same `Idempotency-Key`, which replays the first answer or applies the "
    "change once; without one, re-read before writing again.",
}


def error_responses(*statuses: int, limited: bool = True) -> dict[int, ResponseSpec]:
    """OpenAPI declarations for the given error statuses (plus the ones every route can give;
    429 only on those the rate limit applies to)."""
    every_route = (400, 401, 404, *((429,) if limited else ()), 500, 503)
    # An operation that takes a body (so may answer 413) refuses a body that is not JSON.
    with_body = (415,) if 413 in statuses else ()
    return {s: _spec(_DESCRIPTIONS[s]) for s in sorted({*every_route, *statuses, *with_body})}


READ = error_responses(403)
WRITE = error_responses(403, 409, 412, 413, 422)
MEMBER_READ = error_responses(403, 410)
MEMBER_WRITE = error_responses(403, 409, 410, 412, 413, 422)
MEMBER_ERASE = error_responses(403, 412)
NETWORK_WRITE = error_responses(403, 409, 412, 413)
# Changes to what every participating organization can change: If-Match required (428).
SHARED_WRITE = error_responses(403, 409, 412, 413, 428)
CREATE = error_responses(403, 409, 413, 422)
# A creating POST replayed after what it created was erased answers 410.
MEMBER_CREATE = error_responses(403, 409, 410, 413, 422)
OPERATOR = error_responses(403, 409, 413, 422)
PUBLIC = {500: _spec(_DESCRIPTIONS[500])}

ETAG_HEADER = ResponseHeader(
    name="ETag",
    description="The resource's current version; send it back in If-Match to write safely.",
    documentation_only=True,
    value='"1"',  # only gives the document its type: the handler sets the real value
)
LOCATION_HEADER = ResponseHeader(
    name="Location",
    description="Where the new resource can be read.",
    documentation_only=True,
    value="/v1/...",
)
