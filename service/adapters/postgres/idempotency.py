"""Idempotency keys in PostgreSQL: claim a key (committed at once, so a concurrent retry sees
it in flight), then record the response in the same transaction as the change."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from uuid import UUID, uuid4

import msgspec

from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.session import Session, Write, rows_changed
from service.domain.errors import IdempotencyKeyReused, IdempotentRequestInFlight
from service.domain.idempotency import Claim, StoredResponse

# The claim commits without waiting for the disk (set_config(..., true) lasts until the end of
# this statement's own transaction, so it never leaks into the pooled session). That is safe:
# a claim lost in a crash belonged to a request whose change had not committed either, because
# the change's synchronous commit flushes the WAL up to and past the claim. It halves what the
# claim costs PostgreSQL (measured: 130 µs of CPU per claim, 67 µs without the flush).
_CLAIM = """
INSERT INTO idempotency_keys AS k
    (scope_id, key, fingerprint, state, claim_token, locked_until, created_at, expires_at)
SELECT $1::uuid, $2::text, $3::bytea, 'in_flight', $4::uuid, $5::timestamptz, $6::timestamptz,
    $7::timestamptz
FROM (SELECT set_config('synchronous_commit', 'off', true)) AS without_waiting_for_the_disk
ON CONFLICT (scope_id, key) DO UPDATE SET
    fingerprint = EXCLUDED.fingerprint, state = 'in_flight', claim_token = EXCLUDED.claim_token,
    locked_until = EXCLUDED.locked_until, created_at = EXCLUDED.created_at,
    expires_at = EXCLUDED.expires_at,
    response_status = NULL, response_headers = NULL, response_body = NULL
WHERE k.expires_at <= $6
   OR (k.state = 'in_flight' AND k.locked_until <= $6 AND k.fingerprint = EXCLUDED.fingerprint)
RETURNING claim_token
"""

_EXISTING = """
SELECT fingerprint, state, response_status, response_headers, response_body, locked_until
FROM idempotency_keys WHERE scope_id = $1 AND key = $2
"""

_COMPLETE = """
UPDATE idempotency_keys SET
    state = 'completed', locked_until = NULL,
    response_status = $4, response_headers = $5::jsonb, response_body = $6, resource_id = $7
WHERE scope_id = $1 AND key = $2 AND claim_token = $3 AND state = 'in_flight'
"""

_PURGE = """
DELETE FROM idempotency_keys WHERE (scope_id, key) IN (
    SELECT scope_id, key FROM idempotency_keys WHERE expires_at <= $1 LIMIT $2
    FOR UPDATE SKIP LOCKED
)
"""

# Only an unfinished claim is released: a completed one (its commit went through even if the
# caller saw an error) must keep replaying, or a retry would create the resource twice.
_RELEASE = """
DELETE FROM idempotency_keys
WHERE scope_id = $1 AND key = $2 AND claim_token = $3 AND state = 'in_flight'
"""


class PostgresIdempotencyStore:
    """`lease`: how long a claim holds the key against a retry. It must outlast the request
    holding it (the HTTP layer gives that request a deadline shorter than the lease), and no
    more, so that a key whose request died with its process is free again soon."""

    def __init__(self, pool: FairPool, *, ttl: timedelta, lease: timedelta) -> None:
        self._pool = pool
        self._ttl = ttl
        self._lease = lease

    async def claim(
        self, scope_id: UUID, key: str, fingerprint: bytes, now: datetime
    ) -> Claim | StoredResponse:
        """Own the key, or get the response stored for it. Raises IdempotencyKeyReused when the
        key was used with another request, IdempotentRequestInFlight while that one runs."""
        token = uuid4()
        for _ in range(3):
            claimed = await self._pool.fetchval(
                _CLAIM, scope_id, key, fingerprint, token, now + self._lease, now, now + self._ttl
            )
            if claimed == token:
                return Claim(scope_id=scope_id, key=key, token=token)
            row = await self._pool.fetchrow(_EXISTING, scope_id, key)
            if row is None:
                continue  # released between the two statements: try to claim again
            if bytes(row["fingerprint"]) != fingerprint:
                raise IdempotencyKeyReused(
                    "This Idempotency-Key was already used with a different request."
                )
            if row["state"] == "in_flight":
                left = (row["locked_until"] - now).total_seconds()
                wait = max(1, math.ceil(left))
                raise IdempotentRequestInFlight(
                    "A request with this Idempotency-Key is still in progress; retry after "
                    f"{wait} s, when it has answered or its claim has run out.",
                    retry_after_seconds=wait,
                )
            raw_body = row["response_body"]
            return StoredResponse(
                status=row["response_status"],
                headers=msgspec.json.decode(row["response_headers"], type=dict[str, str]),
                body=None if raw_body is None else bytes(raw_body),
            )
        raise IdempotentRequestInFlight("This Idempotency-Key is contended; retry later.")

    async def purge_expired(self, now: datetime, batch: int = 1000) -> int:
        """Delete up to `batch` expired keys; returns how many. Safe from several workers."""
        return rows_changed(await self._pool.execute(_PURGE, now, batch))

    async def release(self, claim: Claim) -> None:
        """Give the key up after a failed request, so that a retry runs it again."""
        await self._pool.execute(_RELEASE, claim.scope_id, claim.key, claim.token)


class PostgresIdempotencyRecorder:
    """The part of the store that runs inside the unit of work's transaction."""

    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def complete(self, claim: Claim, response: StoredResponse) -> None:
        async def taken_over() -> Exception:
            # Our lease ran out and another request took the key over: let that one win.
            return IdempotentRequestInFlight(
                "A request with this Idempotency-Key is still in progress; retry later."
            )

        await self._connection.write(
            Write(
                _COMPLETE,
                claim.scope_id,
                claim.key,
                claim.token,
                response.status,
                msgspec.json.encode(response.headers).decode(),
                response.body,
                response.resource_id,
                expected_rows=1,
                explain=taken_over,
            )
        )
