"""Federation: support networks, participating organizations, memberships, consent,
and the accounting of disclosures.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE networks (
        id                          uuid PRIMARY KEY,
        kind                        text NOT NULL CHECK (kind IN ('circle', 'group')),
        name                        text NOT NULL,
        description                 text,
        focus_member_id             uuid REFERENCES members (id),
        created_by_organization_id  uuid NOT NULL REFERENCES organizations (id),
        status                      text NOT NULL CHECK (status IN ('active', 'archived')),
        version                     integer NOT NULL,
        created_at                  timestamptz NOT NULL,
        updated_at                  timestamptz NOT NULL,
        archived_at                 timestamptz,
        CONSTRAINT networks_circle_has_focus CHECK ((kind = 'circle') = (focus_member_id IS NOT NULL))
    )
    """)
    op.execute("""
    CREATE TABLE network_organizations (
        network_id                  uuid NOT NULL REFERENCES networks (id),
        organization_id             uuid NOT NULL REFERENCES organizations (id),
        status                      text NOT NULL
                                    CHECK (status IN ('invited', 'active', 'declined', 'left')),
        invited_by_organization_id  uuid REFERENCES organizations (id),
        invited_at                  timestamptz,
        joined_at                   timestamptz,
        left_at                     timestamptz,
        version                     integer NOT NULL,
        PRIMARY KEY (network_id, organization_id)
    )
    """)
    op.execute(
        "CREATE INDEX network_organizations_by_organization "
        "ON network_organizations (organization_id, network_id) WHERE status IN ('invited', 'active')"
    )
    op.execute("""
    CREATE TABLE network_memberships (
        id                        uuid PRIMARY KEY,
        network_id                uuid NOT NULL REFERENCES networks (id),
        member_id                 uuid NOT NULL REFERENCES members (id),
        member_organization_id    uuid NOT NULL REFERENCES organizations (id),
        role                      text NOT NULL CHECK (role IN ('focus', 'peer_supporter', 'sponsor',
                                      'family', 'clinician', 'coordinator')),
        status                    text NOT NULL CHECK (status IN ('invited', 'active', 'left')),
        added_by_organization_id  uuid NOT NULL REFERENCES organizations (id),
        invited_at                timestamptz,
        joined_at                 timestamptz,
        left_at                   timestamptz,
        version                   integer NOT NULL,
        created_at                timestamptz NOT NULL,
        updated_at                timestamptz NOT NULL
    )
    """)
    op.execute(
        "CREATE UNIQUE INDEX network_memberships_one_live_per_member "
        "ON network_memberships (network_id, member_id) WHERE status <> 'left'"
    )
    op.execute(
        "CREATE UNIQUE INDEX network_memberships_one_focus "
        "ON network_memberships (network_id) WHERE role = 'focus' AND status <> 'left'"
    )
    op.execute(
        "CREATE INDEX network_memberships_by_network ON network_memberships (network_id, id)"
    )
    op.execute("CREATE INDEX network_memberships_by_member ON network_memberships (member_id)")
    op.execute("""
    CREATE TABLE consents (
        id                         uuid PRIMARY KEY,
        member_id                  uuid NOT NULL REFERENCES members (id),
        organization_id            uuid NOT NULL REFERENCES organizations (id),
        recipient_organization_id  uuid NOT NULL REFERENCES organizations (id),
        scopes                     text[] NOT NULL CHECK (cardinality(scopes) > 0),
        purpose                    text NOT NULL,
        expires_on                 date,
        expires_at                 timestamptz,
        end_event                  text,
        signature_method           text NOT NULL,
        signed_at                  timestamptz NOT NULL,
        signed_by                  text NOT NULL,
        recorded_by                text NOT NULL,
        recorded_by_key_id         uuid NOT NULL,
        version                    integer NOT NULL,
        created_at                 timestamptz NOT NULL,
        updated_at                 timestamptz NOT NULL,
        revoked_at                 timestamptz,
        revocation_reason          text,
        ended_at                   timestamptz,
        expiry_announced_at        timestamptz,
        CONSTRAINT consents_have_an_expiry CHECK (expires_on IS NOT NULL OR end_event IS NOT NULL)
    )
    """)
    op.execute(
        "CREATE INDEX consents_in_force ON consents (member_id, recipient_organization_id) "
        "WHERE revoked_at IS NULL AND ended_at IS NULL"
    )
    op.execute("CREATE INDEX consents_by_member ON consents (member_id, id)")
    op.execute(
        "CREATE INDEX consents_to_announce ON consents (expires_at) "
        "WHERE expiry_announced_at IS NULL AND revoked_at IS NULL AND expires_at IS NOT NULL"
    )
    op.execute("""
    CREATE TABLE disclosures (
        position                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id                         uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        member_id                  uuid NOT NULL REFERENCES members (id),
        organization_id            uuid NOT NULL REFERENCES organizations (id),
        recipient_organization_id  uuid NOT NULL REFERENCES organizations (id),
        consent_ids                uuid[] NOT NULL,
        scopes                     text[] NOT NULL,
        operation                  text NOT NULL,
        request_id                 text NOT NULL,
        disclosed_at               timestamptz NOT NULL
    )
    """)
    op.execute("CREATE INDEX disclosures_by_member ON disclosures (member_id, position)")


def downgrade() -> None:
    for table in (
        "disclosures",
        "consents",
        "network_memberships",
        "network_organizations",
        "networks",
    ):
        op.execute(f"DROP TABLE {table}")
