"""Liveness and readiness, open without a key."""

from __future__ import annotations

import asyncio
import hmac
from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotAuthorizedException
from litestar.openapi.datastructures import ResponseSpec

from service.adapters.http import responses
from service.adapters.http.schemas import Health
from service.adapters.http.services import services_of
from service.adapters.metrics import render


@get(
    "/health/live",
    operation_id="live",
    tags=["health"],
    summary="The process is up",
    description="Answers 200 while the process runs, whatever the database does: for a "
    "supervisor deciding whether to restart it. Needs no key.",
    responses=responses.PUBLIC,
)
async def live() -> Health:
    return Health(status="ok")


@get(
    "/health/ready",
    operation_id="ready",
    tags=["health"],
    summary="The service can reach its database",
    description="Answers 200 when the service can reach its database and 503 otherwise: for a "
    "load balancer deciding whether to send traffic. Needs no key.",
    responses={
        **responses.PUBLIC,
        503: ResponseSpec(data_container=Health, description="The database is unreachable."),
    },
)
async def ready(request: Request[Any, Any, Any]) -> Response[Health]:
    try:
        async with asyncio.timeout(2):
            # Past the request queue (see FairPool.ping): a busy worker is still ready.
            await services_of(request).database_ready()
    except (OSError, TimeoutError, Exception):
        return Response(Health(status="unavailable"), status_code=503)
    return Response(Health(status="ok"))


@get("/metrics", include_in_schema=False, media_type="text/plain; version=0.0.4")
async def metrics(request: Request[Any, Any, Any]) -> str:
    """Prometheus metrics: the same from every worker (the counts are shared through
    PostgreSQL). With Settings.metrics_token set, only `Authorization: Bearer <token>`."""
    services = services_of(request)
    token = services.settings.metrics_token
    if token:
        sent = request.headers.get("authorization", "")
        if not hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
            raise NotAuthorizedException("Metrics need the metrics token.")
    store = services.metrics_store
    return render(await store.totals(), await store.gauges())
