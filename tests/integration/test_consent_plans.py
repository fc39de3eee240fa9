"""A read by another organization looks at the consents of the members it reads, not at every
consent in the platform. Checked in the plan PostgreSQL runs (EXPLAIN ANALYZE of the adapters'
own statements, in a database of its own so that nothing else writes), with the plan the
service's sessions keep: a generic one, prepared once (open_pool's `generic_plans`)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from uuid import UUID, uuid4

import asyncpg
import msgspec
import pytest

from service.adapters.postgres.consent_sql import MEMBER_FOR_VIEWER, MEMBERS_FOR_VIEWERS
from service.domain.consent import DataScope
from tests.support.database import fresh_database
from tests.support.plans import rows_read

CONSENTS = 10_000
READS = 8


@pytest.fixture
def alone_dsn() -> Iterator[str]:
    """A database of this test's own: the plan depends on what the tables hold, so no other
    test's rows may count."""
    with fresh_database() as dsn:
        yield dsn


@pytest.fixture
async def alone(alone_dsn: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(alone_dsn)
    yield connection
    await connection.close()


async def _organization(connection: asyncpg.Connection, name: str, kind: str) -> UUID:
    organization = uuid4()
    await connection.execute(
        "INSERT INTO organizations (id, name, kind, version, created_at) "
        "VALUES ($1, $2, $3, 1, now())",
        organization,
        name,
        kind,
    )
    return organization


async def _members_with_consents(
    connection: asyncpg.Connection, home: UUID, recipient: UUID, count: int
) -> list[UUID]:
    """`count` members of `home`, each with a consent in force (profile and recovery) to
    `recipient`, as the bench seeds them."""
    ids: list[UUID] = [
        row["id"]
        for row in await connection.fetch(
            "INSERT INTO members (id, organization_id, display_name, timezone, version, "
            "created_at, updated_at) "
            "SELECT gen_random_uuid(), $1, 'M', 'UTC', 1, now(), now() "
            "FROM generate_series(1, $2) RETURNING id",
            home,
            count,
        )
    ]
    await connection.execute(
        "INSERT INTO consents (id, member_id, organization_id, recipient_organization_id, "
        "scopes, purpose, expires_on, expires_at, signature_method, signed_at, signed_by, "
        "recorded_by, recorded_by_key_id, version, created_at, updated_at) "
        "SELECT gen_random_uuid(), id, organization_id, $2, ARRAY['profile', 'recovery'], "
        "'plans', DATE '2099-01-01', TIMESTAMPTZ '2099-01-02', 'electronic', now(), 'member', "
        "'plans', gen_random_uuid(), 1, now(), now() FROM members WHERE organization_id = $1",
        home,
        recipient,
    )
    return ids


def _array(values: list[str], of_type: str) -> str:
    return "ARRAY[" + ", ".join(values) + f"]::{of_type}[]"


@pytest.mark.parametrize(
    ("statement", "reads"),
    [(MEMBER_FOR_VIEWER, 1), (MEMBERS_FOR_VIEWERS, READS)],
    ids=["one read", "reads sent together"],
)
async def test_a_consented_read_looks_only_at_the_consents_of_the_members_it_reads(
    alone: asyncpg.Connection, statement: str, reads: int
) -> None:
    connection = alone
    home = await _organization(connection, "Home", "community_app")
    viewer = await _organization(connection, "Viewer", "clinic")
    members = await _members_with_consents(connection, home, viewer, CONSENTS)
    # The large tables have their statistics; the small ones (organizations, intermediaries'
    # participants) have none, as autovacuum leaves a table that hardly changes: PostgreSQL
    # then guesses them larger than they are.
    await connection.execute("ANALYZE members")
    await connection.execute("ANALYZE consents")
    await connection.execute("SELECT set_config('plan_cache_mode', 'force_generic_plan', false)")
    await connection.execute(f"PREPARE consented_reads AS {statement}")

    # EXECUTE takes no parameters of its own: the values are written out (uuids and fixed
    # words made here, nothing from outside).
    asked = members[:reads]
    if reads == 1:
        values = [f"'{asked[0]}'", f"'{viewer}'", "now()", "'getMember'", "'r'", "NULL", "NULL"]
    else:
        values = [
            _array([f"'{m}'" for m in asked], "uuid"),
            _array([f"'{viewer}'"] * reads, "uuid"),
            _array(["now()"] * reads, "timestamptz"),
            _array(["'getMember'"] * reads, "text"),
            _array(["'r'"] * reads, "text"),
            _array(["NULL"] * reads, "text"),
            _array(["NULL"] * reads, "uuid"),
        ]
    scopes = [
        _array([f"'{DataScope.PROFILE.value}'"], "text"),
        _array([f"'{DataScope.PROFILE.value}'", f"'{DataScope.RECOVERY.value}'"], "text"),
    ]
    document = await connection.fetchval(
        f"EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE consented_reads({', '.join(values + scopes)})"
    )
    plan = msgspec.json.decode(document)[0]["Plan"]
    await connection.execute("DEALLOCATE consented_reads")

    # Each read was decided and recorded...
    recorded = await connection.fetchval(
        "SELECT count(*) FROM disclosures WHERE recipient_organization_id = $1", viewer
    )
    assert recorded == reads
    # ...looking at its own member's consent: before, the generic plan of the reads sent
    # together read all 10,000 consents into a hash, 5-6 ms a statement.
    assert rows_read(plan, "consents") == reads
