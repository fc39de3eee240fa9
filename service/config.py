"""Settings: one frozen Struct, built once by the composition root from the environment."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import msgspec


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    # None: start the embedded PostgreSQL in data_dir instead.
    database_url: str | None = None
    data_dir: str = ".data"
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    pool_min_size: int = 4
    pool_max_size: int = 16
    # How long a worker trusts a key it has looked up: revocation takes effect within this time.
    key_cache_ttl_seconds: float = 30.0
    key_cache_max_entries: int = 10_000
    max_body_bytes: int = 64 * 1024
    idempotency_ttl_seconds: int = 24 * 3600
    # A claimed Idempotency-Key whose request died is taken over after this long.
    idempotency_lease_seconds: int = 60
    # How disclosure records (written by the same statement as each cross-organization read)
    # are committed. "async": the read returns once the record is in PostgreSQL's WAL buffer;
    # a crash of the database server (never of this service) can lose the last ~0.6 s of
    # records. "sync": every such read waits for its record to reach disk, about a third
    # slower here (see bench/README.md).
    disclosure_commit: Literal["async", "sync"] = "async"
    # A late check-in is accepted up to this long after its period ends.
    pledge_grace_hours: float = 24.0
    # How often each worker looks for pledge periods that ended unchecked (pledge.missed).
    pledge_sweep_seconds: float = 60.0
    # How often each worker looks for milestones that fell due, to announce milestone.reached.
    milestone_sweep_seconds: float = 60.0
    # How often each worker looks for consents whose expiry passed, to announce consent.expired.
    consent_sweep_seconds: float = 60.0
    log_level: str = "INFO"
    access_log: bool = True

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
