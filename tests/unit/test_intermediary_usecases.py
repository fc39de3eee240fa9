"""Who takes part in an intermediary: recorded by the operator only, idempotent both ways,
listed a page at a time, and only for an intermediary."""

from __future__ import annotations

from uuid import UUID

import pytest

from service.domain.errors import InvalidField, NotFound, ScopeMissing
from service.domain.organizations import Caller, Organization, OrganizationKind
from service.domain.paging import PageRequest
from service.usecases import intermediaries
from tests.unit.fakes import FakeUnitOfWork, FixedClock, Store

HIE, CLINIC, APP = UUID(int=1), UUID(int=2), UUID(int=3)
OPERATOR = Caller(key_id=UUID(int=9), organization_id=None, is_operator=True, scopes=frozenset())
AN_ORGANIZATION = Caller(
    key_id=UUID(int=8), organization_id=HIE, is_operator=False, scopes=frozenset()
)


@pytest.fixture
def store() -> Store:
    store = Store()
    for id_, kind in (
        (HIE, OrganizationKind.INTERMEDIARY),
        (CLINIC, OrganizationKind.CLINIC),
        (APP, OrganizationKind.COMMUNITY_APP),
    ):
        store.organizations[id_] = Organization(
            id=id_, name=f"org {id_.int}", kind=kind, version=1, created_at=FixedClock().now()
        )
    return store


async def test_only_the_operator_records_participation(store: Store) -> None:
    with pytest.raises(ScopeMissing):
        await intermediaries.add_participant(AN_ORGANIZATION, HIE, CLINIC, FakeUnitOfWork(store))
    with pytest.raises(ScopeMissing):
        await intermediaries.end_participation(AN_ORGANIZATION, HIE, CLINIC, FakeUnitOfWork(store))
    assert store.intermediary_participants == {}


async def test_recording_twice_or_ending_twice_changes_nothing(store: Store) -> None:
    first = await intermediaries.add_participant(OPERATOR, HIE, CLINIC, FakeUnitOfWork(store))
    again = await intermediaries.add_participant(OPERATOR, HIE, CLINIC, FakeUnitOfWork(store))
    ended = await intermediaries.end_participation(OPERATOR, HIE, CLINIC, FakeUnitOfWork(store))
    ended_again = await intermediaries.end_participation(
        OPERATOR, HIE, CLINIC, FakeUnitOfWork(store)
    )

    assert again == first
    assert first.participant.name == "org 2"
    assert (ended.record.version, ended.record.active) == (2, False)
    assert ended_again == ended


async def test_only_an_intermediary_has_participants(store: Store) -> None:
    with pytest.raises(InvalidField) as refused:
        await intermediaries.add_participant(OPERATOR, CLINIC, APP, FakeUnitOfWork(store))
    assert refused.value.field == "organization_id"
    with pytest.raises(NotFound):
        await intermediaries.list_participants(
            AN_ORGANIZATION, CLINIC, PageRequest(limit=10), FakeUnitOfWork(store)
        )
    # The operator knows every organization: one that is no intermediary has no participants.
    none = await intermediaries.list_participants(
        OPERATOR, CLINIC, PageRequest(limit=10), FakeUnitOfWork(store)
    )
    assert none.items == []


async def test_participants_are_listed_a_page_at_a_time(store: Store) -> None:
    for participant in (CLINIC, APP):
        await intermediaries.add_participant(OPERATOR, HIE, participant, FakeUnitOfWork(store))

    first = await intermediaries.list_participants(
        AN_ORGANIZATION, HIE, PageRequest(limit=1), FakeUnitOfWork(store)
    )
    rest = await intermediaries.list_participants(
        AN_ORGANIZATION, HIE, PageRequest(limit=1, after=first.next_after), FakeUnitOfWork(store)
    )

    assert [n.record.participant_organization_id for n in first.items] == [CLINIC]
    assert [n.record.participant_organization_id for n in rest.items] == [APP]
    assert rest.next_after is None
