"""Settings: one frozen Struct, built once by the composition root from the environment."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import msgspec


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    # None: start the embedded PostgreSQL in data_dir instead.
    database_url: str | None = None
    # Where migrations run, when DATABASE_URL goes through a transaction-pooling PgBouncer
    # (migrations hold a session of their own); None: DATABASE_URL.
    migration_database_url: str | None = None
    data_dir: str = ".data"
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    pool_min_size: int = 4
    pool_max_size: int = 16
    # Prepared statements each connection keeps (asyncpg's cache). 0 behind a PgBouncer in
    # transaction mode older than 1.21, which cannot follow named prepared statements from one
    # server connection to the next (docs/scaling.md).
    statement_cache_size: int = 100
    # Whether the pool of statements that answer several reads at once asks PostgreSQL, at
    # connect, to keep one plan per statement (the startup parameter plan_cache_mode). False
    # behind a PgBouncer, which refuses startup parameters it does not know: set it there in
    # the database entry's connect_query instead, or those statements are planned each time.
    point_read_plan_setting: bool = True
    # How long a worker trusts a key it has looked up: revocation takes effect within this time.
    key_cache_ttl_seconds: float = 30.0
    key_cache_max_entries: int = 10_000
    max_body_bytes: int = 64 * 1024
    # What one client can make a worker hold: the request line and headers are capped in size
    # (431) and in time (408; a connection that sends nothing is closed after this long), an
    # idle keep-alive connection is closed after keep_alive_timeout_seconds, and a worker keeps
    # at most max_connections open.
    max_header_bytes: int = 32 * 1024
    header_timeout_seconds: float = 5.0
    keep_alive_timeout_seconds: float = 5.0
    max_connections: int = 1000
    idempotency_ttl_seconds: int = 24 * 3600
    # A request that holds an Idempotency-Key must answer within this long (past it: 503
    # busy, and the key is given up with its transaction); a key whose request died with its
    # process is free as soon as PostgreSQL ends that connection.
    idempotent_request_deadline_seconds: float = 15.0
    # How disclosure records (written by the same statement as each cross-organization read)
    # are committed. "sync" (the default): the data leaves only once its record is on disk.
    # "async" is an explicit opt-out: the read returns once the record is in PostgreSQL's WAL
    # buffer, and a crash of the database server (never of this service) can lose the last
    # ~0.6 s of records of data already sent (see bench/README.md for what each costs).
    disclosure_commit: Literal["async", "sync"] = "sync"
    # A late check-in is accepted up to this long after its period ends.
    pledge_grace_hours: float = 24.0
    # How often each worker looks for pledge periods that ended unchecked (pledge.missed).
    pledge_sweep_seconds: float = 60.0
    # How often each worker looks for milestones that fell due, to announce milestone.reached.
    milestone_sweep_seconds: float = 60.0
    # How often each worker looks for consents whose expiry passed, to announce consent.expired.
    consent_sweep_seconds: float = 60.0
    # An unanswered referral expires after this long (FHIR Task `expired`).
    referral_answer_hours: float = 14 * 24.0
    # How often each worker looks for referrals nobody answered in time.
    referral_sweep_seconds: float = 60.0
    # How often each worker looks for reach-outs to escalate or to expire: an escalation is
    # announced at most this long after its window ran out.
    reach_out_sweep_seconds: float = 15.0
    # How often each worker looks for members whose local day has ended, to evaluate them.
    engagement_sweep_seconds: float = 60.0
    # How often a worker makes the logs' monthly slices ahead of time and drops those past
    # their retention (service.domain.retention); one worker at a time, by a lease.
    partition_sweep_seconds: float = 3600.0
    # Networks (comma-separated CIDRs) webhooks may reach although they are not public, e.g.
    # "127.0.0.0/8,::1/128" for a receiver on this machine. Empty: public addresses only.
    webhook_allowed_networks: str = ""
    # A receiver that has not answered within this long counts as a failed attempt.
    webhook_timeout_seconds: float = 10.0
    # How often an idle endpoint is looked at for new events.
    webhook_poll_seconds: float = 1.0
    # Endpoints served at once by each worker.
    webhook_concurrency: int = 4
    # After a rotation, the old secret keeps signing this long.
    webhook_secret_overlap_hours: float = 24.0
    # Waits before each attempt, in seconds, comma-separated; empty: the standard schedule
    # (0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h). Shorter ones are for tests.
    webhook_retry_schedule: str = ""
    # Requests each API key may make per window (fixed windows aligned on the clock); 0: no
    # limit. Workers share the count through PostgreSQL, synced this often.
    rate_limit_quota: int = 6000
    rate_limit_window_seconds: int = 60
    rate_limit_sync_seconds: float = 1.0
    # Empty: /metrics is open (the service listens on loopback by default); otherwise a scrape
    # must send `Authorization: Bearer <metrics_token>`.
    metrics_token: str = ""
    # How often each worker adds its counts to the shared metrics.
    metrics_flush_seconds: float = 5.0
    log_level: str = "INFO"
    # "auto": short readable lines at a terminal, one JSON object per line otherwise.
    log_format: Literal["auto", "json", "text"] = "auto"
    access_log: bool = True

    def __post_init__(self) -> None:
        positive = (
            "rate_limit_window_seconds",
            "rate_limit_sync_seconds",
            "metrics_flush_seconds",
            "webhook_poll_seconds",
            "webhook_timeout_seconds",
            "max_header_bytes",
            "header_timeout_seconds",
            "keep_alive_timeout_seconds",
            "max_connections",
            "idempotent_request_deadline_seconds",
        )
        for name in positive:
            if getattr(self, name) <= 0:
                raise ValueError(f"SN_{name.upper()} must be greater than 0.")

    @property
    def pg_data_dir(self) -> Path:
        return Path(self.data_dir) / "pg"

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        """Read SN_* variables (and the conventional DATABASE_URL); unset ones keep defaults."""
        raw: dict[str, object] = {}
        if environ.get("DATABASE_URL"):
            raw["database_url"] = environ["DATABASE_URL"]
        for field in cls.__struct_fields__:
            name = "SN_" + field.upper()
            if name in environ:
                raw[field] = environ[name]
        return msgspec.convert(raw, cls, strict=False)
