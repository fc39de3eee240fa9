"""Every problem type the service answers, in words: what it means and what to do. Each is a
page at its `type` URI (/docs/problems/{slug}); tests/unit/test_problem_catalog.py holds this
list to what the code can raise."""

from __future__ import annotations

from typing import NamedTuple


class ProblemPage(NamedTuple):
    status: int
    title: str
    meaning: str
    action: str


_RETRY_LATER = "Retry after the `Retry-After` seconds, with the same `Idempotency-Key` for a POST."
_READ_FIRST = "Read the resource again to see its state, then decide."

CATALOG: dict[str, ProblemPage] = {
    # The request itself.
    "invalid-request": ProblemPage(
        400,
        "The request does not match the contract",
        "A body, parameter or header is malformed, of the wrong type, too long, or names a "
        "field the contract does not have. `errors` lists each offending field.",
        "Fix the request as `errors` says; sending it again unchanged fails the same way.",
    ),
    "invalid-field": ProblemPage(
        422,
        "A field breaks a rule",
        "The request is well formed, but a value breaks a rule of the domain (a date in the "
        "future, an organization that does not exist, a consent element missing). `errors` "
        "names the field.",
        "Correct that field. Nothing was changed.",
    ),
    "body-too-large": ProblemPage(
        413,
        "The request body is too large",
        "The body is over the service's limit (64 KiB by default).",
        "Send less: no body of this API needs to be that large.",
    ),
    "unsupported-media-type": ProblemPage(
        415,
        "Unsupported media type",
        "A body was sent without `Content-Type: application/json`.",
        "Label the body `application/json`.",
    ),
    "method-not-allowed": ProblemPage(
        405,
        "Method not allowed",
        "The path exists, but not with this HTTP method.",
        "See the reference for the methods the path takes.",
    ),
    "headers-too-large": ProblemPage(
        431,
        "Request Header Fields Too Large",
        "The request line and headers are over the server's limit; the connection is closed.",
        "Send smaller headers.",
    ),
    "request-timeout": ProblemPage(
        408,
        "Request Timeout",
        "The request line and headers took too long to arrive; the connection is closed.",
        "Send the whole head of the request at once.",
    ),
    "client-error": ProblemPage(
        400,
        "Client error",
        "Another error in the request, with the HTTP status it carries.",
        "Read `detail`.",
    ),
    # Who is calling.
    "unauthenticated": ProblemPage(
        401,
        "Authentication required",
        "No API key, an unknown one, or a malformed `Authorization` header.",
        "Send `Authorization: Bearer <key>` with a key of your organization.",
    ),
    "api-key-revoked": ProblemPage(
        410,
        "The API key was revoked",
        "The key was revoked (`revoked_at`); it will never work again.",
        "Use another key of your organization, or ask for one.",
    ),
    "missing-scope": ProblemPage(
        403,
        "The API key lacks a scope",
        "The key is valid but does not hold the scope this operation needs (`detail` names "
        "it), or an operator key called an organization's operation.",
        "Use a key holding that scope; `POST /v1/api-keys` makes one.",
    ),
    "forbidden": ProblemPage(
        403,
        "Forbidden",
        "The caller may not do this.",
        "Read `detail`.",
    ),
    "not-allowed": ProblemPage(
        403,
        "Not this organization's to do",
        "The organization takes part in the network, but this change is another's to make "
        "(the member's home organization, or the network's creator).",
        "Ask the organization that may make it.",
    ),
    "rate-limited": ProblemPage(
        429,
        "Too many requests",
        "The key went over its rate limit (`RateLimit` and `RateLimit-Policy` say which).",
        "Wait the `Retry-After` seconds.",
    ),
    # What is asked for.
    "not-found": ProblemPage(
        404,
        "Resource not found",
        "There is no such resource, or the caller may not know it exists: another "
        "organization's objects, and a member whose consent to you has ended, are 404, never "
        "403.",
        "Check the id. For another organization's member, a consent in force is needed.",
    ),
    "member-erased": ProblemPage(
        410,
        "The member was erased",
        "The member's data was erased (`erased_at`); the id stays, with nothing to show.",
        "Drop what you hold about the member.",
    ),
    "resource-erased": ProblemPage(
        410,
        "The resource was erased",
        "An idempotent replay would show a resource that has since been erased (a member) or "
        "deleted (a webhook endpoint).",
        "Nothing to do: what the request created is gone.",
    ),
    # Versions and replays.
    "stale-version": ProblemPage(
        412,
        "The resource has changed",
        "`If-Match` named a version that is no longer current (`current_version`).",
        _READ_FIRST,
    ),
    "precondition-required": ProblemPage(
        428,
        "If-Match is required to change this resource",
        "More than one organization can change this resource: a change must say which version "
        "it was made against.",
        "Send `If-Match` with the ETag you read.",
    ),
    "idempotency-key-reused": ProblemPage(
        422,
        "Idempotency-Key reused with another request",
        "The key was used before with another method, path or body.",
        "Use a new key for a new request; keys are per organization and kept 24 hours.",
    ),
    "idempotency-key-in-flight": ProblemPage(
        409,
        "A request with this Idempotency-Key is in progress",
        "The first request with this key has not finished.",
        _RETRY_LATER,
    ),
    "duplicate-external-ref": ProblemPage(
        409,
        "Duplicate external_ref",
        "Another record of your organization already has this `external_ref` "
        "(`existing_id` names it).",
        "Use the existing record, or another reference.",
    ),
    # Rules of the domain: 409 with one type per rule.
    "conflict": ProblemPage(
        409, "The resource does not allow that now", "A rule of the resource's state.", _READ_FIRST
    ),
    "network-conflict": ProblemPage(
        409, "The network does not allow that now", "A rule of the network's state.", _READ_FIRST
    ),
    "pledge-conflict": ProblemPage(
        409, "The pledge does not allow that now", "A rule of the pledge's state.", _READ_FIRST
    ),
    "referral-conflict": ProblemPage(
        409, "The referral cannot move now", "A rule of the referral's state.", _READ_FIRST
    ),
    "illegal-transition": ProblemPage(
        409,
        "Not a transition allowed now",
        "The referral cannot go to that status from where it is, or not by this organization; "
        "`allowed` lists what the caller may do now.",
        "Choose one of `allowed`.",
    ),
    "no-recovery-start": ProblemPage(
        409,
        "The member has no recovery start yet",
        "Recovery and milestones need the member's `recovery_started_on`.",
        "Set it on the member first.",
    ),
    "cannot-revoke-own-key": ProblemPage(
        409,
        "A key cannot revoke itself",
        "The key making the request is the one it names.",
        "Revoke it with another key of the organization.",
    ),
    "network-archived": ProblemPage(
        409, "The network is archived", "An archived network can no longer change.", _READ_FIRST
    ),
    "creator-cannot-leave": ProblemPage(
        409,
        "The creator cannot leave",
        "The organization that created a network cannot leave it.",
        "Archive the network instead.",
    ),
    "not-participating": ProblemPage(
        409,
        "Not taking part",
        "The organization does not take part in the network now.",
        _READ_FIRST,
    ),
    "already-participating": ProblemPage(
        409,
        "Already taking part",
        "The organization already takes part in (or is invited into) the network.",
        "Nothing to do.",
    ),
    "reach-out-closed": ProblemPage(
        409,
        "The reach-out is closed",
        "The reach-out was closed by its member's home organization, or closed by itself a "
        "day after it was opened: it takes no more responses and cannot be closed again.",
        _READ_FIRST,
    ),
    "post-deleted": ProblemPage(
        409,
        "The post was deleted",
        "A deleted post (or one whose author was erased) keeps its place in the thread as a "
        "tombstone, and nothing more can be done with it.",
        _READ_FIRST,
    ),
    "moderation-not-applicable": ProblemPage(
        409,
        "Nothing to moderate",
        "Only a visible post can be hidden, and only a hidden one unhidden.",
        _READ_FIRST,
    ),
    "not-invited": ProblemPage(
        409, "No invitation", "There is no open invitation to answer.", _READ_FIRST
    ),
    "organization-not-participating": ProblemPage(
        409,
        "The member's organization does not take part",
        "A member can join a network only when their home organization takes part in it.",
        "Invite the organization first.",
    ),
    "already-member": ProblemPage(
        409, "Already a member", "The member already belongs to the network.", "Nothing to do."
    ),
    "membership-ended": ProblemPage(
        409,
        "The membership has ended",
        "A membership that has ended cannot change; add the member again.",
        _READ_FIRST,
    ),
    "focus-taken": ProblemPage(
        409,
        "The circle has its focus member",
        "A circle is built around one member; it already has one.",
        "Add the member with another role.",
    ),
    "focus-is-fixed": ProblemPage(
        409,
        "The focus member is fixed",
        "The focus member of a circle cannot change role or leave it.",
        "Archive the circle, or make a new one.",
    ),
    "consent-not-in-force": ProblemPage(
        409,
        "No consent in force",
        "The change needs a consent in force from the member to the caller, and there is none "
        "now (revoked, expired or never given).",
        "Ask the member's home organization to record the member's consent.",
    ),
    "pledge-not-active": ProblemPage(
        409,
        "The pledge is not active",
        "A completed or withdrawn pledge takes no check-ins and no changes.",
        _READ_FIRST,
    ),
    "already-checked-in": ProblemPage(
        409,
        "Already checked in",
        "The period already has a check-in.",
        "Send it as a `correction` to replace it (the replaced one stays in the history).",
    ),
    "grace-window-passed": ProblemPage(
        409,
        "Too late for that period",
        "The period ended longer ago than the grace window (24 hours by default).",
        "Nothing to do: the period counts as missed.",
    ),
    "restriction-decided": ProblemPage(
        409,
        "The restriction was decided",
        "A restriction is agreed to or denied once.",
        _READ_FIRST,
    ),
    "restriction-not-agreed": ProblemPage(
        409,
        "The restriction is not in force",
        "Only an agreed restriction can end.",
        _READ_FIRST,
    ),
    "accounting-request-answered": ProblemPage(
        409,
        "Already answered",
        "The member's request for an accounting was marked answered before.",
        "Nothing to do.",
    ),
    "incident-closed": ProblemPage(
        409, "The incident is closed", "A closed incident cannot change.", _READ_FIRST
    ),
    # The service.
    "internal-error": ProblemPage(
        500,
        "Internal server error",
        "The service failed; it has been logged. Whether a change was made is not known.",
        "Retry a POST with the same `Idempotency-Key`; re-read before repeating another write.",
    ),
    "busy": ProblemPage(503, "Busy; retry shortly", "The service is saturated.", _RETRY_LATER),
    "database-unavailable": ProblemPage(
        503,
        "The database cannot be reached right now",
        "The database is restarting or unreachable. Whether a change was made is not known.",
        _RETRY_LATER,
    ),
}
