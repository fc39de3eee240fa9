"""Idempotency-Key records: the claim a request holds on its key while it runs, and the
response stored with its change, replayed to retries."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec


class StoredResponse(msgspec.Struct, frozen=True, kw_only=True):
    """The first response to a request, replayed to its retries. `body` is None once the
    resource it describes was erased: then the replay is a 410, never the erased data."""

    status: int
    headers: dict[str, str]
    body: bytes | None
    resource_id: UUID | None = None


class Claim(msgspec.Struct, frozen=True, kw_only=True):
    """A request's hold on its key (scope: the organization, or an operator key itself),
    taken at `claimed_at` for the request whose `fingerprint` it keeps."""

    scope_id: UUID
    key: str
    token: UUID
    fingerprint: bytes
    claimed_at: datetime


class AnswerAlreadyStored(Exception):
    """The key already has its answer: the request is a retry, answered by replaying
    `response`. Raised by the hold, or by the unit of work's first statement when the hold
    was left to it; nothing of the unit of work is kept."""

    def __init__(self, response: StoredResponse) -> None:
        super().__init__("an answer is already stored for this Idempotency-Key")
        self.response = response
