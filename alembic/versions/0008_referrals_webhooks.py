"""Referrals with their status history; webhook endpoints and their deliveries; the events
feed ordered by (txid, position).

Positions are drawn at insert, not at commit, and transaction ids are drawn at a transaction's
first write: neither alone follows commit order. Ordered by (txid, position) and cut below the
oldest transaction still running, the feed never hands out a row before one that can still
appear ahead of it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX outbox_events_in_feed_order ON outbox_events (txid, position)")
    # Every read of the outbox (feed, webhook fan-out) walks it in feed order; these two were
    # read by nothing and cost every write that emits an event.
    op.execute("DROP INDEX outbox_events_by_organization")
    op.execute("DROP INDEX outbox_events_by_subject")
    op.execute("""
    CREATE TABLE referrals (
        id                        uuid PRIMARY KEY,
        sender_organization_id    uuid NOT NULL REFERENCES organizations (id),
        receiver_organization_id  uuid NOT NULL REFERENCES organizations (id),
        member_id                 uuid NOT NULL REFERENCES members (id),
        network_id                uuid REFERENCES networks (id),
        consent_id                uuid NOT NULL REFERENCES consents (id),
        reason                    text NOT NULL,
        urgency                   text NOT NULL
            CHECK (urgency IN ('routine', 'urgent', 'asap', 'stat')),
        external_ref              text,
        status                    text NOT NULL CHECK (status IN ('requested', 'accepted',
            'rejected', 'cancelled', 'expired', 'in_progress', 'completed', 'failed')),
        answer_by                 timestamptz NOT NULL,
        version                   integer NOT NULL,
        created_at                timestamptz NOT NULL,
        updated_at                timestamptz NOT NULL,
        CHECK (sender_organization_id <> receiver_organization_id),
        UNIQUE (sender_organization_id, external_ref)
    )
    """)
    op.execute("CREATE INDEX referrals_sent ON referrals (sender_organization_id, status, id)")
    op.execute(
        "CREATE INDEX referrals_received ON referrals (receiver_organization_id, status, id)"
    )
    op.execute("CREATE INDEX referrals_sent_all ON referrals (sender_organization_id, id)")
    op.execute("CREATE INDEX referrals_received_all ON referrals (receiver_organization_id, id)")
    op.execute(
        "CREATE INDEX referrals_awaiting_answer ON referrals (answer_by) WHERE status = 'requested'"
    )
    op.execute("""
    CREATE TABLE referral_status_changes (
        id                     uuid PRIMARY KEY,
        referral_id            uuid NOT NULL REFERENCES referrals (id),
        from_status            text,
        to_status              text NOT NULL,
        actor_organization_id  uuid REFERENCES organizations (id),
        reason                 text,
        at                     timestamptz NOT NULL
    )
    """)
    op.execute(
        "CREATE INDEX referral_status_changes_by_referral "
        "ON referral_status_changes (referral_id, id)"
    )
    op.execute("""
    CREATE TABLE webhook_endpoints (
        id                     uuid PRIMARY KEY,
        organization_id        uuid NOT NULL REFERENCES organizations (id),
        url                    text NOT NULL,
        description            text,
        -- Empty: every event type the organization may see.
        event_types            text[] NOT NULL,
        secret                 text NOT NULL,
        previous_secret        text,
        previous_secret_until  timestamptz,
        status                 text NOT NULL CHECK (status IN ('active', 'disabled')),
        disabled_reason        text,
        disabled_at            timestamptz,
        -- The last outbox row (in feed order) turned into deliveries for this endpoint.
        cursor_txid            xid8 NOT NULL,
        cursor_position        bigint NOT NULL,
        -- Deliveries wait until then (a retry in backoff holds the ones behind it: order);
        -- while an attempt is in flight, until its lease runs out.
        next_attempt_at        timestamptz NOT NULL,
        lease_id               uuid,
        version                integer NOT NULL,
        created_at             timestamptz NOT NULL,
        updated_at             timestamptz NOT NULL
    )
    """)
    op.execute(
        "CREATE INDEX webhook_endpoints_by_organization ON webhook_endpoints (organization_id, id)"
    )
    op.execute(
        "CREATE INDEX webhook_endpoints_due ON webhook_endpoints (next_attempt_at) "
        "WHERE status = 'active'"
    )
    op.execute("""
    CREATE TABLE webhook_deliveries (
        seq               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id                uuid NOT NULL UNIQUE,
        endpoint_id       uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        event_id          uuid NOT NULL REFERENCES outbox_events (id),
        status            text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        redelivery        boolean NOT NULL,
        attempt_count     integer NOT NULL DEFAULT 0,
        -- Each attempt: {at, status_code, latency_ms, error}.
        attempts          jsonb NOT NULL DEFAULT '[]',
        next_attempt_at   timestamptz NOT NULL,
        created_at        timestamptz NOT NULL,
        finished_at       timestamptz
    )
    """)
    op.execute(
        "CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (endpoint_id, seq) "
        "WHERE status = 'pending'"
    )
    op.execute("CREATE INDEX webhook_deliveries_log ON webhook_deliveries (endpoint_id, seq)")


def downgrade() -> None:
    op.execute("DROP TABLE webhook_deliveries")
    op.execute("DROP TABLE webhook_endpoints")
    op.execute("DROP TABLE referral_status_changes")
    op.execute("DROP TABLE referrals")
    op.execute("CREATE INDEX outbox_events_by_subject ON outbox_events (subject_id, position)")
    op.execute(
        "CREATE INDEX outbox_events_by_organization ON outbox_events (organization_id, position)"
    )
    op.execute("DROP INDEX outbox_events_in_feed_order")
