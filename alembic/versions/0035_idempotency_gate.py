"""The Idempotency-Key's hold goes with a creation's first statement (issue #15): a creation
that only writes is one statement under a key, as it is without one. Before, a key cost BEGIN,
the hold (the lock with the lookup) and COMMIT around that statement.

- `idempotency_gate` takes the key's transaction-level advisory lock, held until the commit
  of the statement (or transaction) that called it, and fails with SQLSTATE SNW02 when another
  request holds it. It is the first column of the statement that makes the writes. An answer
  already stored for the key is not its concern: the stored answer's own INSERT finds it (the
  row-count check fails), and the service then looks the key up to replay it.
- `idempotency_hold` takes the same lock and then reads what is stored for the key, for a
  creation that reads (the first statement after BEGIN) and for the service's lookup after a
  failed statement. Its read is a statement of its own, so its snapshot is taken after the lock:
  an answer committed by the request that held the key until a moment ago is seen. (One
  statement doing both took its snapshot before the lock, and could miss it.)

Both hash the same text for the lock; the service names no lock of its own.

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
    op.execute("""
    CREATE FUNCTION idempotency_lock(key_scope uuid, key_text text) RETURNS boolean
    LANGUAGE sql AS $body$
        SELECT pg_try_advisory_xact_lock(hashtextextended(key_scope::text || ' ' || key_text, 0))
    $body$
    """)
    op.execute("""
    CREATE FUNCTION idempotency_gate(key_scope uuid, key_text text) RETURNS boolean
    LANGUAGE plpgsql AS $body$
    BEGIN
        IF NOT idempotency_lock(key_scope, key_text) THEN
            RAISE EXCEPTION 'the Idempotency-Key is held by another request'
                USING ERRCODE = 'SNW02';
        END IF;
        RETURN true;
    END
    $body$
    """)
    op.execute("""
    CREATE FUNCTION idempotency_hold(key_scope uuid, key_text text, checked_at timestamptz)
    RETURNS TABLE (mine boolean, fingerprint bytea, state text, response_status integer,
                   response_headers jsonb, response_body bytea, locked_until timestamptz)
    LANGUAGE plpgsql AS $body$
    DECLARE
        held boolean := idempotency_lock(key_scope, key_text);
    BEGIN
        RETURN QUERY
            SELECT held, k.fingerprint, k.state, k.response_status, k.response_headers,
                   k.response_body, k.locked_until
            FROM (SELECT) AS one
            LEFT JOIN idempotency_keys k
                ON k.scope_id = key_scope AND k.key = key_text AND k.expires_at > checked_at;
    END
    $body$
    """)


def downgrade() -> None:
    op.execute("DROP FUNCTION idempotency_hold(uuid, text, timestamptz)")
    op.execute("DROP FUNCTION idempotency_gate(uuid, text)")
    op.execute("DROP FUNCTION idempotency_lock(uuid, text)")
