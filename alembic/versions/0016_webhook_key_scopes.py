"""A webhook endpoint remembers the scopes of the key that registered it (or last set its event
types) and receives only the kinds of event those cover: a key with webhooks:manage alone got
member and API key events it could not read through the feed.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-29
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE webhook_endpoints ADD COLUMN key_scopes text[]")
    # Endpoints registered before keep receiving what they did: the key that registered them
    # is not known any more. Re-setting their event types narrows them to the setter's key.
    op.execute(
        "UPDATE webhook_endpoints SET key_scopes = '{members:read,members:write,keys:manage,"
        "networks:read,networks:write,consents:read,consents:write,referrals:read,"
        "referrals:write,webhooks:manage}'::text[]"
    )
    op.execute("ALTER TABLE webhook_endpoints ALTER COLUMN key_scopes SET NOT NULL")


def downgrade() -> None:
    op.execute("ALTER TABLE webhook_endpoints DROP COLUMN key_scopes")
