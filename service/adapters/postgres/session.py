"""The connection a unit of work hands its repositories: it opens the transaction only when a
statement needs one, and holds writes back until a statement needs them sent.

A unit of work that only writes (create a member, append its event, store the idempotent
response) needs no transaction of its own: its writes go to PostgreSQL at commit as one
statement, which is atomic by itself. That is one round trip where BEGIN, each INSERT and
COMMIT took one each. As soon as a unit of work reads, the transaction opens and the writes
held so far are sent. Writes after that are held again, until the next read (which must see
them) or the commit, and then sent together as one statement when they are independent of
one another (otherwise one by one, in order): a unit of work that reads, then writes three
rows, costs BEGIN, the read, one statement and COMMIT. Reads always see the writes before
them, and nothing behaves differently from a plain transaction, except that a write's error
is raised by the statement that sends it (the next read, or the commit).

What may be held back (a `Write`), checked when a statement is first seen and refused with a
ValueError otherwise:
- one INSERT, UPDATE or DELETE, with no RETURNING (its result cannot come back; what the
  answer needs comes back as its `read_back`) and no `;`;
- its parameters only as `$n`, none inside a string literal (they are renumbered).
What may be sent together, checked at commit and refused with a ValueError otherwise:
- writes that do not depend on one another. The writes of one statement share one snapshot, so
  an UPDATE or DELETE cannot see a row another write of the batch inserts or changes: a table
  that is updated or deleted from may be written by that one write of the batch only.
Anything else goes through execute(), which opens the transaction first.

A unit of work may also hold back one check that must pass before anything of it is kept (a
`FirstCheck`: the Idempotency-Key's hold). When a read opens the transaction, the check is the
first statement after BEGIN; when the unit of work only writes, it is the first column of the
one statement that sends the writes, evaluated before the writes' CTEs run, and its failure
(an error raised by the expression) ends the statement with nothing kept; the check then
explains any failure of that statement. Either way it costs no round trip of its own."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any, Protocol, TypeAlias

import asyncpg
from asyncpg.transaction import Transaction

from service.adapters.postgres.pool import DbConnection

# Raised by expect_rows() (migration 0011) when a write changed another number of rows.
_UNEXPECTED_ROWS = "SNW01"
_PLACEHOLDER = re.compile(r"\$(\d+)")
_LITERAL = re.compile(r"'(?:[^']|'')*'")
_TARGET = re.compile(
    r"^(?:(INSERT)\s+INTO|(UPDATE)|(DELETE)\s+FROM)\s+([a-z_][a-z0-9_]*)\b", re.IGNORECASE
)


class Write:
    """One INSERT, UPDATE or DELETE (without RETURNING) that may be held back. When it must
    change exactly `expected_rows` rows and does not, nothing of the unit of work is kept and
    `explain()` gives the error to raise, read from the database as it is then.

    Writes sent together share one snapshot: one of them cannot see or change a row another
    one inserts or changes. Only writes that touch rows of their own belong here (a new row,
    the row of a claim only this request holds)."""

    __slots__ = ("args", "expected_rows", "explain", "read_back", "sql", "target", "value")

    def __init__(
        self,
        sql: str,
        *args: Any,
        expected_rows: int | None = None,
        explain: Callable[[], Awaitable[Exception]] | None = None,
        read_back: str | None = None,
    ) -> None:
        """`read_back`: a scalar SQL expression over the write's own parameters, evaluated in
        the statement that sends the write (so as the database was just before it: one
        snapshot), its result in `value` once the write is sent. What a write's answer needs
        from the database, without a round trip of its own."""
        assert (expected_rows is None) == (explain is None), "an expectation needs its error"
        self.sql, self.target = _sendable.get(sql) or _check_sendable(sql)
        if read_back is not None:
            _check_sendable_expression(read_back)
        self.args = args
        self.expected_rows = expected_rows
        self.explain = explain
        self.read_back = read_back
        self.value: Any = None


class FirstCheck(Protocol):
    """A check held back until the unit of work's first statement (see the module docstring)."""

    expression: str
    """A scalar SQL expression over `args` as $1..$n that raises when the check fails. It runs
    in the statement of a unit of work that only writes, so what it takes (a transaction-level
    lock) lasts until that statement's commit."""

    args: tuple[Any, ...]

    async def run(self, connection: DbConnection) -> None:
        """The check as a statement of its own, in the open transaction: raises if it fails."""
        ...

    async def explain(self, connection: DbConnection, error: Exception) -> Exception | None:
        """The statement that carried `expression` failed with `error` (the check's own error,
        or any other: the check may not have run). `connection` is outside any transaction.
        What to raise instead, or None to go on as without the check (a write's own
        `explain`, or `error` itself)."""
        ...


