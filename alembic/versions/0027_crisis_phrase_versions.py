"""A return to the default crisis phrases keeps the organization's row, its phrases NULL, so
that its version goes on counting (issue #13): a post is stored only with the version of the
list it was flagged with, and no later list may take a version an earlier one had.

Revision ID: 0027
Revises: 0026
Create Date: 2026-11-30
"""

from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE crisis_phrase_lists ALTER COLUMN phrases DROP NOT NULL")


def downgrade() -> None:
    op.execute("DELETE FROM crisis_phrase_lists WHERE phrases IS NULL")
    op.execute("ALTER TABLE crisis_phrase_lists ALTER COLUMN phrases SET NOT NULL")
