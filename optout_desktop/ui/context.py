"""What a page may use of the window: jobs, questions, settings, the business unit, signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal, Slot

from optout_desktop.core.optouts.import_process import ImportProcess

from .jobs import Job, JobFunction, JobRunner
from .questions import Questions


class WindowContext(QObject):
    """A small object handed to each page instead of the main window (git-cola's context).

    Pages start jobs and ask questions through it, read the chosen business unit, and say
    when the list changed; the window listens to its signals and keeps the pages in step.
    """

    list_changed = Signal()  # opt-outs, contacts or the history changed: show them again
    scope_changed = Signal()  # another business unit was chosen
    job_failed = Signal(str)  # a job without its own on_failed went wrong: the message

    def __init__(
        self,
        questions: Questions,
        settings: QSettings,
        jobs: JobRunner,
        reads: JobRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.questions = questions
        self.settings = settings
        self.jobs = jobs  # the writer: imports, deletes, exports, file reading, counting
        self.reads = reads  # read-only counts beside the writer (SQLite's WAL lets them)
        self._scope_id = 0
        self._scope_name = ""
        self.helper: Callable[[], ImportProcess] = ImportProcess  # the window sets its own

    # ---- jobs ------------------------------------------------------------------------

    def run(self, job: Job) -> None:
        """Run a job on the writer, after any that run or wait; the status line shows it.

        A job without its own on_failed has its message shown by the window.
        """
        if job.on_failed is None:
            job.on_failed = self._failed
        self.jobs.start(job)

    def in_helper(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> JobFunction:
        """A job's work that runs a core function in the helper process, out of the window's
        way: arguments PROGRESS and CANCEL (import_process) become the job's own there."""

        def run(progress: Any, cancel: Any) -> Any:
            return self.helper().call(function, *args, progress=progress, cancel=cancel, **kwargs)

        return run

    def read(self, job: Job) -> None:
        """Run a read-only job on the reader, beside the writer."""
        self.reads.start(job)

    def cancel(self, job: Job | None) -> None:
        """Stop one of the page's own jobs, running or waiting (never someone else's)."""
        if job is not None and self.jobs.pending(job):
            self.jobs.cancel(job)

    def pending(self, job: Job | None) -> bool:
        """True while the job runs on the writer or waits to."""
        return self.jobs.pending(job)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.job_failed.emit(message)

    # ---- the business unit -------------------------------------------------------------

    def scope_id(self) -> int:
        """The chosen business unit's id; 0 is the whole account."""
        return self._scope_id

    def scope_name(self) -> str:
        """The chosen business unit as the window shows it ("Whole account", "Brand A")."""
        return self._scope_name

    def set_scope(self, scope_id: int, name: str) -> None:
        """The window's choice of business unit; pages hear of a change by scope_changed."""
        changed = scope_id != self._scope_id
        self._scope_id, self._scope_name = scope_id, name
        if changed:
            self.scope_changed.emit()