# What gets a unit of work its connection, the first time a statement needs one; later calls
# give the same connection.
ConnectionSource: TypeAlias = Callable[[], Awaitable[DbConnection]]


class SharedCommits(Protocol):
    """Where a unit of work that only writes sends its statement at commit (commits.py)."""

    async def send(
        self, connection: ConnectionSource, writes: list[Write], first: FirstCheck | None
    ) -> None:
        """Make `writes` (after `first`) as `send_together` would on the unit's connection
        (got from `connection` only if its statement goes alone), alone or in one statement
        with other units of work's: what is raised, and what the writes read back, is what
        sending them alone would give."""
        ...


# Each statement text is checked once, not per request: its text, and (verb, table) it writes.
_sendable: dict[str, tuple[str, tuple[str, str]]] = {}


def _check_sendable(raw: str) -> tuple[str, tuple[str, str]]:
    sql = raw.strip()
    target = _TARGET.match(sql)
    # What would not survive being wrapped as `wN AS (<sql> RETURNING 1)` and renumbered.
    if (
        target is None
        or "$" in _PLACEHOLDER.sub("", sql)
        # A `$1` inside a literal is not a parameter.
        or any("$" in literal for literal in _LITERAL.findall(sql))
        or ";" in sql
        or re.search(r"\breturning\b", sql, re.IGNORECASE)
    ):
        raise ValueError(f"not a write that can be sent with others: {sql[:60]!r}")
    verb = next(word for word in target.groups()[:3] if word).upper()
    checked = (sql, (verb, target.group(4).lower()))
    _sendable[raw] = checked
    return checked


def _check_sendable_expression(expression: str) -> None:
    if (
        "$" in _PLACEHOLDER.sub("", expression)
        or any("$" in literal for literal in _LITERAL.findall(expression))
        or ";" in expression
    ):
        raise ValueError(f"not an expression that can be sent with others: {expression[:60]!r}")


def _dependency(writes: list[Write]) -> str | None:
    """Why one write of the batch could depend on another (see the module docstring), or None
    when they may go as one statement."""
    written: dict[str, int] = {}
    for write in writes:
        written[write.target[1]] = written.get(write.target[1], 0) + 1
    for verb, table in (write.target for write in writes):
        if verb != "INSERT" and written[table] > 1:
            return (
                f"{verb} of {table} held back with another write of {table}: in one statement "
                "it would not see that write's rows; send one of them with execute()"
            )
    return None


def rows_changed(status: str) -> int:
    # "INSERT 0 1", "UPDATE 3", "DELETE 0": the count is the last word.
    return int(status.rsplit(" ", 1)[1])


