"""Incidents (42 CFR 2.16): an organization records a suspected breach or a compromised key, and
finds in one call every disclosure it touched, to support its notification duties.

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-29
"""

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE incidents (
            id                         uuid PRIMARY KEY,
            organization_id            uuid NOT NULL REFERENCES organizations (id),
            kind                       text NOT NULL
                                       CHECK (kind IN ('compromised_key', 'suspected_breach')),
            description                text NOT NULL,
            key_id                     uuid,
            recipient_organization_id  uuid REFERENCES organizations (id),
            since                      timestamptz NOT NULL,
            until                      timestamptz,
            status                     text NOT NULL CHECK (status IN ('open', 'closed')),
            opened_at                  timestamptz NOT NULL,
            closed_at                  timestamptz,
            closing_note               text,
            version                    integer NOT NULL,
            CONSTRAINT incidents_key_named CHECK (kind <> 'compromised_key' OR key_id IS NOT NULL)
        )
        """
    )
    op.execute("CREATE INDEX incidents_by_organization ON incidents (organization_id, id)")
    # What a disclosure's recipient received, by period: an incident about what reached it.
    op.execute(
        "CREATE INDEX disclosures_by_recipient ON disclosures "
        "(recipient_organization_id, disclosed_at)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX disclosures_by_recipient")
    op.execute("DROP TABLE incidents")
