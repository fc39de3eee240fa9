"""Idempotency keys in PostgreSQL. A request holds its key with a transaction-level advisory
lock, in the request's own unit of work: a retry meanwhile fails to take it and answers 409,
and the lock goes when the transaction ends, with the commit or with a connection that died.
The response is stored by the same commit as the change. So the claim needs no write and no
commit of its own (before: a committed claim row, then an update of it with the change).

The hold costs no round trip of its own either: it is the unit of work's first check
(session.FirstCheck). A creation that only writes sends the lock (`idempotency_gate`) as the
first column of the statement that makes its writes: one statement in all, as without a key.
One that reads sends the lock with the lookup right after BEGIN, before its first read. When
that one statement fails (the key is held, or its answer already stored, or anything else),
the key is looked up to answer the retry: a replay, a 409 or a 422, or the statement's own
error when the key has nothing to say."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import asyncpg
import msgspec

from service.adapters.postgres.pool import DbConnection, FairPool
from service.adapters.postgres.session import Session, Write, rows_changed
from service.domain.errors import IdempotencyKeyReused, IdempotentRequestInFlight
from service.domain.idempotency import AnswerAlreadyStored, Claim, StoredResponse

# One lock per (scope, key), in the 64-bit space of advisory locks; two keys sharing a hash
# only make one of two requests running at the same moment wait a second (a 409). Both
# functions are in migration 0035.
# The lock, then what is stored for the key, read after the lock was taken: one round trip.
_HOLD = "SELECT * FROM idempotency_hold($1::uuid, $2::text, $3::timestamptz)"
# The lock alone, inside the statement of a creation that only writes; it raises _KEY_HELD
# when another request holds the key. An answer already stored fails the statement's own
# INSERT of the answer (its row count), and the lookup after it finds the answer.
_GATE = "idempotency_gate($1::uuid, $2::text)"
_KEY_HELD = "SNW02"

# Stored with the change. A key already there may be taken over only if it expired, or if it
# is a claim of the earlier kind (a committed 'in_flight' row, written by a version before
# this one during a rolling upgrade) whose lease ran out.
_COMPLETE = """
INSERT INTO idempotency_keys AS k
    (scope_id, key, fingerprint, state, claim_token, locked_until, response_status,
     response_headers, response_body, resource_id, created_at, expires_at)
VALUES ($1, $2, $3, 'completed', $4, NULL, $5, $6::jsonb, $7, $8, $9, $10)
ON CONFLICT (scope_id, key) DO UPDATE SET
    fingerprint = EXCLUDED.fingerprint, state = 'completed', claim_token = EXCLUDED.claim_token,
    locked_until = NULL, response_status = EXCLUDED.response_status,
    response_headers = EXCLUDED.response_headers, response_body = EXCLUDED.response_body,
    resource_id = EXCLUDED.resource_id, created_at = EXCLUDED.created_at,
    expires_at = EXCLUDED.expires_at
WHERE k.expires_at <= EXCLUDED.created_at
   OR (k.state = 'in_flight' AND k.locked_until <= EXCLUDED.created_at)
"""

_PURGE = """
DELETE FROM idempotency_keys WHERE (scope_id, key) IN (
    SELECT scope_id, key FROM idempotency_keys WHERE expires_at <= $1 LIMIT $2
    FOR UPDATE SKIP LOCKED
)
"""


class PostgresIdempotencyStore:
    """The keys' expiry, outside any request."""

    def __init__(self, pool: FairPool) -> None:
        self._pool = pool

    async def purge_expired(self, now: datetime, batch: int = 1000) -> int:
        """Delete up to `batch` expired keys; returns how many. Safe from several workers."""
        return rows_changed(await self._pool.execute(_PURGE, now, batch))


