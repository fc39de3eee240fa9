"""Point reads sent together: a read goes on the loop's next turn with the reads that came in
the same turn; reads that arrive while the allowed statements are out wait for the next one,
which answers each of them, in order."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Sequence

import pytest

from service.adapters.postgres.batches import PointReads


class Database:
    """Answers each key with its double; holds every statement until `let_go` (or fails)."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.gate = asyncio.Event()
        self.failure: Exception | None = None
        self.short = False

    async def run(self, keys: Sequence[int]) -> list[int]:
        self.batches.append(list(keys))
        await self.gate.wait()
        if self.failure is not None:
            raise self.failure
        answers = [2 * k for k in keys]
        return answers[:-1] if self.short else answers


async def _turns(count: int) -> None:
    for _ in range(count):
        await asyncio.sleep(0)


async def _started(reads: PointReads[int, int], keys: list[int]) -> list[asyncio.Task[int]]:
    tasks = []
    for key in keys:
        tasks.append(asyncio.create_task(reads.read(key)))
        await asyncio.sleep(0)  # each read reaches the batcher in this order
    await asyncio.sleep(0)
    return tasks


async def test_a_read_alone_goes_in_a_statement_of_its_own() -> None:
    database = Database()
    database.gate.set()
    reads = PointReads(database.run, in_flight=1, largest=10)
    assert await reads.read(7) == 14
    assert database.batches == [[7]]


async def test_reads_that_wait_go_together_and_each_gets_its_own_answer() -> None:
    database = Database()
    reads = PointReads(database.run, in_flight=1, largest=10)
    tasks = await _started(reads, [1, 2, 3, 4])
    assert database.batches == [[1]]  # the others wait for the statement out
    database.gate.set()
    assert await asyncio.gather(*tasks) == [2, 4, 6, 8]
    assert database.batches == [[1], [2, 3, 4]]


async def test_reads_that_come_in_one_turn_of_the_loop_go_in_one_statement() -> None:
    database = Database()
    reads = PointReads(database.run, in_flight=4, largest=10)
    # Five requests let through by one burst of answers: their reads come in the same turn.
    tasks = [asyncio.create_task(reads.read(k)) for k in range(5)]
    await _turns(3)  # the reads, the sending, the statement's first step
    assert database.batches == [[0, 1, 2, 3, 4]]  # not five statements of one read
    database.gate.set()
    assert await asyncio.gather(*tasks) == [0, 2, 4, 6, 8]


async def test_a_turn_with_more_reads_than_one_statement_takes_sends_as_many_as_allowed() -> None:
    database = Database()
    reads = PointReads(database.run, in_flight=2, largest=3)
    tasks = [asyncio.create_task(reads.read(k)) for k in range(8)]
    await _turns(3)
    assert database.batches == [[0, 1, 2], [3, 4, 5]]  # the rest wait for a free slot
    database.gate.set()
    assert await asyncio.gather(*tasks) == [2 * k for k in range(8)]
    assert database.batches == [[0, 1, 2], [3, 4, 5], [6, 7]]


async def test_no_statement_takes_more_than_the_largest_batch() -> None:
    database = Database()
    reads = PointReads(database.run, in_flight=1, largest=2)
    tasks = await _started(reads, [1, 2, 3, 4, 5, 6])
    database.gate.set()
    assert await asyncio.gather(*tasks) == [2, 4, 6, 8, 10, 12]
    assert database.batches == [[1], [2, 3], [4, 5], [6]]


async def test_as_many_statements_go_at_once_as_allowed() -> None:
    database = Database()
    reads = PointReads(database.run, in_flight=2, largest=10)
    tasks = await _started(reads, [1, 2, 3, 4])
    assert database.batches == [[1], [2]]
    database.gate.set()
    assert await asyncio.gather(*tasks) == [2, 4, 6, 8]
    assert sorted(map(tuple, database.batches)) == [(1,), (2,), (3, 4)]


async def test_a_failed_statement_fails_every_read_in_it_and_the_next_statement_stands() -> None:
    database = Database()
    reads = PointReads(database.run, in_flight=1, largest=10)
    tasks = await _started(reads, [1, 2, 3])
    database.failure = ConnectionResetError("the server went away")
    database.gate.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(r, ConnectionResetError) for r in results), results
    database.failure = None
    assert await reads.read(5) == 10


async def test_a_statement_that_does_not_answer_every_read_fails_them_all() -> None:
    database = Database()
    database.short = True
    reads = PointReads(database.run, in_flight=1, largest=10)
    tasks = await _started(reads, [1, 2, 3])
    database.gate.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert isinstance(results[0], RuntimeError)  # one answer short of one read: none is trusted
    assert all(isinstance(r, RuntimeError) for r in results[1:]), results


async def test_a_read_given_up_while_waiting_is_not_sent_and_the_others_are_answered() -> None:
    database = Database()
    reads = PointReads(database.run, in_flight=1, largest=10)
    tasks = await _started(reads, [1, 2, 3])
    tasks[1].cancel()
    database.gate.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert results[0] == 2
    assert results[2] == 6
    assert isinstance(results[1], asyncio.CancelledError)
    assert database.batches == [[1], [3]]  # the read given up was not sent


async def test_reads_are_answered_in_the_order_they_came() -> None:
    database = Database()
    database.gate.set()
    reads = PointReads(database.run, in_flight=1, largest=3)
    answers = await asyncio.gather(*(reads.read(k) for k in range(10)))
    assert answers == [2 * k for k in range(10)]
    assert [k for batch in database.batches for k in batch] == list(range(10))


@pytest.mark.parametrize("in_flight", [0, -1])
def test_at_least_one_statement_must_be_allowed(in_flight: int) -> None:
    with pytest.raises(ValueError, match="in_flight"):
        PointReads(Database().run, in_flight=in_flight, largest=10)


async def test_a_statement_cancelled_before_it_began_frees_its_slot_and_ends_its_reads() -> None:
    database = Database()
    database.gate.set()
    reads = PointReads(database.run, in_flight=1, largest=10)
    first = asyncio.create_task(reads.read(1))
    await asyncio.sleep(0)  # the read is waiting for the loop's next turn
    await asyncio.sleep(0)  # the statement's task exists, and has not run a step yet
    assert len(reads._batches) == 1
    for task in list(reads._batches):
        task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    assert database.batches == []
    assert await reads.read(2) == 4  # the slot is free: later reads still go


async def test_reads_queued_behind_a_cancelled_statement_still_go() -> None:
    database = Database()
    reads = PointReads(database.run, in_flight=1, largest=10)
    tasks = await _started(reads, [1, 2, 3])
    for task in list(reads._batches):
        task.cancel()
    database.gate.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert isinstance(results[0], asyncio.CancelledError)
    assert results[1:] == [4, 6]


async def test_a_statement_does_not_run_in_the_context_of_the_read_that_started_it() -> None:
    request = contextvars.ContextVar("request", default="none")
    seen: list[str] = []

    async def run(keys: Sequence[int]) -> list[int]:
        seen.append(request.get())
        return list(keys)

    reads = PointReads(run, in_flight=1, largest=10)
    request.set("a request")
    assert await reads.read(1) == 1
    assert seen == ["none"]
