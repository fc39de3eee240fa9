"""Units of work that only write, committed together: the statements of several requests
sent to PostgreSQL as one (a group commit).

A unit of work that only writes sends one statement at commit (session.py). While fewer than
`in_flight` of these statements are out, a unit's statement goes at once, alone, as before.
When `in_flight` are out, the units that commit meanwhile wait, and the next statement makes
the writes of every waiting unit of the same shape (up to `largest`): one statement, one
commit and one flush of the write-ahead log for many requests instead of one each.

What each unit gets is what it would get alone:
- the statement is atomic: all of its units' writes are kept, or none;
- when PostgreSQL refuses it (a row count that is not the one expected, an Idempotency-Key
  another request holds, a unique violation, a deadlock, a lock waited for longer than
  `_LOCK_TIMEOUT`), or asyncpg refuses to send it, nothing of it was kept, and each unit
  sends its own statement again, alone, on its own connection: its own error and its own
  explanation come from there, and a unit that must wait on another transaction waits
  alone;
- any other failure (the connection lost during the statement, when whether it committed is
  unknown) is each unit's error, as it would have been alone; none is sent again, since the
  statement may have committed.

Only units whose writes are all INSERTs go together: the writes of one statement share one
snapshot, and an UPDATE could not see another unit's row. Only units of one shape (the same
statements, row counts expected and read-backs, in the same order) go together, and as many
as a power of two (the rest go next), so that a statement's text depends on that shape and on
one of six counts: the texts, and asyncpg's prepared statements on each connection, stay few.
A statement out for longer than `SLOT_HELD_SECONDS` gives its slot back, so one that waits
holds back no one queued behind it.

A unit takes a connection from the pool only when its statement goes: alone, or carrying
others' (the unit that waited longest acquires its own for the statement). A unit that waits
to go together holds none, and the units carried never take one: the pool's connections go to
statements, not to requests waiting for one. If the carrying unit's request gives up while
it still waits for its connection, nothing is sent: it leaves at once and the others go alone;
once its statement went, it waits for the statement to end before its connection goes back to
the pool. A carried unit whose request gives up before the statement goes is left out of it."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
from collections.abc import Callable

import asyncpg

from service.adapters.postgres.session import (
    ConnectionSource,
    FirstCheck,
    Write,
    one_statement,
    send_together,
)

# A unit commits at once while fewer statements than this are out; after that, units wait
# and go together.
COMMITS_IN_FLIGHT = 2
# The most units one statement carries (a member's creation has 20 parameters: PostgreSQL
# takes 65,535). Units waiting hold no connection (nothing else bounds how many wait: one
# per request in flight).
LARGEST_COMMIT = 32
# A statement out longer than this no longer holds its slot: one that waits (on a lock, say)
# does not hold back the units queued behind it. Under load a statement takes a few ms.
SLOT_HELD_SECONDS = 0.05
# How long a statement of several units waits for a lock before PostgreSQL refuses it: a
# unit that would wait on another transaction then waits alone, not with the others.
_LOCK_TIMEOUT = "100ms"

_Shape = tuple[str | None, tuple[tuple[str, int | None, str | None], ...]]


class _Unit:
    __slots__ = ("carrier", "connection", "first", "future", "gave_up", "sent", "shape", "writes")

    def __init__(
        self, connection: ConnectionSource, writes: list[Write], first: FirstCheck | None
    ) -> None:
        self.connection = connection
        self.writes = writes
        self.first = first
        # All that the statement's text depends on.
        self.shape: _Shape = (
            None if first is None else first.expression,
            tuple((write.sql, write.expected_rows, write.read_back) for write in writes),
        )
        # True: made by a statement of several units; False: to send again, alone.
        self.future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        # Its request may have given up before the statement failed: nobody else reads it.
        self.future.add_done_callback(_consume)
        # The task whose statement runs on this unit's connection, if any.
        self.carrier: asyncio.Task[None] | None = None
        # Its request gave up while it waited to be carried: left out if not sent yet.
        self.gave_up = False
        # (The carrying unit) its statement went: from then on its outcome is not known
        # until the statement ends.
        self.sent = False


class Commits:
    """One per worker, shared by its units of work (session.SharedCommits)."""

    def __init__(
        self, *, in_flight: int, largest: int, held_seconds: float = SLOT_HELD_SECONDS
    ) -> None:
        if in_flight < 1 or largest < 1:
            raise ValueError(f"in_flight ({in_flight}) and largest ({largest}) must be 1 or more")
        self._in_flight_limit = in_flight
        self._largest = largest
        self._held_seconds = held_seconds
        self._in_flight = 0
        self._waiting: list[_Unit] = []
        self._statements: set[asyncio.Task[None]] = set()

    def _take_slot(self) -> Callable[[], None]:
        """A place among the `in_flight` for one statement, and what gives it back: when the
        statement ends, or once it has been out for `held_seconds`, whichever comes first
        (once)."""
        self._in_flight += 1
        freed = False

        def free() -> None:
            nonlocal freed
            if freed:
                return
            freed = True
            timer.cancel()
            self._in_flight -= 1
            self._send_waiting()

        timer = asyncio.get_running_loop().call_later(self._held_seconds, free)
        return free

    @property
    def waiting(self) -> int:
        """Units waiting for a statement."""
        return len(self._waiting)

    async def send(
        self, connection: ConnectionSource, writes: list[Write], first: FirstCheck | None
    ) -> None:
        if not all(write.target[0] == "INSERT" for write in writes):
            await send_together(await connection(), writes, in_transaction=False, first=first)
            return
        if self._in_flight < self._in_flight_limit and not self._waiting:
            free_slot = self._take_slot()
            try:
                await send_together(await connection(), writes, in_transaction=False, first=first)
            finally:
                free_slot()
            return
        unit = _Unit(connection, writes, first)
        self._waiting.append(unit)
        self._send_waiting()
        try:
            together = await asyncio.shield(unit.future)
        except asyncio.CancelledError:
            if unit in self._waiting:  # never sent: nothing of it is made
                self._waiting.remove(unit)
            elif unit.carrier is not None:
                if not unit.sent:
                    # Still waiting for a connection: nothing is sent, the units it would
                    # have carried go alone, and this request leaves now.
                    unit.carrier.cancel()
                await _until_done(unit.carrier)  # its connection carries the statement
            else:
                unit.gave_up = True  # left out, unless its statement went already
            raise
        if not together:
            await send_together(await connection(), writes, in_transaction=False, first=first)

    def _send_waiting(self) -> None:
        loop = asyncio.get_running_loop()
        while self._waiting and self._in_flight < self._in_flight_limit:
            shape = self._waiting[0].shape
            alike = [unit for unit in self._waiting if unit.shape == shape][: self._largest]
            # A power of two: a few statement texts for each shape, not one for every count.
            batch = alike[: 1 << (len(alike).bit_length() - 1)]
            taken = {id(unit) for unit in batch}
            self._waiting = [unit for unit in self._waiting if id(unit) not in taken]
            free_slot = self._take_slot()
            # A context of its own: the statement is no one request's.
            task = loop.create_task(self._make(batch), context=contextvars.Context())
            batch[0].carrier = task
            self._statements.add(task)
            task.add_done_callback(functools.partial(self._ended, batch, free_slot))

    async def _make(self, batch: list[_Unit]) -> None:
        carrier = batch[0]
        try:
            connection = await carrier.connection()
        except asyncio.CancelledError:
            # The carrier's request gave up before anything was sent: the others go alone.
            for unit in batch[1:]:
                _settle(unit.future, False)
            raise
        except Exception as error:
            if len(batch) == 1:  # its own error, as if it had gone alone
                _settle(carrier.future, error=error)
                return
            # Nothing was sent: each unit goes alone, and meets what kept this one from a
            # connection (the pool closing, the database gone) itself.
            for unit in batch:
                _settle(unit.future, False)
            return
        # The units whose requests gave up while the connection came are left out: nothing
        # of theirs is made (as for one that gave up while queued).
        batch = [unit for unit in batch if not unit.gave_up]
        carrier.sent = True
        if len(batch) == 1:
            try:
                await send_together(
                    connection, carrier.writes, in_transaction=False, first=carrier.first
                )
            except Exception as error:  # its own error, as if it had gone alone
                _settle(carrier.future, error=error)
            else:
                _settle(carrier.future, True)
            return
        writes = [write for unit in batch for write in unit.writes]
        firsts = [unit.first for unit in batch if unit.first is not None]
        sql, args = one_statement(
            writes, counts_back=False, firsts=firsts, lock_timeout=_LOCK_TIMEOUT
        )
        try:
            row = await connection.fetchrow(sql, *args)
        except Exception as error:
            if not _surely_not_kept(error):
                for unit in batch:
                    _settle(unit.future, error=error)
                return
            # Nothing of it was kept: each unit goes again alone, to learn its own outcome.
            for unit in batch:
                _settle(unit.future, False)
        else:
            assert row is not None
            for index, write in enumerate(writes):
                if write.read_back is not None:
                    write.value = row[f"r{index}"]
            for unit in batch:
                _settle(unit.future, True)

    def _ended(
        self, batch: list[_Unit], free_slot: Callable[[], None], task: asyncio.Task[None]
    ) -> None:
        """However the statement's task ended, its slot is free again, no unit of it is left
        waiting (an error the task did not expect is theirs; a task cancelled before its
        statement went sends them alone, after, cancels them: their outcome is not known),
        and the units queued meanwhile go."""
        self._statements.discard(task)
        error = None if task.cancelled() else task.exception()
        unsent = task.cancelled() and not batch[0].sent
        for unit in batch:
            if error is not None:
                _settle(unit.future, error=error)
            elif unsent:
                _settle(unit.future, False)
            elif not unit.future.done():
                unit.future.cancel()
        free_slot()


def _settle(
    future: asyncio.Future[bool], made: bool = False, *, error: BaseException | None = None
) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(made)


def _surely_not_kept(error: Exception) -> bool:
    """PostgreSQL refused the statement (so its transaction rolled back), or asyncpg refused
    it before sending it (a closed or released connection, an argument it cannot encode). A
    connection lost while the statement was out leaves its outcome unknown."""
    if isinstance(error, asyncpg.PostgresError):
        return not isinstance(error, asyncpg.PostgresConnectionError)
    return isinstance(error, asyncpg.InterfaceError)


def _consume(future: asyncio.Future[bool]) -> None:
    if not future.cancelled():
        future.exception()


async def _until_done(task: asyncio.Task[None]) -> None:
    """Wait for `task` to end, however it ends, and however often this wait is cancelled."""
    while not task.done():
        with contextlib.suppress(BaseException):
            await asyncio.shield(task)
