"""Organizations, keys and the callers they stand for."""

from __future__ import annotations

from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain.errors import CannotRevokeOwnKey, NotFound, ScopeMissing
from service.domain.organizations import (
    ALL_SCOPES,
    Caller,
    OrganizationKind,
    Scope,
    check_grantable,
    hash_secret,
    looks_like_api_key,
)
from service.domain.paging import PageRequest
from service.domain.ports import UnitOfWork
from service.usecases import organizations as usecases
from tests.unit.fakes import (
    CountingTokens,
    FakeApiKeyQueries,
    FakeUnitOfWork,
    FixedClock,
    SequentialIds,
    Store,
)


async def test_an_organization_comes_with_a_first_key_holding_every_scope() -> None:
    store = Store()
    uow: UnitOfWork = FakeUnitOfWork(store)
    made = await usecases.create_organization(
        usecases.CreateOrganization(name="Harbor", kind=OrganizationKind.CLINIC),
        uow,
        CountingTokens(),
    )
    key = store.api_keys[made.first_key.key.id]
    assert key.organization_id == made.organization.id
    assert key.scopes == ALL_SCOPES
    assert key.secret_hash == hash_secret(made.first_key.token)
    assert made.first_key.token.encode() not in key.secret_hash
    assert not key.is_operator


async def test_operator_keys_hold_no_organization_scope() -> None:
    store = Store()
    issued = await usecases.create_operator_key(
        "ops", FakeUnitOfWork(store, FixedClock(), SequentialIds()), CountingTokens()
    )
    assert issued.key.is_operator
    assert issued.key.scopes == frozenset()
    assert issued.token.startswith("sno_")


def _caller(scopes: frozenset[Scope], org: UUID | None = UUID(int=5)) -> Caller:
    return Caller(key_id=UUID(int=9), organization_id=org, is_operator=org is None, scopes=scopes)


async def test_a_key_cannot_revoke_itself_nor_another_organizations() -> None:
    store = Store()
    caller = _caller(ALL_SCOPES)
    uow = FakeUnitOfWork(store)
    with pytest.raises(CannotRevokeOwnKey):
        await usecases.revoke_api_key(caller, caller.key_id, uow)
    with pytest.raises(NotFound):
        await usecases.revoke_api_key(caller, UUID(int=77), uow)


async def test_revocation_is_recorded_once() -> None:
    store = Store()
    clock = FixedClock()
    ids = SequentialIds()
    caller = _caller(ALL_SCOPES)
    issued = await usecases.create_api_key(
        caller,
        usecases.CreateApiKey(name="x", scopes=frozenset({Scope.MEMBERS_READ})),
        FakeUnitOfWork(store, clock, ids),
        CountingTokens(),
    )
    first = await usecases.revoke_api_key(caller, issued.key.id, FakeUnitOfWork(store, clock, ids))
    clock.advance(hours=1)
    second = await usecases.revoke_api_key(caller, issued.key.id, FakeUnitOfWork(store, clock, ids))
    assert first.revoked_at == second.revoked_at == store.api_keys[issued.key.id].revoked_at
    listed = await usecases.list_api_keys(caller, PageRequest(limit=10), FakeApiKeyQueries(store))
    assert [k.id for k in listed.items] == [issued.key.id]
    assert [e.type.value for e in store.events] == ["api_key.created", "api_key.revoked"]


scope_sets = st.frozensets(st.sampled_from(list(Scope)))


@given(held=scope_sets, requested=scope_sets)
def test_a_key_grants_only_scopes_it_holds(
    held: frozenset[Scope], requested: frozenset[Scope]
) -> None:
    if requested <= held:
        check_grantable(held, requested)
    else:
        with pytest.raises(ScopeMissing):
            check_grantable(held, requested)


def test_the_operator_holds_no_organization_scope() -> None:
    with pytest.raises(ScopeMissing):
        _caller(frozenset(), org=None).organization_with(Scope.MEMBERS_READ)
    with pytest.raises(ScopeMissing):
        _caller(ALL_SCOPES).require_operator()
    assert _caller(ALL_SCOPES).organization_with(Scope.MEMBERS_READ) == UUID(int=5)


@given(st.text(max_size=120))
def test_only_well_formed_tokens_reach_the_database(token: str) -> None:
    if looks_like_api_key(token):
        assert token.startswith(("snk_", "sno_"))
        assert token.isascii()
        assert 40 <= len(token) <= 100