class Session:
    """Repositories talk to the database through this; see the module docstring."""

    def __init__(
        self,
        connection: DbConnection | None = None,
        *,
        acquire: ConnectionSource | None = None,
        in_transaction: bool = False,
        commits: SharedCommits | None = None,
    ) -> None:
        """`connection`, or `acquire`: what gets one when a statement first needs it (a unit
        of work whose statement goes with others' at commit never asks for one).
        `in_transaction`: the caller already opened one, so nothing is held back.
        `commits`: where the statement of a unit of work that only writes goes at commit, to
        be sent with others' (commits.py); without it, it goes alone."""
        if (connection is None) == (acquire is None):
            raise ValueError("a session takes a connection or a way to acquire one")
        self._connection = connection
        self._acquire = acquire
        self._in_transaction = in_transaction
        self._commits = commits
        self._transaction: Transaction | None = None
        self._held: list[Write] = []
        self._first: FirstCheck | None = None
        self._ended = False  # committed: nothing more may be sent
        self._lost_writes = False  # a held write or the commit failed: nothing more to commit

    async def _connected(self) -> DbConnection:
        if self._connection is None:
            assert self._acquire is not None
            self._connection = await self._acquire()
        return self._connection

    @property
    def acquired(self) -> DbConnection | None:
        """The connection this session has, if it was given one or has got one from
        `acquire`: its owner gives it back."""
        return self._connection

    @property
    def _open_connection(self) -> DbConnection:
        """The connection of a statement sent after _open() (which acquires it)."""
        assert self._connection is not None
        return self._connection

    @property
    def began(self) -> bool:
        return self._in_transaction or self._transaction is not None

    def _check_open(self) -> None:
        if self._ended:
            raise RuntimeError("the unit of work was committed: open a new one")

    async def begin(self) -> None:
        """Open the transaction now (if not yet) and send what was held back."""
        self._check_open()
        await self._open()
        await self._run_first()
        await self._send_held()

    async def _send_held(self) -> None:
        held, self._held = self._held, []
        try:
            if len(held) > 1 and _dependency(held) is None:
                await send_together(self._open_connection, held, in_transaction=True)
            else:
                for write in held:
                    await self._send(write)
        except BaseException:
            self._lost_writes = True  # a caller catching this must not commit the rest
            raise

    async def _send(self, write: Write) -> None:
        if write.read_back is not None:
            row = await self._open_connection.fetchrow(
                f"WITH w AS ({write.sql} RETURNING 1) "  # noqa: S608 (checked statements)
                f"SELECT (SELECT count(*) FROM w) AS changed, {write.read_back} AS value",
                *write.args,
            )
            assert row is not None
            write.value, changed = row["value"], row["changed"]
        else:
            changed = rows_changed(await self._open_connection.execute(write.sql, *write.args))
        if write.expected_rows is not None and changed != write.expected_rows:
            assert write.explain is not None
            raise await write.explain()

    async def check_first(self, check: FirstCheck) -> None:
        """Hold `check` back until the first statement (see FirstCheck); in an open
        transaction, run it now."""
        self._check_open()
        if self._first is not None:
            raise RuntimeError("a unit of work holds one first check")
        self._first = check
        if self.began:
            await self._run_first()

    async def check_now(self) -> None:
        """Run the first check now if it is still held back (no statement was sent), in a
        transaction opened for it; the writes held back stay held."""
        if self._first is not None:
            self._check_open()
            await self._open()
            await self._run_first()

    async def _open(self) -> None:
        if not self.began:
            transaction = (await self._connected()).transaction()
            await transaction.start()
            self._transaction = transaction

    async def _run_first(self) -> None:
        if self._first is not None:
            first, self._first = self._first, None
            try:
                await first.run(self._open_connection)
            except BaseException:
                self._lost_writes = True  # nothing of this unit of work may be kept
                raise

    async def write(self, write: Write) -> None:
        """Hold `write` back until the next statement that needs it sent (a read, or the
        commit); in a transaction the caller opened, send it now."""
        self._check_open()
        if self._in_transaction:
            await self._send(write)
        else:
            self._held.append(write)

    async def execute(self, query: str, *args: Any) -> str:
        await self.begin()
        return await self._open_connection.execute(query, *args)

    async def fetch(self, query: str, *args: Any) -> list[asyncpg.Record]:
        await self.begin()
        return await self._open_connection.fetch(query, *args)

    async def fetchrow(self, query: str, *args: Any) -> asyncpg.Record | None:
        await self.begin()
        return await self._open_connection.fetchrow(query, *args)

    async def fetchval(self, query: str, *args: Any) -> Any:
        await self.begin()
        return await self._open_connection.fetchval(query, *args)

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """A nested transaction: a failure inside it leaves the outer one usable."""
        await self.begin()
        lost_before = self._lost_writes
        try:
            async with self._open_connection.transaction():
                yield
                await self._send_held()  # what was written inside it belongs to it
        except BaseException:
            # Rolled back to the savepoint: what was written inside it, sent or not, is gone,
            # and the transaction is as it was before it.
            self._held = []
            self._lost_writes = lost_before
            raise

    async def commit(self) -> None:
        self._check_open()
        if self._lost_writes:
            raise RuntimeError("a write of this unit of work failed; it cannot commit")
        try:
            if self._transaction is not None:
                assert self._first is None, "a transaction opens with the first check"
                await self._send_held()  # a failure here leaves the transaction to roll back
                # Whatever COMMIT answers, the server has ended the transaction: nothing to
                # roll back afterwards (a rollback would only hide the real error).
                transaction, self._transaction = self._transaction, None
                await transaction.commit()
            elif self._held or self._first is not None:
                held, self._held = self._held, []
                first, self._first = self._first, None
                if self._commits is not None:
                    await self._commits.send(self._connected, held, first)
                else:
                    await send_together(
                        await self._connected(), held, in_transaction=False, first=first
                    )
        except BaseException:
            self._lost_writes = True  # a second commit() must not report what did not happen
            raise
        self._ended = True

    async def rollback(self) -> None:
        """Forget what was held back; roll back what was sent."""
        self._held = []
        self._first = None
        if self._transaction is not None:
            transaction, self._transaction = self._transaction, None
            await transaction.rollback()


