"""Member use cases against in-memory fakes that satisfy the same Protocols."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast
from uuid import UUID

import msgspec
import pytest

from service.adapters.http.idempotency import AnswerBeforeCommit, Created, _StoredAnswer
from service.domain.errors import (
    DuplicateExternalRef,
    MemberErased,
    NotFound,
    Precondition,
    StaleVersion,
)
from service.domain.events import EventType
from service.domain.idempotency import Claim, StoredResponse
from service.domain.members import Member, MemberChanges, NewMember
from service.domain.paging import PageRequest
from service.domain.ports import MemberQueries, UnitOfWork
from service.usecases import members as usecases
from tests.unit.fakes import FakeMemberQueries, FakeUnitOfWork, Store

ORG = UUID(int=100)
OTHER_ORG = UUID(int=200)


@pytest.fixture
def store() -> Store:
    return Store()


@pytest.fixture
def uow(store: Store) -> FakeUnitOfWork:
    return FakeUnitOfWork(store)


def _typed(uow: FakeUnitOfWork, store: Store) -> tuple[UnitOfWork, MemberQueries]:
    # The annotations make the type checker prove the fakes satisfy the ports.
    return uow, FakeMemberQueries(store)


async def _create(uow: UnitOfWork, org: UUID = ORG, ref: str | None = None) -> UUID:
    member = await usecases.create_member(
        usecases.CreateMember(
            organization_id=org,
            member=NewMember(display_name="Sam", timezone="UTC", external_ref=ref),
        ),
        uow,
    )
    return member.id


async def test_create_commits_the_member_and_its_event_together(
    uow: FakeUnitOfWork, store: Store
) -> None:
    typed_uow, _ = _typed(uow, store)
    member_id = await _create(typed_uow)
    assert list(store.members) == [member_id]
    assert [e.type for e in store.events] == [EventType.MEMBER_CREATED]
    assert store.events[0].subject_id == member_id
    assert uow.commits == 1


async def test_duplicate_external_ref_commits_nothing(uow: FakeUnitOfWork, store: Store) -> None:
    typed_uow, _ = _typed(uow, store)
    first = await _create(typed_uow, ref="p-1")
    with pytest.raises(DuplicateExternalRef) as error:
        await _create(typed_uow, ref="p-1")
    assert error.value.existing_member_id == first
    assert len(store.members) == 1
    assert len(store.events) == 1
    # Another organization may use the same reference.
    await _create(typed_uow, org=OTHER_ORG, ref="p-1")


async def test_another_organizations_member_is_not_found(uow: FakeUnitOfWork, store: Store) -> None:
    typed_uow, queries = _typed(uow, store)
    member_id = await _create(typed_uow)
    with pytest.raises(NotFound):
        await usecases.get_member(OTHER_ORG, member_id, queries)
    with pytest.raises(NotFound):
        await usecases.update_member(
            usecases.UpdateMember(
                organization_id=OTHER_ORG,
                member_id=member_id,
                changes=MemberChanges(display_name="X"),
            ),
            typed_uow,
        )
    assert (await usecases.get_member(ORG, member_id, queries)).display_name == "Sam"


async def test_stale_update_changes_nothing(uow: FakeUnitOfWork, store: Store) -> None:
    typed_uow, queries = _typed(uow, store)
    member_id = await _create(typed_uow)
    with pytest.raises(StaleVersion):
        await usecases.update_member(
            usecases.UpdateMember(
                organization_id=ORG,
                member_id=member_id,
                changes=MemberChanges(display_name="X"),
                expected_version=Precondition.version(5),
            ),
            typed_uow,
        )
    assert (await usecases.get_member(ORG, member_id, queries)).display_name == "Sam"
    assert len(store.events) == 1


async def test_update_without_change_emits_nothing(uow: FakeUnitOfWork, store: Store) -> None:
    typed_uow, _ = _typed(uow, store)
    member_id = await _create(typed_uow)
    member = await usecases.update_member(
        usecases.UpdateMember(
            organization_id=ORG, member_id=member_id, changes=MemberChanges(display_name="Sam")
        ),
        typed_uow,
    )
    assert member.version == 1
    assert len(store.events) == 1


async def test_erase_once_then_gone(uow: FakeUnitOfWork, store: Store) -> None:
    typed_uow, queries = _typed(uow, store)
    member_id = await _create(typed_uow)
    command = usecases.EraseMember(organization_id=ORG, member_id=member_id)
    await usecases.erase_member(command, typed_uow)
    await usecases.erase_member(command, typed_uow)
    assert [e.type for e in store.events] == [EventType.MEMBER_CREATED, EventType.MEMBER_ERASED]
    with pytest.raises(MemberErased):
        await usecases.get_member(ORG, member_id, queries)
    page = await usecases.list_members(ORG, PageRequest(), None, queries)
    assert page.items == []


CLAIM = Claim(
    scope_id=ORG,
    key="retry-1",
    token=UUID(int=1),
    fingerprint=b"f",
    claimed_at=datetime(2026, 11, 30, tzinfo=UTC),
)


async def _store_answer(uow: UnitOfWork, member: Member) -> None:
    answer = StoredResponse(status=201, headers={}, body=b"{}", resource_id=member.id)
    await uow.idempotency.complete(CLAIM, answer)


async def test_a_receipt_commits_with_the_change_in_one_commit(
    store: Store, uow: FakeUnitOfWork
) -> None:
    command = usecases.CreateMember(
        organization_id=ORG, member=NewMember(display_name="A", timezone="UTC")
    )
    member = await usecases.create_member(command, uow, receipt=_store_answer)
    assert uow.commits == 1
    assert store.members[member.id] == member
    assert store.stored_responses[(ORG, "retry-1")].resource_id == member.id


async def test_a_receipt_that_fails_leaves_no_change(store: Store, uow: FakeUnitOfWork) -> None:
    async def failing(uow: UnitOfWork, member: Member) -> None:
        raise OSError("the database went away")

    command = usecases.CreateMember(
        organization_id=ORG, member=NewMember(display_name="A", timezone="UTC")
    )
    with pytest.raises(OSError, match="went away"):
        await usecases.create_member(command, uow, receipt=failing)
    assert uow.commits == 0
    assert store.members == {}
    assert store.events == []


async def test_a_unit_of_work_is_not_re_entrant(uow: FakeUnitOfWork) -> None:
    async with uow:
        with pytest.raises(RuntimeError, match="already open"):
            async with uow:
                pass


class _Shown(msgspec.Struct):
    id: UUID


async def test_under_an_idempotency_key_a_use_case_cannot_commit_without_its_receipt(
    store: Store,
) -> None:
    answer: _StoredAnswer[Member, _Shown] = _StoredAnswer(
        CLAIM, lambda member: Created(body=_Shown(id=member.id), headers={})
    )
    command = usecases.CreateMember(
        organization_id=ORG, member=NewMember(display_name="A", timezone="UTC")
    )
    # A use case that forgot its receipt (no_receipt): refused at commit, nothing kept. The
    # request holds the unit of work open (the key is held with it), and rolls back the rest.
    held = FakeUnitOfWork(store)
    async with held:
        forgetful = cast(UnitOfWork, AnswerBeforeCommit(held, answer))
        with pytest.raises(RuntimeError, match="without calling its receipt"):
            await usecases.create_member(command, forgetful)
    assert store.members == {}
    assert store.stored_responses == {}
    # With it, the change and the stored answer commit together.
    held = FakeUnitOfWork(store)
    async with held:
        kept = cast(UnitOfWork, AnswerBeforeCommit(held, answer))
        member = await usecases.create_member(command, kept, receipt=answer.keep)
    assert list(store.members) == [member.id]
    assert store.stored_responses[(ORG, "retry-1")].resource_id is None
    assert answer.response().status_code == 201
