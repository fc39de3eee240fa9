"""The accounting of disclosures names the service's own request id; the id a caller sent in
X-Request-ID is kept apart, marked as the caller's (it was stored as if it were ours).

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-29
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE disclosures ADD COLUMN client_request_id text")


def downgrade() -> None:
    op.execute("ALTER TABLE disclosures DROP COLUMN client_request_id")
