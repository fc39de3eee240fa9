"""Metrics: counters every worker adds to, so that any worker answers /metrics alike.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE metric_totals (
        name    text NOT NULL,
        labels  text NOT NULL,  -- JSON object, keys in a fixed order
        value   double precision NOT NULL,
        PRIMARY KEY (name, labels)
    )
    """)


def downgrade() -> None:
    op.execute("DROP TABLE metric_totals")
