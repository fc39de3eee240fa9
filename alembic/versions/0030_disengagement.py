"""Noticing when someone drifts away (issue #14): each member's daily evaluation is a row,
due at the next local midnight (the day just ended is the one evaluated), with the episode
open if a signal holds. A trigger gives every new member its row, first due at the end of
its first local day, so that no member is left out and the sweep never scans the members
table; existing members are due at once. Each
organization's thresholds are one row (the documented defaults until it sets them).

Revision ID: 0030
Revises: 0029
Create Date: 2026-11-30
"""

from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE member_engagement (
            member_id           uuid PRIMARY KEY REFERENCES members (id),
            due_at              timestamptz NOT NULL,
            evaluated_on        date,
            episode_started_on  date,
            episode_reasons     text[]
        )
        """
    )
    op.execute("CREATE INDEX member_engagement_due ON member_engagement (due_at)")
    op.execute(
        "INSERT INTO member_engagement (member_id, due_at) "
        "SELECT id, now() FROM members WHERE erased_at IS NULL"
    )
    op.execute(
        """
        CREATE FUNCTION member_engagement_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO member_engagement (member_id, due_at)
            VALUES (NEW.id, coalesce(
                (date_trunc('day', now() AT TIME ZONE NEW.timezone) + interval '1 day')
                    AT TIME ZONE NEW.timezone,
                now()));
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER member_engagement_row AFTER INSERT ON members "
        "FOR EACH ROW EXECUTE FUNCTION member_engagement_row()"
    )
    op.execute(
        """
        CREATE TABLE disengagement_thresholds (
            organization_id             uuid PRIMARY KEY REFERENCES organizations (id),
            gap_factor                  double precision NOT NULL,
            gap_floor_days              integer NOT NULL,
            missed_periods              integer NOT NULL,
            missed_meetings             integer NOT NULL,
            quiet_days_after_reach_out  integer NOT NULL,
            version                     integer NOT NULL,
            updated_at                  timestamptz NOT NULL
        )
        """
    )
    # The activity the evaluation reads: a member's reach-outs closed as no longer needed.
    op.execute(
        "CREATE INDEX reach_outs_no_longer_needed ON reach_outs (member_id, closed_at) "
        "WHERE outcome = 'no_longer_needed'"
    )


def downgrade() -> None:
    op.execute("DROP INDEX reach_outs_no_longer_needed")
    op.execute("DROP TABLE disengagement_thresholds")
    op.execute("DROP TRIGGER member_engagement_row ON members")
    op.execute("DROP FUNCTION member_engagement_row()")
    op.execute("DROP TABLE member_engagement")
