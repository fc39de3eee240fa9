"""Command-line entry point: `support-network serve | migrate | openapi | orgs | operator-key`."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import msgspec

from service.adapters.postgres.database import migrate
from service.adapters.postgres.pool import open_pool
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.system import SecretTokenSource, SystemClock, UuidV7Source
from service.config import Settings
from service.domain.organizations import OrganizationKind
from service.main import litestar_app, resolve_dsn
from service.usecases import organizations as usecases

DEFAULT_OPENAPI_PATH = Path("openapi/openapi.json")


def openapi_document(settings: Settings) -> dict[str, object]:
    """The contract exactly as the running app serves it at /schema/openapi.json."""
    app = litestar_app(settings, "postgresql://unused")
    schema: dict[str, object] = app.openapi_schema.to_schema()
    return schema


def render_openapi(settings: Settings) -> str:
    return json.dumps(openapi_document(settings), indent=2, sort_keys=True) + "\n"


async def _count_keys(dsn: str) -> int:
    pool = await open_pool(dsn, min_size=1, max_size=1, statement_cache_size=0)
    try:
        return int(await pool.fetchval("SELECT count(*) FROM api_keys"))
    finally:
        await pool.close()


def first_run_help(settings: Settings) -> str:
    def cmd(args: str) -> str:
        if os.environ.get("SN_VIA_MAKE"):
            return f"make cli ARGS='{args}'"
        return f".venv/bin/support-network {args}"

    base = f"http://{settings.host}:{settings.port}"
    return f"""
No API key exists yet. In another terminal:

  1. create an organization and its first key (printed once; it holds every scope):
       {cmd('orgs create --name "Harbor Clinic" --kind clinic')}
  2. use it:
       curl -s -X POST {base}/v1/members \\
         -H "Authorization: Bearer <token>" -H "Content-Type: application/json" \\
         -d '{{"display_name": "Sam", "timezone": "Europe/London"}}'

  A platform operator key (for POST /v1/organizations) comes from
       {cmd("operator-key create --name ops")}
  The documentation (reference, guides, problem types): {base}/docs
  The contract: {base}/schema/openapi.json; SDKs for Python and TypeScript: clients/
