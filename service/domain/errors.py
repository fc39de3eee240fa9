"""Domain errors. Each one is mapped to a problem+json response in exactly one place (the HTTP
adapter's error table); the domain never speaks HTTP."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar
from uuid import UUID

import msgspec

T = TypeVar("T")


class DomainError(Exception):
    """Base of every error the domain or a use case raises on purpose."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(DomainError):
    """The object does not exist, or exists but the caller may not know that it does."""

    def __init__(self, resource: str, resource_id: UUID | str) -> None:
        super().__init__(f"No {resource} with id {resource_id} is visible to this caller.")
        self.resource = resource
        self.resource_id = resource_id


def found(value: T | None, resource: str, resource_id: UUID | str) -> T:
    """`value`, or NotFound when there is none the caller may know of."""
    if value is None:
        raise NotFound(resource, resource_id)
    return value


class InvalidField(DomainError):
    """A value is well-formed JSON of the right type but breaks a domain rule."""

    def __init__(self, field: str, detail: str) -> None:
        super().__init__(detail)
        self.field = field


class DuplicateExternalRef(DomainError):
    """The organization already has a member with this external_ref."""

    def __init__(self, external_ref: str, existing_member_id: UUID | None) -> None:
        # None only if the holder changed its reference in the instant between the two reads.
        holder = f"member {existing_member_id}" if existing_member_id else "a member"
        super().__init__(
            f"This organization already has {holder} with external_ref {external_ref!r}."
        )
        self.existing_member_id = existing_member_id


class Precondition(msgspec.Struct, frozen=True, kw_only=True):
    """An If-Match, read: the versions the client accepts (any one of them will do), or
    `any_version` for `*` (the resource exists). Tags that can never match (weak ones, or
    not one of ours) are simply absent from `versions`."""

    versions: frozenset[int] = frozenset()
    any_version: bool = False

    @classmethod
    def version(cls, version: int) -> Precondition:
        return cls(versions=frozenset({version}))

    def holds_for(self, current: int) -> bool:
        return self.any_version or current in self.versions


class StaleVersion(DomainError):
    """If-Match named no version that is the current one."""

    def __init__(self, expected: Precondition, current: int) -> None:
        named = ", ".join(str(v) for v in sorted(expected.versions))
        super().__init__(
            f"The resource is at version {current}, not {named}: read it again and retry."
            if named
            else f"The resource is at version {current}; If-Match names no current version."
        )
        self.expected = expected
        self.current = current


class PreconditionRequired(DomainError):
    """A change to a resource more than one organization can change must say which version it
    changes (If-Match), so that no organization overwrites another's change unseen."""

    def __init__(self, resource: str) -> None:
        super().__init__(
            f"Other organizations can change this {resource} too: send If-Match with the ETag "
            "you last read, so that no change is overwritten unseen."
        )


def check_version(current: int, expected: Precondition | None, *, required: bool = False) -> None:
    """If-Match: None asks nothing (refused when `required`: a shared resource); otherwise one
    of the versions named must be the current one."""
    if expected is None:
        if required:
            raise PreconditionRequired("resource")
        return
    if not expected.holds_for(current):
        raise StaleVersion(expected=expected, current=current)


class Conflict(DomainError):
    """The change does not fit the resource's current state; `reason` names the rule, and
    becomes the problem type, so that clients can tell one rule from another."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


class MemberErased(DomainError):
    """The member was erased: the tombstone keeps references valid, but it has nothing to
    show and cannot change."""

    def __init__(self, member_id: UUID, erased_at: datetime) -> None:
        super().__init__(f"Member {member_id} was erased; its personal data is gone.")
        self.member_id = member_id
        self.erased_at = erased_at


class ApiKeyRevoked(DomainError):
    """The key was revoked (DELETE): it is gone, though lists keep it for the audit trail."""

    def __init__(self, key_id: UUID, revoked_at: datetime) -> None:
        super().__init__(f"API key {key_id} was revoked.")
        self.key_id = key_id
        self.revoked_at = revoked_at


class CannotRevokeOwnKey(DomainError):
    """A key may not revoke itself: an organization could lock itself out with one call."""


class AuthenticationRequired(DomainError):
    """No API key, or one that is unknown or revoked."""


class ScopeMissing(DomainError):
    """The API key is valid but lacks the scope the operation needs."""

    def __init__(self, scope: str) -> None:
        super().__init__(f"This API key lacks the {scope!r} scope.")
        self.scope = scope


class IdempotencyKeyReused(DomainError):
    """The Idempotency-Key was already used with a different request."""


class IdempotentRequestInFlight(DomainError):
    """A request with the same Idempotency-Key is still being processed."""

    def __init__(self, detail: str, retry_after_seconds: int = 1) -> None:
        super().__init__(detail)
        # How long until the claim on the key runs out (then a retry takes it over).
        self.retry_after_seconds = retry_after_seconds
