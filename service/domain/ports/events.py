"""Ports: The outbox, the events feed, and Idempotency-Keys."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID

from service.domain.accounting import Viewing
from service.domain.events import Event, FeedPosition, FeedRead
from service.domain.idempotency import Claim, StoredResponse


class Outbox(Protocol):
    async def append(self, event: Event) -> None:
        """Record an event in the same transaction as the change it describes."""
        ...


class EventFeed(Protocol):
    """The events an organization may see, in a stable order."""

    async def after(
        self, viewing: Viewing, cursor: FeedPosition, limit: int, types: list[str] | None
    ) -> FeedRead:
        """The next events after `cursor` that `viewing.organization_id` may see (of `types`),
        and the horizon the read looked to; those about another organization's member are
        recorded as disclosures by the same read."""
        ...


class IdempotencyStore(Protocol):
    """Idempotency-Keys outside any unit of work: their expiry."""

    async def purge_expired(self, now: datetime, batch: int = 1000) -> int:
        """Forget up to `batch` expired keys; how many. Safe from several workers."""
        ...


class IdempotencyRecorder(Protocol):
    """Idempotency-Keys inside the unit of work of the request that carries one."""

    async def hold(self, scope_id: UUID, key: str, fingerprint: bytes, now: datetime) -> Claim:
        """Called first in the unit of work: own the key until this unit of work ends (no
        commit of its own: a retry meanwhile sees it in flight). Raises AnswerAlreadyStored
        when the key has its answer, IdempotencyKeyReused when it was used with another
        request, IdempotentRequestInFlight (with how long to wait) while that one runs. It may
        raise them at once, or leave the check to the unit of work's first statement (a read,
        or the commit of one that only writes), at no round trip of its own: then that
        statement raises them, and nothing of the unit of work is kept."""
        ...

    async def settle(self) -> None:
        """Check the key now if hold() left the check to a statement never sent (the use
        case failed first); raises as hold() does. A retry of a request already answered
        gets that answer, not whatever the use case would answer today."""
        ...

    async def complete(self, claim: Claim, response: StoredResponse) -> None:
        """Store the response with the change, in its transaction; IdempotentRequestInFlight if
        another request stored one for the key meanwhile (then nothing of this one is kept)."""
        ...
