"""A consent records every element of 42 CFR 2.31: its type (specific, or tpo: all future
treatment, payment and operations until revoked), the patient's name as signed (never shown to
a recipient), the information in words and an optional data period, the coded purpose, the
form's version and the statements it contains, the signer's authority and a hash of the signed
document. Consents from before this revision have none of these (they read as `specific`).

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-29
"""

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        ALTER TABLE consents
            ADD COLUMN consent_type text NOT NULL DEFAULT 'specific'
                CHECK (consent_type IN ('specific', 'tpo')),
            ADD COLUMN patient_name text,
            ADD COLUMN information text,
            ADD COLUMN data_period_start date,
            ADD COLUMN data_period_end date,
            ADD COLUMN purpose_code text,
            ADD COLUMN form_version text,
            ADD COLUMN statements text[] NOT NULL DEFAULT '{}',
            ADD COLUMN signer_authority text,
            ADD COLUMN document_sha256 text
        """
    )
    # A tpo consent holds until revoked: it may carry neither an expiry date nor an end event.
    op.execute("ALTER TABLE consents DROP CONSTRAINT consents_have_an_expiry")
    op.execute(
        "ALTER TABLE consents ADD CONSTRAINT consents_have_an_expiry "
        "CHECK (expires_on IS NOT NULL OR end_event IS NOT NULL OR consent_type = 'tpo')"
    )


def downgrade() -> None:
    # Without a type, a tpo consent with no expiry keeps its meaning best as one that ends
    # with treatment.
    op.execute(
        "UPDATE consents SET end_event = 'treatment_ended' "
        "WHERE consent_type = 'tpo' AND expires_on IS NULL AND end_event IS NULL"
    )
    op.execute("ALTER TABLE consents DROP CONSTRAINT consents_have_an_expiry")
    op.execute(
        "ALTER TABLE consents ADD CONSTRAINT consents_have_an_expiry "
        "CHECK (expires_on IS NOT NULL OR end_event IS NOT NULL)"
    )
    op.execute(
        """
        ALTER TABLE consents
            DROP COLUMN consent_type, DROP COLUMN patient_name, DROP COLUMN information,
            DROP COLUMN data_period_start, DROP COLUMN data_period_end,
            DROP COLUMN purpose_code, DROP COLUMN form_version, DROP COLUMN statements,
            DROP COLUMN signer_authority, DROP COLUMN document_sha256
        """
    )
