"""The cleaning page: open a mailing list, see which rows may be emailed and why the others may
not, save the cleaned list and the rows left out. It never changes the suppression list."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from functools import partial
from html import escape
from itertools import compress, islice
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from optout_desktop.core.optouts.cleaning import (
    Cleaning,
    Saved,
    count_cleaning,
    save_cleaned,
    save_left_out,
)
from optout_desktop.core.optouts.import_process import CANCEL, PROGRESS
from optout_desktop.core.progress import Progress, raise_if_cancelled
from optout_desktop.core.reading.sources import TableSource

from . import cleaning_words, file_kinds, opened_file, remembered_folders
from .cleaning_intro import CleaningIntro
from .context import WindowContext
from .core_text import translated
from .fate_model import FATE_COLUMN, FateModel
from .jobs import Job
from .language import number
from .read_options import ReadOptions

LISTS = "mailing_lists"  # the remembered folder of the lists cleaned and saved
SHOWN_LEFT_OUT = 10_000  # rows the "left out only" view shows; the saved file has them all
ProgressFn = Callable[[Progress], None]
WIDEST = 420  # pixels: a column's most, before its texts are cut
ERROR_STYLE = "<span style='color:#b00020'>{text}</span>"  # (the text escaped: rich text)


def _checked(rows: Iterator[list[str]], cancel: threading.Event) -> Iterator[list[str]]:
    for count, row in enumerate(rows):
        if not count % 10_000:
            raise_if_cancelled(cancel)
        yield row


class CleaningPage(QWidget):
    """Counting and saving run in the window's helper process (the window's interpreter passes
    the file's description in and the fates out); reading and the filter in its jobs."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cleaningPage")
        self.context = context
        self.source: TableSource | None = None
        self.model: FateModel | None = None  # every row, read as the table scrolls
        self.left_model: FateModel | None = None  # the rows left out, once gathered
        self.cleaning: Cleaning | None = None  # every row's fate, once counted
        self.count_error: str | None = None  # why counting failed, if it did
        self._open_job: Job | None = None
        self._count_job: Job | None = None
        self._gather_job: Job | None = None
        self._save_job: Job | None = None
        self._build()
        context.scope_changed.connect(self.start_count)

    # ---- building ---------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        file_row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open mailing list…"))
        self.open_button.setObjectName("cleanOpenButton")
        self.open_button.clicked.connect(self.choose_file)
        self.file_status = QLabel(
            self.tr("Open the list you are about to send, or drop it on this page.")
        )
        self.file_status.setObjectName("cleanFileStatus")
        self.file_status.setWordWrap(True)
        file_row.addWidget(self.open_button)
        file_row.addWidget(self.file_status, 1)
        layout.addLayout(file_row)

        self.read_options = ReadOptions(self)
        self.read_options.setObjectName("cleanReadOptions")
        self.read_options.changed.connect(self._reopen)
        self.read_options.setEnabled(False)
        layout.addWidget(self.read_options)

        column_row = QHBoxLayout()
        column_label = QLabel(self.tr("Email column:"))
        self.column_combo = QComboBox()
        self.column_combo.setObjectName("cleanColumnCombo")
        self.column_combo.setMinimumWidth(220)
        self.column_combo.setEnabled(False)
        self.column_combo.currentIndexChanged.connect(self._column_changed)
        column_label.setBuddy(self.column_combo)
        self.samples_label = opened_file.SamplesLabel("cleanSamplesLabel")
        column_row.addWidget(column_label)
        column_row.addWidget(self.column_combo)
        column_row.addWidget(self.samples_label, 1)
        layout.addLayout(column_row)

        self.counts_label = QLabel()
        self.counts_label.setObjectName("cleanCountsLabel")
        self.counts_label.setWordWrap(True)
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.counts_label)

        filter_row = QHBoxLayout()
        self.left_out_only = QCheckBox(self.tr("Show only the rows that will be left out"))
        self.left_out_only.setObjectName("leftOutOnlyCheck")
        self.left_out_only.setEnabled(False)
        self.left_out_only.toggled.connect(self._filter_toggled)
        self.shown_label = QLabel()
        self.shown_label.setObjectName("leftOutShownLabel")
        self.shown_label.setWordWrap(True)
        filter_row.addWidget(self.left_out_only)
        filter_row.addWidget(self.shown_label, 1)
        layout.addLayout(filter_row)

        self.table = QTableView()
        self.table.setObjectName("cleaningTable")
        self.table.setAccessibleName(self.tr("The mailing list's rows and what happens to each"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table_stack = QStackedWidget()
        self.intro = CleaningIntro()
        self.intro.open_requested.connect(self.choose_file)
        self.table_stack.addWidget(self.intro)
        self.table_stack.addWidget(self.table)
        layout.addWidget(self.table_stack, 1)

        bottom = QHBoxLayout()
        self.result_label = QLabel()
        self.result_label.setObjectName("cleanResultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setAccessibleName(self.tr("What was saved"))  # (a path to copy)
        self.left_out_button = QPushButton(self.tr("Save left-out rows…"))
        self.left_out_button.setObjectName("saveLeftOutButton")
        self.left_out_button.setToolTip(
            self.tr("Save the rows left out, each with its row number and why (CSV for Excel)")
        )
        self.left_out_button.setEnabled(False)
        self.left_out_button.clicked.connect(self.save_left_out)
        self.save_button = QPushButton(self.tr("Save cleaned file…"))
        self.save_button.setObjectName("saveCleanedButton")
        self.save_button.setToolTip(
            self.tr("Save the rows that may be emailed to a new file, in the original's format")
        )
        self.save_button.setEnabled(False)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_cleaned)
        bottom.addWidget(self.result_label, 1)
        bottom.addWidget(self.left_out_button)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)

    # ---- opening a file ---------------------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        folder = str(remembered_folders.folder(self.context.settings, LISTS))
        path = self.context.questions.open_file(
            self, folder, self.tr("Choose the mailing list to clean")
        )
        if path is not None:
            self.open_new(path)

    def open_new(self, path: Path) -> None:
        """Open a list chosen afresh: how to read it is guessed again."""
        self.read_options.reset()
        self.open_file(path)

    def saving(self) -> bool:
        """True while this page saves a file (or waits to)."""
        return self.context.pending(self._save_job)

    def open_file(self, path: Path, **how: Any) -> None:
        """Read the file on the worker: kind, encoding, delimiter, headers, first screen."""
        if self.saving():
            self.context.questions.warn(
                self, self.tr("Saving"), self.tr("Wait for the file being saved.")
            )
            return
        for job in (self._count_job, self._gather_job, self._open_job):
            self.context.cancel(job)
        self._count_job = self._gather_job = None  # (their cancels say nothing now)
        self.file_status.setText(self.tr("Reading {name}…").format(name=path.name))
        self._forget_counts()
        helper = self.context.helper()  # the window's one helper, for both pages

        def read(_progress: ProgressFn, _cancel: threading.Event) -> opened_file.OpenedFile:
            helper.start()  # here, not in the GUI thread: it opens the database meanwhile
            return opened_file.open_table(path, **how)

        job = Job(self.tr("Reading the mailing list…"), read)
        job.on_done = partial(self._opened, job)
        job.on_failed = partial(self._open_failed, job)
        self._open_job = job
        self.context.run(job)

    def _opened(self, job: Job, opened: opened_file.OpenedFile) -> None:
        if job is not self._open_job:  # another file was chosen meanwhile
            opened.close()
            return
        source, previous = opened.source, self.model
        self.source = source
        self.model = FateModel(
            source.headers, opened.first, opened.rest, source.first_data_row, parent=self
        )
        self._show(self.model)
        self._let_go(previous)
        self.table_stack.setCurrentWidget(self.table)
        remembered_folders.remember(self.context.settings, LISTS, source.path)
        self.file_status.setText(opened_file.describe(source))
        self.read_options.show_source(source)
        self.read_options.setEnabled(True)
        guess = opened.guess
        opened_file.show_columns(self.column_combo, source.headers, guess)
        self.result_label.clear()
        if guess is None:
            self.counts_label.setText(
                self.tr("No column looks like email addresses: choose the email column.")
            )
            self.samples_label.clear()
            return
        # Counted from the next turn of the event loop: the window draws the new table
        # between the two, instead of after both.
        QTimer.singleShot(0, partial(self._guessed_column, source, guess.index))

    def _open_failed(self, job: Job, message: str) -> None:
        if job is not self._open_job:
            return
        self.file_status.setText(self.tr("The file could not be used."))
        self.context.questions.warn(self, self.tr("This list cannot be cleaned"), message)

    @Slot()
    def _reopen(self) -> None:
        if self.source is not None:
            self.open_file(self.source.path, **self.read_options.overrides())

    def _show(self, model: FateModel) -> None:
        self.table.setModel(model)
        opened_file.size_columns(self.table, model, WIDEST)

    def close_file(self) -> None:
        """Let go of the open file (another file, or the window closes)."""
        for model in (self.model, self.left_model):
            if model is not None:
                model.close()

    def _let_go(self, model: FateModel | None) -> None:
        """A model no longer shown: its file closed, the model and its rows freed."""
        if model is not None and model is not self.table.model():
            model.close()
            model.deleteLater()

    # ---- counting: every row's fate --------------------------------------------------

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
        self.start_count()

    def _forget_counts(self) -> None:
        """The fates shown no longer hold (another file, column or business unit)."""
        self.cleaning, self.count_error = None, None
        left_model, self.left_model = self.left_model, None
        self.left_out_only.blockSignals(True)
        self.left_out_only.setChecked(False)
        self.left_out_only.blockSignals(False)
        self.left_out_only.setEnabled(False)
        self.shown_label.clear()
        if self.model is not None:
            self.model.set_fates(None)
            if self.table.model() is not self.model:
                self._show(self.model)
        self._let_go(left_model)
        self.save_button.setEnabled(False)
        self.left_out_button.setEnabled(False)

    @Slot()
    def start_count(self) -> None:
        """Decide every row's fate in the chosen business unit, in the helper process."""
        source, column = self.source, self.column_combo.currentIndex()
        if source is None or column < 0 or self.saving():
            return
        self.context.cancel(self._gather_job)
        self.context.cancel(self._count_job)  # a count of another column or unit gives way
        self._forget_counts()
        self.counts_label.setText(self.tr("Checking the rows…"))
        scope = self.context.scope_id()
        # (prepare: the cleaned copy is written meanwhile, so saving it is only a move)
        count = self.context.in_helper(
            count_cleaning, source, column, scope, PROGRESS, CANCEL, prepare=True
        )
        job = Job(self.tr("Checking the mailing list…"), count)
        job.on_done = partial(self._counted, job)
        job.on_failed = partial(self._count_failed, job)
        job.on_cancelled = partial(self._count_cancelled, job)
        self._count_job = job
        self.context.run(job)

    def _counted(self, job: Job, cleaning: Cleaning) -> None:
        if job is not self._count_job or self.model is None:
            return
        self.cleaning = cleaning
        self.model.set_fates(cleaning)
        opened_file.size_columns(self.table, self.model, WIDEST, [FATE_COLUMN])  # (now worded)
        counts = cleaning.counts
        self.counts_label.setText(
            cleaning_words.counts_text(
                counts, cleaning_words.scope_words(cleaning.scope_id, self.context.scope_name())
            )
        )
        left = counts.rows - counts.kept
        self.save_button.setEnabled(True)
        self.left_out_button.setEnabled(left > 0)
        self.left_out_only.setEnabled(left > 0)

    def _count_failed(self, job: Job, message: str) -> None:
        if job is not self._count_job:
            return
        self.count_error = message
        self.counts_label.setText(ERROR_STYLE.format(text=escape(message)))

    def _count_cancelled(self, job: Job) -> None:
        if job is self._count_job:  # not when a newer count took its place
            self.counts_label.setText(self.tr("The cleaning was cancelled."))

    # ---- only the rows left out ------------------------------------------------------

    @Slot(bool)
    def _filter_toggled(self, checked: bool) -> None:
        if not checked:
            self.context.cancel(self._gather_job)
            self.shown_label.clear()
            if self.model is not None and self.table.model() is not self.model:
                self._show(self.model)
            return
        if self.left_model is not None:
            self._show(self.left_model)
            self._say_shown()
            return
        self._gather()

    def _gather(self) -> None:
        """Read the file again on the worker for the rows left out (the first SHOWN_LEFT_OUT:
        the saved file has them all), with their places among the rows."""
        cleaning, source = self.cleaning, self.source
        if cleaning is None or source is None:
            return
        self.shown_label.setText(self.tr("Finding the rows left out…"))
        width = len(source.headers)

        def gather(_progress: ProgressFn, cancel: threading.Event) -> tuple[Any, list[list[str]]]:
            rows = source.iter_data_rows()
            try:
                numbered = enumerate(_checked(rows, cancel))
                picked = list(islice(compress(numbered, cleaning.codes), SHOWN_LEFT_OUT))
            finally:
                getattr(rows, "close", lambda: None)()
            return [index for index, _row in picked], [row[:width] for _index, row in picked]

        job = Job(self.tr("Finding the rows left out…"), gather)
        job.on_done = partial(self._gathered, job)
        job.on_failed = partial(self._gather_failed, job)
        job.on_cancelled = partial(self._gather_failed, job, "")
        self._gather_job = job
        self.context.run(job)

    def _gathered(self, job: Job, found: tuple[Any, list[list[str]]]) -> None:
        if job is not self._gather_job or self.source is None or self.cleaning is None:
            return
        indexes, rows = found
        source = self.source
        model = FateModel(source.headers, rows, None, source.first_data_row, indexes, parent=self)
        model.set_fates(self.cleaning)
        model.set_email_column(self.column_combo.currentIndex())
        self.left_model = model
        if self.left_out_only.isChecked():
            self._show(model)
            self._say_shown()

    def _gather_failed(self, job: Job, message: str) -> None:
        if job is self._gather_job:
            self.shown_label.setText(ERROR_STYLE.format(text=escape(message)) if message else "")

    def _say_shown(self) -> None:
        cleaning, model = self.cleaning, self.left_model
        if cleaning is None or model is None:
            return
        left = cleaning.counts.rows - cleaning.counts.kept
        if model.rowCount() < left:
            self.shown_label.setText(
                self.tr(
                    "The first {shown} of %Ln rows left out are shown; Save left-out rows… "
                    "writes them all.",
                    "",
                    left,
                ).format(shown=number(model.rowCount()))
            )
        else:
            self.shown_label.clear()

    # ---- saving ------------------------------------------------------------------------

    def _save_folder(self, source: TableSource) -> Path:
        """Beside the original, where people look for it; else the last folder saved to."""
        if remembered_folders.usable(source.path.parent):
            return source.path.parent
        return remembered_folders.folder(self.context.settings, LISTS)

    @Slot()
    def save_cleaned(self) -> None:
        """Ask where (beside the original, "-cleaned"), then save the rows that may be emailed."""
        cleaning = self.cleaning
        if cleaning is None or self.saving():
            return
        source = cleaning.source
        kinds = cleaning_words.cleaned_kinds(source)
        suggested = cleaning_words.cleaned_name(self._save_folder(source), source, kinds[0].suffix)
        answer = self.context.questions.save_file(
            self, self.tr("Save the cleaned list"), str(suggested), file_kinds.filters(kinds)
        )
        if answer is None:
            return
        path, _kind = file_kinds.chosen(kinds, *answer)
        remembered_folders.remember(self.context.settings, LISTS, path)
        save = self.context.in_helper(save_cleaned, cleaning, path, PROGRESS, CANCEL)
        self._start_save(Job(self.tr("Saving the cleaned list…"), save, self._saved))

    @Slot()
    def save_left_out(self) -> None:
        """Ask where, then save the rows left out with their row numbers and reasons, in the
        window's language (in the helper process, like the cleaned file)."""
        cleaning = self.cleaning
        if cleaning is None or self.saving():
            return
        source = cleaning.source
        kinds = cleaning_words.left_out_kinds()
        suggested = cleaning_words.left_out_name(self._save_folder(source), source)
        answer = self.context.questions.save_file(
            self, self.tr("Save the rows left out"), str(suggested), file_kinds.filters(kinds)
        )
        if answer is None:
            return
        path, _kind = file_kinds.chosen(kinds, *answer)
        remembered_folders.remember(self.context.settings, LISTS, path)
        helper = self.context.helper()

        def save(progress: ProgressFn, cancel: threading.Event) -> tuple[Path, int]:
            # In the helper too, which has no translations: it is given the words it needs.
            known = cleaning_words.left_out_words(cleaning)
            rows = helper.call(
                save_left_out,
                cleaning,
                path,
                known.__getitem__,
                PROGRESS,
                CANCEL,
                progress=progress,
                cancel=cancel,
            )
            return path, int(rows)

        self._start_save(Job(self.tr("Saving the rows left out…"), save, self._left_out_saved))

    def _start_save(self, job: Job) -> None:
        job.on_failed = self._save_failed
        job.on_cancelled = self._save_cancelled
        self._save_job = job
        self._saving(True)
        self.result_label.setText(job.label)
        self.context.run(job)

    def _saving(self, busy: bool) -> None:
        """While a file is saved, the list it comes from stays as it is."""
        for widget in (self.open_button, self.read_options, self.column_combo):
            widget.setEnabled(not busy and (widget is self.open_button or self.source is not None))
        left = self.cleaning is not None and self.cleaning.counts.rows > self.cleaning.counts.kept
        self.save_button.setEnabled(not busy and self.cleaning is not None)
        self.left_out_button.setEnabled(not busy and left)

    def _save_done(self) -> None:
        self._saving(False)
        cleaning = self.cleaning
        if cleaning is not None and cleaning.scope_id != self.context.scope_id():
            self.start_count()  # the business unit changed while the file was saved

    def _saved(self, saved: Saved) -> None:
        text = self.tr("Saved “{path}”: %Ln rows that may be emailed.", "", saved.rows).format(
            path=escape(str(saved.path))
        )
        if saved.history_note:
            note = translated(saved.history_note)
            self.result_label.setText(text + " " + ERROR_STYLE.format(text=escape(note)))
            self.context.questions.warn(self, self.tr("Not kept in the history"), note)
        else:
            kept = self.tr("The cleaning is kept in the history (#{id}).")
            self.result_label.setText(text + " " + kept.format(id=saved.history_id))
        self._save_done()
        self.context.list_changed.emit()  # the history shows the cleaning

    def _left_out_saved(self, result: tuple[Path, int]) -> None:
        path, rows = result
        self.result_label.setText(
            self.tr(
                "Saved “{path}”: %Ln rows left out, each with its row number and why.", "", rows
            ).format(path=escape(str(path)))
        )
        self._save_done()

    def _save_failed(self, message: str) -> None:
        self.result_label.setText(ERROR_STYLE.format(text=escape(message)))
        self._save_done()
        self.context.questions.warn(self, self.tr("The file was not saved"), message)

    def _save_cancelled(self) -> None:
        self.result_label.setText(self.tr("The cleaning was cancelled; no file was saved."))
        self._save_done()
