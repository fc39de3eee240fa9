"""The milestone sweep reads only what is due (issue #15): it found "never scheduled, or
changed since" by joining every member to its schedule row and comparing versions, a pass
over all members each minute (1 s at 1,000,000 members with nothing due). Now the members
table keeps the schedule current itself: a member who starts (or restarts) a recovery, or
whose time zone changes, is due at once ('-infinity'); one erased, or with no recovery
start, has no schedule row. The sweep then walks the due index alone.

Triggers rather than the application's writes: every path that changes these columns (the
API, the CLI, an erasure, a restart) keeps the schedule right without knowing about it.

Revision ID: 0034
Revises: 0033
Create Date: 2026-11-30
"""

from alembic import op

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE FUNCTION milestone_schedule_follows_member() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.recovery_started_on IS NULL OR NEW.erased_at IS NOT NULL THEN
                DELETE FROM milestone_schedule WHERE member_id = NEW.id;
            ELSE
                INSERT INTO milestone_schedule (member_id, member_version, due_at)
                VALUES (NEW.id, NEW.version, '-infinity')
                ON CONFLICT (member_id) DO UPDATE
                SET member_version = EXCLUDED.member_version, due_at = EXCLUDED.due_at;
            END IF;
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER milestone_schedule_of_new_member AFTER INSERT ON members "
        "FOR EACH ROW WHEN (NEW.recovery_started_on IS NOT NULL AND NEW.erased_at IS NULL) "
        "EXECUTE FUNCTION milestone_schedule_follows_member()"
    )
    op.execute(
        "CREATE TRIGGER milestone_schedule_of_changed_member AFTER UPDATE ON members "
        "FOR EACH ROW WHEN ("
        "OLD.recovery_started_on IS DISTINCT FROM NEW.recovery_started_on "
        "OR OLD.recovery_started_time IS DISTINCT FROM NEW.recovery_started_time "
        "OR OLD.timezone IS DISTINCT FROM NEW.timezone "
        "OR OLD.erased_at IS DISTINCT FROM NEW.erased_at) "
        "EXECUTE FUNCTION milestone_schedule_follows_member()"
    )
    # What the old sweep would have found by comparing versions, made due now.
    op.execute(
        "INSERT INTO milestone_schedule (member_id, member_version, due_at) "
        "SELECT id, version, '-infinity' FROM members "
        "WHERE recovery_started_on IS NOT NULL AND erased_at IS NULL "
        "ON CONFLICT (member_id) DO UPDATE "
        "SET member_version = EXCLUDED.member_version, due_at = EXCLUDED.due_at "
        "WHERE milestone_schedule.member_version <> EXCLUDED.member_version"
    )
    op.execute(
        "DELETE FROM milestone_schedule s USING members m WHERE m.id = s.member_id "
        "AND (m.recovery_started_on IS NULL OR m.erased_at IS NOT NULL)"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER milestone_schedule_of_changed_member ON members")
    op.execute("DROP TRIGGER milestone_schedule_of_new_member ON members")
    op.execute("DROP FUNCTION milestone_schedule_follows_member()")
