"""The status line under the pages: the running job, its progress, Cancel, and what waits."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from optout_desktop.core.progress import Progress

from .jobs import CANCELLED, Job
from .language import number


def _tr(text: str) -> str:
    # The window's texts: translated in the main window's context, where they were made.
    return QCoreApplication.translate("MainWindow", text)


class JobStatus(QWidget):
    """Shows every job of the writer, on whichever page it was started."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobStatus")
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setMaximumWidth(320)
        self.progress.setVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("waitingLabel")
        self.waiting_label.setWordWrap(True)
        self.cancel_button = QPushButton(_tr("Cancel"))
        self.cancel_button.setObjectName("cancelImportButton")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.waiting_label, 1)
        # As tall when idle as with its Cancel button: the pages above do not jump.
        self.setMinimumHeight(self.cancel_button.sizeHint().height())
        self._running: Job | None = None
        self._cancelling: Job | None = None

    @Slot()
    def _cancel(self) -> None:
        self._cancelling = self._running
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(_tr("Cancelling…"))
        self.cancel_requested.emit()

    def show_jobs(self, running: Job | None, waiting: list[Job]) -> None:
        """The job that runs (or none) and those that wait for it, in plain words."""
        if running is not self._running:
            self._running = running
            self.progress.setRange(0, 0)  # busy until the first step says how far
            self.progress.setVisible(running is not None)
            self.cancel_button.setVisible(running is not None)
            self.cancel_button.setEnabled(True)
            self.progress_label.setText(running.label if running is not None else "")
        self.waiting_label.setText(
            _tr("Waiting to start: {jobs}").format(
                jobs=", ".join(job.label.rstrip("…") for job in waiting)
            )
            if waiting
            else ""
        )

    def show_progress(self, job: Job, step: Progress) -> None:
        if job is not self._running or job is self._cancelling:
            return
        if 0 < step.total <= step.done:  # the last step (a server's one big insert): busy
            self.progress.setRange(0, 0)
        elif step.total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(step.done / step.total, 1.0)))
        self.progress_label.setText(
            _tr("{phase}: {done} of {total} rows").format(
                phase=job.label.rstrip("…"), done=number(step.done), total=number(step.total)
            )
        )

    def job_finished(self, job: Job, outcome: str) -> None:
        """A job the user cancelled here, and that has no message of its own, gets one."""
        if job is self._cancelling:
            self._cancelling = None
            if outcome == CANCELLED and job.on_cancelled is None and self._running is None:
                self.show_note(
                    _tr("“{job}” was cancelled; nothing was changed.").format(
                        job=job.label.rstrip("…")
                    )
                )

    def show_note(self, text: str) -> None:
        """A line that stays until the next job starts (an export that was cancelled)."""
        self.progress_label.setText(text)
