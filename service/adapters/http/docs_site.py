"""The documentation site, served by the service itself and open without a key: the interactive
reference at /docs (Swagger UI, its files installed from the npm registry at build time by
tools/docs_assets.py and served from /docs/assets: nothing comes from a CDN), the guides at
/docs/guides/<name> (Markdown in guides/), and a page for every problem type at its `type` URI
(/docs/problems/<slug>, problem_catalog.py)."""

from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path
from typing import Annotated

import markdown
from litestar import Controller, MediaType, Response, get
from litestar.exceptions import NotFoundException
from litestar.params import PathParameter

from service.adapters.http.problem_catalog import CATALOG

VENDOR = Path(__file__).resolve().parent / "vendor" / "swagger-ui"
GUIDES_DIR = Path(__file__).resolve().parent / "guides"

# The guides, in reading order: (name, title).
GUIDES: tuple[tuple[str, str], ...] = (
    ("getting-started", "Getting started"),
    ("keys-and-scopes", "API keys and scopes"),
    ("consent-and-disclosures", "Consent and disclosures"),
    ("idempotency-and-retries", "Idempotency and retries"),
    ("paging", "Paging"),
    ("conditional-requests", "Conditional requests"),
    ("webhooks", "Webhooks and how to verify them"),
    ("errors", "Errors"),
    ("rate-limits", "Rate limits"),
    ("versioning", "Versioning"),
    ("sdks", "SDKs for Python and TypeScript"),
)

PageName = Annotated[str, PathParameter()]

_ASSETS = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "favicon-32x32.png": "image/png",
}

_STYLE = """
body { margin: 0; color: #1b1b1b;
       font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
header { background: #17324d; color: #fff; padding: 0.7em 1.5em; display: flex; gap: 1.5em;
         align-items: baseline; flex-wrap: wrap; }
header a { color: #fff; }
header .title { font-weight: 600; font-size: 1.1em; margin-right: auto; }
body > main { max-width: 52em; margin: 1.5em auto 3em; padding: 0 1.5em; }
body > main.wide { max-width: none; margin: 0; padding: 0; }
.page code, .page pre { font: 13px/1.45 ui-monospace, Menlo, Consolas, monospace;
                        background: #f4f5f7; }
.page pre { padding: 0.8em 1em; overflow-x: auto; }
.page table { border-collapse: collapse; }
.page th, .page td { border: 1px solid #ccd; padding: 0.3em 0.6em; text-align: left;
                     vertical-align: top; }
nav.guides li { margin: 0.2em 0; }
.missing { margin: 2em; padding: 1em; border: 1px solid #c33; background: #fff4f4; }
"""


def _page(title: str, body: str, *, wide: bool = False, head: str = "") -> str:
    nav = " ".join(
        f'<a href="{href}">{label}</a>'
        for href, label in (
            ("/docs", "Reference"),
            ("/docs/guides", "Guides"),
            ("/docs/problems", "Problem types"),
            ("/schema/openapi.json", "OpenAPI document"),
        )
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · Support Network API</title>"
        '<link rel="icon" href="/docs/assets/favicon-32x32.png">'
        f"<style>{_STYLE}</style>{head}</head><body>"
        f'<header><span class="title">Support Network API</span>{nav}</header>'
        f'<main class="{"wide" if wide else "page"}">{body}</main></body></html>'
    )


def _html(text: str) -> Response[str]:
    return Response(text, media_type=MediaType.HTML, headers={"Cache-Control": "no-cache"})


_REFERENCE = _page(
    "Reference",
    """<div id="swagger-ui"></div>
<div id="missing" class="missing" hidden>The reference's browser files are not installed on
this server: run <code>make docs-assets</code> (the guides and the
<a href="/schema/openapi.json">OpenAPI document</a> work without them).</div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>
if (typeof SwaggerUIBundle === "undefined") {
  document.getElementById("missing").hidden = false;
} else {
  window.ui = SwaggerUIBundle({
    url: "/schema/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    displayOperationId: true,
    displayRequestDuration: true,
    persistAuthorization: false,
  });
}
</script>""",
    wide=True,
    head='<link rel="stylesheet" href="/docs/assets/swagger-ui.css">',
)


class DocsController(Controller):
    path = "/docs"
    include_in_schema = False

    @get("/")
    async def reference(self) -> Response[str]:
        """The interactive reference of every operation."""
        return _html(_REFERENCE)

    @get("/assets/{name:str}")
    async def asset(self, name: PageName) -> Response[bytes]:
        media_type = _ASSETS.get(name)
        path = VENDOR / name
        if media_type is None or not path.is_file():
            raise NotFoundException(f"No asset {name!r}.")
        return Response(
            path.read_bytes(),
            media_type=media_type,
            headers={"Cache-Control": "public, max-age=86400"},
        )

    @get("/guides")
    async def guides(self) -> Response[str]:
        return _html(_guide_index())

    @get("/guides/{name:str}")
    async def guide(self, name: PageName) -> Response[str]:
        return _html(_guide(name))

    @get("/problems")
    async def problems(self) -> Response[str]:
        return _html(_problem_index())

    @get("/problems/{slug:str}")
    async def problem(self, slug: Annotated[str, PathParameter()]) -> Response[str]:
        return _html(_problem(slug))


@cache
def _guide_index() -> str:
    items = "".join(
        f'<li><a href="/docs/guides/{name}">{escape(title)}</a></li>' for name, title in GUIDES
    )
    return _page(
        "Guides",
        f'<h1>Guides</h1><nav class="guides"><ol>{items}</ol></nav>'
        '<p>Every operation is in the <a href="/docs">reference</a>; every error in the '
        '<a href="/docs/problems">problem types</a>.</p>',
    )


@cache
def _guide(name: str) -> str:
    titles = dict(GUIDES)
    if name not in titles:
        raise NotFoundException(f"No guide {name!r}.")
    text = (GUIDES_DIR / f"{name}.md").read_text()
    body = markdown.markdown(text, extensions=["tables", "fenced_code"], output_format="html")
    names = [n for n, _ in GUIDES]
    place = names.index(name)
    following = ""
    if place + 1 < len(names):
        after = names[place + 1]
        following = f'<p>Next: <a href="/docs/guides/{after}">{escape(titles[after])}</a></p>'

    return _page(titles[name], body + following)


@cache
def _problem_index() -> str:
    rows = "".join(
        f'<tr><td><a href="/docs/problems/{slug}"><code>{slug}</code></a></td>'
        f"<td>{page.status}</td><td>{escape(page.title)}</td></tr>"
        for slug, page in sorted(CATALOG.items())
    )
    return _page(
        "Problem types",
        "<h1>Problem types</h1><p>Every error is <code>application/problem+json</code> "
        "(RFC 9457). Its <code>type</code> is the address of its page here; branch on it, "
        "not on <code>title</code> or <code>detail</code>.</p>"
        f"<table><tr><th>type</th><th>status</th><th>title</th></tr>{rows}</table>",
    )


@cache
def _problem(slug: str) -> str:
    page = CATALOG.get(slug)
    if page is None:
        raise NotFoundException(f"No problem type {slug!r}.")
    return _page(
        page.title,
        f"<h1>{escape(page.title)}</h1>"
        f"<p><code>type: /docs/problems/{slug}</code> · status {page.status}</p>"
        f"<h2>What it means</h2><p>{_inline(page.meaning)}</p>"
        f"<h2>What to do</h2><p>{_inline(page.action)}</p>"
        '<p><a href="/docs/problems">Every problem type</a></p>',
    )


def _inline(text: str) -> str:
    """A catalog sentence, escaped, with its `code` spans."""
    parts = escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))
