"""Domain errors. Each one is mapped to a problem+json response in exactly one place (the HTTP
adapter's error table); the domain never speaks HTTP."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID


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


class StaleVersion(DomainError):
    """If-Match named a version that is no longer the current one."""

    def __init__(self, expected: int, current: int) -> None:
        super().__init__(
            f"The resource is at version {current}, not {expected}: read it again and retry."
        )
        self.expected = expected
        self.current = current


def check_version(current: int, expected: int | None) -> None:
    """If-Match: None asks nothing; any other version must be the current one."""
    if expected is not None and expected != current:
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
