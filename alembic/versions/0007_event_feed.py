"""Events feed: the writing transaction's id, so that the feed only hands out positions below
every transaction still in flight (positions are taken at insert, not at commit).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "ALTER TABLE outbox_events ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id()"
    )
    op.execute(
        "CREATE INDEX outbox_events_by_organization ON outbox_events (organization_id, position)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX outbox_events_by_organization")
    op.execute("ALTER TABLE outbox_events DROP COLUMN txid")
