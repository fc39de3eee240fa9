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
            _actor uuid, _subject_type text, _subject_id uuid, _occurred_at timestamptz,
            _data jsonb
        ) RETURNS SETOF uuid LANGUAGE plpgsql STABLE AS $$
        -- PL/pgSQL rather than one SQL statement: each branch's plan is kept for the session,
        -- and an event runs only the branches its kind needs. Repeats and NULLs are for the
        -- caller to drop.
        DECLARE
            _member uuid := (_data->>'member_id')::uuid;
            _network uuid := CASE WHEN _subject_type = 'network' THEN _subject_id
                                  ELSE (_data->>'network_id')::uuid END;
        BEGIN
            RETURN NEXT _actor;
            IF _member IS NOT NULL THEN
                RETURN QUERY SELECT m.organization_id FROM members m WHERE m.id = _member;
                RETURN QUERY
                    SELECT reached.id
                    FROM consents c
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
                        WHERE ms.member_id = _member
                    ) AS reached(id)
                    WHERE c.member_id = _member
                      AND c.created_at <= _occurred_at
                      AND (c.revoked_at IS NULL OR c.revoked_at > _occurred_at)
                      AND (c.ended_at IS NULL OR c.ended_at > _occurred_at)
                      AND (c.expires_at IS NULL OR c.expires_at > _occurred_at);
            END IF;
            IF _network IS NOT NULL THEN
                RETURN QUERY
                    SELECT p.organization_id FROM network_organizations p
                    WHERE p.network_id = _network;
            END IF;
            IF _subject_type = 'consent' THEN
                RETURN NEXT (_data->>'recipient_organization_id')::uuid;
            ELSIF _subject_type = 'referral' THEN
                RETURN NEXT (_data->>'sender_organization_id')::uuid;
                RETURN NEXT (_data->>'receiver_organization_id')::uuid;
            END IF;
        END
        $$
        """
    )
    op.execute(
        """
        CREATE FUNCTION event_audience_rows() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO event_audience (organization_id, txid, position, type)
            SELECT DISTINCT a, NEW.txid, NEW.position, NEW.type
            FROM event_audience_of(NEW.organization_id, NEW.subject_type, NEW.subject_id,
                                   NEW.occurred_at, NEW.data) AS a
            WHERE a IS NOT NULL;
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
        "SELECT DISTINCT a, e.txid, e.position, e.type FROM outbox_events e, "
        "event_audience_of(e.organization_id, e.subject_type, e.subject_id, e.occurred_at, "
        "e.data) AS a WHERE a IS NOT NULL"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER event_audience_rows ON outbox_events")
    op.execute("DROP FUNCTION event_audience_rows()")
    op.execute("DROP FUNCTION event_audience_of(uuid, text, uuid, timestamptz, jsonb)")
    op.execute("DROP TABLE event_audience")
