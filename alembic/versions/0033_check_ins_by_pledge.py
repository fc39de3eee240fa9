"""A pledge's check-ins by an index (issue #15): the pledges page read every check-in of the
platform to find a page's own (the only index on pledge_id covers the check-ins not
superseded, and the page shows the superseded ones too). Measured at 30,000,000 check-ins in
bench/year_of_data.py.

Built CONCURRENTLY, outside the migration's transaction, so that check-ins keep being
recorded while it builds on a large table. A build that failed half way leaves an invalid
index of that name behind; it is dropped first.

Revision ID: 0033
Revises: 0032
Create Date: 2026-11-30
"""

from alembic import op

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS check_ins_by_pledge")
        op.execute(
            "CREATE INDEX CONCURRENTLY check_ins_by_pledge "
            "ON check_ins (pledge_id, period_start, recorded_at)"
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS check_ins_by_pledge")
