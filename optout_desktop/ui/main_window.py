"""The main window's frame: top bar, pages in tabs, menus, status line, and their wiring."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from optout_desktop.core import folders
from optout_desktop.core.db import dialect, opening, postgres
from optout_desktop.core.optouts import domains, export_formats, exports, overview
from optout_desktop.core.optouts.exports import Exported, ForPeople
from optout_desktop.core.optouts.import_process import CANCEL, PROGRESS
from optout_desktop.core.optouts.overview import Overview
from optout_desktop.core.progress import Progress
from optout_desktop.core.reading import digests
from optout_desktop.core.rules import business_units, eligibility

from . import file_kinds, language, remembered_folders
from .cleaning_page import CleaningPage
from .contacts_page import ContactsPage
from .context import WindowContext
from .core_text import translation
from .hand_made import HandMade
from .history_page import HistoryPage
from .import_page import ImportPage
from .job_status import JobStatus
from .jobs import Job, JobRunner
from .lookup_box import LookupBox
from .menus import about_box, build_menus
from .overview_widget import OverviewWidget
from .questions import Questions
from .units_dialog import UnitsDialog

log = logging.getLogger("optout.ui")
GEOMETRY_KEY = "window/geometry"
REFRESH_ON_RETURN_S = 5.0  # a shared list is counted again on coming back, at most this often
ProgressFn = Callable[[Progress], None]


def number(value: int) -> str:
    """A count as people read it, in the interface language."""
    return language.number(value)


class MainWindow(QMainWindow):
    """Holds the pages and connects them; the pages see only a WindowContext."""

    language_chosen = Signal(str)  # the app reopens the window in this language
    database_chosen = Signal(str)  # the app opens this database and reopens the window on it

    def __init__(
        self, db_path: Path | str, settings: QSettings, questions: Questions | None = None
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.settings = settings
        self.jobs = JobRunner("optout-writer", self)
        self.reads = JobRunner("optout-reader", self)
        self.context = WindowContext(
            questions or Questions(), settings, self.jobs, self.reads, self
        )

        self.setObjectName("mainWindow")
        self.setWindowTitle(self._title())
        self._last_refresh = time.monotonic()
        self._stopped = False
        self.setAcceptDrops(True)
        self.resize(1100, 720)
        self._build()
        self._connect_signals()
        geometry = self.settings.value(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.refresh_units()
        self.refresh_totals()
        self.history_page.refresh()

    @property
    def questions(self) -> Questions:
        """The seam every question goes through (tests put scripted answers here)."""
        return self.context.questions

    @questions.setter
    def questions(self, questions: Questions) -> None:
        self.context.questions = questions

    # ---- building ---------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(self._build_top_bar())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName(self.tr("Pages"))
        self.import_page = ImportPage(self.context)
        self.context.helper = self.import_page.helper  # the page's helper does all heavy work
        self.tabs.addTab(self.import_page, self.tr("Import opt-outs"))
        self.contacts_page = ContactsPage(self.context)
        self.tabs.addTab(self.contacts_page, self.tr("Contacts"))
        self.history_page = HistoryPage(self.context)
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
        self.cleaning_page = CleaningPage(self.context)
        self.tabs.addTab(self.cleaning_page, self.tr("Clean a mailing list"))
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.job_status = JobStatus()
        self.statusBar().addWidget(self.job_status, 1)
        self.statusBar().setSizeGripEnabled(False)
        build_menus(self)
        self._add_cleaning_to_menu()

    def _add_cleaning_to_menu(self) -> None:
        """File › Clean a mailing list…, after the commands that open a file."""
        menu = self.findChild(QMenu, "fileMenu")
        if menu is None:
            return
        action = QAction(self.tr("&Clean a mailing list…"), self)
        action.setObjectName("cleanListAction")
        action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(self.choose_list_to_clean)
        separators = [item for item in menu.actions() if item.isSeparator()]
        menu.insertAction(separators[0] if separators else None, action)

    def _build_top_bar(self) -> QVBoxLayout:
        bar = QVBoxLayout()
        unit_label = QLabel(self.tr("Business unit:"))
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("businessUnitCombo")
        self.unit_combo.setMinimumWidth(180)
        unit_label.setBuddy(self.unit_combo)
        self.billable_label = QLabel()
        self.billable_label.setObjectName("billableLabel")
        self.suppressed_label = QLabel()
        self.suppressed_label.setObjectName("suppressedLabel")
        self.export_button = QPushButton(self.tr("Export suppressions…"))
        self.export_button.setObjectName("exportButton")
        self.manage_units_button = QPushButton(self.tr("Manage…"))
        self.manage_units_button.setObjectName("manageUnitsButton")
        self.lookup = LookupBox(self.context)
        self.hand_made = HandMade(self.context, self)
        # Two rows, so the window fits a 1024-pixel screen even with million-sized totals.
        first = QHBoxLayout()
        first.addWidget(unit_label)
        first.addWidget(self.unit_combo)
        first.addWidget(self.manage_units_button)
        first.addStretch(1)
        first.addWidget(self.billable_label)
        second = QHBoxLayout()
        second.addWidget(self.lookup)
        second.addStretch(1)
        second.addWidget(self.suppressed_label)  # what the export beside it writes
        second.addSpacing(8)
        second.addWidget(self.export_button)
        bar.addLayout(first)
        bar.addLayout(second)
        return bar

    def _connect_signals(self) -> None:
        """Every connection between the window's parts, in one place (qutebrowser's way)."""
        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        self.manage_units_button.clicked.connect(self.manage_units)
        self.export_button.clicked.connect(self.export_suppressions)
        self.context.list_changed.connect(self.refresh_all)
        self.context.job_failed.connect(self._job_failed)
        self.import_page.errors_file_requested.connect(self.history_page.save_errors)
        self.lookup.block_domain_requested.connect(self.hand_made.block_domain)
        self.lookup.opt_out_requested.connect(self.hand_made.add_by_hand)
        self.lookup.lift_requested.connect(self.hand_made.lift)
        self.history_page.lift_requested.connect(self.hand_made.lift_recorded)
        self.jobs.changed.connect(self._jobs_changed)
        self.jobs.progressed.connect(self._job_progressed)
        self.jobs.finished.connect(self._job_finished)
        self.job_status.cancel_requested.connect(self.jobs.cancel)
        app = QCoreApplication.instance()
        if app is not None:  # the loop can end without a close (a session's end)
            app.aboutToQuit.connect(self._stop)

    def _title(self) -> str:
        """The window's title; on a team's server it also says which list it shows (without
        the password), so nobody takes it for the file on their laptop."""
        if not postgres.is_url(self.db_path):
            return self.tr("OptOut Desktop")
        return self.tr("OptOut Desktop – {server}").format(
            server=opening.display_name(self.db_path)
        )

    # ---- menu commands ----------------------------------------------------------------

    def choose_language(self, code: str) -> None:
        """Remember the language; the app then reopens the window in it (when nothing runs)."""
        self.settings.setValue(language.SETTING, code)
        menu = self.findChild(QMenu, "languageMenu")
        for action in menu.actions() if menu is not None else []:
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
            self.questions.inform(
                self,
                self.tr("Choose database"),
                self.tr("Wait for the running job to finish, then choose the database."),
            )
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
    def choose_file(self) -> None:
        self.tabs.setCurrentWidget(self.import_page)
        self.import_page.choose_file()

    @Slot()
    def choose_list_to_clean(self) -> None:
        self.tabs.setCurrentWidget(self.cleaning_page)
        self.cleaning_page.choose_file()

    @Slot()
    def open_sample(self) -> None:
        """Open the bundled sample file, to try the app on before a real list."""
        self.tabs.setCurrentWidget(self.import_page)
        self.import_page.open_sample()

    def open_file(self, path: Path) -> None:
        """Open a file of opted-out addresses on the import page (command line, drop)."""
        self.tabs.setCurrentWidget(self.import_page)
        self.import_page.open_new(path)

    @Slot()
    def show_log_folder(self) -> None:
        folder = folders.log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        self.questions.show_folder(self, folder)

    @Slot()
    def show_about(self) -> None:
        self._about = about_box(self)
        self._about.open()

    # ---- totals, business units, export ----------------------------------------------

    @Slot()
    def refresh_all(self) -> None:
        """Count again and reread the history and contacts (F5, and after every change): on
        a shared server, also what colleagues changed meanwhile."""
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

        def count(_progress: ProgressFn, _cancel: threading.Event) -> tuple[int, int]:
            return eligibility.suppressed_addresses(), len(domains.list_domains())

        # Read-only jobs, never on the status line: their labels are for the log.
        self.context.read(
            Job(
                "count suppressed addresses",
                count,
                on_done=self._show_suppressed,
                on_failed=self._no_total,
            )
        )
        scope = self.context.scope_id()

        def summarise(_progress: ProgressFn, _cancel: threading.Event) -> Overview:
            return overview.suppression_overview(scope_id=scope)

        self.context.read(
            Job("summarise opt-outs", summarise, on_done=self.overview_widget.show_overview)
        )

    def _show_suppressed(self, counts: tuple[int, int]) -> None:
        """The addresses suppressed for any business unit (what an export of the whole account
        lists), and the whole domains apart: a domain is not one address."""
        addresses, whole_domains = counts
        text = self.tr("Suppressed, all business units: <b>%Ln</b> addresses", "", addresses)
        if whole_domains:
            text += self.tr(", <b>%Ln</b> whole domains", "", whole_domains)
        self.suppressed_label.setText(text)
        self.suppressed_label.setToolTip(
            self.tr(
                "Addresses opted out for the whole account or for any business unit, each "
                "counted once. A whole domain (@firma.dk) covers every address there, also "
                "those not on the list, so it is counted apart."
            )
        )

    def _no_total(self, message: str) -> None:
        log.warning("counting the suppressed addresses failed: %s", message)
        self.suppressed_label.setText(self.tr("Suppressed, all business units: ?"))

    @Slot()
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
        self._unit_changed()

    @Slot()
    def manage_units(self) -> None:
        dialog = UnitsDialog(self.questions, self)
        dialog.units_changed.connect(self.refresh_units)
        self._units_dialog = dialog
        dialog.open()

    def scope_id(self) -> int:
        return self.context.scope_id()

    @Slot(int)
    def _unit_changed(self, _index: int = -1) -> None:
        before = self.context.scope_id()
        self.context.set_scope(
            int(self.unit_combo.currentData() or 0), self.unit_combo.currentText()
        )
        if self.context.scope_id() != before:
            self.refresh_totals()

    @Slot()
    def export_suppressions(self) -> None:
        """Ask where and as what (the chosen file type decides), then export on the worker."""
        kinds = file_kinds.suppression_kinds()
        folder = remembered_folders.folder(self.settings, remembered_folders.EXPORT)
        answer = self.questions.save_file(
            self,
            self.tr("Export the suppression list"),
            str(folder / (self.tr("suppression-list") + kinds[0].suffix)),
            file_kinds.filters(kinds),
        )
        if answer is None:
            return
        path, kind = file_kinds.chosen(kinds, *answer)
        remembered_folders.remember(self.settings, remembered_folders.EXPORT, path)
        scope = self.context.scope_id() or None
        if kind.tool:
            self._export_for_tool(path, kind.tool, scope)
            return
        people = ForPeople(translation(), language.excel_date_format()) if kind.for_people else None
        export = self.context.in_helper(
            exports.export_list,
            path,
            scope,
            PROGRESS,
            CANCEL,
            people=people,
            delimiter=kind.delimiter,
        )
        self.context.run(
            Job(
                self.tr("Exporting…"),
                export,
                on_done=partial(self._exported, path),
                on_cancelled=self._export_cancelled,
            )
        )

    def _export_for_tool(self, path: Path, tool: str, scope: int | None) -> None:
        """Another email tool's suppression import, or a hashed list (in its own format)."""

        if tool in digests.ALGORITHMS:
            export = self.context.in_helper(
                export_formats.export_hashed, path, tool, scope, PROGRESS, CANCEL
            )
        else:
            export = self.context.in_helper(
                export_formats.export_for_tool, path, tool, scope, PROGRESS, CANCEL
            )
        self.context.run(
            Job(
                self.tr("Exporting…"),
                export,
                on_done=self._exported_for_tool,
                on_cancelled=self._export_cancelled,
            )
        )

    def _exported_for_tool(self, done: Any) -> None:
        text = self.tr("Exported to {path}:").format(path=done.path)
        text += " " + self.tr("%Ln lines.", "", done.addresses)
        self.questions.inform(self, self.tr("Export finished"), text)

    def _exported(self, path: Path, done: Exported) -> None:
        text = self.tr("Exported to {path}:").format(path=path)
        text += " " + self.tr("%Ln suppressed addresses", "", done.addresses)
        if done.domains:
            text += " " + self.tr("and %Ln whole domains", "", done.domains)
        if self.context.scope_id():
            text += " " + self.tr("(the business unit’s and the whole account’s)")
        text += "."
        if done.rows != done.addresses + done.domains:
            text += " " + self.tr(
                "The file has %Ln rows: an address opted out for several business units has "
                "a row for each.",
                "",
                done.rows,
            )
        self.questions.inform(self, self.tr("Export finished"), text)

    def _export_cancelled(self) -> None:
        self.job_status.show_note(self.tr("The export was cancelled; no file was written."))

    # ---- the worker's reports -----------------------------------------------------------

    @Slot()
    def _jobs_changed(self) -> None:
        self.job_status.show_jobs(self.jobs.running, self.jobs.waiting)

    @Slot(object, object)
    def _job_progressed(self, job: Job, step: Progress) -> None:
        self.job_status.show_progress(job, step)

    @Slot(object, str)
    def _job_finished(self, job: Job, outcome: str) -> None:
        self.job_status.job_finished(job, outcome)

    @Slot(str)
    def _job_failed(self, message: str) -> None:
        """A job without its own way of failing: say what went wrong, show what is now."""
        self.refresh_all()  # behind the message, what is now
        self.questions.warn(self, self.tr("Something went wrong"), message)

    # ---- drag and drop, closing --------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not files:
            return
        event.acceptProposedAction()
        if self.tabs.currentWidget() is self.cleaning_page:  # a list to clean, not opt-outs
            self.cleaning_page.open_new(Path(files[0]))
        else:
            self.open_file(Path(files[0]))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._stop()
        super().closeEvent(event)

    @Slot()
    def _stop(self) -> None:
        """On closing, or when the application quits with the window still open: remember
        the window's size, let go of the file, stop both worker threads."""
        if self._stopped:
            return
        self._stopped = True
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.import_page.close_file()
        self.cleaning_page.close_file()
        self.jobs.shutdown()
        self.reads.shutdown()
