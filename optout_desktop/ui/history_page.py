"""The history page: imports and changes, their details, errors file, Undo and Lift."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from optout_desktop.core.optouts import exports, history, undo
from optout_desktop.core.optouts.import_process import CANCEL
from optout_desktop.core.optouts.undo import UndoPlan

from . import file_kinds, remembered_folders
from .context import WindowContext
from .core_text import translated
from .history_details import details
from .history_model import COLUMNS, HistoryModel
from .jobs import Job
from .language import local_time
from .undo_dialog import UndoDialog

WIDEST = {"user_name": 160, "business_unit": 140}  # pixels; the rest fit their contents
FILE_COLUMN = [key for key, _title in COLUMNS].index("file_name")


def _window_tr(text: str) -> str:
    # Texts that moved here from the main window keep its translation context.
    return QCoreApplication.translate("MainWindow", text)


class HistoryPage(QWidget):
    """A table of imports and changes, newest first; the selected one's details below."""

    lift_requested = Signal(int, str, int, str)  # entry id, what, scope id (-1: unknown), unit

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPage")
        self.context = context
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("Imports and changes"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The file (or entry) takes the room the others leave: the table fits the window.
        header.setSectionResizeMode(FILE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.details = QLabel()
        self.details.setObjectName("historyDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("Details of the selected entry"))
        self.errors_button = QPushButton(self.tr("Save errors file…"))
        self.errors_button.setObjectName("historyErrorsButton")
        self.errors_button.clicked.connect(self._save_selected_errors)
        self.undo_button = QPushButton(self.tr("Undo…"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setToolTip(
            self.tr("Lift exactly the opt-outs the selected import added, and nothing else")
        )
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self._undo_selected)
        self.lift_button = QPushButton(self.tr("Lift…"))
        self.lift_button.setObjectName("historyLiftButton")
        self.lift_button.setToolTip(
            self.tr("Lift the opt-out the selected entry added by hand, with a legal basis")
        )
        self.lift_button.setEnabled(False)
        self.lift_button.clicked.connect(self._lift_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.details, 1)
        buttons.addWidget(self.errors_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons.addWidget(self.lift_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._dialog: UndoDialog | None = None

    def refresh(self) -> None:
        selected = self.selected_run()
        self.model.set_runs(history.history(limit=500))
        self._size_columns()
        if selected is not None:
            self.select_import(int(selected["id"]), str(selected["kind"]))
        self._selection_changed()

    def _size_columns(self) -> None:
        """Columns as wide as their contents, the user and unit no wider than WIDEST, the
        file's the rest: the table fits the window at its first size; the details say all."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column, (key, _title) in enumerate(COLUMNS):
            widest = WIDEST.get(key)
            if widest is not None and header.sectionSize(column) > widest:
                header.resizeSection(column, widest)

    def selected_run(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.run_at(rows[0].row()) if rows else None

    def select_import(self, import_id: int, kind: str | None = None) -> None:
        """Select an entry's row (for a user coming from elsewhere, and for tests); a
        cleaning and an import may share a number, so the kind may say which."""
        for row in range(self.model.rowCount()):
            run = self.model.run_at(row)
            if run["id"] == import_id and (kind is None or run["kind"] == kind):
                self.table.selectRow(row)
                return

    @Slot()
    def _selection_changed(self) -> None:
        run = self.selected_run()
        self.undo_button.setEnabled(
            run is not None and run.get("kind") != history.CLEANED and bool(run.get("undoable"))
        )
        self.lift_button.setEnabled(run is not None and liftable(run))
        # A cleaned list has no errors file and cannot be undone (and its number is not an
        # import's: cleanings and imports are numbered apart).
        self.errors_button.setEnabled(
            run is not None and run.get("kind") != history.CLEANED and bool(run.get("refused_rows"))
        )
        self.details.setText(details(run) if run is not None else "")

    @Slot()
    def _lift_selected(self) -> None:
        run = self.selected_run()
        if run is not None and liftable(run):
            self.lift_requested.emit(
                int(run["id"]), str(run["file_name"]), -1, str(run["business_unit"])
            )

    @Slot()
    def _save_selected_errors(self) -> None:
        run = self.selected_run()
        if run is not None and run.get("kind") != history.CLEANED:
            self.save_errors(int(run["id"]))

    def save_errors(self, import_id: int) -> None:
        """Ask where and as what, then write the import's refused rows on the worker."""
        kinds = file_kinds.errors_kinds()
        settings = self.context.settings
        folder = remembered_folders.folder(settings, remembered_folders.ERRORS)
        name = self.tr("import-{id}-errors").format(id=import_id) + kinds[0].suffix
        answer = self.context.questions.save_file(
            self, self.tr("Save the errors file"), str(folder / name), file_kinds.filters(kinds)
        )
        if answer is None:
            return
        path, kind = file_kinds.chosen(kinds, *answer)
        remembered_folders.remember(settings, remembered_folders.ERRORS, path)

        def write(_progress: object, _cancel: object) -> tuple[object, int]:
            return path, exports.export_refused_rows(import_id, path, translated, kind.delimiter)

        self.context.run(Job(_window_tr("Saving the errors file…"), write, on_done=self._saved))

    def _saved(self, result: tuple[object, int]) -> None:
        path, count = result
        self.context.questions.inform(
            self,
            _window_tr("Errors file saved"),
            self.tr("%Ln refused rows were written to {path}.", "", count).format(path=path),
        )

    # ---- undo: count on the worker, confirm with the typed number, undo on the worker ----

    @Slot()
    def _undo_selected(self) -> None:
        run = self.selected_run()
        if run is not None and run.get("kind") != history.CLEANED:
            self.undo(int(run["id"]))

    def undo(self, import_id: int) -> None:
        """Count what undoing the import lifts (off the GUI thread), then ask to confirm.

        A job that runs meanwhile goes first; the status line says the count waits for it.
        """

        count = self.context.in_helper(undo.plan_undo, import_id)
        label = self.tr("Counting what the undo lifts…")
        self.context.run(Job(label, count, on_done=self._confirm))

    def _confirm(self, plan: UndoPlan) -> None:
        if plan.already_undone:
            self.context.questions.inform(
                self,
                self.tr("Already undone"),
                self.tr(
                    "Import #{id} was already undone by {who} at {when}; nothing changed."
                ).format(
                    id=plan.import_id,
                    who=translated(plan.undone_by or ""),
                    when=local_time(plan.undone_at) if plan.undone_at else "",
                ),
            )
            self.refresh()
            return
        dialog = UndoDialog(plan, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._confirmed)
        self._dialog = dialog
        dialog.open()

    @Slot()
    def _confirmed(self) -> None:
        dialog = self._dialog
        typed = dialog.typed_count() if dialog is not None else None
        if dialog is None or typed is None:
            return
        import_id = dialog.import_id

        run = self.context.in_helper(undo.undo_import, import_id, typed, CANCEL)
        label = self.tr("Undoing import #{id}…").format(id=import_id)
        self.context.run(Job(label, run, on_done=self._undone, on_cancelled=self._undo_cancelled))

    def _undone(self, done: UndoPlan) -> None:
        if done.already_undone:
            text = self.tr("Import #{id} was already undone; nothing changed.").format(
                id=done.import_id
            )
        else:
            text = self.tr("Import #{id} was undone: %Ln opt-outs were lifted.", "", done.lift)
            text = text.format(id=done.import_id)
            if done.keep:
                text += " " + self.tr(
                    "%Ln stay suppressed, as later imports list them too.", "", done.keep
                )
        self.context.list_changed.emit()  # every view shows it behind the message
        self.context.questions.inform(self, self.tr("Import undone"), text)

    def _undo_cancelled(self) -> None:
        self.context.questions.inform(
            self,
            self.tr("Undo cancelled"),
            self.tr("The undo was cancelled; nothing was changed."),
        )


def liftable(run: dict[str, Any]) -> bool:
    """An opt-out added by hand (an address, or a whole domain) and not lifted since; one
    that the person asked for ("unsubscribed") never is."""
    return (
        run.get("kind") in ("domain", "manual")
        and run.get("state") == "completed"
        and run.get("column") != "unsubscribed"
    )
