"""Restrictions (42 CFR 2.26): a member asks that some data not go to some recipients, or for
some purposes; once the home organization agrees, every read honours it as it honours a
consent's limits. A consent keeps the scopes the member signed (`scopes`) and the scopes agreed
restrictions take away (`restricted_scopes`); what it grants is `effective_scopes`, which every
statement that decides access reads.

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-29
"""

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE FUNCTION scopes_minus(granted text[], taken text[]) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT coalesce(array_agg(s ORDER BY s), '{}')
            FROM unnest(granted) AS s WHERE s <> ALL(taken)
        $$
        """
    )
    op.execute(
        """
        ALTER TABLE consents
            ADD COLUMN restricted_scopes text[] NOT NULL DEFAULT '{}',
            ADD COLUMN effective_scopes text[]
                GENERATED ALWAYS AS (scopes_minus(scopes, restricted_scopes)) STORED
        """
    )
    op.execute(
        """
        CREATE TABLE restrictions (
            id                          uuid PRIMARY KEY,
            member_id                   uuid NOT NULL REFERENCES members (id),
            organization_id             uuid NOT NULL REFERENCES organizations (id),
            scopes                      text[] NOT NULL CHECK (cardinality(scopes) > 0),
            recipient_organization_ids  uuid[] NOT NULL,
            purpose_codes               text[] NOT NULL,
            requested_on                date NOT NULL,
            status                      text NOT NULL
                                        CHECK (status IN ('requested', 'agreed', 'denied', 'ended')),
            decided_at                  timestamptz,
            ended_at                    timestamptz,
            created_at                  timestamptz NOT NULL,
            version                     integer NOT NULL
        )
        """
    )
    op.execute("CREATE INDEX restrictions_by_member ON restrictions (member_id, id)")


def downgrade() -> None:
    op.execute("DROP TABLE restrictions")
    op.execute("ALTER TABLE consents DROP COLUMN effective_scopes, DROP COLUMN restricted_scopes")
    op.execute("DROP FUNCTION scopes_minus")
