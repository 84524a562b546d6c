"""An opt-out import counted and written in a process of its own, so a window never waits on it.

The window's process only sends the file as it was read (a TableSource), the column, the
scope and the typed count, and receives progress, the counts and the finished import. The
reading, cleaning, de-duplicating, counting and writing (all Python work that would hold
the interpreter lock the window needs) happen in the helper process, which keeps what it
read between the counting and the import, so the import after the confirmation only writes.
"""

from __future__ import annotations

import logging
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from optout_desktop.core.child_process import bare_main, spawn_context
from optout_desktop.core.db import opening
from optout_desktop.core.db.models import ImportRun
from optout_desktop.core.errors import Cancelled, OptOutError
from optout_desktop.core.optouts import imports
from optout_desktop.core.progress import CancelFlag, Progress, ProgressCallback
from optout_desktop.core.reading.scanning import Scan
from optout_desktop.core.reading.sources import TableSource
from optout_desktop.core.texts import t

log = logging.getLogger(__name__)
STOPPED = t("The import’s helper process stopped unexpectedly; nothing was written.")
POLL_S = 0.05  # how often the waiting side looks at the cancel flag
PROGRESS_EVERY_S = 0.05  # progress messages at most this often (the window redraws on each)


class HelperFailed(OptOutError):
    """The helper process stopped or failed in a way that is not a plain refusal."""


@dataclass(frozen=True)
class _Target:
    database: str
    password: str | None


class ImportProcess:
    """One helper process for a window's opt-out imports: plan, then run, then the next file.

    Each call blocks its caller (the window's worker thread) until the helper answers,
    passing progress on and a cancel through. Not for use from two threads at once.
    """

    def __init__(self, database: Path | str, password: str | None = None) -> None:
        self._target = _Target(str(database), password)
        self._context = spawn_context()
        self._cancel = self._context.Event()
        self._process: Any = None
        self._connection: Any = None

    def plan(
        self,
        source: TableSource,
        column: str | int,
        scope_id: int,
        progress: ProgressCallback | None = None,
        cancel: CancelFlag | None = None,
    ) -> imports.OptOutPlan:
        """Read the file and count what an import would do (a dry run, in the helper).

        The plan returned here holds the counts, not the addresses: those stay in the
        helper for `run`.
        """
        answer = self._ask(("plan", source, column, scope_id), progress, cancel)
        name, checksum, counts = answer
        scan = Scan(
            rows=counts.rows,
            blank=counts.blank,
            invalid=counts.invalid,
            duplicates=counts.duplicates,
            domains=counts.domains,
        )
        return imports.OptOutPlan(source, name, scope_id, checksum, counts, scan)

    def run(
        self,
        confirm: int,
        progress: ProgressCallback | None = None,
        cancel: CancelFlag | None = None,
    ) -> ImportRun:
        """Write the last plan's import (the helper still holds its addresses)."""
        if self._process is not None and not self._process.is_alive():
            self.close()  # it took the counted addresses with it
            raise HelperFailed(STOPPED)
        run_id = self._ask(("run", confirm), progress, cancel)
        return ImportRun.get_by_id(run_id)

    def close(self) -> None:
        """Stop the helper (it ends by itself, too, when this process goes)."""
        if self._process is None:
            return
        try:
            self._connection.send(("stop",))
        except (OSError, ValueError):
            pass
        self._process.join(5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(5)
        self._connection.close()
        self._process = self._connection = None

    def _start(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        ours, theirs = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(theirs, self._cancel, self._target), daemon=True
        )
        with bare_main():
            process.start()
        theirs.close()
        self._process, self._connection = process, ours

    def _ask(
        self,
        request: tuple[Any, ...],
        progress: ProgressCallback | None,
        cancel: CancelFlag | None,
    ) -> Any:
        self._start()
        self._cancel.clear()
        self._connection.send(request)
        while True:
            if cancel is not None and cancel.is_set():
                self._cancel.set()
            if not self._connection.poll(POLL_S):
                if not self._process.is_alive():
                    self.close()
                    raise HelperFailed(STOPPED)
                continue
            try:
                kind, payload = self._connection.recv()
            except (EOFError, OSError):
                self.close()
                raise HelperFailed(STOPPED) from None
            if kind == "progress":
                if progress is not None:
                    progress(Progress(*payload))
            elif kind == "error":
                raise payload
            else:
                return payload


def _serve(connection: Any, cancel: Any, target: _Target) -> None:
    """The helper's loop: open the database once, then answer plan and run requests."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the starting process's to handle
    last = [0.0]

    def progress(step: Progress) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY_S or step.done >= step.total:
            last[0] = now
            connection.send(("progress", (step.phase, step.done, step.total)))

    plan: imports.OptOutPlan | None = None
    opened = False
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        kind = request[0]
        if kind == "stop":
            return
        try:
            if not opened:
                opening.open_database(target.database, target.password)
                opened = True
            if kind == "plan":
                _, source, column, scope_id = request
                plan = None  # the last file's addresses go before the next file is read
                plan = imports.plan_optouts(source, column, scope_id, progress, cancel)
                answer: Any = (plan.column, plan.checksum, plan.counts)
            elif kind == "run":
                if plan is None:
                    raise HelperFailed(t("Count the file again before importing it."))
                run = imports.run_optouts(plan, request[1], progress, cancel)
                answer = int(run.id)
            else:
                raise ValueError(f"unknown request {kind!r}")
        except (OptOutError, Cancelled) as error:
            connection.send(("error", error))
        except Exception as error:  # noqa: BLE001 - sent on as a plain failure, logged here
            log.exception("the import helper failed")
            failure = HelperFailed(t("Something went wrong: {error}", error=str(error)))
            connection.send(("error", failure))
        else:
            connection.send(("done", answer))
