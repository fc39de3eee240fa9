"""Milestones: announcements (once per rung and period), the per-organization ladder,
custom milestones and cheers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE organizations ADD COLUMN milestone_ladder jsonb")
    # When the member's next milestone falls due; NULL: not computed yet (the sweep will).
    op.execute("ALTER TABLE members ADD COLUMN next_milestone_at timestamptz")
    op.execute(
        "CREATE INDEX members_milestone_due ON members (next_milestone_at NULLS FIRST) "
        "WHERE recovery_started_on IS NOT NULL AND erased_at IS NULL"
    )
    op.execute("""
    CREATE TABLE milestone_announcements (
        member_id          uuid NOT NULL REFERENCES members (id),
        period_started_on  date NOT NULL,
        rung_key           text NOT NULL,
        due_at             timestamptz NOT NULL,
        announced_at       timestamptz NOT NULL,
        PRIMARY KEY (member_id, period_started_on, rung_key)
    )
    """)
    op.execute("""
    CREATE TABLE custom_milestones (
        id               uuid PRIMARY KEY,
        member_id        uuid NOT NULL REFERENCES members (id),
        organization_id  uuid NOT NULL REFERENCES organizations (id),
        title            text NOT NULL,
        achieved_on      date NOT NULL,
        created_at       timestamptz NOT NULL
    )
    """)
    op.execute("CREATE INDEX custom_milestones_by_member ON custom_milestones (member_id, id)")
    op.execute("""
    CREATE TABLE cheers (
        id                      uuid PRIMARY KEY,
        member_id               uuid NOT NULL REFERENCES members (id),
        milestone_key           text NOT NULL,
        author_member_id        uuid NOT NULL REFERENCES members (id),
        author_organization_id  uuid NOT NULL REFERENCES organizations (id),
        message                 text NOT NULL,
        created_at              timestamptz NOT NULL
    )
    """)
    op.execute("CREATE INDEX cheers_by_member ON cheers (member_id, milestone_key, id)")


def downgrade() -> None:
    op.execute("DROP TABLE cheers")
    op.execute("DROP TABLE custom_milestones")
    op.execute("DROP TABLE milestone_announcements")
    op.execute("ALTER TABLE members DROP COLUMN next_milestone_at")
    op.execute("ALTER TABLE organizations DROP COLUMN milestone_ladder")
