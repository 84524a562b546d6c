"""The history page: every import with its counts and state, its errors file, and Undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from optout_desktop.core.optouts import exports, history, undo
from optout_desktop.core.optouts.undo import UndoPlan

from .context import WindowContext
from .core_text import translated
from .history_model import HistoryModel
from .jobs import Job
from .language import number
from .undo_dialog import UndoDialog


def _window_tr(text: str) -> str:
    # Texts that moved here from the main window keep its translation context.
    return QCoreApplication.translate("MainWindow", text)


class HistoryPage(QWidget):
    """A table of imports, newest first."""

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
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
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
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.errors_button)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._dialog: UndoDialog | None = None

    def refresh(self) -> None:
        self.model.set_runs(history.history(limit=500))
        self.table.resizeColumnsToContents()
        self._selection_changed()

    def selected_run(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.run_at(rows[0].row()) if rows else None

    def select_import(self, import_id: int) -> None:
        """Select an import's row (for a user coming from elsewhere, and for tests)."""
        for row in range(self.model.rowCount()):
            if self.model.run_at(row)["id"] == import_id:
                self.table.selectRow(row)
                return

    @Slot()
    def _selection_changed(self) -> None:
        run = self.selected_run()
        self.undo_button.setEnabled(run is not None and bool(run.get("undoable")))

    @Slot()
    def _save_selected_errors(self) -> None:
        run = self.selected_run()
        if run is not None:
            self.save_errors(int(run["id"]))

    def save_errors(self, import_id: int) -> None:
        """Ask where, then write the import's refused rows on the worker."""
        path = self.context.questions.save_file(
            self,
            self.tr("Save the errors file"),
            f"import-{import_id}-errors.csv",
            self.tr("CSV (*.csv)"),
        )
        if path is None:
            return

        def write(_progress: object, _cancel: object) -> tuple[object, int]:
            return path, exports.export_refused_rows(import_id, path, translated)

        self.context.run(Job(_window_tr("Saving the errors file…"), write, on_done=self._saved))

    def _saved(self, result: tuple[object, int]) -> None:
        path, count = result
        self.context.questions.inform(
            self,
            _window_tr("Errors file saved"),
            _window_tr("{count} refused rows were written to {path}.").format(
                count=number(count), path=path
            ),
        )

    # ---- undo: count on the worker, confirm with the typed number, undo on the worker ----

    @Slot()
    def _undo_selected(self) -> None:
        run = self.selected_run()
        if run is not None:
            self.undo(int(run["id"]))

    def undo(self, import_id: int) -> None:
        """Count what undoing the import lifts (off the GUI thread), then ask to confirm.

        A job that runs meanwhile goes first; the status line says the count waits for it.
        """

        def count(_progress: object, _cancel: object) -> UndoPlan:
            return undo.plan_undo(import_id)

        label = self.tr("Counting what the undo lifts…")
        self.context.run(Job(label, count, on_done=self._confirm))

    def _confirm(self, plan: UndoPlan) -> None:
        if plan.already_undone:
            self.context.questions.inform(
                self,
                self.tr("Already undone"),
                self.tr(
                    "Import #{id} was already undone by {who} at {when}; nothing changed."
                ).format(id=plan.import_id, who=plan.undone_by, when=plan.undone_at),
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

        def run(_progress: object, cancel: Any) -> UndoPlan:
            return undo.undo_import(import_id, typed, cancel)

        label = self.tr("Undoing import #{id}…").format(id=import_id)
        self.context.run(Job(label, run, on_done=self._undone, on_cancelled=self._undo_cancelled))

    def _undone(self, done: UndoPlan) -> None:
        if done.already_undone:
            text = self.tr("Import #{id} was already undone; nothing changed.").format(
                id=done.import_id
            )
        elif done.keep:
            text = self.tr(
                "Import #{id} was undone: {lift} opt-outs were lifted; {keep} stay suppressed, "
                "as later imports list them too."
            ).format(id=done.import_id, lift=f"{done.lift:,}", keep=f"{done.keep:,}")
        else:
            text = self.tr("Import #{id} was undone: {lift} opt-outs were lifted.").format(
                id=done.import_id, lift=f"{done.lift:,}"
            )
        self.context.questions.inform(self, self.tr("Import undone"), text)
        self.context.list_changed.emit()

    def _undo_cancelled(self) -> None:
        self.context.questions.inform(
            self,
            self.tr("Undo cancelled"),
            self.tr("The undo was cancelled; nothing was changed."),
        )
