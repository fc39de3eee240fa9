"""Rate limits: requests counted per API key and window, shared by every worker.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No foreign key: a row per key and window, written by every worker each second; the
    # counts of a revoked key simply age out with their window.
    op.execute("""
    CREATE TABLE rate_limit_usage (
        key_id        uuid NOT NULL,
        window_start  timestamptz NOT NULL,
        used          bigint NOT NULL,
        PRIMARY KEY (key_id, window_start)
    )
    """)
    op.execute("CREATE INDEX rate_limit_usage_by_window ON rate_limit_usage (window_start)")


def downgrade() -> None:
    op.execute("DROP TABLE rate_limit_usage")
