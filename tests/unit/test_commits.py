"""Units of work that only write, committed together (service/adapters/postgres/commits.py),
against connections that stand for PostgreSQL: which statement goes where, and what each unit
gets back."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import asyncpg
import pytest

from service.adapters.postgres.commits import Commits
from service.adapters.postgres.session import Write

INSERT = "INSERT INTO things (id, name) VALUES ($1, $2)"
OTHER_INSERT = "INSERT INTO others (id) VALUES ($1)"


class Connection:
    """Stands for one pooled connection: logs what it is sent; `held` keeps each statement
    waiting until released; `fails` decides what a statement raises."""

    def __init__(self, name: str, log: list[tuple[str, str, tuple[Any, ...]]]) -> None:
        self.name = name
        self.log = log
        self.held = False
        self.release = asyncio.Event()
        self.fails: Callable[[str, tuple[Any, ...]], BaseException | None] = lambda s, a: None
        self.row: dict[str, Any] = {}

    async def _run(self, sql: str, args: tuple[Any, ...]) -> None:
        self.log.append((self.name, sql, args))
        if self.held:
            await self.release.wait()
        if (error := self.fails(sql, args)) is not None:
            raise error

    async def execute(self, sql: str, *args: Any) -> str:
        await self._run(sql, args)
        return "INSERT 0 1"

    async def fetchrow(self, sql: str, *args: Any) -> dict[str, Any]:
        await self._run(sql, args)
        return self.row


def _unique_violation() -> asyncpg.PostgresError:
    return asyncpg.UniqueViolationError("duplicate key value violates unique constraint")


async def _until(condition: Callable[[], bool]) -> None:
    for _ in range(1000):
        if condition():
            return
        await asyncio.sleep(0)
    raise AssertionError("never happened")


class World:
    def __init__(self, in_flight: int = 1, largest: int = 32, held_seconds: float = 60) -> None:
        self.log: list[tuple[str, str, tuple[Any, ...]]] = []
        self.commits = Commits(in_flight=in_flight, largest=largest, held_seconds=held_seconds)
        self.connections: dict[str, Connection] = {}
        # The units that took a connection from the pool, in order.
        self.acquired: list[str] = []
        # Units whose connection cannot be had (the pool closing), and what that raises.
        self.no_connection: dict[str, BaseException] = {}
        # Units whose connection comes only when the event is set (the pool's all taken).
        self.pool_full: dict[str, asyncio.Event] = {}

    def connection(self, name: str) -> Connection:
        return self.connections.setdefault(name, Connection(name, self.log))

    def commit(self, name: str, *writes: Write) -> asyncio.Task[None]:
        async def acquire() -> Any:
            self.acquired.append(name)
            if name in self.pool_full:
                await self.pool_full[name].wait()
            if name in self.no_connection:
                raise self.no_connection[name]
            return self.connection(name)

        return asyncio.create_task(self.commits.send(acquire, list(writes), None))

    async def busy(self) -> asyncio.Task[None]:
        """A unit whose statement stays out (the one slot taken) until `free()`."""
        self.connection("busy").held = True
        task = self.commit("busy", Write(INSERT, 0, "busy"))
        await _until(lambda: len(self.log) == 1)
        return task

    def free(self) -> None:
        self.connections["busy"].release.set()


async def test_a_unit_alone_goes_at_once_on_its_own_connection() -> None:
    world = World()
    await world.commit("a", Write(INSERT, 1, "a"))
    assert world.log == [("a", INSERT, (1, "a"))]


async def test_units_that_commit_while_the_slots_are_taken_go_as_one_statement() -> None:
    world = World()
    busy = await world.busy()
    waiting = [world.commit(n, Write(INSERT, i, n)) for i, n in enumerate("abcd", start=1)]
    await _until(lambda: world.commits.waiting == 4)
    assert len(world.log) == 1  # nothing of theirs is sent while the slot is taken
    world.free()
    await asyncio.gather(busy, *waiting)
    assert len(world.log) == 2
    name, sql, args = world.log[1]
    assert name == "a"  # on the connection of the unit that waited longest
    assert sql.startswith("WITH w0 AS (INSERT INTO things (id, name) VALUES ($1, $2) RETURNING 1)")
    # A unit that would wait on a lock makes the statement fail soon, and then waits alone.
    assert "SELECT set_config('lock_timeout', '100ms', true) AS t," in sql
    assert "w3 AS (INSERT INTO things (id, name) VALUES ($7, $8) RETURNING 1)" in sql
    assert args == (1, "a", 2, "b", 3, "c", 4, "d")
    # Only the unit that carried the statement took a connection: b, c and d never held one.
    assert world.acquired == ["busy", "a"]


async def test_a_statement_carries_a_power_of_two_units_and_the_rest_go_next() -> None:
    world = World()
    busy = await world.busy()
    waiting = [world.commit(n, Write(INSERT, i, n)) for i, n in enumerate("abcdefg", start=1)]
    await _until(lambda: world.commits.waiting == 7)
    world.free()
    await asyncio.gather(busy, *waiting)
    assert [name for name, _, _ in world.log[1:]] == ["a", "e", "g"]
    assert [len(args) // 2 for _, _, args in world.log[1:]] == [4, 2, 1]


async def test_no_more_than_the_largest_go_in_one_statement() -> None:
    world = World(largest=2)
    busy = await world.busy()
    waiting = [world.commit(n, Write(INSERT, i, n)) for i, n in enumerate("abcde", start=1)]
    await _until(lambda: world.commits.waiting == 5)
    world.free()
    await asyncio.gather(busy, *waiting)
    assert [(name, args) for name, _, args in world.log[1:]] == [
        ("a", (1, "a", 2, "b")),
        ("c", (3, "c", 4, "d")),
        ("e", (5, "e")),
    ]


async def test_units_of_another_shape_wait_for_a_statement_of_their_own() -> None:
    world = World()
    busy = await world.busy()
    waiting = [
        world.commit("a", Write(INSERT, 1, "a")),
        world.commit("b", Write(OTHER_INSERT, 2)),
        world.commit("c", Write(INSERT, 3, "c")),
    ]
    await _until(lambda: world.commits.waiting == 3)
    world.free()
    await asyncio.gather(busy, *waiting)
    assert [(name, args) for name, _, args in world.log[1:]] == [
        ("a", (1, "a", 3, "c")),
        ("b", (2,)),
    ]


async def test_a_unit_that_updates_goes_alone_at_once_even_when_the_slots_are_taken() -> None:
    world = World()
    busy = await world.busy()
    await world.commit("u", Write("UPDATE things SET name = $2 WHERE id = $1", 1, "u"))
    assert world.log[1] == ("u", "UPDATE things SET name = $2 WHERE id = $1", (1, "u"))
    world.free()
    await busy


async def test_a_statement_postgresql_refuses_is_sent_again_unit_by_unit() -> None:
    """Nothing of a refused statement was kept: each unit learns its own outcome alone, on its
    own connection, and only the one at fault fails."""
    world = World()
    busy = await world.busy()
    for name in "abc":
        world.connection(name).fails = lambda sql, args: (
            _unique_violation() if "w1" in sql or args == (2, "b") else None
        )
    waiting = [world.commit(n, Write(INSERT, i, n)) for i, n in enumerate("abc", start=1)]
    await _until(lambda: world.commits.waiting == 3)
    world.free()
    outcomes = await asyncio.gather(busy, *waiting, return_exceptions=True)
    assert [outcomes[0], outcomes[1], outcomes[3]] == [None, None, None]
    assert isinstance(outcomes[2], asyncpg.UniqueViolationError)
    assert sorted((name, args) for name, _, args in world.log[2:]) == [
        ("a", (1, "a")),
        ("b", (2, "b")),
        ("c", (3, "c")),
    ]


async def test_a_statement_whose_outcome_is_unknown_is_not_sent_again() -> None:
    """The connection was lost during the statement: it may have committed, so each unit
    fails as it would have alone, and none is sent a second time."""
    world = World()
    busy = await world.busy()
    world.connection("a").fails = lambda sql, args: asyncpg.ConnectionDoesNotExistError(
        "connection was closed in the middle of operation"
    )
    waiting = [world.commit(n, Write(INSERT, i, n)) for i, n in enumerate("ab", start=1)]
    await _until(lambda: world.commits.waiting == 2)
    world.free()
    outcomes = await asyncio.gather(*waiting, return_exceptions=True)
    await busy
    assert all(isinstance(o, asyncpg.ConnectionDoesNotExistError) for o in outcomes)
    assert len(world.log) == 2


async def test_a_unit_whose_request_gives_up_while_it_waits_is_not_sent() -> None:
    world = World()
    busy = await world.busy()
    gone = world.commit("a", Write(INSERT, 1, "a"))
    kept = world.commit("b", Write(INSERT, 2, "b"))
    await _until(lambda: world.commits.waiting == 2)
    gone.cancel()
    with pytest.raises(asyncio.CancelledError):
        await gone
    assert world.commits.waiting == 1
    world.free()
    await asyncio.gather(busy, kept)
    assert [(name, args) for name, _, args in world.log[1:]] == [("b", (2, "b"))]


async def test_the_carrier_gives_its_connection_back_only_when_the_statement_ends() -> None:
    """The statement runs on the connection of the unit that waited longest: if that unit's
    request gives up meanwhile, it returns only after the statement, so that its connection
    is not handed to another request while PostgreSQL still answers on it."""
    world = World()
    busy = await world.busy()
    carrier = world.connection("a")
    carrier.held = True
    waiting = [world.commit(n, Write(INSERT, i, n)) for i, n in enumerate("ab", start=1)]
    await _until(lambda: world.commits.waiting == 2)
    world.free()
    await busy
    await _until(lambda: len(world.log) == 2)
    waiting[0].cancel()
    await asyncio.sleep(0.01)
    assert not waiting[0].done()  # the statement still runs on its connection
    carrier.release.set()
    with pytest.raises(asyncio.CancelledError):
        await waiting[0]
    await waiting[1]  # the other unit's writes were made


async def test_what_the_writes_read_back_reaches_each_unit() -> None:
    world = World()
    busy = await world.busy()
    world.connection("a").row = {"r0": "first", "r1": "second"}
    writes = [Write(INSERT, i, n, read_back="$2::text") for i, n in enumerate("ab", start=1)]
    waiting = [world.commit(n, w) for n, w in zip("ab", writes, strict=True)]
    await _until(lambda: world.commits.waiting == 2)
    world.free()
    await asyncio.gather(busy, *waiting)
    assert "$2::text AS r0, $4::text AS r1" in world.log[1][1]
    assert [w.value for w in writes] == ["first", "second"]


@pytest.mark.parametrize(("in_flight", "largest"), [(0, 1), (1, 0)])
def test_at_least_one_statement_and_one_unit(in_flight: int, largest: int) -> None:
    with pytest.raises(ValueError, match="must be 1 or more"):
        Commits(in_flight=in_flight, largest=largest)


async def test_an_argument_asyncpg_cannot_encode_fails_only_its_own_unit() -> None:
    """asyncpg refuses an argument before anything is sent: each unit goes again alone."""
    world = World()
    busy = await world.busy()
    for name in "ab":
        world.connection(name).fails = lambda sql, args: (
            asyncpg.DataError("invalid input for query argument $4")
            if "w1" in sql or args == (2, "b")
            else None
        )
    waiting = [world.commit(n, Write(INSERT, i, n)) for i, n in enumerate("ab", start=1)]
    await _until(lambda: world.commits.waiting == 2)
    world.free()
    outcomes = await asyncio.gather(*waiting, return_exceptions=True)
    await busy
    assert outcomes[0] is None
    assert isinstance(outcomes[1], asyncpg.DataError)


async def test_a_statement_out_longer_than_its_slot_is_held_lets_the_waiting_units_go() -> None:
    """A statement that waits (on a lock, say) gives its slot back after `held_seconds`: the
    units queued behind it go without it."""
    world = World(held_seconds=0.05)
    busy = await world.busy()
    waiting = [world.commit(n, Write(INSERT, i, n)) for i, n in enumerate("ab", start=1)]
    await asyncio.wait_for(asyncio.gather(*waiting), timeout=5)
    assert not busy.done()  # still out
    assert [(name, args) for name, _, args in world.log[1:]] == [("a", (1, "a", 2, "b"))]
    world.free()
    await busy


async def _explained() -> Exception:
    return RuntimeError("explained")


async def test_units_whose_statements_would_read_differently_do_not_go_together() -> None:
    """The text depends on each write's expected row count and read-back too."""
    world = World()
    busy = await world.busy()
    world.connection("c").row = {"r0": 3}
    waiting = [
        world.commit("a", Write(INSERT, 1, "a")),
        world.commit("b", Write(INSERT, 2, "b", expected_rows=1, explain=_explained)),
        world.commit("c", Write(INSERT, 3, "c", read_back="$1::int")),
        world.commit("d", Write(INSERT, 4, "d")),
    ]
    await _until(lambda: world.commits.waiting == 4)
    world.free()
    await asyncio.gather(busy, *waiting)
    assert [(name, args) for name, _, args in world.log[1:]] == [
        ("a", (1, "a", 4, "d")),
        ("b", (2, "b")),
        ("c", (3, "c")),
    ]


