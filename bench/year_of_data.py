"""A year of a large network (issue #15, part 2): do reads, sweeps and webhook delivery cost
the same at a year's data as at 10,000 members?

    .venv/bin/python -m bench.year_of_data --scale 0.01   # 10,000 members: the reference
    .venv/bin/python -m bench.year_of_data --scale 1      # a year: 1,000,000 members

At `--scale 1` it seeds, with COPY (never through the API), 1,000,000 members across 200
organizations, 100,000 networks (five members each; one in ten of the busy organization's
also takes a partner organization in), 2,000,000 daily pledges with 30,000,000 check-ins,
3 milestone announcements per member, 50,000,000 events spread over the last 365 days (each
with its audience rows, as the trigger would write them: the member's organization, and the
partner for a member whose consent reaches it), 5,000,000 disclosure records and 1,000
webhook endpoints (idle, their cursors at the head). Smaller scales divide every count alike.
The busy organization holds a fifth of the members (and so of the events); the quiet one ten.
Schedules (milestones, missed pledges, disengagement) are due tomorrow: a sweep finds
nothing to do, as on most of its passes.

Then it measures, against `python -m service serve` (one worker):
- p50/p99 of each read, `--rounds` sequential requests over one keep-alive connection, each
  naming a random member (or network) of the busy organization;
- each background sweep's CPU (this process and the database server) for one pass, as CPU
  seconds per minute at its default interval; and the CPU per item announced for milestones
  and missed pledge periods, with `--due` of each made due;
- webhook throughput: 100 endpoints of the busy organization, each with its own receiver on
  a loopback port, while members are created at `--write-rate` per second for `--seconds`:
  deliveries per second and the lag from an event's `occurred_at` to its arrival;
- the database's size per member and per event.

`--keep` keeps the scratch database and prints its URL; `--reuse URL` measures it again
without seeding. Uses the embedded PostgreSQL (or DATABASE_URL's server)."""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import random
import re
import statistics
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import psutil

from bench.seeding import copy_members
from service.adapters.http.schemas import encode_cursor
from service.adapters.postgres.deliveries import PostgresDeliveryQueue
from service.adapters.postgres.partitions import PostgresPartitions
from service.adapters.postgres.pool import open_pool
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.system import SystemClock, UuidV7Source, uuid7
from service.adapters.webhooks import HttpWebhookSender, SystemResolver
from service.domain.webhooks import RETRY_SCHEDULE, parse_networks
from service.usecases.consents import announce_expired_consents
from service.usecases.deliveries import Deliveries, DeliveryPolicy, dispatch_once
from service.usecases.engagement import evaluate_due_members
from service.usecases.milestones import announce_due_milestones
from service.usecases.pledge_sweep import sweep_missed
from service.usecases.reach_outs import escalate_due_reach_outs, expire_reach_outs
from service.usecases.referral_transitions import expire_overdue_referrals
from tests.support.database import fresh_database
from tests.support.server import cli, service_process, token_from

ZONES = ("America/New_York", "America/Chicago", "Europe/London", "Australia/Sydney")
RUNGS = ("24h", "7d", "30d")
EVENT_TYPES = ("member.updated", "pledge.created", "pledge.checked_in", "milestone.reached")
SCOPES = ["profile", "recovery", "pledges", "milestones"]


@dataclass(frozen=True)
class Sizes:
    organizations: int
    members: int
    networks: int
    pledges_per_member: int
    check_ins_per_pledge: int
    events: int
    disclosures: int
    endpoints: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        return cls(
            organizations=max(4, round(200 * scale)),
            members=round(1_000_000 * scale),
            networks=round(100_000 * scale),
            pledges_per_member=2,
            check_ins_per_pledge=15,
            events=round(50_000_000 * scale),
            disclosures=round(5_000_000 * scale),
            endpoints=max(10, round(1000 * scale)),
        )


@dataclass(frozen=True)
class Seeded:
    busy: uuid.UUID
    partner: uuid.UUID
    quiet: uuid.UUID
    busy_token: str
    partner_token: str
    quiet_token: str


# --- Seeding ---------------------------------------------------------------------------------


def _organization_of_cli(dsn: str, name: str, kind: str) -> tuple[uuid.UUID, str]:
    made = cli(dsn, "orgs", "create", "--name", name, "--kind", kind)
    found = re.search(r"organization: (\S+)", made)
    assert found is not None, made
    organization = found.group(1)
    return uuid.UUID(organization), token_from(made)


