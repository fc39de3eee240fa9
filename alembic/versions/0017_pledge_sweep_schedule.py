"""The missed-period sweep's schedule leaves the pledges table, as the milestone sweep's left the
members table (0014): a sweep writes only its own rows, never one a user changes.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-29
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One row per active pledge: when the sweep should look at it again.
    op.execute(
        """
        CREATE TABLE pledge_sweep_schedule (
            pledge_id  uuid PRIMARY KEY REFERENCES pledges (id) ON DELETE CASCADE,
            sweep_at   timestamptz NOT NULL
        )
        """
    )
    op.execute("CREATE INDEX pledge_sweep_due ON pledge_sweep_schedule (sweep_at)")
    op.execute(
        "INSERT INTO pledge_sweep_schedule (pledge_id, sweep_at) "
        "SELECT id, sweep_at FROM pledges WHERE status = 'active'"
    )
    op.execute("DROP INDEX pledges_to_sweep")
    op.execute("ALTER TABLE pledges DROP COLUMN sweep_at")


def downgrade() -> None:
    op.execute("ALTER TABLE pledges ADD COLUMN sweep_at timestamptz NOT NULL DEFAULT '-infinity'")
    op.execute(
        "UPDATE pledges p SET sweep_at = s.sweep_at "
        "FROM pledge_sweep_schedule s WHERE s.pledge_id = p.id"
    )
    op.execute("CREATE INDEX pledges_to_sweep ON pledges (sweep_at) WHERE status = 'active'")
    op.execute("DROP TABLE pledge_sweep_schedule")
