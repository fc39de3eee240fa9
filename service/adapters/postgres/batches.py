"""Point reads sent to PostgreSQL together: the reads that arrive while earlier ones are in
flight wait for the next statement, which answers all of them in one round trip.

A read goes on the event loop's next turn, together with every read that came in the same
turn (a burst of answers lets as many requests through at once), in a statement of its own
while fewer than `in_flight` statements are out; past that, reads queue, and each statement
that ends sends the next with every one waiting (up to `largest`). So an idle service answers
as before (one turn of the loop later), and a busy one spends one round trip, one statement's
overhead in PostgreSQL and one asyncpg call on many requests instead of one each. `largest`
well under the number of requests in progress keeps the statements small and several out at
once, so that answers come back while the next reads are being parsed: one statement carrying
every request leaves the process idle while it runs."""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

K = TypeVar("K")
R = TypeVar("R")


class PointReads(Generic[K, R]):
    """`read(key)` answers what `run` gives for that key; `run` takes the keys of one batch, in
    order, and answers for each in the same order (it must answer every key)."""

    def __init__(
        self,
        run: Callable[[Sequence[K]], Awaitable[Sequence[R]]],
        *,
        in_flight: int,
        largest: int,
    ) -> None:
        if in_flight < 1 or largest < 1:
            raise ValueError(f"in_flight ({in_flight}) and largest ({largest}) must be 1 or more")
        self._run = run
        self._in_flight_limit = in_flight
        self._largest = largest
        self._in_flight = 0
        self._waiting: list[tuple[K, asyncio.Future[R]]] = []
        self._batches: set[asyncio.Task[None]] = set()
        self._sending_soon = False

    async def read(self, key: K) -> R:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[R] = loop.create_future()
        self._waiting.append((key, future))
        if not self._sending_soon and self._in_flight < self._in_flight_limit:
            # Sent on the loop's next turn: the reads of the other requests that this turn
            # lets through go in the same statement, not one statement each.
            self._sending_soon = True
            loop.call_soon(self._send_soon)
        return await future

    def _send_soon(self) -> None:
        self._sending_soon = False
        self._send_while_slots_are_free()

    def _send_while_slots_are_free(self) -> None:
        while self._waiting and self._in_flight < self._in_flight_limit:
            self._send()

    def _send(self) -> None:
        # A read whose request gave up while it waited is not sent.
        self._waiting = [(key, future) for key, future in self._waiting if not future.done()]
        if not self._waiting:
            return
        batch = self._waiting[: self._largest]
        del self._waiting[: self._largest]
        self._in_flight += 1
        # A context of its own: the statement is no one request's (its log lines must not
        # carry the request id of whichever read happened to start it).
        task = asyncio.get_running_loop().create_task(
            self._answer(batch), context=contextvars.Context()
        )
        self._batches.add(task)
        task.add_done_callback(functools.partial(self._ended, batch))

    async def _answer(self, batch: list[tuple[K, asyncio.Future[R]]]) -> None:
        try:
            answers = await self._run([key for key, _ in batch])
            if len(answers) != len(batch):
                raise RuntimeError(f"{len(answers)} answers for {len(batch)} reads")
        except Exception as error:  # every read of the batch fails as the statement did
            for _, future in batch:
                if not future.done():
                    future.set_exception(error)
        else:
            for (_, future), answer in zip(batch, answers, strict=True):
                if not future.done():  # its request may have given up meanwhile
                    future.set_result(answer)

    def _ended(self, batch: list[tuple[K, asyncio.Future[R]]], task: asyncio.Task[None]) -> None:
        """However the statement's task ended (even cancelled before it began), its slot is
        free again, no read of it is left waiting, and the reads queued meanwhile go."""
        self._batches.discard(task)
        self._in_flight -= 1
        for _, future in batch:
            if not future.done():
                future.cancel()
        self._send_while_slots_are_free()
