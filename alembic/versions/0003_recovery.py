"""Recovery journeys: the periods a restart closed (the current one lives on the member).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE recovery_periods (
        id               uuid PRIMARY KEY,
        member_id        uuid NOT NULL REFERENCES members (id),
        organization_id  uuid NOT NULL REFERENCES organizations (id),
        started_on       date NOT NULL,
        ended_on         date NOT NULL,
        note             text,
        recorded_at      timestamptz NOT NULL,
        CONSTRAINT recovery_periods_in_order CHECK (ended_on >= started_on)
    )
    """)
    op.execute(
        "CREATE INDEX recovery_periods_by_member ON recovery_periods (member_id, started_on)"
    )


def downgrade() -> None:
    op.execute("DROP TABLE recovery_periods")
