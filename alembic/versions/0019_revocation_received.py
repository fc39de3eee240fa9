"""A revocation records how and when it was received, by whom, and the API key that recorded
it (42 CFR 2.31(a)(6)): a revocation that arrived as a letter yesterday is not one made through
the API now. Revocations from before this revision record none of it.

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-29
"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        ALTER TABLE consents
            ADD COLUMN revocation_received_via text
                CHECK (revocation_received_via IN ('written', 'electronic', 'oral')),
            ADD COLUMN revocation_received_at timestamptz,
            ADD COLUMN revocation_received_by text,
            ADD COLUMN revoked_by_key_id uuid
        """
    )


def downgrade() -> None:
    op.execute(
        """
        ALTER TABLE consents
            DROP COLUMN revocation_received_via,
            DROP COLUMN revocation_received_at,
            DROP COLUMN revocation_received_by,
            DROP COLUMN revoked_by_key_id
        """
    )
