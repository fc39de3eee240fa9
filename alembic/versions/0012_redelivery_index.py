"""Redelivery looks up whether an endpoint ever had an event: an index on exactly that, instead
of walking the endpoint's whole delivery log.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-25
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX webhook_deliveries_of_event ON webhook_deliveries (endpoint_id, event_id)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX webhook_deliveries_of_event")