async def test_a_statement_asyncpg_refuses_to_send_is_sent_again_unit_by_unit() -> None:
    """The connection that would carry it had died while its unit waited: asyncpg refuses
    before sending anything. Alone, only that unit fails."""
    world = World()
    busy = await world.busy()
    world.connection("a").fails = lambda sql, args: asyncpg.InterfaceError(
        "cannot call Connection.fetchrow(): connection has been released back to the pool"
    )
    waiting = [world.commit(n, Write(INSERT, i, n)) for i, n in enumerate("ab", start=1)]
    await _until(lambda: world.commits.waiting == 2)
    world.free()
    outcomes = await asyncio.gather(*waiting, return_exceptions=True)
    await busy
    assert isinstance(outcomes[0], asyncpg.InterfaceError)
    assert outcomes[1] is None
    assert [(name, args) for name, _, args in world.log[2:]] == [("a", (1, "a")), ("b", (2, "b"))]


class _Unforeseen(BaseException):
    pass


async def test_an_error_the_statement_did_not_foresee_reaches_each_unit() -> None:
    world = World()
    busy = await world.busy()
    world.connection("a").fails = lambda sql, args: _Unforeseen()
    waiting = [world.commit(n, Write(INSERT, i, n)) for i, n in enumerate("ab", start=1)]
    await _until(lambda: world.commits.waiting == 2)
    world.free()
    outcomes = await asyncio.gather(*waiting, return_exceptions=True)
    await busy
    assert [type(o) for o in outcomes] == [_Unforeseen, _Unforeseen]
    # Its slot was given back: the next unit goes at once.
    await asyncio.wait_for(world.commit("c", Write(INSERT, 3, "c")), timeout=5)


