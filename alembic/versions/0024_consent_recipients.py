"""Recipients beyond one named organization (42 CFR 2.31(a)(4)): a consent may name a class of
organizations instead (`recipient_class`), or an intermediary (an organization of kind
`intermediary`, named in `recipient_organization_id`) with the participants it may pass the
data to, by name (`participant_organization_ids`) or by a general description limited to
treating providers (`participant_class`). Who takes part in an intermediary is recorded in
`intermediary_participants`. An organization may have a postal address, which the accounting
of disclosures names (45 CFR 164.528(b)(2)).

Revision ID: 0024
Revises: 0023
Create Date: 2026-11-29
"""

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        ALTER TABLE organizations
            DROP CONSTRAINT organizations_kind_check,
            ADD CONSTRAINT organizations_kind_check
                CHECK (kind IN ('clinic', 'community_app', 'peer_org', 'intermediary')),
            ADD COLUMN address text
        """
    )
    op.execute(
        """
        ALTER TABLE consents
            ALTER COLUMN recipient_organization_id DROP NOT NULL,
            ADD COLUMN recipient_class text
                CHECK (recipient_class IN ('treating_providers', 'supporting_organizations')),
            ADD COLUMN participant_organization_ids uuid[] NOT NULL DEFAULT '{}',
            ADD COLUMN participant_class text CHECK (participant_class = 'treating_providers'),
            ADD CONSTRAINT consents_one_recipient CHECK (
                (recipient_organization_id IS NULL) <> (recipient_class IS NULL)),
            ADD CONSTRAINT consents_participants_through_an_intermediary CHECK (
                recipient_organization_id IS NOT NULL
                OR (cardinality(participant_organization_ids) = 0 AND participant_class IS NULL))
        """
    )
    op.execute(
        """
        CREATE TABLE intermediary_participants (
            intermediary_organization_id  uuid NOT NULL REFERENCES organizations (id),
            participant_organization_id   uuid NOT NULL REFERENCES organizations (id),
            joined_at                     timestamptz NOT NULL,
            ended_at                      timestamptz,
            version                       integer NOT NULL,
            PRIMARY KEY (intermediary_organization_id, participant_organization_id),
            CHECK (intermediary_organization_id <> participant_organization_id)
        )
        """
    )
    # A reader's check goes from the participant to its intermediaries.
    op.execute(
        "CREATE INDEX intermediary_participants_by_participant "
        "ON intermediary_participants (participant_organization_id, intermediary_organization_id) "
        "WHERE ended_at IS NULL"
    )


def downgrade() -> None:
    # The older schema has no place for a consent to a class of recipients or for an
    # intermediary: refuse, rather than drop what a member signed.
    op.execute(
        """
        DO $$ BEGIN
            IF EXISTS (SELECT 1 FROM consents WHERE recipient_class IS NOT NULL)
               OR EXISTS (SELECT 1 FROM organizations WHERE kind = 'intermediary') THEN
                RAISE EXCEPTION 'cannot downgrade below 0024: class or intermediary recipients exist';
            END IF;
        END $$
        """
    )
    op.execute("DROP TABLE intermediary_participants")
    op.execute(
        """
        ALTER TABLE consents
            DROP CONSTRAINT consents_participants_through_an_intermediary,
            DROP CONSTRAINT consents_one_recipient,
            DROP COLUMN participant_class,
            DROP COLUMN participant_organization_ids,
            DROP COLUMN recipient_class,
            ALTER COLUMN recipient_organization_id SET NOT NULL
        """
    )
    op.execute(
        """
        ALTER TABLE organizations
            DROP COLUMN address,
            DROP CONSTRAINT organizations_kind_check,
            ADD CONSTRAINT organizations_kind_check
                CHECK (kind IN ('clinic', 'community_app', 'peer_org'))
        """
    )
