"""A read by another organization looks at the consents of the members it reads, not at every
consent in the platform. Checked in the plan PostgreSQL runs (EXPLAIN ANALYZE of the adapters'
own statements, in a database of its own so that nothing else writes), with the plan the
service's sessions keep: a generic one, prepared once (open_pool's `generic_plans`)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import asyncpg
import msgspec
import pytest

from bench.run import seed
from service.adapters.postgres.consent_sql import MEMBER_FOR_VIEWER, MEMBERS_FOR_VIEWERS
from service.domain.consent import DataScope
from tests.support.builders import organization_row
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


def _array(values: list[str], of_type: str) -> str:
    return "ARRAY[" + ", ".join(values) + f"]::{of_type}[]"


@pytest.mark.parametrize(
    ("statement", "reads"),
    [(MEMBER_FOR_VIEWER, 1), (MEMBERS_FOR_VIEWERS, READS)],
    ids=["one read", "reads sent together"],
)
async def test_a_consented_read_looks_only_at_the_consents_of_the_members_it_reads(
    alone_dsn: str, alone: asyncpg.Connection, statement: str, reads: int
) -> None:
    connection = alone
    home = await organization_row(connection, "Home")
    viewer = await organization_row(connection, "Viewer", "clinic")
    # Members each with a consent in force to the viewer, as the bench seeds them; the seed
    # gives the large tables their statistics and leaves the small ones (organizations,
    # intermediaries' participants) without, as autovacuum leaves a table that hardly
    # changes: PostgreSQL then guesses them larger than they are.
    members = await seed(alone_dsn, str(home), str(viewer), CONSENTS)
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
