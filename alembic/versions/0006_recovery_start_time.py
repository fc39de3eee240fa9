"""The optional local time of a recovery start.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE members ADD COLUMN recovery_started_time time")


def downgrade() -> None:
    op.execute("ALTER TABLE members DROP COLUMN recovery_started_time")
