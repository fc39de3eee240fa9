"""Members over HTTP against the real service and database."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.integration.conftest import Org, create_member, make_key
from tests.support.database import Db

FULL = {
    "display_name": "Jordan",
    "timezone": "America/New_York",
    "external_ref": "patient-0042",
    "recovery_started_on": "2026-03-01",
    "contact": {"email": "jordan@example.org", "phone": "+1 555 0100"},
}


def test_create_then_read_back_every_field(client: httpx.Client, org: Org) -> None:
    created = client.post("/v1/members", json=FULL, headers=org.headers)
    assert created.status_code == 201
    member = created.json()
    assert {k: member[k] for k in FULL} == FULL
    assert member["organization_id"] == org.id
    assert member["version"] == 1
    assert created.headers["etag"] == '"1"'
    assert created.headers["location"] == f"/v1/members/{member['id']}"

    read = client.get(f"/v1/members/{member['id']}", headers=org.headers)
    assert read.status_code == 200
    assert read.json() == member
    assert read.headers["etag"] == '"1"'


def test_organization_and_key_changes_are_announced(client: httpx.Client, org: Org, db: Db) -> None:
    key = make_key(client, org, ["members:read"])
    assert client.delete(f"/v1/api-keys/{key.key_id}", headers=org.headers).status_code == 204
    rows = db.fetch(
        "SELECT type FROM outbox_events WHERE organization_id = $1 ORDER BY position",
        uuid.UUID(org.id),
    )
    assert [r["type"] for r in rows] == [
        "organization.created",
        "api_key.created",
        "api_key.created",
        "api_key.revoked",
    ]


def test_create_writes_member_created_to_the_outbox(client: httpx.Client, org: Org, db: Db) -> None:
    member = create_member(client, org)
    rows = db.fetch(
        "SELECT type, organization_id, data FROM outbox_events WHERE subject_id = $1",
        uuid.UUID(member["id"]),
    )
    assert [r["type"] for r in rows] == ["member.created"]
    assert str(rows[0]["organization_id"]) == org.id
    assert '"member_id": "' + member["id"] in rows[0]["data"]


def test_unknown_time_zone_is_422_naming_the_field(client: httpx.Client, org: Org, db: Db) -> None:
    before = db.snapshot()
    response = client.post(
        "/v1/members", json={"display_name": "Sam", "timezone": "Mars/Olympus"}, headers=org.headers
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"].endswith("/invalid-field")
    assert problem["errors"][0]["field"] == "timezone"
    assert db.snapshot() == before


def test_zone_names_that_are_not_places_are_422(client: httpx.Client, org: Org) -> None:
    for zone in ("localtime", "Factory", "Europe/ London", "Mars Base"):
        response = client.post(
            "/v1/members", json={"display_name": "Sam", "timezone": zone}, headers=org.headers
        )
        assert response.status_code == 422, zone
        assert response.json()["errors"][0]["field"] == "timezone"


def test_if_match_with_non_ascii_digits_is_412_not_500(client: httpx.Client, org: Org) -> None:
    member = create_member(client, org)
    for value in (b'"\xb2"', b'"\xb9\xb2"', b'"1\xb2"'):
        response = client.patch(
            f"/v1/members/{member['id']}",
            json={"display_name": "X"},
            headers=[
                (b"authorization", org.headers["Authorization"].encode()),
                (b"if-match", value),
            ],
        )
        assert response.status_code == 412, value


def test_recovery_start_in_the_future_is_refused(client: httpx.Client, org: Org) -> None:
    response = client.post(
        "/v1/members",
        json={"display_name": "Sam", "timezone": "UTC", "recovery_started_on": "2999-01-01"},
        headers=org.headers,
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "recovery_started_on"


def test_duplicate_external_ref_is_409_pointing_at_the_existing_member(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    first = create_member(client, org, external_ref="p-1")
    again = client.post(
        "/v1/members",
        json={"display_name": "Other", "timezone": "UTC", "external_ref": "p-1"},
        headers=org.headers,
    )
    assert again.status_code == 409
    assert again.json()["existing_id"] == first["id"]
    assert again.json()["type"].endswith("/duplicate-external-ref")
    # Unique per organization only: another organization may use the same reference.
    create_member(client, other_org, external_ref="p-1")


def test_list_filters_by_external_ref(client: httpx.Client, org: Org) -> None:
    wanted = create_member(client, org, external_ref="find-me")
    create_member(client, org, external_ref="not-me")
    response = client.get("/v1/members", params={"external_ref": "find-me"}, headers=org.headers)
    assert response.status_code == 200
    assert [m["id"] for m in response.json()["data"]] == [wanted["id"]]
    assert response.json()["next_cursor"] is None


def test_paging_is_complete_and_stable_while_rows_are_added(client: httpx.Client, org: Org) -> None:
    ids = [create_member(client, org, display_name=f"M{i}")["id"] for i in range(5)]
    seen: list[str] = []
    cursor = None
    added_during_paging: list[str] = []
    while True:
        params: dict[str, str | int] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/v1/members", params=params, headers=org.headers).json()
        seen.extend(m["id"] for m in page["data"])
        if not added_during_paging:
            added_during_paging.append(create_member(client, org, display_name="late")["id"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    # Every member exactly once, in creation order; the one added mid-way comes last.
    assert seen == [*ids, *added_during_paging]


def test_list_shows_only_the_callers_members(
    client: httpx.Client, org: Org, other_org: Org
) -> None:
    mine = create_member(client, org)
    create_member(client, other_org)
    listed = client.get("/v1/members", headers=org.headers).json()["data"]
    assert [m["id"] for m in listed] == [mine["id"]]


def test_bad_cursor_is_400(client: httpx.Client, org: Org) -> None:
    response = client.get("/v1/members", params={"cursor": "bm90LWEtY3Vyc29y"}, headers=org.headers)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "cursor"


def test_patch_changes_fields_bumps_version_and_announces(
    client: httpx.Client, org: Org, db: Db
) -> None:
    member = create_member(client, org, contact={"email": "a@example.org"})
    response = client.patch(
        f"/v1/members/{member['id']}",
        json={"display_name": "Sam R.", "contact": None},
        headers={**org.headers, "If-Match": '"1"'},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["display_name"] == "Sam R."
    assert body["contact"] is None
    assert body["timezone"] == "Europe/London"
    assert body["version"] == 2
    assert response.headers["etag"] == '"2"'
    data = db.fetchval(
        "SELECT data FROM outbox_events WHERE subject_id = $1 AND type = 'member.updated'",
        uuid.UUID(member["id"]),
    )
    assert '"changed_fields": ["contact", "display_name"]' in data


@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("s\u0085m@example.org", 400),  # white space to Python's `re`, not to ECMA-262's `\s`
        ("s\ufeffm@example.org", 400),  # the other way round
        ("s\u00a0m@example.org", 400),
        ("s\u00e9@example.org", 200),  # a letter is not white space
    ],
)
def test_an_email_with_white_space_of_any_kind_is_refused_as_the_contract_says(
    client: httpx.Client, org: Org, db: Db, email: str, status: int
) -> None:
    member = create_member(client, org)
    before = db.snapshot()
    response = client.patch(
        f"/v1/members/{member['id']}", json={"contact": {"email": email}}, headers=org.headers
    )
    assert response.status_code == status, response.text
    if status == 400:
        assert response.json()["errors"][0]["field"] == "contact.email"
        assert db.snapshot() == before
    else:
        assert response.json()["contact"]["email"] == email


def test_patch_with_nothing_new_changes_nothing(client: httpx.Client, org: Org, db: Db) -> None:
    member = create_member(client, org)
    before = db.snapshot()
    response = client.patch(
        f"/v1/members/{member['id']}", json={"display_name": "Sam"}, headers=org.headers
    )
    assert response.status_code == 200
    assert response.json()["version"] == 1
    assert db.snapshot() == before


def test_stale_if_match_is_412_and_changes_nothing(client: httpx.Client, org: Org, db: Db) -> None:
    member = create_member(client, org)
    first = client.patch(
        f"/v1/members/{member['id']}",
        json={"display_name": "First writer"},
        headers={**org.headers, "If-Match": '"1"'},
    )
    assert first.status_code == 200
    before = db.snapshot()
    second = client.patch(
        f"/v1/members/{member['id']}",
        json={"display_name": "Second writer"},
        headers={**org.headers, "If-Match": '"1"'},
    )
    assert second.status_code == 412
    assert second.json()["current_version"] == 2
    assert db.snapshot() == before
    garbage = client.patch(
        f"/v1/members/{member['id']}",
        json={"display_name": "x"},
        headers={**org.headers, "If-Match": "not-an-etag"},
    )
    # Not an entity tag at all (RFC 9110 wants a quoted string): the header is malformed.
    assert garbage.status_code == 400
    assert garbage.json()["errors"][0]["field"] == "If-Match"


def test_patch_external_ref_onto_another_members_is_409(client: httpx.Client, org: Org) -> None:
    taken = create_member(client, org, external_ref="taken")
    member = create_member(client, org, external_ref="mine")
    response = client.patch(
        f"/v1/members/{member['id']}", json={"external_ref": "taken"}, headers=org.headers
    )
    assert response.status_code == 409
    assert response.json()["existing_id"] == taken["id"]
    unchanged = client.get(f"/v1/members/{member['id']}", headers=org.headers).json()
    assert unchanged["external_ref"] == "mine"


def test_erase_keeps_a_tombstone_and_reads_answer_gone(
    client: httpx.Client, org: Org, db: Db
) -> None:
    member = create_member(client, org, **FULL)
    response = client.delete(f"/v1/members/{member['id']}", headers=org.headers)
    assert response.status_code == 204
    gone = client.get(f"/v1/members/{member['id']}", headers=org.headers)
    assert gone.status_code == 410
    assert gone.json()["type"].endswith("/member-erased")
    assert gone.json()["erased_at"] is not None
    listed = client.get("/v1/members", headers=org.headers).json()["data"]
    assert member["id"] not in [m["id"] for m in listed]
    # The row stays (references remain valid) with every personal field removed.
    stored = db.fetch("SELECT * FROM members WHERE id = $1", uuid.UUID(member["id"]))[0]
    for column in (
        "display_name",
        "timezone",
        "external_ref",
        "recovery_started_on",
        "contact_email",
        "contact_phone",
    ):
        assert stored[column] is None, column
    assert stored["erased_at"] is not None
    assert stored["version"] == 2
    # Erasing again changes nothing; changing a tombstone is refused.
    before = db.snapshot()
    assert client.delete(f"/v1/members/{member['id']}", headers=org.headers).status_code == 204
    assert db.snapshot() == before
    patch = client.patch(
        f"/v1/members/{member['id']}", json={"display_name": "Back"}, headers=org.headers
    )
    assert patch.status_code == 410
    assert db.snapshot() == before
    events = db.fetch(
        "SELECT type FROM outbox_events WHERE subject_id = $1 ORDER BY position",
        uuid.UUID(member["id"]),
    )
    assert [e["type"] for e in events] == ["member.created", "member.erased"]
    # The external_ref is free again once its holder is erased.
    create_member(client, org, external_ref=FULL["external_ref"])


def test_erase_with_stale_if_match_is_412(client: httpx.Client, org: Org) -> None:
    member = create_member(client, org)
    response = client.delete(
        f"/v1/members/{member['id']}", headers={**org.headers, "If-Match": '"7"'}
    )
    assert response.status_code == 412
    assert client.get(f"/v1/members/{member['id']}", headers=org.headers).status_code == 200


def test_read_only_key_cannot_write(client: httpx.Client, org: Org, db: Db) -> None:
    reader = make_key(client, org, ["members:read"])
    member = create_member(client, org)
    assert client.get(f"/v1/members/{member['id']}", headers=reader.headers).status_code == 200
    before = db.snapshot()
    response = client.post(
        "/v1/members", json={"display_name": "x", "timezone": "UTC"}, headers=reader.headers
    )
    assert response.status_code == 403
    assert response.json()["type"].endswith("/missing-scope")
    assert db.snapshot() == before


def test_every_read_of_an_erased_member_answers_gone(client: httpx.Client, org: Org) -> None:
    """After erasure, every read under the member (`GET /v1/members/{member_id}/...`) answers
    410 like the member itself, as if it no longer existed, except the accounting kept on
    purpose. (Schemathesis found the attendance answering 200 with nothing in it.)"""
    contract = client.get("/schema/openapi.json").json()
    reads = sorted(
        path
        for path, operations in contract["paths"].items()
        if path.startswith("/v1/members/{member_id}") and "get" in operations
    )
    member = create_member(client, org, **FULL)
    assert client.delete(f"/v1/members/{member['id']}", headers=org.headers).status_code == 204
    answers = {}
    for path in reads:
        if "{" in path.replace("{member_id}", ""):
            continue  # a sub-resource of its own, found by its own id
        response = client.get(path.format(member_id=member["id"]), headers=org.headers)
        answers[path] = response.status_code
    assert len(answers) >= 5, answers
    assert {path: status for path, status in answers.items() if status != 410} == {
        # The accounting outlives the member's data (42 CFR 2.24, 2.25): records of who saw
        # what, requests for an accounting and restrictions hold no personal field, and the
        # home organization still reads them (tests/schemathesis.toml says so too).
        "/v1/members/{member_id}/accounting-requests": 200,
        "/v1/members/{member_id}/disclosures": 200,
        "/v1/members/{member_id}/disclosures/document": 200,
        "/v1/members/{member_id}/restrictions": 200,
    }
