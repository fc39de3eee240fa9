"""Each event's audience (issue #15): the organizations that may ever see it, one row each,
written in the transaction that writes the event. The feed and the webhook fan-out walk an
organization's own rows in feed order, so a read costs what it returns, not what the platform
holds; the consent rule is still applied to every row at read time (consent_sql.visible_to).

The audience is a superset of the read rule, fixed when the event's transaction commits:
- the organization that acted;
- the member's home organization (events whose data names a member);
- every organization that takes part in the event's network, in any status (a network's
  events, and its meetings', posts' and attendance's);
- a consent's named recipient; a referral's sender and receiver;
- for an event about a member: every organization a consent of the member in force when the
  event happened could reach (its named recipient, the participants of an intermediary, the
  organizations taking part in a circle around the member).
An organization that only joins later does not see the earlier events in the feed: the feed
shows what happened while it could see it.

The trigger is deferred to commit so that it sees everything the transaction wrote, whatever
the order of its statements (several writes may go to PostgreSQL as one statement, and one
statement does not see its own other writes).

Revision ID: 0031
Revises: 0030
Create Date: 2026-11-30
"""

from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE event_audience (
            organization_id  uuid NOT NULL,
            txid             xid8 NOT NULL,
            position         bigint NOT NULL,
            type             text NOT NULL,
            PRIMARY KEY (organization_id, txid, position)
        )
        """
    )
    op.execute(
        """
        CREATE FUNCTION event_audience_of(
            actor uuid, subject_type text, subject_id uuid, occurred_at timestamptz, data jsonb
        ) RETURNS SETOF uuid LANGUAGE sql STABLE AS $$
            WITH e AS (
                SELECT actor AS organization_id, subject_type, subject_id, occurred_at, data
            ), member AS (
                SELECT m.id, m.organization_id FROM e, members m
                WHERE m.id = (e.data->>'member_id')::uuid
            ), network AS (
                SELECT CASE WHEN e.subject_type = 'network' THEN e.subject_id
                            ELSE (e.data->>'network_id')::uuid END AS id
                FROM e
            ), audience AS (
                SELECT e.organization_id AS id FROM e
                UNION SELECT organization_id FROM member
                UNION SELECT p.organization_id
                      FROM network n JOIN network_organizations p ON p.network_id = n.id
                UNION SELECT (e.data->>'recipient_organization_id')::uuid
                      FROM e WHERE e.subject_type = 'consent'
                UNION SELECT (e.data->>'sender_organization_id')::uuid
                      FROM e WHERE e.subject_type = 'referral'
                UNION SELECT (e.data->>'receiver_organization_id')::uuid
                      FROM e WHERE e.subject_type = 'referral'
                UNION SELECT reached.id
                      FROM e CROSS JOIN member mb
                      JOIN consents c ON c.member_id = mb.id
                           AND c.created_at <= e.occurred_at
                           AND (c.revoked_at IS NULL OR c.revoked_at > e.occurred_at)
                           AND (c.ended_at IS NULL OR c.ended_at > e.occurred_at)
                           AND (c.expires_at IS NULL OR c.expires_at > e.occurred_at)
                      CROSS JOIN LATERAL (
                          SELECT c.recipient_organization_id
                          UNION ALL
                          SELECT ip.participant_organization_id
                          FROM intermediary_participants ip
                          WHERE ip.intermediary_organization_id = c.recipient_organization_id
                          UNION ALL
                          SELECT p.organization_id
                          FROM network_memberships ms
                          JOIN networks cn ON cn.id = ms.network_id
                               AND cn.focus_member_id = ms.member_id
                          JOIN network_organizations p ON p.network_id = ms.network_id
                          WHERE ms.member_id = mb.id
                      ) AS reached(id)
            )
            SELECT id FROM audience WHERE id IS NOT NULL
        $$
        """
    )
    op.execute(
        """
        CREATE FUNCTION event_audience_rows() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO event_audience (organization_id, txid, position, type)
            SELECT a, NEW.txid, NEW.position, NEW.type
            FROM event_audience_of(NEW.organization_id, NEW.subject_type, NEW.subject_id,
                                   NEW.occurred_at, NEW.data) AS a;
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        "CREATE CONSTRAINT TRIGGER event_audience_rows AFTER INSERT ON outbox_events "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION event_audience_rows()"
    )
    op.execute(
        "INSERT INTO event_audience (organization_id, txid, position, type) "
        "SELECT a, e.txid, e.position, e.type FROM outbox_events e, "
        "event_audience_of(e.organization_id, e.subject_type, e.subject_id, e.occurred_at, "
        "e.data) AS a"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER event_audience_rows ON outbox_events")
    op.execute("DROP FUNCTION event_audience_rows()")
    op.execute("DROP FUNCTION event_audience_of(uuid, text, uuid, timestamptz, jsonb)")
    op.execute("DROP TABLE event_audience")