async def test_a_carrier_that_cannot_get_a_connection_sends_nothing_and_each_unit_goes_alone() -> (
    None
):
    """The pool could not give the carrying unit a connection: nothing was sent, so each unit
    goes alone, and only the one without a connection fails, with its own error."""
    world = World()
    busy = await world.busy()
    world.no_connection["a"] = OSError("the pool is closing")
    waiting = [world.commit(n, Write(INSERT, i, n)) for i, n in enumerate("ab", start=1)]
    await _until(lambda: world.commits.waiting == 2)
    world.free()
    outcomes = await asyncio.gather(*waiting, return_exceptions=True)
    await busy
    assert isinstance(outcomes[0], OSError)
    assert outcomes[1] is None
    assert [(name, args) for name, _, args in world.log[1:]] == [("b", (2, "b"))]
    assert world.acquired == ["busy", "a", "a", "b"]


async def _carrier_waiting_for_its_connection(world: World, names: str) -> list[asyncio.Task[None]]:
    """Units `names` (each writing its place and name) queued behind a busy statement, then
    sent as one, whose carrier (the first) is now waiting for the pool to give it a
    connection: it gets one when `world.pool_full[names[0]]` is set."""
    busy = await world.busy()
    world.pool_full[names[0]] = asyncio.Event()
    waiting = [world.commit(n, Write(INSERT, i, n)) for i, n in enumerate(names, start=1)]
    await _until(lambda: world.commits.waiting == len(names))
    world.free()
    await busy
    await _until(lambda: names[0] in world.acquired)
    return waiting


