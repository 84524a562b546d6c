"""Long jobs in a process of their own (counting, importing, exporting, undoing), so a window
never waits on them.

The window's process sends the file as it was read (a TableSource), the column, the scope
and the typed count, and receives progress, the counts and the finished import. Reading,
cleaning, de-duplicating, counting and writing (Python work that would hold the interpreter
lock the window needs) happen in the helper, which keeps what it read between the counting
and the import, so the import after the confirmation only writes. Where no helper process
can start, the same work runs in the calling thread instead.
"""

from __future__ import annotations

import atexit
import logging
import os
import signal
import threading
import time
import weakref
from collections.abc import Callable
from multiprocessing import resource_tracker
from pathlib import Path
from typing import Any

from optout_desktop.core.child_process import niceness, nicer_than, spawn_context, start_nicer
from optout_desktop.core.db import opening
from optout_desktop.core.db.failures import DATABASE_ERRORS
from optout_desktop.core.db.models import ImportRun
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts import import_table, imports
from optout_desktop.core.optouts.confirmation_wait import ConfirmationWait, NotConfirmed
from optout_desktop.core.optouts.reasons import ReasonChoice
from optout_desktop.core.progress import CancelFlag, Progress, ProgressCallback
from optout_desktop.core.reading.scanning import Scan
from optout_desktop.core.reading.sources import TableSource
from optout_desktop.core.texts import t

log = logging.getLogger(__name__)
STOPPED = t("The import’s helper process stopped unexpectedly; nothing was written.")
POLL_S = 0.05  # how often the waiting side looks at the cancel flag
PROGRESS_EVERY_S = 0.05  # progress messages at most this often (the window redraws on each)
PROGRESS = "<progress>"  # in call()'s arguments: the helper's progress callback goes here
CANCEL = "<cancel>"  # in call()'s arguments: the helper's cancel flag goes here


class HelperFailed(OptOutError):
    """The helper process stopped or failed in a way that is not a plain refusal."""


def prepare() -> None:
    """Start now what helper processes need of this one: on POSIX, multiprocessing's resource
    tracker (a process of its own, started with the first helper's cancel flag). Started
    later, from a window that is drawing, it holds the interpreter lock some 50 ms."""
    if os.name == "posix":
        resource_tracker.ensure_running()


