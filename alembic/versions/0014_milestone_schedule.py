"""The milestone sweep's schedule leaves the members table: a sweep no longer rewrites the
row a user changes (it did, which made a concurrent read of the member see a new row version).
The schedule row records the member version it was computed for; a member changed since
(a new recovery start, another time zone) is simply due again.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-29
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE milestone_schedule (
            member_id       uuid PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
            member_version  integer NOT NULL,
            due_at          timestamptz NOT NULL
        )
        """
    )
    op.execute("CREATE INDEX milestone_schedule_due ON milestone_schedule (due_at)")
    op.execute(
        "INSERT INTO milestone_schedule (member_id, member_version, due_at) "
        "SELECT id, version, next_milestone_at FROM members WHERE next_milestone_at IS NOT NULL"
    )
    op.execute("DROP INDEX members_milestone_due")
    op.execute("ALTER TABLE members DROP COLUMN next_milestone_at")


def downgrade() -> None:
    op.execute("ALTER TABLE members ADD COLUMN next_milestone_at timestamptz")
    op.execute(
        "UPDATE members m SET next_milestone_at = s.due_at "
        "FROM milestone_schedule s WHERE s.member_id = m.id AND s.member_version = m.version"
    )
    op.execute(
        "CREATE INDEX members_milestone_due ON members (next_milestone_at NULLS FIRST) "
        "WHERE recovery_started_on IS NOT NULL AND erased_at IS NULL"
    )
    op.execute("DROP TABLE milestone_schedule")
