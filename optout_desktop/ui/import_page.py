"""The import page: open a file, see it, pick the email column, see the counts, confirm, import."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from optout_desktop.core.db.models import ImportRun
from optout_desktop.core.optouts import import_process, imports, reasons
from optout_desktop.core.optouts.import_process import ImportProcess
from optout_desktop.core.optouts.imports import OptOutPlan
from optout_desktop.core.progress import Progress
from optout_desktop.core.reading.sources import TableSource

from . import count_texts, opened_file, remembered_folders
from .confirm_dialog import ConfirmDialog
from .context import WindowContext
from .core_text import translated
from .empty_state import EmptyState
from .fate_model import FATE_COLUMN, FateModel
from .jobs import Job
from .language import number
from .read_options import ReadOptions

log = logging.getLogger("optout.ui")
RECENT_KEY = "recentFiles"
RECENT_MAX = 8
SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample-optouts.csv"
ProgressFn = Callable[[Progress], None]


def _sample_note() -> str:
    return _tr(
        "This is the sample file, to try the steps on: nothing from it is ever written to "
        "your suppression list. Open your own file to import it."
    )


def _tr(text: str) -> str:
    # The page was part of the main window: its texts keep that translation context.
    return QCoreApplication.translate("MainWindow", text)


class ImportPage(QWidget):
    """Every long step runs as a job of the window's worker; the page keeps its own jobs."""

    errors_file_requested = Signal(int)  # an import's id: its refused rows, saved to a file

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPage")
        self.context = context
        self.source: TableSource | None = None
        self.model: FateModel | None = None  # the file's rows, and each one's fate once counted
        self.plan: OptOutPlan | None = None  # the counts of the chosen column, once counted
        self.plan_error: str | None = None  # why counting failed, if it did
        self.last_run: ImportRun | None = None  # the engine's record of the last import
        self._open_job: Job | None = None
        self._plan_job: Job | None = None
        self._import_job: Job | None = None
        self._dialog: ConfirmDialog | None = None
        # Counting and importing run in a helper process: the window's own interpreter only
        # passes the file's description in and the counts and progress out.
        self._helper: ImportProcess | None = None
        import_process.prepare()  # now, before the window draws (later it stalls it)
        self._choice_text = ""  # why the counted file's addresses are suppressed, in words
        self._build()
        context.scope_changed.connect(self.start_plan)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop_helper)
        self.destroyed.connect(self.stop_helper)

    def helper(self) -> ImportProcess:
        """The page's helper process, started on first use (on the database now open)."""
        if self._helper is None:
            self._helper = ImportProcess()
        return self._helper

    @Slot()
    def stop_helper(self) -> None:
        """End the helper process (it would end with the window's process anyway)."""
        if self._helper is not None:
            self._helper.close()
            self._helper = None

    # ---- building ---------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        file_row = QHBoxLayout()
        self.open_button = QPushButton(_tr("Open file…"))
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self.choose_file)
        self.recent_button = QPushButton(_tr("Recent"))  # draws its arrow beside the text
        self.recent_button.setObjectName("recentButton")
        self.recent_menu = QMenu(self.recent_button)
        self.recent_button.setMenu(self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_status = QLabel(
            _tr("Open a CSV or Excel file of opted-out addresses, or drop it on this window.")
        )
        self.file_status.setObjectName("fileStatusLabel")
        self.file_status.setWordWrap(True)
        file_row.addWidget(self.open_button)
        file_row.addWidget(self.recent_button)
        file_row.addWidget(self.file_status, 1)
        layout.addLayout(file_row)

        self.read_options = ReadOptions(self)
        self.read_options.changed.connect(self._reopen)
        self.read_options.setEnabled(False)
        layout.addWidget(self.read_options)

        column_row = QHBoxLayout()
        column_label = QLabel(_tr("Email column:"))
        self.column_combo = QComboBox()
        self.column_combo.setObjectName("emailColumnCombo")
        self.column_combo.setMinimumWidth(220)
        self.column_combo.setEnabled(False)
        self.column_combo.currentIndexChanged.connect(self._column_changed)
        column_label.setBuddy(self.column_combo)
        self.samples_label = opened_file.SamplesLabel("samplesLabel")
        reason_label = QLabel(_tr("Reason:"))
        self.reason_combo = QComboBox()  # why the file's addresses are suppressed
        self.reason_combo.setObjectName("reasonCombo")
        self.reason_combo.setAccessibleName(_tr("Reason"))
        self.reason_combo.addItem(_tr("As the file says"), None)
        for key in reasons.KEYS:
            if key != reasons.PARTNER:  # (a hashed list is a partner's by itself)
                self.reason_combo.addItem(translated(reasons.TEXT[key]), key)
        self.reason_combo.setEnabled(False)
        self.reason_combo.currentIndexChanged.connect(self.start_plan)
        reason_label.setBuddy(self.reason_combo)
        column_row.addWidget(column_label)
        column_row.addWidget(self.column_combo)
        column_row.addWidget(reason_label)
        column_row.addWidget(self.reason_combo)
        column_row.addWidget(self.samples_label, 1)
        layout.addLayout(column_row)

        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.counts_label.setWordWrap(True)
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.counts_label)

        self.table = QTableView()
        self.table.setObjectName("previewTable")
        self.table.setAccessibleName(_tr("The file's rows"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.empty_state = EmptyState()
        self.empty_state.open_requested.connect(self.choose_file)
        self.empty_state.sample_requested.connect(self.open_sample)
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.empty_state)
        self.table_stack.addWidget(self.table)
        layout.addWidget(self.table_stack, 1)

        bottom = QHBoxLayout()
        self.errors_button = QPushButton(_tr("Save errors file…"))
        self.errors_button.setObjectName("saveErrorsButton")
        self.errors_button.setVisible(False)
        self.errors_button.clicked.connect(self._save_last_errors)
        self.import_button = QPushButton(_tr("Import…"))
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.confirm_import)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        bottom.addWidget(self.result_label, 1)
        bottom.addWidget(self.errors_button)
        bottom.addWidget(self.import_button)
        layout.addLayout(bottom)

    # ---- opening a file ---------------------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        folder = str(remembered_folders.folder(self.context.settings, remembered_folders.OPEN))
        path = self.context.questions.open_file(self, folder)
        if path is not None:
            self.open_new(path)

    @Slot()
    def open_sample(self) -> None:
        """Open the bundled sample file, to try the app on before a real list."""
        self.open_new(SAMPLE)

    def open_new(self, path: Path) -> None:
        """Open a file chosen afresh: how to read it is guessed again."""
        self.read_options.reset()
        self.open_file(path)

    def import_pending(self) -> bool:
        """True while this page's import runs or waits to."""
        return self.context.pending(self._import_job)

    def open_file(self, path: Path, **how: Any) -> None:
        """Read the file on the worker: kind, encoding, delimiter, headers, first screen.

        A file being read or counted for this page gives way; a running import does not.
        """
        if self.import_pending():
            self.context.questions.warn(
                self, _tr("Import running"), _tr("Wait for the import to finish.")
            )
            return
        self.context.cancel(self._plan_job)
        self.context.cancel(self._open_job)
        self.file_status.setText(_tr("Reading {name}…").format(name=path.name))
        self.plan, self.plan_error = None, None
        self.import_button.setEnabled(False)

        helper = self.helper()

        def read(_progress: ProgressFn, _cancel: threading.Event) -> opened_file.OpenedFile:
            helper.start()  # here, not in the GUI thread: it opens the database meanwhile
            return opened_file.open_table(path, **how)

        job = Job(_tr("Reading the file…"), read)
        job.on_done = partial(self._opened, job)
        job.on_failed = partial(self._open_failed, job)
        self._open_job = job
        self.context.run(job)

    def _opened(self, job: Job, opened: opened_file.OpenedFile) -> None:
        if job is not self._open_job:  # another file was chosen meanwhile
            opened.close()
            return
        if self.model is not None:
            self.model.close()
        source, guess = opened.source, opened.guess
        self.source = source
        self.model = FateModel(
            source.headers, opened.first, opened.rest, source.first_data_row, parent=self
        )
        self.table.setModel(self.model)
        self.table_stack.setCurrentWidget(self.table)
        assert self.model is not None
        opened_file.size_columns(self.table, self.model)
        self._remember_recent(source.path)
        self.file_status.setText(opened_file.describe(source))
        self.read_options.show_source(source)
        self.read_options.setEnabled(True)
        opened_file.show_columns(self.column_combo, source.headers, guess)
        self.reason_combo.blockSignals(True)
        self.reason_combo.setCurrentIndex(0)  # a new file: as it says, until the user chooses
        self.reason_combo.setEnabled(True)
        self.reason_combo.blockSignals(False)
        self.result_label.clear()
        self.errors_button.setVisible(False)
        if guess is None:
            self.counts_label.setText(
                _tr("No column looks like email addresses: choose the email column.")
            )
            self.samples_label.clear()
            return
        # Counted from the next turn of the event loop: the window draws the new table
        # between the two, instead of after both.
        QTimer.singleShot(0, partial(self._guessed_column, source, guess.index))

    def _open_failed(self, job: Job, message: str) -> None:
        if job is not self._open_job:
            return
        self._forget_file()  # the last file's table and counts must not look like this one's
        self.file_status.setText(_tr("The file could not be used."))
        self.context.questions.warn(self, _tr("This file cannot be imported"), message)

    @Slot()
    def _reopen(self) -> None:
        if self.source is not None:
            self.open_file(self.source.path, **self.read_options.overrides())

    # ---- the email column and the plan --------------------------------------------------

    def _guessed_column(self, source: TableSource, index: int) -> None:
        """Count the column guessed for a file just opened, if it is still the one shown."""
        if source is self.source:
            self._column_changed(index)

    @Slot(int)
    def _column_changed(self, index: int) -> None:
        if self.source is None or index < 0:
            return
        if self.model is not None:
            self.model.set_email_column(index)
        self.samples_label.show_samples(self.source, index)
        self.start_plan()

    @Slot()
    def start_plan(self) -> None:
        """Count the chosen column off the GUI thread: valid, invalid, blank, repeated, new."""
        source, column = self.source, self.column_combo.currentIndex()
        if source is None or column < 0 or self.import_pending():
            return
        self.plan, self.plan_error = None, None
        self.import_button.setEnabled(False)
        if self.model is not None:
            self.model.set_fates(None)  # the last count's fates are not this one's
        self.context.cancel(self._plan_job)  # a count of another column or unit gives way
        self.counts_label.setText(_tr("Counting the addresses…"))
        scope = self.context.scope_id()

        helper = self.helper()
        choice = imports.reason_choice(source, column, self.reason_combo.currentData())
        self._choice_text = translated(choice.describe(source.headers))  # (from its first rows)

        def count(progress: ProgressFn, cancel: threading.Event) -> OptOutPlan:
            return helper.plan(source, column, scope, progress, cancel, choice=choice)

        job = Job(_tr("Counting…"), count)
        job.on_done = partial(self._planned, job)
        job.on_failed = partial(self._plan_failed, job)
        job.on_cancelled = partial(self._plan_cancelled, job)
        self._plan_job = job
        self.context.run(job)

    def _planned(self, job: Job, plan: OptOutPlan) -> None:
        if job is not self._plan_job or plan.source is not self.source:
            return
        self.plan = plan
        if self.model is not None:
            self.model.set_fates(plan.fates)
            opened_file.size_columns(self.table, self.model, 420, [FATE_COLUMN])  # (worded)
        summary = count_texts.plan_summary(plan.counts)
        by_reason = {k: n for k, n in plan.counts.by_reason.items() if n}
        if set(by_reason) - {reasons.IMPORT}:
            summary += (
                "<br>"
                + self._choice_text
                + ": "
                + ", ".join(
                    f"{translated(reasons.TEXT.get(key, key))} {number(n)}"
                    for key, n in by_reason.items()
                )
            )
        self.counts_label.setText(summary)
        if self.is_sample():
            self.result_label.setText(_sample_note())
            self.import_button.setEnabled(False)
            return
        if plan.counts.new == 0:
            self.result_label.setText(
                _tr("Every address in the file is already suppressed; there is nothing to import.")
            )
            self.import_button.setEnabled(False)
            return
        self.result_label.clear()
        self.import_button.setEnabled(True)

    def _plan_failed(self, job: Job, message: str) -> None:
        if job is not self._plan_job:
            return
        self.plan_error = message
        self.counts_label.setText(f"<span style='color:#b00020'>{message}</span>")

    def _plan_cancelled(self, job: Job) -> None:
        if job is self._plan_job:  # not when a newer count took its place
            self.counts_label.setText(_tr("Counting was cancelled."))

    # ---- confirming and importing -------------------------------------------------------

    def scope_text(self) -> str:
        """Who the import is for, in the confirmation's words."""
        if self.context.scope_id():
            return _tr("the business unit “{name}”").format(name=self.context.scope_name())
        return _tr("the whole account")

    @Slot()
    def confirm_import(self) -> None:
        if self.plan is None or self.import_pending():
            return
        if self.is_sample():
            self.context.questions.inform(self, _tr("The sample file"), _sample_note())
            return
        dialog = ConfirmDialog(
            self.plan.counts, self.plan.source.path.name, self.scope_text(), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._confirmed)
        dialog.rejected.connect(self.helper().abandon)
        self._dialog = dialog
        dialog.open()
        # While the user reads and types, the helper writes the import, uncommitted: the
        # confirmation then only commits it (a closed dialog rolls it back).
        self.helper().prepare()

    @Slot()
    def _confirmed(self) -> None:
        dialog, plan = self._dialog, self.plan
        typed = dialog.typed_count() if dialog is not None else None
        if plan is None or typed is None or self.import_pending():
            return

        helper = self.helper()

        def run(progress: ProgressFn, cancel: threading.Event) -> ImportRun:
            return helper.run(typed, progress, cancel)

        job = Job(
            _tr("Importing…"),
            run,
            on_done=partial(self._imported, plan),
            on_failed=self._import_failed,
            on_cancelled=self._import_cancelled,
        )
        self.import_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self._import_job = job
        self.context.run(job)

    def _imported(self, plan: OptOutPlan, run: ImportRun) -> None:
        self.open_button.setEnabled(True)
        self.plan = None
        if plan.fates is not None and self.model is not None and self.model.fates is plan.fates:
            plan.fates.imported = True  # its new rows are suppressed now: the table says so
            self.model.set_fates(plan.fates)
        self.last_run = run
        refused = run.rows - run.valid
        text = count_texts.import_summary(
            run.id,
            run.new,
            run.already_suppressed,
            run.contacts_unsubscribed,
            refused,
            plan.counts.new,
        )
        scope = _tr("Opted out for {scope}.").format(scope=self.scope_text())
        self.result_label.setText(f"{text} {scope}")
        self.counts_label.setText(
            _tr("Imported. Open another file, or choose another column to import again.")
        )
        self.errors_button.setVisible(refused > 0)
        self.context.list_changed.emit()

    def _import_failed(self, message: str) -> None:
        self.open_button.setEnabled(True)
        self.import_button.setEnabled(self.plan is not None)
        self.context.questions.warn(self, _tr("Something went wrong"), message)
        self.context.list_changed.emit()  # the history shows the failed import

    def _import_cancelled(self) -> None:
        self.open_button.setEnabled(True)
        self.import_button.setEnabled(self.plan is not None)
        self.result_label.setText(_tr("The import was cancelled; nothing was written."))
        self.context.list_changed.emit()  # the history shows the cancelled import

    @Slot()
    def _save_last_errors(self) -> None:
        if self.last_run is not None:
            self.errors_file_requested.emit(self.last_run.id)

    # ---- recent files -------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.context.settings.value(RECENT_KEY, []) or []
        return [str(item) for item in (value if isinstance(value, list) else [value])]

    def _remember_recent(self, path: Path) -> None:
        resolved = str(path.resolve())
        files = [resolved] + [f for f in self.recent_files() if f != resolved]
        self.context.settings.setValue(RECENT_KEY, files[:RECENT_MAX])
        remembered_folders.remember(self.context.settings, remembered_folders.OPEN, path)

    @Slot()
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = [f for f in self.recent_files() if Path(f).exists()]
        if not files:
            self.recent_menu.addAction(_tr("No recent files")).setEnabled(False)
        for name in files:
            action = self.recent_menu.addAction(Path(name).name)
            action.setToolTip(name)
            action.setData(name)
            action.triggered.connect(self._open_recent)

    @Slot()
    def _open_recent(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.open_new(Path(str(action.data())))

    def _forget_file(self) -> None:
        """Clear the last file's table, counts and result: nothing on screen is of it now."""
        self.context.cancel(self._plan_job)
        if self.model is not None:
            self.model.close()
        self.source, self.model, self.plan, self.plan_error = None, None, None, None
        self.table.setModel(None)
        self.table_stack.setCurrentWidget(self.empty_state)
        self.column_combo.clear()
        self.column_combo.setEnabled(False)
        self.read_options.setEnabled(False)
        self.import_button.setEnabled(False)
        self.counts_label.clear()
        self.samples_label.clear()
        self.result_label.clear()
        self.errors_button.setVisible(False)

    def is_sample(self) -> bool:
        """True while the bundled sample is open: it is tried, never written to the list."""
        return self.source is not None and self.source.path.resolve() == SAMPLE.resolve()

    def close_file(self) -> None:
        """Let go of the open file (on closing the window)."""
        if self.model is not None:
            self.model.close()