class PostgresIdempotencyRecorder:
    """The keys inside the unit of work of a request that carries one. `ttl`: how long a
    stored response is replayed."""

    def __init__(self, connection: Session, *, ttl: timedelta) -> None:
        self._connection = connection
        self._ttl = ttl

    async def hold(self, scope_id: UUID, key: str, fingerprint: bytes, now: datetime) -> Claim:
        await self._connection.check_first(_KeyHold(scope_id, key, fingerprint, now))
        return Claim(
            scope_id=scope_id, key=key, token=uuid4(), fingerprint=fingerprint, claimed_at=now
        )

    async def settle(self) -> None:
        await self._connection.check_now()

    async def complete(self, claim: Claim, response: StoredResponse) -> None:
        async def taken() -> Exception:
            # Only a request that read the key before another one's commit and took the lock
            # after it gets here: that one won; this one's change is not kept.
            return IdempotentRequestInFlight(
                "A request with this Idempotency-Key has just answered; retry to get its response.",
                retry_after_seconds=1,
            )

        await self._connection.write(
            Write(
                _COMPLETE,
                claim.scope_id,
                claim.key,
                claim.fingerprint,
                claim.token,
                response.status,
                msgspec.json.encode(response.headers).decode(),
                response.body,
                response.resource_id,
                claim.claimed_at,
                claim.claimed_at + self._ttl,
                expected_rows=1,
                explain=taken,
            )
        )


class _KeyHold:
    """The hold of one key, as the unit of work's first check (session.FirstCheck)."""

    expression = _GATE

    def __init__(self, scope_id: UUID, key: str, fingerprint: bytes, now: datetime) -> None:
        self.args: tuple[Any, ...] = (scope_id, key)
        self._fingerprint = fingerprint
        self._now = now

    async def run(self, connection: DbConnection) -> None:
        refusal = self._refusal(await connection.fetchrow(_HOLD, *self.args, self._now))
        if refusal is not None:
            raise refusal

    async def explain(self, connection: DbConnection, error: Exception) -> Exception | None:
        held = getattr(error, "sqlstate", None) == _KEY_HELD
        # Outside any transaction: the lookup takes the lock and lets it go at once.
        try:
            refusal = self._refusal(await connection.fetchrow(_HOLD, *self.args, self._now))
        except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError):
            # The connection's own failure: the first error says more, unless it was only
            # that the key is held.
            return _in_flight() if held else None
        if refusal is None and held:
            # Held a moment ago and free now, with no answer: that request failed, or is
            # just committing. A retry takes the key, or replays its answer.
            return IdempotentRequestInFlight(
                "A request with this Idempotency-Key has just ended; retry to get its outcome.",
                retry_after_seconds=1,
            )
        return refusal

    def _refusal(self, row: asyncpg.Record | None) -> Exception | None:
        """Why this request may not go on with the key, from the lookup's row; None if it
        holds the key and no answer is stored."""
        assert row is not None
        # A stored answer is final, whoever holds the lock at this moment (another retry).
        if row["state"] is not None and bytes(row["fingerprint"]) != self._fingerprint:
            return IdempotencyKeyReused(
                "This Idempotency-Key was already used with a different request."
            )
        if row["state"] == "completed":
            raw_body = row["response_body"]
            return AnswerAlreadyStored(
                StoredResponse(
                    status=row["response_status"],
                    headers=msgspec.json.decode(row["response_headers"], type=dict[str, str]),
                    body=None if raw_body is None else bytes(raw_body),
                )
            )
        if not row["mine"]:
            return _in_flight()
        # A committed claim of the earlier kind, still within its lease.
        if row["state"] is not None and row["locked_until"] > self._now:
            wait = max(1, math.ceil((row["locked_until"] - self._now).total_seconds()))
            return IdempotentRequestInFlight(
                "A request with this Idempotency-Key is still in progress; retry after "
                f"{wait} s, when it has answered or its claim has run out.",
                retry_after_seconds=wait,
            )
        return None


def _in_flight() -> IdempotentRequestInFlight:
    # Another transaction holds the key: its request is running now, and answers within its
    # deadline; a retry a second later mostly finds its stored response.
    return IdempotentRequestInFlight(
        "A request with this Idempotency-Key is still in progress; retry after 1 s, when it "
        "has answered.",
        retry_after_seconds=1,
    )