async def _copy(
    connection: asyncpg.Connection, table: str, columns: Sequence[str], rows: Any
) -> None:
    await connection.copy_records_to_table(table, columns=list(columns), records=rows)


def _chunks(rows: Iterator[tuple[object, ...]], size: int) -> Iterator[list[tuple[object, ...]]]:
    chunk: list[tuple[object, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


async def seed(dsn: str, sizes: Sizes) -> Seeded:
    busy, busy_token = _organization_of_cli(dsn, "Busy", "community_app")
    partner, partner_token = _organization_of_cli(dsn, "Partner", "clinic")
    quiet, quiet_token = _organization_of_cli(dsn, "Quiet", "community_app")
    seeded = Seeded(busy, partner, quiet, busy_token, partner_token, quiet_token)
    rng = random.Random(15)
    now = datetime.now(UTC)
    today = now.date()
    year_ago = now - timedelta(days=365)
    timings: dict[str, float] = {}
    connection = await asyncpg.connect(dsn)
    try:
        # The slices of the last year's months, as a year of hourly maintenance made them.
        pool = await open_pool(dsn, min_size=1, max_size=1)
        try:
            for back in range(14, -1, -1):
                await PostgresPartitions(pool).maintain(now - timedelta(days=28 * back))
        finally:
            await pool.close()
        # Foreign keys and triggers are skipped while seeding: the rows are made consistent
        # here, and the audience rows are written below as the trigger would write them.
        await connection.execute("SELECT set_config('session_replication_role', 'replica', false)")

        started = time.monotonic()
        others = [uuid.uuid4() for _ in range(sizes.organizations - 3)]
        await _copy(
            connection,
            "organizations",
            ["id", "name", "kind", "version", "created_at"],
            [(o, f"Organization {n}", "community_app", 1, year_ago) for n, o in enumerate(others)],
        )
        busy_count = sizes.members // 5
        quiet_count = 10
        rest = sizes.members - busy_count - quiet_count
        members_of: dict[uuid.UUID, list[uuid.UUID]] = {
            busy: await copy_members(connection, busy, busy_count, ZONES),
            quiet: await copy_members(connection, quiet, quiet_count, ZONES),
        }
        for n, organization in enumerate([partner, *others]):
            share = rest // (len(others) + 1) + (1 if n < rest % (len(others) + 1) else 0)
            members_of[organization] = await copy_members(connection, organization, share, ZONES)
        home = {m: o for o, ms in members_of.items() for m in ms}
        everyone = list(home)
        await connection.execute(
            "UPDATE members SET recovery_started_on = $1::date - (1 + abs(hashtext(id::text)) "
            "% 300), created_at = $2",
            today,
            year_ago,
        )
        await _copy(
            connection,
            "member_engagement",
            ["member_id", "due_at"],
            ((m, now + timedelta(days=1)) for m in everyone),
        )
        await _copy(
            connection,
            "milestone_schedule",
            ["member_id", "member_version", "due_at"],
            ((m, 1, now + timedelta(days=1)) for m in everyone),
        )
        await _copy(
            connection,
            "milestone_announcements",
            ["member_id", "period_started_on", "rung_key", "due_at", "announced_at"],
            (
                (m, today - timedelta(days=200), rung, year_ago, year_ago)
                for m in everyone
                for rung in RUNGS
            ),
        )
        timings["members"] = time.monotonic() - started

        # One in ten of the busy organization's members consents to the partner.
        started = time.monotonic()
        consenting = members_of[busy][::10]
        await _copy(
            connection,
            "consents",
            [
                "id",
                "member_id",
                "organization_id",
                "recipient_organization_id",
                "scopes",
                "purpose",
                "expires_on",
                "expires_at",
                "signature_method",
                "signed_at",
                "signed_by",
                "recorded_by",
                "recorded_by_key_id",
                "version",
                "created_at",
                "updated_at",
            ],
            (
                (
                    uuid.uuid4(),
                    m,
                    busy,
                    partner,
                    SCOPES,
                    "bench",
                    date(2099, 1, 1),
                    datetime(2099, 1, 2, tzinfo=UTC),
                    "electronic",
                    year_ago,
                    "member",
                    "bench",
                    uuid.uuid4(),
                    1,
                    year_ago,
                    year_ago,
                )
                for m in consenting
            ),
        )
        consented = set(consenting)

        # Networks: a focus member and four peers of the same organization; one in ten of the
        # busy organization's takes the partner in.
        network_rows, participant_rows, membership_rows = [], [], []
        organizations = list(members_of)
        weights = [len(members_of[o]) for o in organizations]
        for n in range(sizes.networks):
            organization = rng.choices(organizations, weights)[0]
            network = uuid.uuid4()
            people = rng.sample(members_of[organization], min(5, len(members_of[organization])))
            network_rows.append(
                (network, "circle", f"Circle {n}", people[0], organization, "active", 1, now, now)
            )
            participant_rows.append((network, organization, "active", year_ago, 1))
            if organization == busy and n % 10 == 0:
                participant_rows.append((network, partner, "active", year_ago, 1))
            for k, person in enumerate(people):
                membership_rows.append(
                    (
                        uuid.uuid4(),
                        network,
                        person,
                        organization,
                        "focus" if k == 0 else "peer_supporter",
                        "active",
                        organization,
                        year_ago,
                        1,
                        year_ago,
                        year_ago,
                    )
                )
        await _copy(
            connection,
            "networks",
            [
                "id",
                "kind",
                "name",
                "focus_member_id",
                "created_by_organization_id",
                "status",
                "version",
                "created_at",
                "updated_at",
            ],
            network_rows,
        )
        await _copy(
            connection,
            "network_organizations",
            ["network_id", "organization_id", "status", "joined_at", "version"],
            participant_rows,
        )
        await _copy(
            connection,
            "network_memberships",
            [
                "id",
                "network_id",
                "member_id",
                "member_organization_id",
                "role",
                "status",
                "added_by_organization_id",
                "joined_at",
                "version",
                "created_at",
                "updated_at",
            ],
            membership_rows,
        )
        timings["consents and networks"] = time.monotonic() - started

        # Pledges, daily, started 200 days ago; check-ins on 15 of those days.
        started = time.monotonic()
        pledges = [(uuid.uuid4(), m) for m in everyone for _ in range(sizes.pledges_per_member)]
        pledge_start = today - timedelta(days=200)
        await _copy(
            connection,
            "pledges",
            [
                "id",
                "member_id",
                "organization_id",
                "text",
                "cadence",
                "starts_on",
                "status",
                "version",
                "created_at",
                "updated_at",
            ],
            (
                (p, m, home[m], "Call someone", "daily", pledge_start, "active", 1, year_ago, now)
                for p, m in pledges
            ),
        )
        await _copy(
            connection,
            "pledge_sweep_schedule",
            ["pledge_id", "sweep_at"],
            ((p, now + timedelta(days=1)) for p, _ in pledges),
        )

        def check_ins() -> Iterator[tuple[object, ...]]:
            days = list(range(1, 200))
            for pledge, _ in pledges:
                for back in sorted(rng.sample(days, sizes.check_ins_per_pledge), reverse=True):
                    day = today - timedelta(days=back)
                    at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=20)
                    yield (uuid7(int(at.timestamp() * 1000)), pledge, day, "kept", at, False)

        await _copy(
            connection,
            "check_ins",
            ["id", "pledge_id", "period_start", "outcome", "recorded_at", "by_sweep"],
            check_ins(),
        )
        timings["pledges and check-ins"] = time.monotonic() - started

        # Events over the year, in order, a few hundred per transaction id; their audience.
        started = time.monotonic()
        transactions = max(2_000, sizes.events // 250)
        for _ in range(transactions // 1000):
            await connection.execute(
                "DO $$ BEGIN FOR i IN 1..1000 LOOP "
                "PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$"
            )
        horizon = int(
            await connection.fetchval("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
        )
        first_txid = horizon - transactions
        step = timedelta(days=365) / max(1, sizes.events)
        event_columns = [
            "position",
            "id",
            "type",
            "organization_id",
            "subject_type",
            "subject_id",
            "occurred_at",
            "data",
            "txid",
            "recorded_at",
        ]
        audience_columns = ["organization_id", "txid", "position", "type", "recorded_at"]

        def events() -> Iterator[tuple[object, ...]]:
            for n in range(sizes.events):
                member = everyone[rng.randrange(len(everyone))]
                kind = EVENT_TYPES[n % len(EVENT_TYPES)]
                at = year_ago + step * n
                yield (
                    n + 1,
                    uuid7(int(at.timestamp() * 1000)),
                    kind,
                    home[member],
                    "member",
                    member,
                    at,
                    f'{{"member_id": "{member}", "outcome": "kept", "period_start": '
                    f'"{at.date()}", "note": null}}',
                    first_txid + n * transactions // sizes.events,
                    at,
                )

        for chunk in _chunks(events(), 200_000):
            await _copy(connection, "outbox_events", event_columns, chunk)
            audience = [(e[3], e[8], e[0], e[2], e[9]) for e in chunk]
            audience += [(partner, e[8], e[0], e[2], e[9]) for e in chunk if e[5] in consented]
            await _copy(connection, "event_audience", audience_columns, audience)
        await connection.execute(
            "SELECT setval('outbox_events_positions', $1)", max(1, sizes.events)
        )
        timings["events and their audience"] = time.monotonic() - started

        started = time.monotonic()
        disclosure_step = timedelta(days=365) / max(1, sizes.disclosures)

        def disclosures() -> Iterator[tuple[object, ...]]:
            for n in range(sizes.disclosures):
                at = year_ago + disclosure_step * n
                member = consenting[rng.randrange(len(consenting))]
                yield (
                    uuid7(int(at.timestamp() * 1000)),
                    member,
                    busy,
                    partner,
                    [uuid.uuid4()],
                    ["profile"],
                    "getMember",
                    f"bench-{n}",
                    at,
                    at,
                )

        await _copy(
            connection,
            "disclosures",
            [
                "id",
                "member_id",
                "organization_id",
                "recipient_organization_id",
                "consent_ids",
                "scopes",
                "operation",
                "request_id",
                "disclosed_at",
                "recorded_at",
            ],
            disclosures(),
        )
        timings["disclosures"] = time.monotonic() - started

        last = await connection.fetchrow(
            "SELECT txid, position FROM outbox_events ORDER BY txid DESC, position DESC LIMIT 1"
        )
        await _copy(
            connection,
            "webhook_endpoints",
            [
                "id",
                "organization_id",
                "url",
                "event_types",
                "secret",
                "status",
                "version",
                "created_at",
                "updated_at",
                "key_scopes",
                "cursor_txid",
                "cursor_position",
                "next_attempt_at",
            ],
            (
                (
                    uuid.uuid4(),
                    organizations[n % len(organizations)],
                    # Nothing listens there: an attempt is refused at once.
                    "http://127.0.0.1:9/hook",
                    # Not what the webhook measurement writes (member.created): these stay
                    # idle, and nothing is sent to their (unreachable) addresses.
                    ["pledge.checked_in", "milestone.reached"],
                    "whsec_" + "A" * 32,
                    "active",
                    1,
                    now,
                    now,
                    ["members:read"],
                    last["txid"] if last else 1,
                    last["position"] if last else 0,
                    now,
                )
                for n in range(sizes.endpoints)
            ),
        )
        await connection.execute("SELECT set_config('session_replication_role', 'origin', false)")
        started = time.monotonic()
        await connection.execute("VACUUM ANALYZE")
        timings["vacuum analyze"] = time.monotonic() - started
        await connection.execute(
            "CREATE TABLE bench_year (seeded jsonb NOT NULL, sizes jsonb NOT NULL)"
        )
        await connection.execute(
            "INSERT INTO bench_year VALUES ($1::jsonb, $2::jsonb)",
            json.dumps({k: str(v) for k, v in vars(seeded).items()}),
            json.dumps(vars(sizes)),
        )
    finally:
        await connection.close()
    for what, seconds in timings.items():
        print(f"seeded {what}: {seconds:.0f} s")
    return seeded


async def load_seeded(dsn: str) -> tuple[Seeded, Sizes]:
    connection = await asyncpg.connect(dsn)
    try:
        row = await connection.fetchrow("SELECT seeded::text, sizes::text FROM bench_year")
    finally:
        await connection.close()
    assert row is not None
    seeded = json.loads(row[0])
    for key in ("busy", "partner", "quiet"):
        seeded[key] = uuid.UUID(seeded[key])
    return Seeded(**seeded), Sizes(**json.loads(row[1]))


# --- Reads -----------------------------------------------------------------------------------


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * len(ordered)) - 1)]
    return statistics.median(ordered), p99


async def _sample(connection: asyncpg.Connection, sql: str, *args: object) -> list[str]:
    return [str(r[0]) for r in await connection.fetch(sql, *args)]


async def measure_reads(
    dsn: str, url: str, seeded: Seeded, rounds: int
) -> dict[str, tuple[float, float]]:
    connection = await asyncpg.connect(dsn)
    try:
        # Random picks, spread over the whole table (not its first pages).
        members = await _sample(
            connection,
            "SELECT id FROM members WHERE organization_id = $1 ORDER BY random() LIMIT $2",
            seeded.busy,
            rounds * 4,
        )
        consenting = await _sample(
            connection,
            "SELECT member_id FROM consents "
            "WHERE recipient_organization_id = $1 ORDER BY random() LIMIT $2",
            seeded.partner,
            rounds * 4,
        )
        networks = await _sample(
            connection,
            "SELECT id FROM networks "
            "WHERE created_by_organization_id = $1 ORDER BY random() LIMIT $2",
            seeded.busy,
            rounds * 4,
        )
        busy_events = await connection.fetchval(
            "SELECT count(*) FROM event_audience WHERE organization_id = $1", seeded.busy
        )
        middle = await connection.fetchrow(
            "SELECT txid::text::bigint AS txid, position FROM event_audience "
            "WHERE organization_id = $1 ORDER BY txid, position OFFSET $2 LIMIT 1",
            seeded.busy,
            busy_events // 2,
        )
    finally:
        await connection.close()
    rng = random.Random(1)
    assert middle is not None
    deep = encode_cursor(uuid.UUID(int=(middle["txid"] << 64) | middle["position"]))
    reads: dict[str, tuple[str, Any]] = {
        "GET member, home": (seeded.busy_token, lambda: f"/v1/members/{rng.choice(members)}"),
        "GET member, consented": (
            seeded.partner_token,
            lambda: f"/v1/members/{rng.choice(consenting)}",
        ),
        "members page (50, at a random member)": (
            seeded.busy_token,
            lambda: f"/v1/members?limit=50&cursor={encode_cursor(uuid.UUID(rng.choice(members)))}",
        ),
        "a network's memberships": (
            seeded.busy_token,
            lambda: f"/v1/networks/{rng.choice(networks)}/memberships",
        ),
        "events feed, first page (100)": (seeded.busy_token, lambda: "/v1/events?limit=100"),
        "events feed, deep cursor (100)": (
            seeded.busy_token,
            lambda: f"/v1/events?limit=100&cursor={deep}",
        ),
        "events feed, quiet organization, first page": (
            seeded.quiet_token,
            lambda: "/v1/events?limit=100",
        ),
        "a member's disclosures (50)": (
            seeded.busy_token,
            lambda: f"/v1/members/{rng.choice(consenting)}/disclosures?limit=50",
        ),
        "a member's pledges with check-ins": (
            seeded.busy_token,
            lambda: f"/v1/members/{rng.choice(members)}/pledges",
        ),
        "a member's milestones": (
            seeded.busy_token,
            lambda: f"/v1/members/{rng.choice(members)}/milestones",
        ),
    }
    figures: dict[str, tuple[float, float]] = {}
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        for name, (token, path) in reads.items():
            headers = {"Authorization": f"Bearer {token}"}
            samples = []
            for n in range(rounds + 20):
                started = time.perf_counter()
                answer = await client.get(path(), headers=headers)
                elapsed = (time.perf_counter() - started) * 1000
                assert answer.status_code == 200, (name, answer.status_code, answer.text[:300])
                if n >= 20:  # the first few warm the connection and the statement caches
                    samples.append(elapsed)
            figures[name] = _percentiles(samples)
    return figures


# --- Sweeps ----------------------------------------------------------------------------------


def _cpu_of() -> float:
    """This process's CPU seconds and those of the database's client backends (not
    autovacuum's, nor the server's own background processes)."""
    total = 0.0
    mine = psutil.Process().cpu_times()
    total += mine.user + mine.system
    for process in psutil.process_iter(["name", "cmdline"]):
        command = " ".join(process.info["cmdline"] or [])
        if (process.info["name"] or "").startswith("postgres") and "[local]" in command:
            try:
                times = process.cpu_times()
            except psutil.Error:
                continue
            total += times.user + times.system
    return float(total)


async def _pass_cpu(work: Any) -> tuple[float, int]:
    """CPU of one pass (repeated until it finds nothing, as repeat_forever runs it)."""
    before = _cpu_of()
    done = 0
    while True:
        found = await work()
        done += int(found)
        if not found:
            break
    return _cpu_of() - before, done


async def measure_sweeps(dsn: str, due: int) -> tuple[dict[str, float], dict[str, float]]:
    pool = await open_pool(dsn, min_size=1, max_size=1)
    clock, ids = SystemClock(), UuidV7Source()

    def unit_of_work() -> PostgresUnitOfWork:
        return PostgresUnitOfWork(pool, clock, ids)

    sender = HttpWebhookSender(
        timeout_seconds=10,
        allowed_networks=parse_networks(""),
        resolver=SystemResolver(),
        clock=clock,
    )
    deliveries = Deliveries(
        queue=PostgresDeliveryQueue(pool),
        sender=sender,
        clock=clock,
        ids=ids,
        policy=DeliveryPolicy(poll=timedelta(seconds=1), schedule=RETRY_SCHEDULE),
        jitter=random.random,
    )
    # (name, one pass, default interval in seconds)
    sweeps: list[tuple[str, Any, float]] = [
        ("milestones", lambda: announce_due_milestones(unit_of_work()), 60),
        ("missed pledges", lambda: sweep_missed(unit_of_work(), timedelta(hours=24)), 60),
        ("consents", lambda: announce_expired_consents(unit_of_work()), 60),
        ("referrals", lambda: expire_overdue_referrals(unit_of_work()), 60),
        ("reach-outs (escalate)", lambda: escalate_due_reach_outs(unit_of_work()), 15),
        ("reach-outs (expire)", lambda: expire_reach_outs(unit_of_work()), 15),
        ("disengagement", lambda: evaluate_due_members(unit_of_work()), 60),
        # Settings.webhook_concurrency (4) dispatchers share one look a second while idle
        # (service/dispatching.py).
        ("webhook fan-out (4 dispatchers, one look)", lambda: dispatch_once(deliveries), 1),
    ]
    idle: dict[str, float] = {}
    per_item: dict[str, float] = {}
    await _forget_pending(dsn)  # nothing to announce
    try:
        for name, work, interval in sweeps:
            samples = []
            for _ in range(5):
                await pool.execute("UPDATE webhook_endpoints SET next_attempt_at = now()")
                seconds, _ = await _pass_cpu(work)
                samples.append(seconds)
            idle[name] = statistics.median(samples) * 60 / interval
        # Bounded work per announced item: `due` members reach a milestone, `due` pledges
        # missed yesterday.
        await pool.execute(
            "UPDATE members SET recovery_started_on = current_date - 7 WHERE id IN "
            "(SELECT member_id FROM milestone_schedule LIMIT $1)",
            due,
        )
        await pool.execute(
            "UPDATE milestone_schedule s SET due_at = now() - interval '1 hour', member_version = "
            "m.version FROM members m WHERE m.id = s.member_id "
            "AND m.recovery_started_on = current_date - 7"
        )
        last = await pool.fetchval("SELECT max(position) FROM outbox_events")
        seconds, _ = await _pass_cpu(lambda: announce_due_milestones(unit_of_work()))
        announced = await pool.fetchval(
            "SELECT count(*) FROM outbox_events WHERE type = 'milestone.reached' AND position > $1",
            last,
        )
        per_item["milestones: per member passing a rung"] = seconds / max(1, announced)
        await pool.execute(
            "UPDATE pledge_sweep_schedule SET sweep_at = '-infinity' WHERE pledge_id IN "
            "(SELECT pledge_id FROM pledge_sweep_schedule LIMIT $1)",
            due,
        )
        before = await pool.fetchval("SELECT count(*) FROM check_ins WHERE by_sweep")
        seconds, _ = await _pass_cpu(lambda: sweep_missed(unit_of_work(), timedelta(hours=24)))
        recorded = await pool.fetchval("SELECT count(*) FROM check_ins WHERE by_sweep") - before
        per_item["missed pledges: per period recorded"] = seconds / max(1, recorded)
    finally:
        await sender.close()
        await pool.close()
    return idle, per_item


# --- Webhook throughput ------------------------------------------------------------------------


def _receivers(count: int, results: Any, stop: Any) -> None:
    """`count` webhook receivers in one process, each on a port the system picks (reported
    first on `results`): each answers 204 at once and notes the lag from the event's
    occurred_at to its arrival."""

    async def main() -> None:
        lags: list[float] = []

        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while True:
                    head = await reader.readuntil(b"\r\n\r\n")
                    length = 0
                    for line in head.split(b"\r\n"):
                        if line.lower().startswith(b"content-length:"):
                            length = int(line.split(b":", 1)[1])
                    body = await reader.readexactly(length)
                    occurred = json.loads(body)["occurred_at"]
                    sent = datetime.fromisoformat(occurred.replace("Z", "+00:00"))
                    lags.append((datetime.now(UTC) - sent).total_seconds())
                    writer.write(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
                    await writer.drain()
            except (asyncio.IncompleteReadError, ConnectionError):
                writer.close()

        servers = [await asyncio.start_server(serve, "127.0.0.1", 0) for _ in range(count)]
        results.put([server.sockets[0].getsockname()[1] for server in servers])
        await asyncio.to_thread(stop.wait)
        for server in servers:
            server.close()
        results.put(lags)

    asyncio.run(main())


async def _write_load(url: str, token: str, rate: float, seconds: float) -> int:
    headers = {"Authorization": f"Bearer {token}"}
    sent = 0
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        started = time.monotonic()
        while (elapsed := time.monotonic() - started) < seconds:
            if sent < elapsed * rate:
                answer = await client.post(
                    "/v1/members",
                    json={"display_name": f"Load {sent}", "timezone": "UTC"},
                    headers=headers,
                )
                assert answer.status_code == 201, answer.text
                sent += 1
            else:
                await asyncio.sleep(0.005)
    return sent


def measure_webhooks(
    dsn: str, seeded: Seeded, receivers: int, rate: float, seconds: float
) -> dict[str, float]:
    asyncio.run(_forget_pending(dsn))  # what the sweeps' measurement queued is not this one's
    context = multiprocessing.get_context("spawn")
    results, stop = context.Queue(), context.Event()
    process = context.Process(target=_receivers, args=(receivers, results, stop))
    process.start()
    ports: list[int] = results.get(timeout=60)
    with service_process(
        dsn,
        webhook_allowed_networks="127.0.0.0/8",
        rate_limit_quota="1000000000",
    ) as service:
        endpoints: list[str] = []
        with httpx.Client(base_url=service.url, timeout=30) as client:
            for port in ports:
                answer = client.post(
                    "/v1/webhook-endpoints",
                    json={
                        "url": f"http://127.0.0.1:{port}/hook",
                        "event_types": ["member.created"],
                    },
                    headers={"Authorization": f"Bearer {seeded.busy_token}"},
                )
                assert answer.status_code == 201, answer.text
                endpoints.append(answer.json()["endpoint"]["id"])
        written = asyncio.run(_write_load(service.url, seeded.busy_token, rate, seconds))
        # Let the last ones arrive, up to the window's length again.
        expected = written * receivers
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            done = asyncio.run(_delivered(dsn, endpoints))
            if done >= expected:
                break
            time.sleep(0.5)
        drained_after = seconds + (seconds - max(0.0, deadline - time.monotonic()))
        stop.set()
        lags = results.get(timeout=30)
    process.join(timeout=10)
    p50, p99 = _percentiles(lags) if lags else (float("nan"), float("nan"))
    return {
        "events written": written,
        "deliveries expected": expected,
        "deliveries arrived": len(lags),
        "deliveries per second (arrived / time to drain)": len(lags) / drained_after,
        "lag p50 s": p50,
        "lag p99 s": p99,
    }


async def _forget_pending(dsn: str) -> None:
    """What an earlier measurement (or run) left for the endpoints is written off: no pending
    delivery, every endpoint has looked at every event so far, and the seeded endpoints point
    at a local port that refuses at once (their example.org names would wait on a resolver)."""
    connection = await asyncpg.connect(dsn)
    try:
        await connection.execute(
            "UPDATE webhook_deliveries SET status = 'failed' WHERE status = 'pending'"
        )
        await connection.execute(
            "UPDATE webhook_endpoints SET cursor_txid = pg_snapshot_xmin(pg_current_snapshot()), "
            "cursor_position = 0"
        )
        await connection.execute(
            "UPDATE webhook_endpoints SET url = 'http://127.0.0.1:9/hook' "
            "WHERE url LIKE 'https://hooks.example.org/%'"
        )
        # An earlier webhook measurement's receivers are gone (their ports may be anyone's).
        await connection.execute(
            "UPDATE webhook_endpoints SET status = 'disabled', disabled_at = now(), "
            "disabled_reason = 'An earlier bench run''s receiver.' "
            "WHERE url LIKE 'http://127.0.0.1:%/hook' AND url <> 'http://127.0.0.1:9/hook'"
        )
    finally:
        await connection.close()


async def _delivered(dsn: str, endpoints: list[str]) -> int:
    """Deliveries made to this measurement's endpoints (an earlier run's, delivered in the
    same hour, once counted too and ended the wait at once)."""
    connection = await asyncpg.connect(dsn)
    try:
        value: int = await connection.fetchval(
            "SELECT count(*) FROM webhook_deliveries WHERE status = 'delivered' "
            "AND endpoint_id = ANY($1::uuid[])",
            endpoints,
        )
        return value
    finally:
        await connection.close()


# --- Sizes -----------------------------------------------------------------------------------


async def measure_sizes(dsn: str) -> dict[str, float]:
    connection = await asyncpg.connect(dsn)
    try:

        async def size(*tables: str) -> int:
            total = 0
            for table in tables:
                total += await connection.fetchval(
                    "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                    "WHERE c.oid = $1::regclass OR c.oid IN "
                    "(SELECT inhrelid FROM pg_inherits WHERE inhparent = $1::regclass)",
                    table,
                )
            return total

        members = await connection.fetchval("SELECT count(*) FROM members")
        events = await connection.fetchval("SELECT count(*) FROM outbox_events")
        database = await connection.fetchval("SELECT pg_database_size(current_database())")
        per_member_tables = (
            "members",
            "member_engagement",
            "milestone_schedule",
            "milestone_announcements",
            "pledges",
            "pledge_sweep_schedule",
            "check_ins",
            "network_memberships",
            "consents",
        )
        return {
            "database, bytes": database,
            "a member and their records (no events, no disclosures), bytes per member": await size(
                *per_member_tables
            )
            / max(1, members),
            "an event with its audience, bytes per event": await size(
                "outbox_events", "event_audience"
            )
            / max(1, events),
            "a disclosure record, bytes": await size("disclosures")
            / max(1, await connection.fetchval("SELECT count(*) FROM disclosures")),
            "whole database, bytes per member": database / max(1, members),
        }
    finally:
        await connection.close()


# --- Running -----------------------------------------------------------------------------------


def run(dsn: str, args: argparse.Namespace, seeded: Seeded, sizes: Sizes) -> None:
    parts = set(args.parts.split(","))
    print(f"sizes: {sizes}")
    if "reads" in parts:
        with service_process(dsn, rate_limit_quota="1000000000") as service:
            reads = asyncio.run(measure_reads(dsn, service.url, seeded, args.rounds))
        print(f"\nreads, {args.rounds} sequential requests each (ms):")
        for name, (p50, p99) in reads.items():
            print(f"  {name:48} p50 {p50:7.2f}  p99 {p99:7.2f}")
        quiet = reads["events feed, quiet organization, first page"][0]
        busy = reads["events feed, first page (100)"][0]
        print(f"  quiet feed / busy feed (p50): {quiet / busy:.2f}x")
    if "sweeps" in parts:
        idle, per_item = asyncio.run(measure_sweeps(dsn, args.due))
        print("\nsweeps with nothing to announce, CPU seconds per minute at the defaults:")
        for name, value in idle.items():
            print(f"  {name:44} {value:8.3f}")
        together = sum(idle.values())
        print(f"  {'all together':44} {together:8.3f}  ({together / 60:.1%} of one core)")
        print(f"\nper item announced ({args.due} made due), CPU ms:")
        for name, value in per_item.items():
            print(f"  {name:48} {value * 1000:7.2f}")
    if "webhooks" in parts:
        hooks = measure_webhooks(dsn, seeded, args.receivers, args.write_rate, args.seconds)
        print(
            f"\nwebhooks, {args.receivers} receivers, {args.write_rate}/s written for "
            f"{args.seconds} s:"
        )
        for name, value in hooks.items():
            print(f"  {name:48} {value:10.2f}")
    if "sizes" in parts:
        sizes_found = asyncio.run(measure_sizes(dsn))
        print("\nsize:")
        for name, value in sizes_found.items():
            print(f"  {name:72} {value:14,.0f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--due", type=int, default=1000)
    parser.add_argument("--receivers", type=int, default=100)
    parser.add_argument("--write-rate", type=float, default=5)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--seed-only", action="store_true", help="seed, keep, measure nothing")
    parser.add_argument(
        "--parts",
        default="reads,sweeps,webhooks,sizes",
        help="what to measure, comma-separated: reads, sweeps, webhooks, sizes",
    )
    parser.add_argument("--reuse", default="", help="measure this database again, unseeded")
    args = parser.parse_args()
    if args.reuse:
        seeded, sizes = asyncio.run(load_seeded(args.reuse))
        run(args.reuse, args, seeded, sizes)
        return 0
    with fresh_database(keep=args.keep or args.seed_only) as dsn:
        if args.keep or args.seed_only:
            print(f"keeping the database: {dsn}")
        sizes = Sizes.at(args.scale)
        seeded = asyncio.run(seed(dsn, sizes))
        if not args.seed_only:
            run(dsn, args, seeded, sizes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
