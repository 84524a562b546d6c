"""The main window: choose a file, see it, pick the email column, confirm, import on a worker."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from optout_desktop.core import folders
from optout_desktop.core.db import dialect, opening, postgres
from optout_desktop.core.optouts import exports, imports, overview
from optout_desktop.core.optouts.imports import OptOutPlan
from optout_desktop.core.optouts.overview import Overview
from optout_desktop.core.progress import Progress
from optout_desktop.core.reading.columns import guess_email_column
from optout_desktop.core.reading.sniffing import ENCODING_NAMES
from optout_desktop.core.reading.sources import TableSource, open_source
from optout_desktop.core.rules import business_units, eligibility

from . import language
from .confirm_dialog import ConfirmDialog
from .contacts_page import ContactsPage
from .empty_state import EmptyState
from .history_page import HistoryPage
from .jobs import Job, JobRunner
from .lookup_box import LookupBox
from .menus import about_box, build_menus
from .overview_widget import OverviewWidget
from .preview_model import PreviewModel
from .questions import Questions
from .read_options import ReadOptions
from .units_dialog import UnitsDialog

log = logging.getLogger("optout.ui")
RECENT_KEY = "recentFiles"
RECENT_MAX = 8
FIRST_SCREEN_ROWS = 200
SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample-optouts.csv"
GEOMETRY_KEY = "window/geometry"
REFRESH_ON_RETURN_S = 5.0  # a shared list is counted again on coming back, at most this often


def number(value: int) -> str:
    """A count as people read it, in the interface language."""
    return language.number(value)


class MainWindow(QMainWindow):
    """One window for the whole flow; every long step runs on the JobRunner's thread."""

    language_chosen = Signal(str)  # the app reopens the window in this language
    database_chosen = Signal(str)  # the app opens this database and reopens the window on it

    def __init__(
        self, db_path: Path | str, settings: QSettings, questions: Questions | None = None
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.settings = settings
        self.questions = questions or Questions()
        self.source: TableSource | None = None
        self.plan: OptOutPlan | None = None
        self.model: PreviewModel | None = None
        self._replan = False
        self.jobs = JobRunner(self)
        self.jobs.progressed.connect(self._on_progress)
        self.jobs.succeeded.connect(self._on_success)
        self.jobs.failed.connect(self._on_failure)
        self.jobs.cancelled.connect(self._on_cancelled)
        # Read-only counts run beside the writer (SQLite's WAL lets them), never on the GUI.
        self.reads = JobRunner(self, queue=True)
        self.reads.succeeded.connect(self._on_read)
        self.reads.failed.connect(self._on_read_failure)

        self.setObjectName("mainWindow")
        self.setWindowTitle(self._title())
        self._last_refresh = time.monotonic()
        self.setAcceptDrops(True)
        self.resize(1100, 720)
        self._build()
        geometry = self.settings.value(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.refresh_units()
        self.refresh_totals()
        self.history_page.refresh()

    # ---- building ---------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(self._build_top_bar())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName(self.tr("Pages"))
        self.tabs.addTab(self._build_import_page(), self.tr("Import opt-outs"))
        self.contacts_page = ContactsPage(self)
        self.tabs.addTab(self.contacts_page, self.tr("Contacts"))
        self.history_page = HistoryPage(self.questions, self)
        self.tabs.addTab(self.history_page, self.tr("History"))
        self.overview_widget = OverviewWidget()
        self.overview_widget.setObjectName("overviewWidget")
        self.overview_widget.setMinimumHeight(280)
        self.overview_widget.setMaximumHeight(360)  # bars taller than this only look empty
        overview_page = QWidget()
        overview_layout = QVBoxLayout(overview_page)
        overview_layout.addWidget(self.overview_widget)
        overview_layout.addStretch(1)
        self.tabs.addTab(overview_page, self.tr("Overview"))
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)

        build_menus(self)

    # ---- menu commands ----------------------------------------------------------------

    def choose_language(self, code: str) -> None:
        """Remember the language; the app then reopens the window in it (when nothing runs)."""
        self.settings.setValue(language.SETTING, code)
        for action in self.findChild(QMenu, "languageMenu").actions():
            action.setChecked(action.data() == code)
        if self.jobs.busy:
            self.questions.inform(
                self,
                self.tr("Language"),
                self.tr("{name} is used from the next start of OptOut Desktop.").format(
                    name=language.LANGUAGES[code]
                ),
            )
            return
        self.language_chosen.emit(code)

    @Slot()
    def choose_database(self) -> None:
        """A file of this computer, or the team's PostgreSQL server by its address."""
        if self.jobs.busy:
            return
        answer = self.questions.ask_text(
            self,
            self.tr("Choose database"),
            self.tr(
                "The suppression list's file on this computer, or your team's PostgreSQL "
                "server as postgresql://user@host:5432/name (the password is asked for, "
                "never saved):"
            ),
            opening.display_name(self.db_path),
        )
        if answer and answer.strip() and answer.strip() != opening.display_name(self.db_path):
            self.database_chosen.emit(answer.strip())

    @Slot()
    def open_sample(self) -> None:
        """Open the bundled sample file, to try the app on before a real list."""
        self.tabs.setCurrentIndex(0)
        self.read_options.reset()
        self.open_file(SAMPLE)

    @Slot()
    def show_log_folder(self) -> None:
        folder = folders.log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        self.questions.show_folder(self, folder)

    @Slot()
    def show_about(self) -> None:
        self._about = about_box(self)
        self._about.open()

    def _build_top_bar(self) -> QVBoxLayout:
        bar = QVBoxLayout()
        unit_label = QLabel(self.tr("Business unit:"))
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("businessUnitCombo")
        self.unit_combo.setMinimumWidth(180)
        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        unit_label.setBuddy(self.unit_combo)
        self.billable_label = QLabel()
        self.billable_label.setObjectName("billableLabel")
        self.suppressed_label = QLabel()
        self.suppressed_label.setObjectName("suppressedLabel")
        self.export_button = QPushButton(self.tr("Export suppressions…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export_suppressions)
        self.manage_units_button = QPushButton(self.tr("Manage…"))
        self.manage_units_button.setObjectName("manageUnitsButton")
        self.manage_units_button.clicked.connect(self.manage_units)
        self.lookup = LookupBox(self)
        # Two rows, so the window fits a 1024-pixel screen even with million-sized totals.
        first = QHBoxLayout()
        first.addWidget(unit_label)
        first.addWidget(self.unit_combo)
        first.addWidget(self.manage_units_button)
        first.addStretch(1)
        first.addWidget(self.billable_label)
        first.addSpacing(16)
        first.addWidget(self.suppressed_label)
        second = QHBoxLayout()
        second.addWidget(self.lookup)
        second.addStretch(1)
        second.addWidget(self.export_button)
        bar.addLayout(first)
        bar.addLayout(second)
        return bar

    def _build_import_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)

        file_row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open file…"))
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self.choose_file)
        self.recent_button = QToolButton()
        self.recent_button.setObjectName("recentButton")
        self.recent_button.setText(self.tr("Recent"))
        self.recent_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.recent_menu = QMenu(self.recent_button)
        self.recent_button.setMenu(self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_status = QLabel(
            self.tr("Open a CSV or Excel file of opted-out addresses, or drop it on this window.")
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
        column_label = QLabel(self.tr("Email column:"))
        self.column_combo = QComboBox()
        self.column_combo.setObjectName("emailColumnCombo")
        self.column_combo.setMinimumWidth(220)
        self.column_combo.setEnabled(False)
        self.column_combo.currentIndexChanged.connect(self._column_changed)
        column_label.setBuddy(self.column_combo)
        self.samples_label = QLabel()
        self.samples_label.setObjectName("samplesLabel")
        self.samples_label.setStyleSheet("color: palette(placeholder-text);")
        column_row.addWidget(column_label)
        column_row.addWidget(self.column_combo)
        column_row.addWidget(self.samples_label, 1)
        layout.addLayout(column_row)

        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.counts_label.setWordWrap(True)
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.counts_label)

        self.table = QTableView()
        self.table.setObjectName("previewTable")
        self.table.setAccessibleName(self.tr("The file's rows"))
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
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelImportButton")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_job)
        self.errors_button = QPushButton(self.tr("Save errors file…"))
        self.errors_button.setObjectName("saveErrorsButton")
        self.errors_button.setVisible(False)
        self.errors_button.clicked.connect(self._save_last_errors)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.confirm_import)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.progress_label)
        bottom.addWidget(self.cancel_button)
        bottom.addStretch(0)
        bottom.addWidget(self.errors_button)
        bottom.addWidget(self.import_button)
        layout.addLayout(bottom)

        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self._last_import_id: int | None = None
        return page

    def _title(self) -> str:
        """The window's title; on a team's server it also says which list it shows (without
        the password), so nobody takes it for the file on their laptop."""
        if not postgres.is_url(self.db_path):
            return self.tr("OptOut Desktop")
        return self.tr("OptOut Desktop – {server}").format(
            server=opening.display_name(self.db_path)
        )

    # ---- totals and business units -------------------------------------------------

    def refresh_all(self) -> None:
        """Count again and reread the history and contacts (F5): on a shared server, what
        colleagues changed meanwhile."""
        self._last_refresh = time.monotonic()
        self.refresh_totals()
        self.history_page.refresh()
        self.contacts_page.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Coming back to the window on a shared server shows colleagues' changes (at most
        every few seconds, and not while a job of this window runs)."""
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and dialect.is_server()
            and not self.jobs.busy
            and time.monotonic() - self._last_refresh > REFRESH_ON_RETURN_S
        ):
            self.refresh_all()

    def refresh_totals(self) -> None:
        """The billable total (a tally: instant) and the suppressed count (counted off-thread)."""
        self.billable_label.setText(
            self.tr("Billable contacts: <b>{n}</b>").format(
                n=number(eligibility.billable_contacts())
            )
        )

        def count(_progress: Callable[[Progress], None], _cancel: threading.Event) -> int:
            return eligibility.suppressed_addresses()

        self.reads.start(Job("totals", count))
        scope = self.scope_id()

        def summarise(_progress: Callable[[Progress], None], _cancel: threading.Event) -> Overview:
            return overview.suppression_overview(scope_id=scope)

        self.reads.start(Job("overview", summarise))

    @Slot(str, object)
    def _on_read(self, name: str, result: object) -> None:
        if name == "totals" and isinstance(result, int):
            self.suppressed_label.setText(
                self.tr("Suppressed addresses: <b>{n}</b>").format(n=number(result))
            )
        elif name == "overview" and isinstance(result, Overview):
            self.overview_widget.show_overview(result)

    @Slot(str, str)
    def _on_read_failure(self, name: str, message: str) -> None:
        log.warning("reading %s failed: %s", name, message)
        if name == "totals":
            self.suppressed_label.setText(self.tr("Suppressed addresses: ?"))

    def refresh_units(self) -> None:
        current = self.unit_combo.currentData()
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("Whole account"), 0)
        for unit in business_units.list_units():
            self.unit_combo.addItem(unit.name, unit.id)
        found = self.unit_combo.findData(current)
        self.unit_combo.setCurrentIndex(max(found, 0))
        self.unit_combo.blockSignals(False)

    @Slot()
    def manage_units(self) -> None:
        dialog = UnitsDialog(self)
        self._units_dialog = dialog
        dialog.open()

    def scope_id(self) -> int:
        return int(self.unit_combo.currentData() or 0)

    @Slot(int)
    def _unit_changed(self, _index: int) -> None:
        self.start_plan()
        self.refresh_totals()

    # ---- opening a file ---------------------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        folder = str(self.settings.value("lastFolder", "") or "")
        path = self.questions.open_file(self, folder)
        if path is not None:
            self.read_options.reset()
            self.open_file(path)

    def open_file(self, path: Path, **how: Any) -> None:
        """Read the file on the worker: kind, encoding, delimiter, headers, first screen."""
        if self.jobs.busy:
            if self.jobs.running == "import":
                self.questions.warn(
                    self, self.tr("Import running"), self.tr("Wait for the import to finish.")
                )
                return
            self.jobs.cancel()
            self._pending_open = (path, how)
            return
        self._pending_open = None
        self.file_status.setText(self.tr("Reading {name}…").format(name=path.name))
        self.plan = None
        self.import_button.setEnabled(False)

        def read(_progress: Callable[[Progress], None], _cancel: threading.Event) -> Any:
            source = open_source(path, **how)
            rows = source.iter_data_rows()
            first = list(islice(rows, FIRST_SCREEN_ROWS))
            guess = guess_email_column(source.headers, source.preview)
            return source, first, rows, guess

        self.start_job(Job("open", read))

    _pending_open: tuple[Path, dict[str, Any]] | None = None

    def _opened(self, result: tuple[TableSource, list[list[str]], Any, Any]) -> None:
        source, first, rows, guess = result
        if self.model is not None:
            self.model.close()
        self.source = source
        self.model = PreviewModel(source.headers, first, rows, source.first_data_row, self)
        self.table.setModel(self.model)
        self.table_stack.setCurrentWidget(self.table)
        self._size_columns()
        self._remember_recent(source.path)
        self.file_status.setText(self._describe(source))
        self.read_options.show_source(source)
        self.read_options.setEnabled(True)
        self.column_combo.blockSignals(True)
        self.column_combo.clear()
        self.column_combo.addItems(source.headers)
        self.column_combo.setCurrentIndex(guess.index if guess is not None else -1)
        self.column_combo.setEnabled(True)
        self.column_combo.blockSignals(False)
        self.result_label.clear()
        self.errors_button.setVisible(False)
        if guess is None:
            self.counts_label.setText(
                self.tr("No column looks like email addresses: choose the email column.")
            )
            self.samples_label.clear()
            return
        self._column_changed(guess.index)

    def _describe(self, source: TableSource) -> str:
        if source.kind == "csv":
            separators = {
                ",": self.tr("comma"),
                ";": self.tr("semicolon"),
                "\t": self.tr("tab"),
                "|": self.tr("vertical bar"),
            }
            how = ", ".join(
                [
                    ENCODING_NAMES.get(source.encoding or "", source.encoding or ""),
                    separators.get(source.delimiter or ",", source.delimiter or ""),
                ]
            )
        else:
            how = self.tr("sheet “{sheet}”").format(sheet=source.sheet)
        header = (
            self.tr("first row is the header") if source.has_header else self.tr("no header row")
        )
        return self.tr("<b>{name}</b> — read as {how}, {header}").format(
            name=source.path.name, how=how, header=header
        )

    def _size_columns(self) -> None:
        # Size columns from the first screenful only: resizing over every row is slow.
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        assert self.model is not None
        for column in range(self.model.columnCount()):
            texts = [str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")]
            texts += [
                str(self.model.data(self.model.index(row, column)) or "")
                for row in range(min(self.model.rowCount(), 40))
            ]
            width = max(metrics.horizontalAdvance(text) for text in texts) + 24
            header.resizeSection(column, min(max(width, 60), 360))

    @Slot()
    def _reopen(self) -> None:
        if self.source is not None:
            self.open_file(self.source.path, **self.read_options.overrides())

    # ---- the email column and the plan --------------------------------------------------

    @Slot(int)
    def _column_changed(self, index: int) -> None:
        if self.source is None or index < 0:
            return
        if self.model is not None:
            self.model.set_email_column(index)
        samples = [row[index] for row in self.source.preview if index < len(row) and row[index]]
        self.samples_label.setText(
            self.tr("e.g. {samples}").format(samples=", ".join(samples[:3])) if samples else ""
        )
        self.start_plan()

    def start_plan(self) -> None:
        """Count the chosen column off the GUI thread: valid, invalid, blank, repeated, new."""
        source, column = self.source, self.column_combo.currentIndex()
        if source is None or column < 0:
            return
        self.plan = None
        self.import_button.setEnabled(False)
        if self.jobs.busy:
            if self.jobs.running in ("plan", "open"):
                self._replan = True
                self.jobs.cancel()
            return
        self._replan = False
        scope = self.scope_id()
        self.counts_label.setText(self.tr("Counting the addresses…"))

        def plan(progress: Callable[[Progress], None], cancel: threading.Event) -> OptOutPlan:
            return imports.plan_optouts(source, column, scope, progress, cancel)

        self.start_job(Job("plan", plan))

    def _planned(self, plan: OptOutPlan) -> None:
        if self.source is None or plan.source is not self.source:
            return
        self.plan = plan
        c = plan.counts
        self.counts_label.setText(
            self.tr(
                "<b>{valid}</b> addresses to opt out: {new} new, {already} already suppressed, "
                "{contacts} existing contact(s) will be unsubscribed (and stay billable). "
                "Left out: {invalid} invalid, {blank} blank, {duplicates} repeated. "
                "{rows} rows read{domains}."
            ).format(
                valid=number(c.valid),
                new=number(c.new),
                already=number(c.already_suppressed),
                contacts=number(c.contacts_unsubscribed),
                invalid=number(c.invalid),
                blank=number(c.blank),
                duplicates=number(c.duplicates),
                rows=number(c.rows),
                domains=self.tr("; {n} of the entries are whole domains").format(
                    n=number(c.domains)
                )
                if c.domains
                else "",
            )
        )
        self.import_button.setEnabled(True)

    # ---- confirming and importing -------------------------------------------------------

    @Slot()
    def confirm_import(self) -> None:
        if self.plan is None or self.jobs.busy:
            return
        scope = (
            self.tr("the business unit “{name}”").format(name=self.unit_combo.currentText())
            if self.scope_id()
            else self.tr("the whole account")
        )
        dialog = ConfirmDialog(self.plan.counts, self.plan.source.path.name, scope, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._confirmed)
        self._dialog = dialog
        dialog.open()

    @Slot()
    def _confirmed(self) -> None:
        dialog, plan = self._dialog, self.plan
        typed = dialog.typed_count()
        if plan is None or typed is None:
            return

        def run(progress: Callable[[Progress], None], cancel: threading.Event) -> Any:
            return imports.run_optouts(plan, typed, progress, cancel)

        self.import_button.setEnabled(False)
        self.start_job(Job("import", run))

    def _imported(self, run: Any) -> None:
        planned = self.plan.counts.new if self.plan is not None else run.new
        self.plan = None
        self._last_import_id = run.id
        refused = run.rows - run.valid
        text = self.tr(
            "Import #{id} completed: {new} addresses are now unsubscribed from all email "
            "({already} were already suppressed, {contacts} existing contacts unsubscribed). "
            "{refused} rows were left out."
        ).format(
            id=run.id,
            new=number(run.new),
            already=number(run.already_suppressed),
            contacts=number(run.contacts_unsubscribed),
            refused=number(refused),
        )
        if planned != run.new:  # a colleague's import or undo on the shared list, meanwhile
            text += " " + self.tr(
                "The list changed after the counts were shown (another import or undo): "
                "{planned} addresses were to be new, {new} were."
            ).format(planned=number(planned), new=number(run.new))
        self.result_label.setText(text)
        self.counts_label.setText(
            self.tr("Imported. Open another file, or choose another column to import again.")
        )
        self.errors_button.setVisible(refused > 0)
        self.refresh_totals()
        self.history_page.refresh()

    @Slot()
    def _save_last_errors(self) -> None:
        if self._last_import_id is not None:
            self.history_page.save_errors(self._last_import_id)

    # ---- export --------------------------------------------------------------------------

    @Slot()
    def export_suppressions(self) -> None:
        path = self.questions.save_file(
            self,
            self.tr("Export the suppression list"),
            "suppressions.csv",
            self.tr("CSV (*.csv);;Excel workbook (*.xlsx)"),
        )
        if path is None:
            return
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".csv")
        scope = self.scope_id() or None

        def export(progress: Callable[[Progress], None], cancel: threading.Event) -> Any:
            return path, exports.export_suppressions(path, scope, progress, cancel)

        self.start_job(Job("export", export))

    # ---- the worker's reports ---------------------------------------------------------------

    def start_job(self, job: Job) -> None:
        """Run a job on the worker, showing progress and the Cancel button."""
        if not self.jobs.start(job):
            return
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.progress_label.setText(self._job_text(job.name))
        self.open_button.setEnabled(job.name != "import")
        self.export_button.setEnabled(False)

    def _job_text(self, name: str) -> str:
        texts = {
            "open": self.tr("Reading the file…"),
            "plan": self.tr("Counting…"),
            "import": self.tr("Importing…"),
            "export": self.tr("Exporting…"),
            "errors": self.tr("Saving the errors file…"),
        }
        return texts.get(name, "")

    def _idle(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.progress_label.clear()
        self.open_button.setEnabled(True)
        self.export_button.setEnabled(True)

    @Slot(str, str, int, int)
    def _on_progress(self, name: str, phase: str, done: int, total: int) -> None:
        if 0 < total <= done:  # the last step (a server's one big insert): busy, not stuck
            self.progress.setRange(0, 0)
        elif total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(done / total, 1.0)))
        label = self.tr("{phase}: {done} of {total} rows").format(
            phase=self._job_text(name).rstrip("…"), done=number(done), total=number(total)
        )
        self.progress_label.setText(label)

    @Slot(str, object)
    def _on_success(self, name: str, result: object) -> None:
        self._idle()
        if name == "open":
            self._opened(result)  # type: ignore[arg-type]
        elif name == "plan":
            self._planned(result)  # type: ignore[arg-type]
        elif name == "import":
            self._imported(result)
        elif name == "export":
            path, count = result  # type: ignore[misc]
            self.questions.inform(
                self,
                self.tr("Export finished"),
                self.tr("{count} suppressed addresses were exported to {path}.").format(
                    count=number(count), path=path
                ),
            )
        elif name == "errors":
            path, count = result  # type: ignore[misc]
            self.questions.inform(
                self,
                self.tr("Errors file saved"),
                self.tr("{count} refused rows were written to {path}.").format(
                    count=number(count), path=path
                ),
            )
        self._resume()

    @Slot(str, str)
    def _on_failure(self, name: str, message: str) -> None:
        self._idle()
        if name == "plan":
            self.counts_label.setText(f"<span style='color:#b00020'>{message}</span>")
        elif name == "open":
            self.file_status.setText(self.tr("The file could not be used."))
            self.questions.warn(self, self.tr("This file cannot be imported"), message)
        else:
            self.questions.warn(self, self.tr("Something went wrong"), message)
            self.refresh_totals()
            self.history_page.refresh()
            self.import_button.setEnabled(self.plan is not None)
        self._resume()

    @Slot(str)
    def _on_cancelled(self, name: str) -> None:
        self._idle()
        if name == "import":
            self.result_label.setText(self.tr("The import was cancelled; nothing was written."))
            self.import_button.setEnabled(self.plan is not None)
            self.history_page.refresh()
        elif name == "plan" and not self._replan:
            self.counts_label.setText(self.tr("Counting was cancelled."))
        elif name == "export":
            self.result_label.setText(self.tr("The export was cancelled; no file was written."))
        self._resume()

    def _resume(self) -> None:
        """Start what waited for the worker: a file to open, or a new count."""
        if self._pending_open is not None:
            path, how = self._pending_open
            self.open_file(path, **how)
        elif self._replan:
            self.start_plan()

    @Slot()
    def cancel_job(self) -> None:
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling…"))
        self.jobs.cancel()

    # ---- recent files, drag and drop, closing ---------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, []) or []
        return [str(item) for item in (value if isinstance(value, list) else [value])]

    def _remember_recent(self, path: Path) -> None:
        resolved = str(path.resolve())
        files = [resolved] + [f for f in self.recent_files() if f != resolved]
        self.settings.setValue(RECENT_KEY, files[:RECENT_MAX])
        self.settings.setValue("lastFolder", str(path.resolve().parent))

    @Slot()
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = [f for f in self.recent_files() if Path(f).exists()]
        if not files:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)
        for name in files:
            action = self.recent_menu.addAction(Path(name).name)
            action.setToolTip(name)
            action.setData(name)
            action.triggered.connect(self._open_recent)

    @Slot()
    def _open_recent(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.read_options.reset()
            self.open_file(Path(str(action.data())))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.tabs.setCurrentIndex(0)
            self.read_options.reset()
            self.open_file(Path(files[0]))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        if self.model is not None:
            self.model.close()
        self.jobs.shutdown()
        self.reads.shutdown()
        super().closeEvent(event)
