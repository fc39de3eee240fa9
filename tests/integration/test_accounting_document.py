"""The accounting of disclosures as a document for the member (42 CFR 2.24, 2.25): the same
entries as the JSON accounting, in words, every value escaped; and, in a real headless browser,
a page that renders and prints."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.integration.conftest import Org, create_member, make_org
from tests.integration.test_every_endpoint import consent_body

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _document(client: httpx.Client, home: Org, member_id: str, **params: str) -> httpx.Response:
    return client.get(
        f"/v1/members/{member_id}/disclosures/document", params=params, headers=home.headers
    )


def _read_by(client: httpx.Client, reader: Org, member_id: str) -> None:
    assert client.get(f"/v1/members/{member_id}", headers=reader.headers).status_code == 200


def _consented_and_read(client: httpx.Client, home: Org, reader: Org) -> dict[str, Any]:
    """A member of `home` whose profile `reader` read once, under a consent."""
    member = create_member(client, home)
    client.post(
        f"/v1/members/{member['id']}/consents",
        json=consent_body(reader.id, ["profile"]),
        headers=home.headers,
    )
    _read_by(client, reader, member["id"])
    return member


def test_the_document_lists_each_disclosure_in_words(
    client: httpx.Client, org: Org, operator: dict[str, str]
) -> None:
    partner = make_org(client, operator, kind="peer_org")
    partner_name = client.get(f"/v1/organizations/{partner.id}", headers=partner.headers).json()[
        "name"
    ]
    member = create_member(client, org)
    body = consent_body(partner.id, ["profile"])
    body["purpose"] = "Peer support <script>alert(1)</script>"  # shown as text, not markup
    granted = client.post(f"/v1/members/{member['id']}/consents", json=body, headers=org.headers)
    assert granted.status_code == 201, granted.text
    _read_by(client, partner, member["id"])
    _read_by(client, partner, member["id"])

    response = _document(client, org, member["id"])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    entries = client.get(f"/v1/members/{member['id']}/disclosures", headers=org.headers).json()
    assert len(entries["data"]) == 2
    assert page.count("<tr><td>") == 2  # one row per entry of the JSON accounting
    assert "name, time zone and contact details" in page
    assert partner_name in page
    assert granted.json()["id"] in page
    assert "read through the API" in page
    assert "<script>" not in page
    assert "Peer support &lt;script&gt;alert(1)&lt;/script&gt;" in page

    # A period with nothing in it says so; a period that ends before it starts is refused.
    empty = _document(client, org, member["id"], until="2020-01-01T00:00:00Z")
    assert empty.status_code == 200
    assert "Nothing about you went to another organization" in empty.text
    # The period is printed in UTC, whatever offset it was asked in.
    offset = _document(client, org, member["id"], since="2026-01-01T05:00:00+05:00")
    assert "from 2026-01-01 00:00 UTC" in offset.text
    backwards = _document(
        client, org, member["id"], since="2026-01-02T00:00:00Z", until="2026-01-01T00:00:00Z"
    )
    assert backwards.status_code == 422, backwards.text


def test_only_the_home_organization_gets_the_document_also_after_erasure(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    member = _consented_and_read(client, org, other_org)
    assert _document(client, other_org, member["id"]).status_code == 404
    assert client.delete(f"/v1/members/{member['id']}", headers=org.headers).status_code == 204
    after = _document(client, org, member["id"])
    assert after.status_code == 200
    assert after.text.count("<tr><td>") == 1  # the accounting outlives the member's data


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="no chromium here (the README's test command installs it where it can)",
)
def test_the_document_renders_and_prints_in_a_real_browser(
    client: httpx.Client, org: Org, other_org: Org, tmp_path: Path
) -> None:
    assert CHROMIUM is not None, "CI installs chromium (Makefile: browser)"
    member = _consented_and_read(client, org, other_org)
    page = tmp_path / "accounting.html"
    page.write_text(_document(client, org, member["id"]).text)
    browser = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
    dom = subprocess.run(
        [*browser, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    # What a person sees: the title and a row naming what went, as the browser laid it out.
    assert "<h1>Accounting of disclosures</h1>" in dom
    assert "name, time zone and contact details" in dom
    pdf = tmp_path / "accounting.pdf"
    subprocess.run(
        [*browser, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    printed = pdf.read_bytes()
    assert printed.startswith(b"%PDF")
    assert len(printed) > 2000


@pytest.mark.parametrize(
    ("until", "status"),
    [
        # Found by schemathesis (year 1) and by review (other offsets): each was a 500.
        ("0001-01-01T09:12:06Z", 200),
        ("0001-01-02T00:00:00+05:00", 200),
        ("0001-01-01T01:00:00+05:00", 422),  # before the calendar once in UTC
        ("9999-12-31T23:00:00-05:00", 422),  # after it
    ],
)
def test_periods_at_the_ends_of_the_calendar(
    client: httpx.Client, org: Org, until: str, status: int
) -> None:
    member = create_member(client, org)
    for path in ("disclosures", "disclosures/document"):
        answer = client.get(
            f"/v1/members/{member['id']}/{path}", params={"until": until}, headers=org.headers
        )
        assert answer.status_code == status, (path, answer.text)
        if status == 422:
            assert answer.json()["errors"][0]["field"] == "until"
