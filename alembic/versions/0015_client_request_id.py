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
    # Disclosure ids were v4; every other id is v7 (time-ordered), as the contract says.
    op.execute("ALTER TABLE disclosures ALTER COLUMN id SET DEFAULT uuid_v7_at(clock_timestamp())")


def downgrade() -> None:
    op.execute("ALTER TABLE disclosures ALTER COLUMN id SET DEFAULT gen_random_uuid()")
    op.execute("ALTER TABLE disclosures DROP COLUMN client_request_id")
