"""Reach-outs (issue #14): a member asks their circles for support now. The reach-out keeps
the circles it asked and the crisis resources its organization gave with it; its responses
are kept, the first real answer's instant on the reach-out itself. The sweeps find what is
due to escalate or to expire through partial indexes that hold open reach-outs only. Each
organization's escalation windows and crisis resources are one row.

Revision ID: 0028
Revises: 0027
Create Date: 2026-11-30
"""

from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE reach_outs (
            id                  uuid PRIMARY KEY,
            member_id           uuid NOT NULL REFERENCES members (id),
            organization_id     uuid NOT NULL REFERENCES organizations (id),
            urgency             text NOT NULL CHECK (urgency IN ('now', 'today')),
            message             text,
            circle_ids          uuid[] NOT NULL,
            crisis_resources    jsonb NOT NULL DEFAULT '[]',
            opened_at           timestamptz NOT NULL,
            escalates_at        timestamptz NOT NULL,
            first_answered_at   timestamptz,
            escalated_at        timestamptz,
            closed_at           timestamptz,
            outcome             text CHECK (outcome IN ('supported', 'no_longer_needed',
                                    'referred', 'emergency_services', 'expired')),
            version             integer NOT NULL,
            CHECK ((closed_at IS NULL) = (outcome IS NULL))
        )
        """
    )
    # What the sweeps look for, open reach-outs only: unanswered and unescalated by when they
    # escalate; every open one by when it opened (it expires a day later).
    op.execute(
        "CREATE INDEX reach_outs_to_escalate ON reach_outs (escalates_at) "
        "WHERE closed_at IS NULL AND first_answered_at IS NULL AND escalated_at IS NULL"
    )
    op.execute("CREATE INDEX reach_outs_open ON reach_outs (opened_at) WHERE closed_at IS NULL")
    # An organization's reach-outs over a period (its figures), and a member's.
    op.execute("CREATE INDEX reach_outs_of_organization ON reach_outs (organization_id, opened_at)")
    op.execute("CREATE INDEX reach_outs_of_member ON reach_outs (member_id, opened_at)")
    op.execute(
        """
        CREATE TABLE reach_out_responses (
            id                   uuid PRIMARY KEY,
            reach_out_id         uuid NOT NULL REFERENCES reach_outs (id),
            supporter_member_id  uuid NOT NULL REFERENCES members (id),
            organization_id      uuid NOT NULL REFERENCES organizations (id),
            kind                 text NOT NULL
                                 CHECK (kind IN ('on_my_way', 'calling', 'messaged', 'cannot_now')),
            responded_at         timestamptz NOT NULL
        )
        """
    )
    op.execute("CREATE INDEX reach_out_responses_of ON reach_out_responses (reach_out_id, id)")
    op.execute(
        """
        CREATE TABLE reach_out_settings (
            organization_id         uuid PRIMARY KEY REFERENCES organizations (id),
            escalate_now_seconds    integer NOT NULL CHECK (escalate_now_seconds > 0),
            escalate_today_seconds  integer NOT NULL CHECK (escalate_today_seconds > 0),
            crisis_resources        jsonb NOT NULL DEFAULT '[]',
            version                 integer NOT NULL,
            updated_at              timestamptz NOT NULL
        )
        """
    )


def downgrade() -> None:
    op.execute("DROP TABLE reach_out_settings")
    op.execute("DROP TABLE reach_out_responses")
    op.execute("DROP TABLE reach_outs")
