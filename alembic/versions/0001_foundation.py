"""Foundation: organizations, API keys, members, outbox, idempotency keys.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE organizations (
        id          uuid PRIMARY KEY,
        name        text NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('clinic', 'community_app', 'peer_org')),
        version     integer NOT NULL DEFAULT 1,
        created_at  timestamptz NOT NULL
    )
    """)
    op.execute("""
    CREATE TABLE api_keys (
        id               uuid PRIMARY KEY,
        organization_id  uuid REFERENCES organizations (id),
        is_operator      boolean NOT NULL,
        name             text NOT NULL,
        prefix           text NOT NULL,
        secret_hash      bytea NOT NULL UNIQUE,
        scopes           text[] NOT NULL,
        created_at       timestamptz NOT NULL,
        revoked_at       timestamptz,
        CONSTRAINT api_keys_operator_has_no_organization
            CHECK (is_operator = (organization_id IS NULL))
    )
    """)
    op.execute("CREATE INDEX api_keys_by_organization ON api_keys (organization_id, id)")
    op.execute("""
    CREATE TABLE members (
        id                   uuid PRIMARY KEY,
        organization_id      uuid NOT NULL REFERENCES organizations (id),
        display_name         text,
        timezone             text,
        external_ref         text,
        recovery_started_on  date,
        contact_email        text,
        contact_phone        text,
        version              integer NOT NULL,
        created_at           timestamptz NOT NULL,
        updated_at           timestamptz NOT NULL,
        erased_at            timestamptz,
        CONSTRAINT members_erased_have_no_personal_fields CHECK (
            erased_at IS NULL OR (display_name IS NULL AND external_ref IS NULL
                AND contact_email IS NULL AND contact_phone IS NULL)
        ),
        CONSTRAINT members_live_have_name_and_zone CHECK (
            erased_at IS NOT NULL OR (display_name IS NOT NULL AND timezone IS NOT NULL)
        )
    )
    """)
    op.execute("CREATE INDEX members_by_organization ON members (organization_id, id)")
    op.execute("""
    CREATE UNIQUE INDEX members_external_ref_per_organization
        ON members (organization_id, external_ref) WHERE external_ref IS NOT NULL
    """)
    op.execute("""
    CREATE TABLE outbox_events (
        position         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id               uuid NOT NULL UNIQUE,
        type             text NOT NULL,
        organization_id  uuid NOT NULL REFERENCES organizations (id),
        subject_type     text NOT NULL,
        subject_id       uuid NOT NULL,
        occurred_at      timestamptz NOT NULL,
        data             jsonb NOT NULL
    )
    """)
    op.execute("CREATE INDEX outbox_events_by_subject ON outbox_events (subject_id, position)")
    op.execute("""
    CREATE TABLE idempotency_keys (
        scope_id          uuid NOT NULL,
        key               text NOT NULL,
        fingerprint       bytea NOT NULL,
        state             text NOT NULL CHECK (state IN ('in_flight', 'completed')),
        claim_token       uuid NOT NULL,
        locked_until      timestamptz,
        response_status   integer,
        response_headers  jsonb,
        response_body     bytea,
        -- What the request created: erasing it scrubs the stored response (see members).
        resource_id       uuid,
        created_at        timestamptz NOT NULL,
        expires_at        timestamptz NOT NULL,
        PRIMARY KEY (scope_id, key)
    )
    """)
    op.execute("CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at)")
    op.execute(
        "CREATE INDEX idempotency_keys_by_resource ON idempotency_keys (resource_id) "
        "WHERE resource_id IS NOT NULL"
    )


def downgrade() -> None:
    op.execute("DROP TABLE idempotency_keys")
    op.execute("DROP TABLE outbox_events")
    op.execute("DROP TABLE members")
    op.execute("DROP TABLE api_keys")
    op.execute("DROP TABLE organizations")
