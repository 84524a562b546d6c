"""Run long core jobs (read, count, import, export) one after another on a worker thread."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from optout_desktop.core.db import failures, models
from optout_desktop.core.errors import Cancelled, OptOutError
from optout_desktop.core.progress import Progress

from .core_text import message_of, translated
from .garbage import collect_in_gui_thread

log = logging.getLogger("optout.ui.jobs")

# A job gets a progress callback and a cancel flag, and returns its result.
JobFunction = Callable[[Callable[[Progress], None], threading.Event], Any]
SHUTDOWN_WAIT_MS = 30_000  # a running job checks its cancel flag far more often than this
DONE, FAILED, CANCELLED = "done", "failed", "cancelled"


@dataclass(eq=False)
class Job:
    """A piece of core work that carries its label and its own callbacks (Picard's run_task).

    `run` runs on the worker thread; the callbacks run afterwards in the GUI thread, called
    from the runner's slots: `on_done(result)`, `on_failed(message)`, `on_cancelled()`, and
    `on_progress(step)` while it runs. `label` is what the status line shows ("Counting…").
    """

    label: str
    run: JobFunction
    on_done: Callable[[Any], object] | None = None
    on_failed: Callable[[str], object] | None = None
    on_cancelled: Callable[[], object] | None = None
    on_progress: Callable[[Progress], object] | None = None
    cancel_flag: threading.Event = field(default_factory=threading.Event, repr=False)


class _Worker(QObject):
    """Lives in the worker thread; runs each job it is handed and reports back by signals."""

    progressed = Signal(object, object)  # job, Progress
    succeeded = Signal(object, object)  # job, result
    failed = Signal(object, str)  # job, message
    cancelled = Signal(object)  # job

    def __init__(self) -> None:
        super().__init__()
        self._last_progress = 0.0

    @Slot(object)
    def run(self, job: Job) -> None:
        self._last_progress = 0.0
        try:  # a job cancelled before it began still runs: the core records the cancel
            result = job.run(lambda step: self._progress(job, step), job.cancel_flag)
        except Cancelled:
            self.cancelled.emit(job)
        except OptOutError as error:
            self.failed.emit(job, message_of(error))
        except failures.DATABASE_ERRORS as error:  # locked, full, read-only, damaged: say which
            log.warning("job %s: %s", job.label, error)
            self.failed.emit(job, translated(failures.plain_message(error)))
        except Exception as error:  # noqa: BLE001 - shown as a message, logged in full
            log.exception("job %s failed", job.label)
            self.failed.emit(job, self.tr("Something went wrong: {error}").format(error=error))
        else:
            self.succeeded.emit(job, result)
        finally:
            _close_thread_connection()

    def _progress(self, job: Job, step: Progress) -> None:
        now = time.monotonic()
        if now - self._last_progress >= 0.05 or step.done >= step.total:
            self._last_progress = now
            self.progressed.emit(job, step)


def _close_thread_connection() -> None:
    try:
        if models.database.obj is not None and not models.database.obj.is_closed():
            models.database.obj.close()
    except Exception:  # noqa: BLE001 - closing is best effort
        log.debug("closing the worker's connection failed", exc_info=True)


class JobRunner(QObject):
    """One worker thread: jobs run one at a time, in the order given; none is ever dropped.

    A job given while another runs waits its turn (`waiting`). The worker's signals reach
    this object's slots in the GUI thread, which call the job's own callbacks there. The
    thread stops when the window closes or the application quits, whichever comes first.
    """

    changed = Signal()  # a job started, finished, or joined the queue
    progressed = Signal(object, object)  # job, Progress
    finished = Signal(object, str)  # job, DONE, FAILED or CANCELLED
    _start = Signal(object)

    def __init__(self, name: str = "optout-worker", parent: QObject | None = None) -> None:
        super().__init__(parent)
        collect_in_gui_thread()  # before the thread exists: no cycle is ever freed on it
        self._queue: list[Job] = []
        self._running: Job | None = None
        self._stopped = False
        self._thread = QThread(self)
        self._thread.setObjectName(name)  # the thread's name in the system's tools
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._start.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_success)
        self._worker.failed.connect(self._on_failure)
        self._worker.cancelled.connect(self._on_cancel)
        app = QCoreApplication.instance()
        if app is not None:  # ending the event loop without closing the window stops us too
            app.aboutToQuit.connect(self.shutdown)
        self._thread.start()

    @property
    def busy(self) -> bool:
        """True while a job runs (or waits to)."""
        return self._running is not None or bool(self._queue)

    @property
    def running(self) -> Job | None:
        return self._running

    @property
    def waiting(self) -> list[Job]:
        """The jobs that wait for the running one, first to start first."""
        return list(self._queue)

    def pending(self, job: Job | None) -> bool:
        """True when this job runs or waits to."""
        return job is not None and (job is self._running or job in self._queue)

    def start(self, job: Job) -> None:
        """Run the job now, or after the ones given before it."""
        if self._stopped:
            log.warning("job %s given after the worker stopped; not run", job.label)
            return
        if self._running is None and not self._queue:
            self._begin(job)
        else:
            self._queue.append(job)
        self.changed.emit()

    @Slot()
    def cancel(self, job: Job | None = None) -> None:
        """Stop a job (by default the running one): a running job rolls back and reports
        `on_cancelled`; a waiting one leaves the queue and reports it at once."""
        job = job or self._running
        if job is None:
            return
        if job in self._queue:
            self._queue.remove(job)
            self.changed.emit()
            self._report(job, CANCELLED, None)
        elif job is self._running:
            job.cancel_flag.set()

    @Slot()
    def shutdown(self) -> None:
        """Cancel what runs, forget what waits, and stop the thread (on close or quit)."""
        if self._stopped:
            return
        self._stopped = True
        self._queue.clear()
        if self._running is not None:
            self._running.cancel_flag.set()
        self._thread.quit()
        if not self._thread.wait(SHUTDOWN_WAIT_MS):
            log.warning("the worker %s did not stop in time", self._thread.objectName())

    def _begin(self, job: Job) -> None:
        self._running = job
        self._start.emit(job)

    @Slot(object, object)
    def _on_progress(self, job: Job, step: Progress) -> None:
        if self._stopped or job is not self._running:
            return
        self.progressed.emit(job, step)
        if job.on_progress is not None:
            job.on_progress(step)

    @Slot(object, object)
    def _on_success(self, job: Job, result: object) -> None:
        self._ended(job, DONE, result)

    @Slot(object, str)
    def _on_failure(self, job: Job, message: str) -> None:
        self._ended(job, FAILED, message)

    @Slot(object)
    def _on_cancel(self, job: Job) -> None:
        self._ended(job, CANCELLED, None)

    def _ended(self, job: Job, outcome: str, value: object) -> None:
        if self._stopped:
            return
        self._running = None
        if self._queue:  # the next one starts before this one's callbacks add more
            self._begin(self._queue.pop(0))
        self.changed.emit()
        self._report(job, outcome, value)

    def _report(self, job: Job, outcome: str, value: object) -> None:
        self.finished.emit(job, outcome)
        if outcome == DONE and job.on_done is not None:
            job.on_done(value)
        elif outcome == FAILED:
            if job.on_failed is not None:
                job.on_failed(str(value))
            else:
                log.warning("job %s failed: %s", job.label, value)
        elif outcome == CANCELLED and job.on_cancelled is not None:
            job.on_cancelled()
