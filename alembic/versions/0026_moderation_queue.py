"""The moderation queue (issue #13): a report stays open until a moderator acts on its post
(hides, unhides, or dismisses the reports as reviewed), and the moderation log keeps the
dismissals too.

Revision ID: 0026
Revises: 0025
Create Date: 2026-11-29
"""

from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "ALTER TABLE post_reports ADD COLUMN resolved_at timestamptz, "
        "ADD COLUMN resolved_by_organization_id uuid REFERENCES organizations (id)"
    )
    op.execute(
        "CREATE INDEX post_reports_open ON post_reports (network_id, id) WHERE resolved_at IS NULL"
    )
    op.execute(
        "CREATE INDEX post_reports_of_post ON post_reports (post_id) WHERE resolved_at IS NULL"
    )
    op.execute("ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_action_check")
    op.execute(
        "ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_action_check "
        "CHECK (action IN ('hide', 'unhide', 'dismiss'))"
    )


def downgrade() -> None:
    op.execute("DELETE FROM moderation_log WHERE action = 'dismiss'")
    op.execute("ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_action_check")
    op.execute(
        "ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_action_check "
        "CHECK (action IN ('hide', 'unhide'))"
    )
    op.execute("DROP INDEX post_reports_of_post, post_reports_open")
    op.execute(
        "ALTER TABLE post_reports DROP COLUMN resolved_by_organization_id, DROP COLUMN resolved_at"
    )