"""


def _exit_cleanly_on_sigterm() -> None:
    """uvicorn shuts down on SIGTERM, then raises the signal again. Under the default action
    that kills the process outright and no atexit handler runs, among them the one that stops
    the embedded PostgreSQL; exiting through SystemExit runs them."""
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))


def _migrate_apart(dsn: str) -> None:
    """Bring the schema to the newest revision in a process of its own (`migrate`, on the same
    database): Alembic and SQLAlchemy take about 21 MB that the serving process would keep,
    a fifth of its memory."""
    # -P: this package, not whatever `service` the current directory holds (another checkout).
    # Its output is serve's: the migration's log lines, and no closing line (--quiet).
    done = subprocess.run(
        [sys.executable, "-P", "-m", "service", "migrate", "--quiet"],
        env={**os.environ, "DATABASE_URL": dsn},
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"migrating the database failed (exit status {done.returncode})")


def serve(settings: Settings) -> None:
    _exit_cleanly_on_sigterm()

    from service.adapters.http.server import ServerLimits, run_server
    from service.adapters.logs import configure_logging
    from service.main import asgi_app

    configure_logging(settings.log_level, settings.log_format)
    dsn = resolve_dsn(settings)
    _migrate_apart(dsn)
    if asyncio.run(_count_keys(dsn)) == 0:
        print(first_run_help(settings), flush=True)
    base = f"http://{settings.host}:{settings.port}"
    print(f"Serving the Support Network API on {base} (documentation: {base}/docs)", flush=True)
    limits = ServerLimits(
        max_header_bytes=settings.max_header_bytes,
        header_timeout_seconds=settings.header_timeout_seconds,
        keep_alive_timeout_seconds=settings.keep_alive_timeout_seconds,
        max_connections=settings.max_connections,
    )
    if settings.workers > 1:
        os.environ["DATABASE_URL"] = dsn
        app: object = "service.main:asgi_app_from_env"
    else:
        app = asgi_app(settings, dsn)
    run_server(app, host=settings.host, port=settings.port, workers=settings.workers, limits=limits)


async def _create_organization(
    dsn: str, name: str, kind: OrganizationKind, address: str | None
) -> str:
    pool = await open_pool(dsn, min_size=1, max_size=1, statement_cache_size=0)
    try:
        made = await usecases.create_organization(
            usecases.CreateOrganization(name=name, kind=kind, address=address),
            PostgresUnitOfWork(pool, SystemClock(), UuidV7Source()),
            SecretTokenSource(),
        )
    finally:
        await pool.close()
    return (
        f"organization: {made.organization.id} ({made.organization.name}, {kind.value})\n"
        f"api key id:   {made.first_key.key.id}\n"
        f"token:        {made.first_key.token}\n"
        "The token is shown once and holds every scope; store it now."
    )


async def _create_operator_key(dsn: str, name: str) -> str:
    pool = await open_pool(dsn, min_size=1, max_size=1, statement_cache_size=0)
    try:
        issued = await usecases.create_operator_key(
            name, PostgresUnitOfWork(pool, SystemClock(), UuidV7Source()), SecretTokenSource()
        )
    finally:
        await pool.close()
    return (
        f"operator key id: {issued.key.id}\n"
        f"token:           {issued.token}\n"
        "The token is shown once; it can create organizations and read them, nothing else."
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="support-network", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve_cmd = commands.add_parser("serve", help="migrate the database and serve the API")
    serve_cmd.add_argument("--host")
    serve_cmd.add_argument("--port", type=int)
    serve_cmd.add_argument("--workers", type=int)

    migrate_cmd = commands.add_parser(
        "migrate", help="bring the database schema to the newest revision"
    )
    migrate_cmd.add_argument(
        "--quiet", action="store_true", help="no closing line (serve runs it so, as a step)"
    )

    openapi_cmd = commands.add_parser("openapi", help="write the OpenAPI document")
    openapi_cmd.add_argument(
        "--output", type=Path, default=DEFAULT_OPENAPI_PATH, help="'-' for stdout"
    )

    orgs = commands.add_parser("orgs", help="organizations").add_subparsers(
        dest="action", required=True
    )
    create_org = orgs.add_parser("create", help="create an organization and print its first key")
    create_org.add_argument("--name", required=True)
    create_org.add_argument("--kind", required=True, choices=[k.value for k in OrganizationKind])
    create_org.add_argument(
        "--address", help="where it can be written to (the accounting of disclosures names it)"
    )

    operator = commands.add_parser("operator-key", help="platform operator keys").add_subparsers(
        dest="action", required=True
    )
    create_operator = operator.add_parser("create", help="create an operator key and print it")
    create_operator.add_argument("--name", default="operator")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # The embedded PostgreSQL asks platformdirs for a runtime directory, which warns when
    # XDG_RUNTIME_DIR is unset (as on most servers) and falls back to /tmp: nothing to act on.
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    args = build_parser().parse_args(argv)
    settings = Settings.from_env(os.environ)
    overrides = {k: getattr(args, k) for k in ("host", "port", "workers") if getattr(args, k, None)}
    if overrides:
        settings = msgspec.structs.replace(settings, **overrides)

    if args.command == "openapi":
        document = render_openapi(settings)
        if str(args.output) == "-":
            sys.stdout.write(document)
        else:
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(document)
            print(f"wrote {args.output}")
        return 0
    if args.command == "serve":
        serve(settings)
        return 0

    if args.command == "migrate":
        from service.adapters.logs import configure_logging

        # The migration's own log lines, as serve logs them (it runs this command).
        configure_logging(settings.log_level, settings.log_format)
    dsn = resolve_dsn(settings)
    migrate(settings.migration_database_url or dsn)
    if args.command == "migrate":
        if not args.quiet:
            print("database is at the newest revision")
    elif args.command == "orgs":
        name = args.name.strip()
        if not name or len(name) > 200:
            print("--name must be 1 to 200 characters", file=sys.stderr)
            return 2
        address = (args.address or "").strip() or None
        if address is not None and len(address) > 500:
            print("--address must be at most 500 characters", file=sys.stderr)
            return 2
        kind = OrganizationKind(args.kind)
        print(asyncio.run(_create_organization(dsn, name, kind, address)))
    elif args.command == "operator-key":
        print(asyncio.run(_create_operator_key(dsn, args.name)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
