"""Run long core jobs (read, count, import, export) one at a time on a worker thread."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from optout_desktop.core.db import failures, models
from optout_desktop.core.errors import Cancelled, OptOutError
from optout_desktop.core.progress import Progress

from .core_text import message_of, translated

log = logging.getLogger("optout.ui.jobs")

# A job gets a progress callback and a cancel flag, and returns its result.
JobFunction = Callable[[Callable[[Progress], None], threading.Event], Any]


@dataclass
class Job:
    """A named piece of core work; `name` tells the window what finished."""

    name: str
    run: JobFunction


class _Worker(QObject):
    """Lives in the worker thread; runs each job it is handed and reports back by signals."""

    progressed = Signal(str, str, int, int)  # job name, phase, done, total
    succeeded = Signal(str, object)
    failed = Signal(str, str)
    cancelled = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.cancel_flag = threading.Event()
        self._last_progress = 0.0

    @Slot(object)
    def run(self, job: Job) -> None:
        try:
            result = job.run(lambda step: self._progress(job.name, step), self.cancel_flag)
        except Cancelled:
            self.cancelled.emit(job.name)
        except OptOutError as error:
            self.failed.emit(job.name, message_of(error))
        except failures.DATABASE_ERRORS as error:  # locked, full, read-only, damaged: say which
            log.warning("job %s: %s", job.name, error)
            self.failed.emit(job.name, translated(failures.plain_message(error)))
        except Exception as error:  # noqa: BLE001 - shown as a message, logged in full
            log.exception("job %s failed", job.name)
            self.failed.emit(job.name, self.tr("Something went wrong: {error}").format(error=error))
        else:
            self.succeeded.emit(job.name, result)
        finally:
            _close_thread_connection()

    def _progress(self, name: str, step: Progress) -> None:
        now = time.monotonic()
        if now - self._last_progress >= 0.05 or step.done >= step.total:
            self._last_progress = now
            self.progressed.emit(name, step.phase, step.done, step.total)


def _close_thread_connection() -> None:
    try:
        if models.database.obj is not None and not models.database.obj.is_closed():
            models.database.obj.close()
    except Exception:  # noqa: BLE001 - closing is best effort
        log.debug("closing the worker's connection failed", exc_info=True)


class JobRunner(QObject):
    """The window's one worker thread: start jobs, cancel the running one, hear the results.

    Signals are connected to slots of objects in the GUI thread, so results arrive there.
    """

    progressed = Signal(str, str, int, int)
    succeeded = Signal(str, object)
    failed = Signal(str, str)
    cancelled = Signal(str)
    _start = Signal(object)

    def __init__(self, parent: QObject | None = None, queue: bool = False) -> None:
        super().__init__(parent)
        self._queue: list[Job] | None = [] if queue else None
        self._thread = QThread()
        self._thread.setObjectName("optout-worker")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._start.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_success)
        self._worker.failed.connect(self._on_failure)
        self._worker.cancelled.connect(self._on_cancel)
        self._running: str | None = None
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._running is not None

    @property
    def running(self) -> str | None:
        return self._running

    def start(self, job: Job) -> bool:
        """Start a job unless one is running (a queueing runner queues it); True if taken."""
        if self._running is not None:
            if self._queue is None:
                return False
            self._queue.append(job)
            return True
        self._running = job.name
        self._worker.cancel_flag.clear()  # here, not in the worker: a quick Cancel must count
        self._start.emit(job)
        return True

    def cancel(self) -> None:
        """Ask the running job to stop; it rolls back and reports `cancelled`."""
        self._worker.cancel_flag.set()

    def shutdown(self) -> None:
        """Cancel what runs and stop the thread (on closing the window)."""
        self.cancel()
        self._thread.quit()
        self._thread.wait(30_000)

    @Slot(str, str, int, int)
    def _on_progress(self, name: str, phase: str, done: int, total: int) -> None:
        self.progressed.emit(name, phase, done, total)

    @Slot(str, object)
    def _on_success(self, name: str, result: object) -> None:
        self._running = None
        self.succeeded.emit(name, result)
        self._next()

    @Slot(str, str)
    def _on_failure(self, name: str, message: str) -> None:
        self._running = None
        self.failed.emit(name, message)
        self._next()

    @Slot(str)
    def _on_cancel(self, name: str) -> None:
        self._running = None
        self.cancelled.emit(name)
        self._next()

    def _next(self) -> None:
        if self._queue and self._running is None:
            self.start(self._queue.pop(0))
