"""The history page: every import with its counts and state, and its errors file to save."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import exports, history
from .history_model import HistoryModel
from .jobs import Job

if TYPE_CHECKING:
    from .main_window import MainWindow


class HistoryPage(QWidget):
    """A table of imports, newest first."""

    def __init__(self, questions: object, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.errors_button = QPushButton(self.tr("Save errors file…"))
        self.errors_button.setObjectName("historyErrorsButton")
        self.errors_button.clicked.connect(self._save_selected_errors)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.errors_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        self.model.set_runs(history.history(limit=500))
        self.table.resizeColumnsToContents()

    @Slot()
    def _save_selected_errors(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.save_errors(int(self.model.run_at(rows[0].row())["id"]))

    def save_errors(self, import_id: int) -> None:
        """Ask where, then write the import's refused rows on the worker."""
        window = self.window_
        path = window.questions.save_file(
            window,
            self.tr("Save the errors file"),
            f"import-{import_id}-errors.csv",
            self.tr("CSV (*.csv)"),
        )
        if path is None:
            return

        def write(_progress: object, _cancel: object) -> tuple[object, int]:
            return path, exports.export_refused_rows(import_id, path)

        window.start_job(Job("errors", write))
