"""Meetings of a network and attendance at them (issue #14). A meeting keeps its local time
and IANA zone (each occurrence's instant is computed, never stored: it follows the zone's
rules as they are); cancelled occurrences are rows of their own. Attendance is one row per
member per occurrence, its corrections kept apart with what they replaced.

Revision ID: 0029
Revises: 0028
Create Date: 2026-11-30
"""

from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE meetings (
            id                uuid PRIMARY KEY,
            network_id        uuid NOT NULL REFERENCES networks (id),
            organization_id   uuid NOT NULL REFERENCES organizations (id),
            title             text NOT NULL,
            timezone          text NOT NULL,
            local_time        time NOT NULL,
            duration_minutes  integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
            repeat            text NOT NULL CHECK (repeat IN ('once', 'weekly')),
            starts_on         date NOT NULL,
            weekdays          text[] NOT NULL DEFAULT '{}',
            ends_on           date,
            version           integer NOT NULL,
            created_at        timestamptz NOT NULL
        )
        """
    )
    op.execute("CREATE INDEX meetings_of_network ON meetings (network_id, id)")
    op.execute(
        """
        CREATE TABLE meeting_cancellations (
            meeting_id       uuid NOT NULL REFERENCES meetings (id),
            local_date       date NOT NULL,
            cancelled_at     timestamptz NOT NULL,
            PRIMARY KEY (meeting_id, local_date)
        )
        """
    )
    op.execute(
        """
        CREATE TABLE attendance (
            meeting_id                   uuid NOT NULL REFERENCES meetings (id),
            local_date                   date NOT NULL,
            member_id                    uuid NOT NULL REFERENCES members (id),
            status                       text NOT NULL
                                         CHECK (status IN ('attended', 'excused', 'absent')),
            recorded_by_organization_id  uuid NOT NULL REFERENCES organizations (id),
            recorded_at                  timestamptz NOT NULL,
            version                      integer NOT NULL,
            PRIMARY KEY (meeting_id, local_date, member_id)
        )
        """
    )
    # A member's latest occurrences first: their rate, their run, meetings missed in a row.
    op.execute("CREATE INDEX attendance_of_member ON attendance (member_id, local_date DESC)")
    op.execute(
        """
        CREATE TABLE attendance_corrections (
            meeting_id                   uuid NOT NULL,
            local_date                   date NOT NULL,
            member_id                    uuid NOT NULL,
            version                      integer NOT NULL,
            status                       text NOT NULL,
            recorded_by_organization_id  uuid NOT NULL REFERENCES organizations (id),
            recorded_at                  timestamptz NOT NULL,
            replaced_at                  timestamptz NOT NULL,
            PRIMARY KEY (meeting_id, local_date, member_id, version),
            FOREIGN KEY (meeting_id, local_date, member_id)
                REFERENCES attendance (meeting_id, local_date, member_id)
        )
        """
    )


def downgrade() -> None:
    op.execute("DROP TABLE attendance_corrections")
    op.execute("DROP TABLE attendance")
    op.execute("DROP TABLE meeting_cancellations")
    op.execute("DROP TABLE meetings")
