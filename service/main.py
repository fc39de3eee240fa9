"""Composition root: the one place that turns Settings into a running application."""

from __future__ import annotations

import asyncio
import logging
import os
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import timedelta

from litestar import Litestar

from service.adapters.http.app import create_app
from service.adapters.http.auth import KeyCache
from service.adapters.http.options import with_exact_options
from service.adapters.http.rate_limit import RateLimiter
from service.adapters.http.request_context import ASGIApp, with_request_context
from service.adapters.http.services import Services
from service.adapters.logs import configure_logging, stacks_on_signal
from service.adapters.metrics import Metrics
from service.adapters.postgres.commits import COMMITS_IN_FLIGHT, LARGEST_COMMIT, Commits
from service.adapters.postgres.conversation_queries import PostgresConversationQueries
from service.adapters.postgres.database import start_embedded_postgres
from service.adapters.postgres.deliveries import PostgresDeliveryQueue
from service.adapters.postgres.events import PostgresEventFeed
from service.adapters.postgres.federation_queries import (
    POINT_READ_CONNECTIONS,
    PostgresFederationQueries,
)
from service.adapters.postgres.idempotency import PostgresIdempotencyStore
from service.adapters.postgres.incidents import PostgresIncidentQueries
from service.adapters.postgres.meetings import PostgresMeetingQueries
from service.adapters.postgres.members import PostgresMemberQueries
from service.adapters.postgres.metrics import PostgresMetrics
from service.adapters.postgres.organizations import PostgresApiKeyQueries
from service.adapters.postgres.partitions import PostgresPartitions
from service.adapters.postgres.pool import database_unreachable, open_pool
from service.adapters.postgres.rate_limits import PostgresRateLimitCounts
from service.adapters.postgres.reach_outs import PostgresReachOutQueries
from service.adapters.postgres.referrals import PostgresReferralQueries
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.postgres.webhooks import PostgresWebhookQueries
from service.adapters.system import SecretTokenSource, SystemClock, UuidV7Source
from service.adapters.webhooks import HttpWebhookSender, SystemResolver, WebhookSecretGenerator
from service.config import Settings
from service.dispatching import DispatcherPace, dispatch_in_turn
from service.domain.members import known_timezones
from service.domain.rate_limits import RateLimitPolicy
from service.domain.webhooks import RETRY_SCHEDULE, parse_networks
from service.usecases.consents import announce_expired_consents
from service.usecases.deliveries import Deliveries, DeliveryPolicy, dispatch_once
from service.usecases.engagement import evaluate_due_members
from service.usecases.milestones import announce_due_milestones
from service.usecases.pledge_sweep import sweep_missed
from service.usecases.reach_outs import escalate_due_reach_outs, expire_reach_outs
from service.usecases.referral_transitions import expire_overdue_referrals

logger = logging.getLogger(__name__)


def resolve_dsn(settings: Settings) -> str:
    """DATABASE_URL if set; otherwise the embedded PostgreSQL in the data directory."""
    if settings.database_url:
        return settings.database_url
    return start_embedded_postgres(settings.pg_data_dir)


async def repeat_forever(
    work: Callable[[], Awaitable[int]], every_seconds: float, what: str
) -> None:
    """Run `work` until it finds nothing to do, then wait; survive its failures."""
    while True:
        try:
            while await work() > 0:
                pass
        except Exception:
            logger.exception("%s failed; will retry", what)
        await asyncio.sleep(every_seconds)


def retry_schedule(spec: str) -> tuple[timedelta, ...]:
    """Settings.webhook_retry_schedule: seconds, comma-separated; empty for the standard one."""
    if not spec.strip():
        return RETRY_SCHEDULE
    return tuple(timedelta(seconds=float(part)) for part in spec.split(","))


async def keep_slices(partitions: PostgresPartitions) -> int:
    """One pass over the logs' monthly slices (made ahead, dropped past retention); then
    wait for the next."""
    await partitions.maintain()
    return 0


async def flush_metrics(metrics: Metrics, store: PostgresMetrics) -> int:
    """Add this worker's counts to the shared totals."""
    rows = metrics.take()
    try:
        # Shielded: cancelled at shutdown, the statement still completes, and its counts are
        # not given back to be added a second time by the last flush.
        await asyncio.shield(store.add(rows))
    except Exception:
        metrics.give_back(rows)
        raise
    return 0


