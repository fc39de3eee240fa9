"""Ids made inside SQL are UUID v7 too (time-ordered, as the contract promises), on every
PostgreSQL the service supports: `uuidv7()` only exists from PostgreSQL 18.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # RFC 9562 UUID v7: 48 bits of Unix milliseconds at `at`, then random bits; the version
    # nibble of gen_random_uuid()'s v4 (0100) becomes 0111 by setting two bits, and its
    # variant bits are already 10.
    op.execute(
        """
        CREATE FUNCTION uuid_v7_at(at timestamptz) RETURNS uuid
        LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
            SELECT encode(
                set_bit(set_bit(
                    overlay(uuid_send(gen_random_uuid())
                            PLACING substring(int8send(floor(extract(epoch FROM at) * 1000)::bigint)
                                              FROM 3)
                            FROM 1 FOR 6),
                    52, 1), 53, 1),
                'hex')::uuid
        $$
        """
    )


def downgrade() -> None:
    op.execute("DROP FUNCTION uuid_v7_at(timestamptz)")