async def test_a_carrier_that_gives_up_while_it_waits_for_a_connection_leaves_at_once() -> None:
    """The pool has no connection for the carrying unit yet, and its request gives up (a
    deadline): it leaves without waiting for one, nothing is sent for it, and the unit it
    would have carried goes alone."""
    world = World()
    waiting = await _carrier_waiting_for_its_connection(world, "ab")
    waiting[0].cancel()
    try:
        done, _ = await asyncio.wait({waiting[0]}, timeout=5)
        assert waiting[0] in done, "the request waited for a connection it no longer needs"
    finally:
        world.pool_full["a"].set()  # ends the test either way
    with pytest.raises(asyncio.CancelledError):
        await waiting[0]
    await waiting[1]
    assert [(name, args) for name, _, args in world.log[1:]] == [("b", (2, "b"))]
    assert world.acquired == ["busy", "a", "b"]


async def test_a_carried_unit_whose_request_gives_up_before_the_statement_goes_is_left_out() -> (
    None
):
    """While the carrying unit waits for its connection, a unit it would carry gives up:
    the statement goes without that unit's writes."""
    world = World()
    waiting = await _carrier_waiting_for_its_connection(world, "abcd")
    waiting[1].cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting[1]
    world.pool_full["a"].set()
    await asyncio.gather(waiting[0], waiting[2], waiting[3])
    assert [(name, args) for name, _, args in world.log[1:]] == [("a", (1, "a", 3, "c", 4, "d"))]
    assert world.acquired == ["busy", "a"]
