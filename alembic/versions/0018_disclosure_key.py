"""The accounting of disclosures names the API key that read (42 CFR 2.24, 2.16): the exposure
of a compromised key can then be scoped. Webhook deliveries name none (the channel says what
carried them); records from before this revision name none either.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-29
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE disclosures ADD COLUMN key_id uuid")
    op.execute(
        "CREATE INDEX disclosures_by_key ON disclosures (key_id, position) WHERE key_id IS NOT NULL"
    )


def downgrade() -> None:
    op.execute("DROP INDEX disclosures_by_key")
    op.execute("ALTER TABLE disclosures DROP COLUMN key_id")
