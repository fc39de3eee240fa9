"""Pledges and check-ins.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE pledges (
        id                   uuid PRIMARY KEY,
        member_id            uuid NOT NULL REFERENCES members (id),
        organization_id      uuid NOT NULL REFERENCES organizations (id),
        text                 text NOT NULL,
        cadence              text NOT NULL CHECK (cadence IN ('daily', 'weekly', 'once')),
        network_id           uuid REFERENCES networks (id),
        supporter_member_id  uuid REFERENCES members (id),
        starts_on            date NOT NULL,
        ends_on              date,
        status               text NOT NULL CHECK (status IN ('active', 'completed', 'withdrawn')),
        version              integer NOT NULL,
        created_at           timestamptz NOT NULL,
        updated_at           timestamptz NOT NULL,
        -- When the missed-period sweep should look at this pledge again.
        sweep_at             timestamptz NOT NULL DEFAULT '-infinity',
        CONSTRAINT pledges_end_after_start CHECK (ends_on IS NULL OR ends_on >= starts_on)
    )
    """)
    op.execute("CREATE INDEX pledges_by_member ON pledges (member_id, id)")
    op.execute("CREATE INDEX pledges_to_sweep ON pledges (sweep_at) WHERE status = 'active'")
    op.execute("""
    CREATE TABLE check_ins (
        id             uuid PRIMARY KEY,
        pledge_id      uuid NOT NULL REFERENCES pledges (id),
        period_start   date NOT NULL,
        outcome        text NOT NULL CHECK (outcome IN ('kept', 'partial', 'missed')),
        note           text,
        recorded_at    timestamptz NOT NULL,
        by_sweep       boolean NOT NULL,
        superseded_at  timestamptz
    )
    """)
    op.execute(
        "CREATE UNIQUE INDEX check_ins_one_per_period ON check_ins (pledge_id, period_start) "
        "WHERE superseded_at IS NULL"
    )


def downgrade() -> None:
    op.execute("DROP TABLE check_ins")
    op.execute("DROP TABLE pledges")