class ImportProcess:
    """One helper process for a window's long jobs: plan, then run, then the next file.

    Each call blocks its caller (the window's worker thread) until the helper answers,
    passing progress on and a cancel through. Not for use from two threads at once.
    """

    def __init__(self, database: Path | str | None = None, password: str | None = None) -> None:
        if database is None:
            database, password = opening.opened()
        self._target = (str(database), password)
        self._context = spawn_context()
        self._cancel = self._context.Event()
        self._process: Any = None
        self._connection: Any = None
        self._local_plan: imports.OptOutPlan | None = None  # when no helper could start
        self._talking = threading.Lock()  # one exchange with the helper at a time

    def start(self) -> None:
        """Start the helper now (it opens the database), so the first count need not wait."""
        try:
            self._start()
        except (OSError, ValueError, ImportError):
            log.info("no helper process; long jobs run in this process", exc_info=True)

    def plan(
        self,
        source: TableSource,
        column: str | int,
        scope_id: int,
        progress: ProgressCallback | None = None,
        cancel: CancelFlag | None = None,
        choice: ReasonChoice | None = None,
    ) -> imports.OptOutPlan:
        """Read the file and count what an import would do (a dry run, in the helper), with
        why its addresses are suppressed (`choice`: imports.reason_choice; None for what the
        file itself says).

        The plan returned here holds the counts, not the addresses: those stay in the
        helper for `run`.
        """
        self._local_plan = None
        request = ("plan", source, column, scope_id, choice)
        try:
            name, checksum, counts, chosen, fates = self._ask(request, progress, cancel)
        except _NoHelper:
            self._local_plan = imports.plan_optouts(
                source, column, scope_id, progress, cancel, choice=choice
            )
            return self._local_plan
        scan = Scan(
            rows=counts.rows,
            blank=counts.blank,
            invalid=counts.invalid,
            duplicates=counts.duplicates,
            domains=counts.domains,
        )
        return imports.OptOutPlan(
            source, name, scope_id, checksum, counts, scan, chosen, fates=fates
        )

    def run(
        self,
        confirm: int,
        progress: ProgressCallback | None = None,
        cancel: CancelFlag | None = None,
    ) -> ImportRun:
        """Write the last plan's import (the helper still holds its addresses)."""
        if self._local_plan is not None:
            return imports.run_optouts(self._local_plan, confirm, progress, cancel)
        if self._process is not None and not self._process.is_alive():
            self.close()  # it took the counted addresses with it
            raise HelperFailed(STOPPED)
        run_id = self._ask(("run", confirm), progress, cancel)
        return ImportRun.get_by_id(run_id)

    def prepare(self) -> None:
        """Start writing the last plan's import while the user confirms it: the helper
        commits it only when `run` brings the right number, and rolls it back without a
        trace on `abandon`, on any other request, or after a while (confirmation_wait).

        Returns at once, without an answer; does nothing while the helper is busy, or
        where there is none (`run` then writes it all, as without this)."""
        self._tell(("prepare",))

    def abandon(self) -> None:
        """The confirmation was refused: stop and roll back what `prepare` writes or wrote
        (returns at once)."""
        self._tell(("abandon",), stop_writing=True)

    def call(
        self,
        function: Callable[..., Any],
        *args: Any,
        progress: ProgressCallback | None = None,
        cancel: CancelFlag | None = None,
        **kwargs: Any,
    ) -> Any:
        """Run a core function (a module-level one) in the helper and give back its result.

        Arguments that are PROGRESS or CANCEL become the helper's progress callback and
        cancel flag there; in this process, `progress` and `cancel` take their place.
        """
        try:
            return self._ask(("call", function, args, kwargs), progress, cancel)
        except _NoHelper:
            swap = {PROGRESS: progress, CANCEL: cancel}
            here = [swap.get(a, a) if isinstance(a, str) else a for a in args]
            named = {k: swap.get(v, v) if isinstance(v, str) else v for k, v in kwargs.items()}
            return function(*here, **named)

    def close(self) -> None:
        """Stop the helper (it is stopped, too, when this object or this process goes)."""
        if self._process is None:
            return
        self._finalizer()
        _running.discard(self._finalizer)
        self._process = self._connection = None

    def _start(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        if self._process is not None:
            self.close()
        ours, theirs = self._context.Pipe()
        # Not a daemon: the helper starts a reader process of its own for a big file. It
        # ends when its pipe closes, which finalize makes sure of when this process ends.
        process = self._context.Process(
            target=_serve, args=(theirs, self._cancel, self._target, niceness())
        )
        start_nicer(process)
        theirs.close()
        self._process, self._connection = process, ours
        self._finalizer = weakref.finalize(self, _stop, process, ours, self._cancel)
        _stop_at_exit(self._finalizer)

    def _tell(self, request: tuple[Any, ...], stop_writing: bool = False) -> None:
        """Send a request that has no answer, if the helper runs and nobody talks to it;
        with `stop_writing`, the cancel flag stops what it writes first (the next request
        clears the flag)."""
        if self._local_plan is not None or self._process is None:
            return
        if not self._talking.acquire(blocking=False):
            return
        try:
            if stop_writing:
                self._cancel.set()
            else:
                self._cancel.clear()
            self._connection.send(request)
        except (OSError, ValueError):
            log.info("could not send %s to the helper", request[0], exc_info=True)
        finally:
            self._talking.release()

    def _ask(
        self,
        request: tuple[Any, ...],
        progress: ProgressCallback | None,
        cancel: CancelFlag | None,
    ) -> Any:
        with self._talking:
            return self._exchange(request, progress, cancel)

    def _exchange(
        self,
        request: tuple[Any, ...],
        progress: ProgressCallback | None,
        cancel: CancelFlag | None,
    ) -> Any:
        try:
            self._start()
        except (OSError, ValueError, ImportError) as error:
            log.info("no helper process; the job runs here", exc_info=True)
            raise _NoHelper() from error
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


_running: set[Any] = set()  # the finalizers of helpers still running


def _quietly(tidy: Callable[[], object]) -> None:
    """Tidy up after an answer was sent: a failure here is logged, never said."""
    try:
        tidy()
    except DATABASE_ERRORS:
        log.info("could not tidy up", exc_info=True)


def _stop_at_exit(finalizer: Any) -> None:
    """Stop this helper when the process ends, before multiprocessing waits for its children
    (its own exit hook would wait for ever on a helper still waiting for requests). Hooks run
    last-registered first, and this one is registered after multiprocessing's."""
    if not _running:
        atexit.register(_stop_all)
    _running.add(finalizer)


def _stop_all() -> None:
    for finalizer in list(_running):
        finalizer()
    _running.clear()
    atexit.unregister(_stop_all)


def _stop(process: Any, connection: Any, cancel: Any) -> None:
    """Ask the helper to end (stopping what it does), wait a little, then make sure it has."""
    cancel.set()
    try:
        connection.send(("stop",))
    except (OSError, ValueError):
        pass
    process.join(5)
    if process.is_alive():
        process.kill()
        process.join(5)
    connection.close()


class _NoHelper(Exception):
    """No helper process could be started here."""


def _serve(
    connection: Any, cancel: Any, target: tuple[str, str | None], window_niceness: int
) -> None:
    """The helper's loop: open the database, then answer plan, run and call requests."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the starting process's to handle
    nicer_than(window_niceness)
    last = [0.0]

    def progress(step: Progress) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY_S or step.done >= step.total:
            last[0] = now
            connection.send(("progress", (step.phase, step.done, step.total)))

    opened: BaseException | None = None
    try:
        opening.open_database(*target)
    except BaseException as error:  # noqa: BLE001 - said in answer to the first request
        opened = error
    plan: imports.OptOutPlan | None = None
    pending: tuple[Any, ...] | None = None  # a request that came while an import waited
    while True:
        if pending is not None:
            request, pending = pending, None
        else:
            try:
                request = connection.recv()
            except (EOFError, OSError):
                return
        kind = request[0]
        if kind == "stop":
            return
        if kind == "abandon":  # a dialog closed: no import waits for it (none is answered)
            continue
        if kind == "prepare":  # not answered: the "run" that confirms it is
            if opened is None and plan is not None:
                plan, pending = _prepare(plan, connection, cancel, progress)
            continue
        try:
            if opened is not None:
                raise opened
            if kind == "plan":
                _, source, column, scope_id, choice = request
                plan = None  # the last file's addresses go before the next file is read
                plan = imports.plan_optouts(
                    source, column, scope_id, progress, cancel, second_core=True, choice=choice
                )
                answer: Any = (plan.column, plan.checksum, plan.counts, plan.choice, plan.fates)
            elif kind == "run":
                if plan is None:
                    raise HelperFailed(t("Count the file again before importing it."))
                answer = int(imports.run_optouts(plan, request[1], progress, cancel).id)
                plan = None  # imported: its addresses and staging need not stay
            elif kind == "call":
                _, function, args, kwargs = request
                swap = {PROGRESS: progress, CANCEL: cancel}
                args = [swap.get(a, a) if isinstance(a, str) else a for a in args]
                kwargs = {k: swap.get(v, v) if isinstance(v, str) else v for k, v in kwargs.items()}
                answer = function(*args, **kwargs)
            else:
                raise ValueError(f"unknown request {kind!r}")
        except Exception as error:  # noqa: BLE001 - sent on as the answer
            _send_error(connection, error)
        else:
            connection.send(("done", answer))
            if kind == "run":
                _quietly(import_table.drop_staged)


def _prepare(
    plan: imports.OptOutPlan, connection: Any, cancel: Any, progress: ProgressCallback
) -> tuple[imports.OptOutPlan | None, tuple[Any, ...] | None]:
    """Write the planned import while its confirmation dialog is open, and commit it when the
    "run" that confirms it comes (answering that request); roll it back, without a trace,
    when anything else comes first (ConfirmationWait). Gives the plan still to import (None
    once imported) and the request that came instead, to be answered next."""
    wait = ConfirmationWait(connection, progress)
    try:
        run = imports.run_optouts(plan, wait, wait.progress, cancel)
    except NotConfirmed:
        return plan, wait.next_request
    except Exception as error:  # noqa: BLE001 - the confirming request's answer, if it came
        if not wait.confirmed:  # the "run" to come imports the usual way, and says why
            log.info("could not write the import while it was being confirmed", exc_info=True)
            return plan, wait.next_request
        _send_error(connection, error)
        return plan, None
    connection.send(("done", int(run.id)))
    _quietly(import_table.drop_staged)
    return None, None


def _send_error(connection: Any, error: Exception) -> None:
    """A failure as the answer: a plain refusal as it is, anything else as a HelperFailed."""
    if not isinstance(error, OptOutError):
        log.error("the helper process failed", exc_info=error)
        error = HelperFailed(t("Something went wrong: {error}", error=str(error)))
    connection.send(("error", error))