def litestar_app(settings: Settings, dsn: str, metrics: Metrics | None = None) -> Litestar:
    known_timezones()  # load the zone database now, not inside the first request
    counted = metrics or Metrics()

    @asynccontextmanager
    async def services() -> AsyncIterator[Services]:
        pool = await open_pool(
            dsn,
            min_size=settings.pool_min_size,
            max_size=settings.pool_max_size,
            statement_cache_size=settings.statement_cache_size,
        )
        # Cross-organization reads get their own pool: their only writes are disclosure records,
        # committed as Settings.disclosure_commit says; every other write stays synchronous.
        reads = await open_pool(
            dsn,
            min_size=settings.pool_min_size,
            max_size=settings.pool_max_size,
            synchronous_commit=settings.disclosure_commit != "async",
            statement_cache_size=settings.statement_cache_size,
        )
        # The statements that answer several cross-organization reads at once (PointReads):
        # a few connections, committed as `reads`, each keeping one plan per statement.
        try:
            batches = await open_pool(
                dsn,
                min_size=1,
                max_size=POINT_READ_CONNECTIONS,
                synchronous_commit=settings.disclosure_commit != "async",
                statement_cache_size=settings.statement_cache_size,
                generic_plans=settings.point_read_plan_setting,
            )
        except BaseException:
            await reads.close()
            await pool.close()
            raise
        clock = SystemClock()
        idempotency = PostgresIdempotencyStore(pool)
        ids = UuidV7Source()
        idempotency_ttl = timedelta(seconds=settings.idempotency_ttl_seconds)

        # Creations that only write, committed together when several arrive at once.
        commits = Commits(in_flight=COMMITS_IN_FLIGHT, largest=LARGEST_COMMIT)

        def unit_of_work() -> PostgresUnitOfWork:
            return PostgresUnitOfWork(
                pool, clock, ids, idempotency_ttl=idempotency_ttl, commits=commits
            )

        webhook_networks = parse_networks(settings.webhook_allowed_networks)
        resolver = SystemResolver()
        sender = HttpWebhookSender(
            timeout_seconds=settings.webhook_timeout_seconds,
            allowed_networks=webhook_networks,
            resolver=resolver,
            clock=clock,
            metrics=counted,
        )
        deliveries = Deliveries(
            queue=PostgresDeliveryQueue(pool),
            sender=sender,
            clock=clock,
            ids=ids,
            policy=DeliveryPolicy(
                poll=timedelta(seconds=settings.webhook_poll_seconds),
                schedule=retry_schedule(settings.webhook_retry_schedule),
            ),
            jitter=random.random,
        )
        metrics_store = PostgresMetrics(pool)
        partitions = PostgresPartitions(pool)
        rate_limiter = RateLimiter(
            RateLimitPolicy(
                quota=settings.rate_limit_quota, window_seconds=settings.rate_limit_window_seconds
            ),
            PostgresRateLimitCounts(pool),
        )
        # The dispatchers share one idle look per poll interval (service/dispatching.py).
        pace = DispatcherPace(settings.webhook_poll_seconds)
        background = [
            asyncio.create_task(
                repeat_forever(
                    lambda: flush_metrics(counted, metrics_store),
                    settings.metrics_flush_seconds,
                    "flushing metrics",
                )
            ),
            asyncio.create_task(
                repeat_forever(
                    rate_limiter.sync, settings.rate_limit_sync_seconds, "syncing rate limits"
                )
            ),
            asyncio.create_task(
                repeat_forever(rate_limiter.forget_old_windows, 600, "forgetting old rate limits")
            ),
            *(
                asyncio.create_task(dispatch_in_turn(pace, lambda: dispatch_once(deliveries)))
                for _ in range(settings.webhook_concurrency)
            ),
            # Expired Idempotency-Keys, in small batches.
            asyncio.create_task(
                repeat_forever(
                    lambda: idempotency.purge_expired(clock.now()),
                    600,
                    "purging expired idempotency keys",
                )
            ),
            asyncio.create_task(
                repeat_forever(
                    lambda: announce_due_milestones(unit_of_work()),
                    settings.milestone_sweep_seconds,
                    "announcing milestones",
                )
            ),
            asyncio.create_task(
                repeat_forever(
                    lambda: sweep_missed(
                        unit_of_work(), timedelta(hours=settings.pledge_grace_hours)
                    ),
                    settings.pledge_sweep_seconds,
                    "recording missed pledge periods",
                )
            ),
            asyncio.create_task(
                repeat_forever(
                    lambda: expire_overdue_referrals(unit_of_work()),
                    settings.referral_sweep_seconds,
                    "expiring unanswered referrals",
                )
            ),
            asyncio.create_task(
                repeat_forever(
                    lambda: escalate_due_reach_outs(unit_of_work()),
                    settings.reach_out_sweep_seconds,
                    "escalating unanswered reach-outs",
                )
            ),
            asyncio.create_task(
                repeat_forever(
                    lambda: expire_reach_outs(unit_of_work()),
                    settings.reach_out_sweep_seconds,
                    "expiring reach-outs",
                )
            ),
            asyncio.create_task(
                repeat_forever(
                    lambda: evaluate_due_members(unit_of_work()),
                    settings.engagement_sweep_seconds,
                    "evaluating members whose day has ended",
                )
            ),
            # At start too: a service down for longer than the slices made ahead makes the
            # missing ones in its first moments.
            asyncio.create_task(
                repeat_forever(
                    lambda: keep_slices(partitions),
                    settings.partition_sweep_seconds,
                    "keeping the logs' monthly slices",
                )
            ),
            asyncio.create_task(
                repeat_forever(
                    lambda: announce_expired_consents(unit_of_work()),
                    settings.consent_sweep_seconds,
                    "announcing expired consents",
                )
            ),
        ]
        try:
            api_keys = PostgresApiKeyQueries(pool)
            with stacks_on_signal():
                yield Services(
                    settings=settings,
                    unit_of_work=unit_of_work,
                    database_ready=pool.ping,
                    clock=clock,
                    tokens=SecretTokenSource(),
                    key_cache=KeyCache(
                        api_keys,
                        ttl=settings.key_cache_ttl_seconds,
                        max_entries=settings.key_cache_max_entries,
                    ),
                    idempotency=idempotency,
                    members=PostgresMemberQueries(pool),
                    api_keys=api_keys,
                    federation=PostgresFederationQueries(reads, batches=batches),
                    conversation=PostgresConversationQueries(reads),
                    events=PostgresEventFeed(reads),
                    referrals=PostgresReferralQueries(pool),
                    reach_outs=PostgresReachOutQueries(reads),
                    meetings=PostgresMeetingQueries(reads),
                    webhooks=PostgresWebhookQueries(pool),
                    incidents=PostgresIncidentQueries(pool),
                    webhook_secrets=WebhookSecretGenerator(),
                    resolver=resolver,
                    webhook_networks=webhook_networks,
                    rate_limiter=rate_limiter,
                    metrics_store=metrics_store,
                )
        finally:
            for task in background:
                task.cancel()
            await asyncio.gather(*background, return_exceptions=True)
            try:
                await flush_metrics(counted, metrics_store)
                await rate_limiter.sync()
            except Exception:
                logger.warning("could not flush the last metrics and rate-limit counts")
            await sender.close()
            await batches.close()
            await reads.close()
            await pool.close()

    return create_app(settings, services, database_unreachable)


def asgi_app(settings: Settings, dsn: str) -> ASGIApp:
    metrics = Metrics()
    app = litestar_app(settings, dsn, metrics)
    return with_request_context(
        app,
        access_log=settings.access_log,
        answer_options=with_exact_options(app, app),
        metrics=metrics,
    )


def asgi_app_from_env() -> ASGIApp:
    """Factory for uvicorn worker processes: the parent has resolved and migrated the database
    and passed its DSN down in DATABASE_URL."""
    settings = Settings.from_env(os.environ)
    configure_logging(settings.log_level, settings.log_format)
    assert settings.database_url, "the serve command sets DATABASE_URL for its workers"
    return asgi_app(settings, settings.database_url)
