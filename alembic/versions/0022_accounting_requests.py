"""A member's request for an accounting of disclosures is recorded with its date and the date
its answer is due (42 CFR 2.24: 30 days), and when it was answered.

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-29
"""

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE accounting_requests (
            id               uuid PRIMARY KEY,
            member_id        uuid NOT NULL REFERENCES members (id),
            organization_id  uuid NOT NULL REFERENCES organizations (id),
            received_on      date NOT NULL,
            received_via     text NOT NULL CHECK (received_via IN ('written', 'electronic', 'oral')),
            period_start     date NOT NULL,
            period_end       date NOT NULL,
            answer_by        date NOT NULL,
            answered_at      timestamptz,
            created_at       timestamptz NOT NULL,
            version          integer NOT NULL
        )
        """
    )
    op.execute("CREATE INDEX accounting_requests_by_member ON accounting_requests (member_id, id)")


def downgrade() -> None:
    op.execute("DROP TABLE accounting_requests")
