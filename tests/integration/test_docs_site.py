"""The documentation site the service serves: the interactive reference at /docs, rendered in a
real headless browser with every operation of the contract; the guides; a page at every
problem type's `type` URI; nothing loaded from anywhere but the service."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from standardwebhooks import Webhook

from service.adapters.http.docs_site import GUIDES
from service.adapters.http.problem_catalog import CATALOG
from service.adapters.webhooks import signature_header
from tests.integration.conftest import Org

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parents[2] / ".data" / "artifacts"
# What a page loads (scripts, styles, images) from another host; a link to read is no load.
OUTSIDE = re.compile(
    r"""<(?:script|img|link|iframe)[^>]*\s(?:src|href)=["']?(?:https?:)?//""", re.IGNORECASE
)


def test_the_reference_page_loads_its_files_from_the_service_only(client: httpx.Client) -> None:
    page = client.get("/docs")
    script = client.get("/docs/assets/swagger-ui-bundle.js")
    style = client.get("/docs/assets/swagger-ui.css")

    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert "/docs/assets/swagger-ui-bundle.js" in page.text
    assert "/schema/openapi.json" in page.text
    assert OUTSIDE.findall(page.text) == []  # no CDN, no other host
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert len(script.content) > 500_000  # Swagger UI itself, installed at build time
    assert style.status_code == 200


def test_only_the_installed_files_are_served(client: httpx.Client) -> None:
    for name in ("swagger-ui-dist-5.35.0", "LICENSE", "..%2f..%2fconfig.py", "index.html"):
        response = client.get(f"/docs/assets/{name}")
        assert response.status_code == 404, name
        assert response.headers["content-type"] == "application/problem+json"


def test_every_guide_is_served_and_linked_from_the_index(client: httpx.Client) -> None:
    index = client.get("/docs/guides")
    assert index.status_code == 200
    for name, title in GUIDES:
        guide = client.get(f"/docs/guides/{name}")
        assert guide.status_code == 200, name
        assert f"<h1>{title}</h1>" in guide.text, name
        assert f'href="/docs/guides/{name}"' in index.text
        assert OUTSIDE.findall(guide.text) == [], name
    assert client.get("/docs/guides/nothing-here").status_code == 404


def test_a_problems_type_leads_to_its_page(client: httpx.Client, org: Org) -> None:
    missing = client.get(
        "/v1/members/01937a4e-0000-7000-8000-000000000000", headers=org.headers
    ).json()
    unauthenticated = client.get("/v1/members").json()

    for problem in (missing, unauthenticated):
        page = client.get(problem["type"])  # a reference resolved against the service's URL
        assert page.status_code == 200, problem["type"]
        assert "What it means" in page.text
        assert "What to do" in page.text
    index = client.get("/docs/problems").text
    for slug in CATALOG:
        assert f'href="/docs/problems/{slug}"' in index, slug
        assert client.get(f"/docs/problems/{slug}").status_code == 200, slug
    assert client.get("/docs/problems/no-such-problem").status_code == 404


def test_the_webhook_guides_test_vectors_are_what_the_service_signs(client: httpx.Client) -> None:
    guide = client.get("/docs/guides/webhooks").text
    secrets = re.findall(r"whsec_[A-Za-z0-9+/=]+", guide)[:2]
    body = re.search(r'\{"id":"[^<]*\}\}', guide.replace("&quot;", '"'))
    assert body is not None
    payload = body.group(0).encode()
    msg_id, timestamp = "01937a4e-5b6c-7d8e-9f00-000000000001", 1764403200

    one = signature_header(secrets[:1], msg_id, timestamp, payload)
    two = signature_header(secrets, msg_id, timestamp, payload)

    assert one in guide
    assert two in guide
    # The Standard Webhooks library computes the same signature.
    moment = datetime.fromtimestamp(timestamp, UTC)
    assert Webhook(secrets[0]).sign(msg_id, moment, payload.decode()) == one


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="no chromium here (the README's test command installs it where it can)",
)
def test_the_reference_renders_every_operation_in_a_real_browser(
    client: httpx.Client, base_url: str
) -> None:
    assert CHROMIUM is not None, "CI installs chromium (Makefile: browser)"
    contract = client.get("/schema/openapi.json").json()
    operations = {
        operation["operationId"]
        for item in contract["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    browser = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--window-size=1400,2400",
        # Time for the page to fetch the contract and draw it (virtual: no real wait).
        "--virtual-time-budget=20000",
    ]
    dom = subprocess.run(
        [*browser, "--dump-dom", f"{base_url}/docs"],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    ).stdout
    # Swagger UI draws each operation as a block whose id ends with its operationId.
    drawn = set(re.findall(r'id="operations-[^"]*?-([A-Za-z]+)"', dom))
    assert sorted(operations - drawn) == []
    assert len(operations) >= 70
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTIFACTS / "docs-reference.png"
    subprocess.run(
        [*browser, f"--screenshot={screenshot}", f"{base_url}/docs"],
        capture_output=True,
        timeout=180,
        check=True,
    )
    assert screenshot.read_bytes().startswith(b"\x89PNG")
