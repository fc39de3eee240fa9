"""The logs that grow with traffic kept in monthly slices (issue #15; service.domain.retention):
events, their audience, webhook deliveries and disclosures become tables partitioned by the
month (UTC) each row was written (`recorded_at`, the database's clock), so that a month past
its retention is dropped whole (detached concurrently first: requests are never blocked), and
nothing is deleted row by row.

Each table is rebuilt: the old one renamed, the new one made with the same columns and
`recorded_at` (for rows already there: the time they describe), its rows copied, the old one
dropped. A partitioned table's unique keys must hold its partition key, so:
- each primary key becomes (its key, recorded_at); the numbers still come from one sequence;
- an event's or a delivery's or a disclosure's `id` is indexed, no longer declared unique
  (each is a UUID drawn by the service);
- the slices declare no foreign keys to members and organizations, so that making one takes
  no lock on those; a delivery keeps its endpoint's (deleted with it), and no longer declares
  one to its event: deliveries are kept 90 days, events a year, so its event outlives it.
A slice is made for each month that holds rows and for this month and the next three; the
service makes later ones ahead of time (service.adapters.postgres.partitions). One row
(`maintenance_leases`) lets one worker at a time do that.

Revision ID: 0032
Revises: 0031
Create Date: 2026-11-30
"""

from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

# (table, its sequence-drawn key, the column that dates rows already there)
_TABLES = (
    ("outbox_events", "position", "occurred_at"),
    ("event_audience", None, None),
    ("disclosures", "position", "disclosed_at"),
    ("webhook_deliveries", "seq", "created_at"),
)


def _slices(table: str, dated_by: str) -> None:
    """One slice per month of the rows there and of this month and the three after it."""
    op.execute(
        f"""
        DO $$
        DECLARE month date;
        BEGIN
            FOR month IN
                SELECT DISTINCT date_trunc('month', {dated_by} AT TIME ZONE 'UTC')::date
                FROM {table}_unsliced
                UNION
                SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') + n * interval '1 month')::date
                FROM generate_series(0, 3) AS n
            LOOP
                EXECUTE format(
                    'CREATE TABLE %I PARTITION OF {table} FOR VALUES FROM (%L) TO (%L)',
                    '{table}_' || to_char(month, 'YYYY_MM'),
                    (month::timestamp AT TIME ZONE 'UTC'),
                    ((month + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
            END LOOP;
        END
        $$
        """  # noqa: S608 (this module's constant names)
    )


def upgrade() -> None:
    op.execute("ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_event_id_fkey")
    op.execute("DROP TRIGGER event_audience_rows ON outbox_events")
    for table, key, _ in _TABLES:
        op.execute(f"ALTER TABLE {table} RENAME TO {table}_unsliced")
        op.execute(
            f"CREATE TABLE {table} (LIKE {table}_unsliced INCLUDING DEFAULTS INCLUDING "
            "CONSTRAINTS, recorded_at timestamptz NOT NULL DEFAULT now()) "
            "PARTITION BY RANGE (recorded_at)"
        )
        if key is not None:
            op.execute(f"CREATE SEQUENCE {table}_{key}s OWNED BY {table}.{key}")
            op.execute(
                f"SELECT setval('{table}_{key}s', coalesce(max({key}), 0) + 1, false) "  # noqa: S608
                f"FROM {table}_unsliced"
            )
            op.execute(
                f"ALTER TABLE {table} ALTER COLUMN {key} SET DEFAULT nextval('{table}_{key}s')"
            )
    # The audience is dated as its event is.
    op.execute("ALTER TABLE event_audience_unsliced ADD COLUMN recorded_at timestamptz")
    op.execute(
        "UPDATE event_audience_unsliced a SET recorded_at = e.occurred_at "
        "FROM outbox_events_unsliced e WHERE e.position = a.position"
    )
    for table, _, dated_by in _TABLES:
        _slices(table, dated_by or "recorded_at")
    for table, _, dated_by in _TABLES:
        if dated_by is None:
            op.execute(f"INSERT INTO {table} SELECT * FROM {table}_unsliced")  # noqa: S608
        else:
            op.execute(
                f"INSERT INTO {table} SELECT u.*, u.{dated_by} "  # noqa: S608 (constant names)
                f"FROM {table}_unsliced u"
            )
        op.execute(f"DROP TABLE {table}_unsliced")

    op.execute("ALTER TABLE outbox_events ADD PRIMARY KEY (position, recorded_at)")
    op.execute("CREATE INDEX outbox_events_by_id ON outbox_events (id)")
    op.execute("CREATE INDEX outbox_events_in_feed_order ON outbox_events (txid, position)")

    op.execute(
        "ALTER TABLE event_audience ADD PRIMARY KEY (organization_id, txid, position, recorded_at)"
    )

    op.execute("ALTER TABLE disclosures ADD PRIMARY KEY (position, recorded_at)")
    op.execute("CREATE INDEX disclosures_by_id ON disclosures (id)")
    op.execute("CREATE INDEX disclosures_by_member ON disclosures (member_id, position)")
    op.execute(
        "CREATE INDEX disclosures_by_key ON disclosures (key_id, position) WHERE key_id IS NOT NULL"
    )
    op.execute(
        "CREATE INDEX disclosures_by_recipient ON disclosures "
        "(recipient_organization_id, disclosed_at)"
    )

    op.execute("ALTER TABLE webhook_deliveries ADD PRIMARY KEY (seq, recorded_at)")
    op.execute("CREATE INDEX webhook_deliveries_by_id ON webhook_deliveries (id)")
    op.execute(
        "CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (endpoint_id, seq) "
        "WHERE status = 'pending'"
    )
    op.execute("CREATE INDEX webhook_deliveries_log ON webhook_deliveries (endpoint_id, seq)")
    op.execute(
        "CREATE INDEX webhook_deliveries_of_event ON webhook_deliveries (endpoint_id, event_id)"
    )
    # A delivery goes with its endpoint, as before.
    op.execute(
        "ALTER TABLE webhook_deliveries ADD FOREIGN KEY (endpoint_id) "
        "REFERENCES webhook_endpoints (id) ON DELETE CASCADE"
    )

    op.execute(
        """
        CREATE OR REPLACE FUNCTION event_audience_rows() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO event_audience (organization_id, txid, position, type, recorded_at)
            SELECT DISTINCT a, NEW.txid, NEW.position, NEW.type, NEW.recorded_at
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
        """
        CREATE TABLE maintenance_leases (
            name        text PRIMARY KEY,
            held_until  timestamptz NOT NULL
        )
        """
    )
    op.execute("INSERT INTO maintenance_leases VALUES ('partitions', '-infinity')")


def downgrade() -> None:
    # Months of slices back into single tables would copy every row; the way back is a
    # restore from before this revision.
    raise NotImplementedError("0032 cannot be undone in place: restore from a backup before it")
