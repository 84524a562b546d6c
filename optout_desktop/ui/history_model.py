"""The import history as a table model: one row per import, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from .core_text import translated
from .language import local_time, number

Index = QModelIndex | QPersistentModelIndex

# (key in core.history's dictionaries, column title)
COLUMNS = [
    ("id", "#"),
    ("started_at", "When"),
    ("user_name", "By"),
    ("kind", "Kind"),
    ("state", "State"),
    ("file_name", "File"),
    ("column", "Column"),
    ("business_unit", "Business unit"),
    ("rows", "Rows"),
    ("valid", "Valid"),
    ("invalid", "Invalid"),
    ("blank", "Blank"),
    ("duplicates", "Repeated"),
    ("new", "New opt-outs"),
    ("already_suppressed", "Already suppressed"),
    ("contacts_unsubscribed", "Contacts unsubscribed"),
    ("domains", "Whole domains"),
    ("undone_by", "Undone by"),
    ("undone_at", "Undone at"),
    ("file_sha256", "SHA-256"),
]
_KINDS = {"optouts": "Opt-outs", "contacts": "Contacts"}
_STATES = {
    "running": "Running",
    "completed": "Completed",
    "cancelled": "Cancelled",
    "failed": "Failed",
    "undone": "Undone",
}


class HistoryModel(QAbstractTableModel):
    """Imports as the core's history() lists them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runs: list[dict[str, Any]] = []

    def set_runs(self, runs: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._runs = runs
        self.endResetModel()

    def run_at(self, row: int) -> dict[str, Any]:
        return self._runs[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        key = COLUMNS[index.column()][0]
        value = self._runs[index.row()].get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "kind":
                return self.tr(_KINDS.get(str(value), str(value)))
            if key == "state":
                return self.tr(_STATES.get(str(value), str(value)))
            if key in ("started_at", "undone_at") and isinstance(value, str):
                return local_time(value)
            if isinstance(value, int) and key != "id":
                return number(value)
            return "" if value is None else translated(str(value))
        if role == Qt.ItemDataRole.ToolTipRole and key in ("state", "file_sha256"):
            message = self._runs[index.row()].get("message")
            return translated(message) if message else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][1])
        return None
