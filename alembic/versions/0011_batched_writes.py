"""A check for writes sent together in one statement: the statement fails (and so changes
nothing) when one of them did not change the number of rows it had to.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # `expected` holds -1 for a write whose count does not matter. The DETAIL names the write
    # (0-based) so that the service can say what went wrong in the caller's terms.
    op.execute("""
    CREATE FUNCTION expect_rows(counts bigint[], expected int[]) RETURNS void
    LANGUAGE plpgsql AS $body$
    BEGIN
        FOR i IN 1 .. coalesce(array_length(counts, 1), 0) LOOP
            IF expected[i] >= 0 AND counts[i] <> expected[i] THEN
                RAISE EXCEPTION 'write % changed % rows, expected %', i - 1, counts[i], expected[i]
                    USING ERRCODE = 'SNW01', DETAIL = (i - 1)::text;
            END IF;
        END LOOP;
    END
    $body$
    """)


def downgrade() -> None:
    op.execute("DROP FUNCTION expect_rows(bigint[], int[])")
