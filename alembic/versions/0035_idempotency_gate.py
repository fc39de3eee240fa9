"""The Idempotency-Key's hold as a check inside the statement that makes a creation's writes
(issue #15): a creation that only writes is one statement under a key, as it is without one.
Before, a key cost BEGIN, the hold (the lock with the lookup) and COMMIT around that statement.

`idempotency_gate` takes the key's transaction-level advisory lock (held until the statement's
commit: a retry meanwhile fails to take it) and fails with SQLSTATE SNW02 when the lock is
taken or an answer is already stored for the key; the service then looks the key up to answer
the retry (a replay, a 409 or a 422). The lock's key is the one the service's own lookup takes
(`idempotency.py`, `_HOLD`): both must hash the same text.

Revision ID: 0035
Revises: 0034
Create Date: 2026-11-30
"""

from alembic import op

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # VOLATILE (the default), so it is never folded or run twice. Each statement of a PL/pgSQL
    # function takes a new snapshot: the lookup sees an answer committed by the request that
    # held the lock until a moment ago. A claim of the earlier kind (a committed 'in_flight'
    # row whose lease ran out) may be taken over, as the lookup allows.
    op.execute("""
    CREATE FUNCTION idempotency_gate(key_scope uuid, key_text text, checked_at timestamptz)
    RETURNS boolean
    LANGUAGE plpgsql AS $body$
    BEGIN
        IF NOT pg_try_advisory_xact_lock(
            hashtextextended(key_scope::text || ' ' || key_text, 0)
        ) THEN
            RAISE EXCEPTION 'the Idempotency-Key is held by another request'
                USING ERRCODE = 'SNW02', DETAIL = 'held';
        END IF;
        IF EXISTS (
            SELECT 1 FROM idempotency_keys k
            WHERE k.scope_id = key_scope AND k.key = key_text AND k.expires_at > checked_at
              AND (k.state = 'completed' OR k.locked_until > checked_at)
        ) THEN
            RAISE EXCEPTION 'the Idempotency-Key was already used'
                USING ERRCODE = 'SNW02', DETAIL = 'used';
        END IF;
        RETURN true;
    END
    $body$
    """)


def downgrade() -> None:
    op.execute("DROP FUNCTION idempotency_gate(uuid, text, timestamptz)")
