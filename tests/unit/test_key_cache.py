"""The key cache: no database round trip per request, revocation within the TTL."""

from __future__ import annotations

from uuid import UUID

import msgspec
import pytest

from service.adapters.http.auth import KeyCache
from service.domain.errors import AuthenticationRequired
from service.domain.organizations import ALL_SCOPES, ApiKey, new_api_key
from tests.unit.fakes import FakeApiKeyQueries, FixedClock, Store

TOKEN = "snk_" + "a" * 43


class Ticker:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _store_with_key(token: str = TOKEN) -> Store:
    store = Store()
    key = new_api_key(
        key_id=UUID(int=1),
        organization_id=UUID(int=2),
        name="k",
        scopes=ALL_SCOPES,
        token=token,
        now=FixedClock().now(),
    )
    store.api_keys[key.id] = key
    return store


async def test_a_known_key_is_looked_up_once_per_ttl() -> None:
    store = _store_with_key()
    queries = FakeApiKeyQueries(store)
    ticker = Ticker()
    cache = KeyCache(queries, ttl=30, max_entries=10, monotonic=ticker)
    for _ in range(100):
        caller = await cache.caller(TOKEN)
    assert caller.organization_id == UUID(int=2)
    assert queries.lookups == 1
    ticker.now += 31
    await cache.caller(TOKEN)
    assert queries.lookups == 2


async def test_revocation_elsewhere_takes_effect_when_the_entry_expires() -> None:
    store = _store_with_key()
    ticker = Ticker()
    cache = KeyCache(FakeApiKeyQueries(store), ttl=30, max_entries=10, monotonic=ticker)
    await cache.caller(TOKEN)
    key = store.api_keys[UUID(int=1)]
    store.api_keys[key.id] = msgspec.structs.replace(key, revoked_at=FixedClock().now())
    ticker.now += 29
    await cache.caller(TOKEN)  # still trusted inside the TTL: the documented price
    ticker.now += 2
    with pytest.raises(AuthenticationRequired):
        await cache.caller(TOKEN)


async def test_forget_key_makes_local_revocation_immediate() -> None:
    store = _store_with_key()
    cache = KeyCache(FakeApiKeyQueries(store), ttl=30, max_entries=10, monotonic=Ticker())
    await cache.caller(TOKEN)
    key = store.api_keys[UUID(int=1)]
    store.api_keys[key.id] = msgspec.structs.replace(key, revoked_at=FixedClock().now())
    cache.forget_key(key.id)
    with pytest.raises(AuthenticationRequired):
        await cache.caller(TOKEN)


async def test_unknown_and_malformed_keys_cost_at_most_one_lookup() -> None:
    queries = FakeApiKeyQueries(Store())
    cache = KeyCache(queries, ttl=30, max_entries=10, monotonic=Ticker())
    for _ in range(5):
        with pytest.raises(AuthenticationRequired):
            await cache.caller("snk_" + "z" * 43)
        with pytest.raises(AuthenticationRequired):
            await cache.caller("not-a-key")
    assert queries.lookups == 1


async def test_the_cache_is_bounded() -> None:
    queries = FakeApiKeyQueries(Store())
    cache = KeyCache(queries, ttl=30, max_entries=3, monotonic=Ticker())
    for i in range(10):
        with pytest.raises(AuthenticationRequired):
            await cache.caller(f"snk_{i:043d}")
    assert len(cache._entries) == 3


async def test_a_lookup_racing_a_revocation_does_not_bring_the_key_back() -> None:
    store = _store_with_key()

    class SlowQueries(FakeApiKeyQueries):
        cache: KeyCache | None = None

        async def find_by_hash(self, secret_hash: bytes) -> ApiKey | None:
            key = await super().find_by_hash(secret_hash)  # read before the revocation...
            assert self.cache is not None
            revoked = msgspec.structs.replace(
                store.api_keys[UUID(int=1)], revoked_at=FixedClock().now()
            )
            store.api_keys[UUID(int=1)] = revoked
            self.cache.forget_key(UUID(int=1))  # ...which lands while the read is in flight
            return key

    queries = SlowQueries(store)
    cache = KeyCache(queries, ttl=30, max_entries=10, monotonic=Ticker())
    queries.cache = cache
    await cache.caller(TOKEN)  # answered from the stale read, but not remembered
    with pytest.raises(AuthenticationRequired):
        await cache.caller(TOKEN)
