"""OPTIONS answered from the final route table.

Litestar 2.25 builds each path's automatic OPTIONS handler while the path's handlers are still
being registered, so its `Allow` can miss methods added later (seen: `Allow: OPTIONS, POST` on a
path that also serves GET). This layer answers OPTIONS itself, with every method the path
really serves, before the request reaches Litestar."""

from __future__ import annotations

import re
from typing import Any

from litestar import Litestar
from litestar.routes import HTTPRoute

from service.adapters.http.request_context import ASGIApp, Message, Receive, Scope, Send

_UUID = "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"
_PARAM = re.compile(r"\{(\w+)(?::(\w+))?\}")


def _path_regex(path: str) -> re.Pattern[str]:
    pattern, last = "", 0
    for match in _PARAM.finditer(path):
        pattern += re.escape(path[last : match.start()])
        pattern += _UUID if match.group(2) == "uuid" else "[^/]+"
        last = match.end()
    return re.compile("^" + pattern + re.escape(path[last:]) + "/?$")


def route_methods(app: Litestar) -> list[tuple[re.Pattern[str], bytes]]:
    table = []
    for route in app.routes:
        if isinstance(route, HTTPRoute):
            allow = ", ".join(sorted(route.methods | {"OPTIONS"}))
            table.append((_path_regex(route.path), allow.encode()))
    return table


def with_exact_options(app: Any, litestar_app: Litestar) -> ASGIApp:
    table = route_methods(litestar_app)

    async def exact_options(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "OPTIONS":
            for regex, allow in table:
                if regex.match(scope["path"]):
                    start: Message = {
                        "type": "http.response.start",
                        "status": 204,
                        "headers": [(b"allow", allow)],
                    }
                    await send(start)
                    await send({"type": "http.response.body", "body": b""})
                    return
        await app(scope, receive, send)

    return exact_options
