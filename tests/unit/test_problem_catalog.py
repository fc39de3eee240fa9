"""Every problem type the code can answer has its page, and the catalog lists no other."""

from __future__ import annotations

import re
from pathlib import Path

from service.adapters.http import problems
from service.adapters.http.problem_catalog import CATALOG

SERVICE = Path(problems.__file__).resolve().parents[2]
# A rule of the domain raises a Conflict (or a subclass) with its reason: the problem's slug.
CONFLICT_REASON = re.compile(r'\b\w*Conflict\(\s*"([a-z-]+)"', re.MULTILINE)
# The bounded server writes a few problems itself, before the app sees the request.
SERVER_SLUG = re.compile(r'_problem\(\s*\d+,\s*"[^"]*",\s*"([a-z-]+)"', re.MULTILINE)


def _slugs_in_the_code() -> set[str]:
    slugs = {kind.slug for kind in problems.DOMAIN_PROBLEMS.values()}
    slugs |= {kind.slug for kind in problems.HTTP_PROBLEMS.values()}
    slugs |= {
        k.slug for k in (problems.INTERNAL, problems.GONE, problems.BUSY, problems.UNAVAILABLE)
    }
    slugs.add("client-error")  # http_error_handler's answer to a status it has no kind for
    for path in SERVICE.rglob("*.py"):
        text = path.read_text()
        slugs |= set(CONFLICT_REASON.findall(text)) | set(SERVER_SLUG.findall(text))
    return slugs


def test_every_problem_the_code_can_answer_has_a_page_and_no_page_is_left_over() -> None:
    found = _slugs_in_the_code()
    assert len(found) > 40
    assert sorted(found - CATALOG.keys()) == []
    assert sorted(CATALOG.keys() - found) == []


def test_a_page_says_what_it_means_and_what_to_do() -> None:
    for slug, page in CATALOG.items():
        assert 400 <= page.status < 600, slug
        assert page.meaning.endswith("."), slug
        assert page.action.endswith("."), slug