async def send_together(
    connection: DbConnection,
    writes: list[Write],
    *,
    in_transaction: bool,
    first: FirstCheck | None = None,
) -> None:
    """The writes as one statement on `connection`. Outside a transaction the statement
    checks the rows changed itself, and fails (so nothing of it is kept); inside one it
    hands the counts back, so that the transaction is still usable for the reads that explain
    a count that is not the one expected.
    `first`: the held-back first check, evaluated by the statement before its writes."""
    if (
        first is None
        and len(writes) == 1
        and writes[0].expected_rows is None
        and writes[0].read_back is None
    ):
        await connection.execute(writes[0].sql, *writes[0].args)
        return
    sql, args = one_statement(
        writes, counts_back=in_transaction, firsts=() if first is None else (first,)
    )
    try:
        row = await connection.fetchrow(sql, *args)
        assert row is not None
        for index, write in enumerate(writes):
            if write.read_back is not None:
                write.value = row[f"r{index}"]
    except asyncpg.PostgresError as error:
        if first is not None and (instead := await first.explain(connection, error)) is not None:
            raise instead from None
        if getattr(error, "sqlstate", None) != _UNEXPECTED_ROWS:
            raise
        explain = writes[int(getattr(error, "detail", ""))].explain
        assert explain is not None
        raise await explain() from None
    if in_transaction:
        for index, write in enumerate(writes):
            if write.expected_rows is not None and row[f"c{index}"] != write.expected_rows:
                assert write.explain is not None
                raise await write.explain()


_Shape = tuple[
    bool,
    str | None,
    tuple[tuple[str, int], ...],
    tuple[tuple[str, int, int | None, str | None], ...],
]
_statements: dict[_Shape, str] = {}


def one_statement(
    writes: Sequence[Write],
    *,
    counts_back: bool,
    firsts: Sequence[FirstCheck] = (),
    lock_timeout: str | None = None,
) -> tuple[str, list[Any]]:
    """The writes as data-modifying CTEs of one statement, placeholders renumbered in order,
    ended by the row-count check (or, `counts_back`, by the counts themselves). The text is
    the same for the same writes, so asyncpg's statement cache prepares it once per
    connection. The `firsts`' expressions are the first columns, in order: the executor
    evaluates a target list in order, and runs a CTE only when a later column first reads it,
    so a failing check ends the statement before any write is made. `lock_timeout` (a
    literal such as '100ms'), when given, is set for the statement's own transaction by a
    column before those: the longest any lock the writes need may be waited for."""
    shape: _Shape = (
        counts_back,
        lock_timeout,
        tuple((f.expression, len(f.args)) for f in firsts),
        tuple((w.sql, len(w.args), w.expected_rows, w.read_back) for w in writes),
    )
    sql = _statements.get(shape)
    if sql is None:
        if (dependency := _dependency(list(writes))) is not None:
            raise ValueError(dependency)
        columns: list[str] = []
        if lock_timeout is not None:
            if not re.fullmatch(r"\d+(ms|s)", lock_timeout):
                raise ValueError(f"not a lock timeout: {lock_timeout!r}")
            columns.append(f"set_config('lock_timeout', '{lock_timeout}', true) AS t")
        offset = 0
        for index, first in enumerate(firsts):
            _check_sendable_expression(first.expression)
            columns.append(f"{_renumbered(first.expression, offset)} AS g{index}")
            offset += len(first.args)
        parts, counts, read_backs = [], [], []
        for index, write in enumerate(writes):
            parts.append(f"w{index} AS ({_renumbered(write.sql, offset)} RETURNING 1)")
            counts.append(f"(SELECT count(*) FROM w{index})")  # noqa: S608 (index only)
            if write.read_back is not None:
                read_backs.append(f", {_renumbered(write.read_back, offset)} AS r{index}")
            offset += len(write.args)
        expected = ", ".join(
            str(-1 if w.expected_rows is None else w.expected_rows) for w in writes
        )
        # Counts back one column each: an array would cost the connection a round trip to
        # look its type up, the first time.
        if counts_back:
            columns += [f"{count} AS c{index}" for index, count in enumerate(counts)]
        elif counts:
            columns.append(f"expect_rows(ARRAY[{', '.join(counts)}], ARRAY[{expected}])")
        ctes = f"WITH {', '.join(parts)} " if parts else ""
        sql = f"{ctes}SELECT {', '.join(columns)}{''.join(read_backs)}"
        _statements[shape] = sql
    return sql, [arg for first in firsts for arg in first.args] + [
        arg for write in writes for arg in write.args
    ]


def _renumbered(sql: str, shift: int) -> str:
    return _PLACEHOLDER.sub(lambda match: f"${int(match.group(1)) + shift}", sql)
