"""create_idempotently when the key's hold is left to the first statement (as the PostgreSQL
unit of work does): a use case that fails before sending one still replays a stored answer."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from typing import Any, cast
from uuid import UUID

import msgspec
import pytest
from litestar import Request

from service.adapters.http.idempotency import Created, create_idempotently
from service.domain.errors import InvalidField
from service.domain.idempotency import AnswerAlreadyStored, Claim, StoredResponse
from service.domain.organizations import Caller
from service.domain.ports import Receipt, UnitOfWork
from tests.unit.fakes import FixedClock

ORG = UUID(int=7)
STORED = StoredResponse(
    status=201, headers={"ETag": '"1"', "Location": "/v1/members/x"}, body=b'{"id":"x"}'
)


class _Shown(msgspec.Struct):
    id: str


class _DeferringRecorder:
    """Like the PostgreSQL recorder: hold() answers at once, the key is looked at later."""

    def __init__(self, stored: StoredResponse | None) -> None:
        self.stored = stored
        self.settled = 0

    async def hold(self, scope_id: UUID, key: str, fingerprint: bytes, now: datetime) -> Claim:
        return Claim(
            scope_id=scope_id, key=key, token=UUID(int=1), fingerprint=fingerprint, claimed_at=now
        )

    async def settle(self) -> None:
        self.settled += 1
        if self.stored is not None:
            raise AnswerAlreadyStored(self.stored)

    async def complete(self, claim: Claim, response: StoredResponse) -> None:
        pass


class _UnitOfWork:
    def __init__(self, recorder: _DeferringRecorder) -> None:
        self.idempotency = recorder

    async def __aenter__(self) -> _UnitOfWork:
        return self

    async def __aexit__(self, *raised: object) -> None:
        pass

    async def commit(self) -> None:
        pass


def _request(uow: _UnitOfWork) -> Request[Any, Any, Any]:
    services = SimpleNamespace(
        uow=lambda: uow,
        clock=FixedClock(),
        settings=SimpleNamespace(idempotent_request_deadline_seconds=5),
    )
    caller = Caller(key_id=UUID(int=1), organization_id=ORG, is_operator=False, scopes=frozenset())

    async def body() -> bytes:
        return b'{"display_name": "Sam"}'

    return cast(
        Request[Any, Any, Any],
        SimpleNamespace(
            app=SimpleNamespace(state=SimpleNamespace(services=services)),
            scope={"caller": caller},
            method="POST",
            url=SimpleNamespace(path="/v1/members"),
            body=body,
        ),
    )


def _present(shown: _Shown) -> Created[_Shown]:
    return Created.of(shown, version=1)


async def _fails_before_any_statement(uow: UnitOfWork, receipt: Receipt[_Shown]) -> _Shown:
    # What would fail today for a request that succeeded yesterday (a rule on today's date).
    raise InvalidField("starts_on", "must not be in the past")


async def test_a_failure_before_any_statement_replays_the_stored_answer() -> None:
    recorder = _DeferringRecorder(STORED)
    response = await create_idempotently(
        _request(_UnitOfWork(recorder)),
        "k",
        create=_fails_before_any_statement,
        present=_present,
    )
    assert recorder.settled == 1
    assert response.status_code == 201
    assert response.content == STORED.body
    assert response.headers["Idempotent-Replayed"] == "true"
    assert response.headers["Location"] == "/v1/members/x"


async def test_a_failure_before_any_statement_stands_when_nothing_is_stored() -> None:
    recorder = _DeferringRecorder(None)
    with pytest.raises(InvalidField):
        await create_idempotently(
            _request(_UnitOfWork(recorder)),
            "k",
            create=_fails_before_any_statement,
            present=_present,
        )
    assert recorder.settled == 1


async def test_an_answer_found_by_the_first_statement_is_replayed_without_settling() -> None:
    recorder = _DeferringRecorder(None)

    async def found_at_commit(uow: UnitOfWork, receipt: Receipt[_Shown]) -> _Shown:
        raise AnswerAlreadyStored(STORED)

    response = await create_idempotently(
        _request(_UnitOfWork(recorder)), "k", create=found_at_commit, present=_present
    )
    assert recorder.settled == 0
    assert response.content == STORED.body
    assert response.headers["Idempotent-Replayed"] == "true"
