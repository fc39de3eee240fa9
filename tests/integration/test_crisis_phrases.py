"""An organization's own crisis phrases (issue #13): the documented default list until it sets
its own, which replaces it for that organization only; bad lists change nothing."""

from __future__ import annotations

import httpx

from service.domain.conversation import CRISIS_PHRASES
from tests.integration.conftest import Org


def _phrases(client: httpx.Client, org: Org) -> dict[str, object]:
    answer = client.get("/v1/crisis-phrases", headers=org.headers)
    assert answer.status_code == 200, answer.text
    found: dict[str, object] = answer.json()
    return found


def test_the_default_list_until_an_organization_sets_its_own(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    assert _phrases(client, org) == {"phrases": list(CRISIS_PHRASES), "default": True}
    mine = ["need a ride to detox", "want to die"]
    replaced = client.put("/v1/crisis-phrases", json={"phrases": mine}, headers=org.headers)
    assert replaced.status_code == 200, replaced.text
    assert replaced.json() == {"phrases": mine, "default": False}
    assert _phrases(client, org) == {"phrases": mine, "default": False}
    # Another organization's list is its own.
    assert _phrases(client, other_org)["default"] is True
    again = client.put("/v1/crisis-phrases", json={"phrases": ["end it all"]}, headers=org.headers)
    assert again.json() == {"phrases": ["end it all"], "default": False}
    for _ in range(2):  # twice changes nothing more
        restored = client.delete("/v1/crisis-phrases", headers=org.headers)
        assert restored.status_code == 200
        assert restored.json() == {"phrases": list(CRISIS_PHRASES), "default": True}
    assert _phrases(client, org)["default"] is True


def test_a_bad_list_is_refused_and_changes_nothing(client: httpx.Client, org: Org) -> None:
    mine = ["need a ride to detox"]
    assert client.put("/v1/crisis-phrases", json={"phrases": mine}, headers=org.headers).is_success
    for body, status in (
        ({"phrases": []}, 400),
        ({"phrases": ["x"]}, 400),
        ({"phrases": ["a\u0000b"]}, 400),
        ({"phrases": "want to die"}, 400),
        ({"phrases": ["want to die"], "extra": 1}, 400),
        ({"phrases": ["want to die", "WANT TO  DIE"]}, 422),
        ({"phrases": ["   "]}, 422),
    ):
        answer = client.put("/v1/crisis-phrases", json=body, headers=org.headers)
        assert answer.status_code == status, (body, answer.text)
        assert answer.headers["content-type"].startswith("application/problem+json")
    assert _phrases(client, org) == {"phrases": mine, "default": False}
