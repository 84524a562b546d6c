"""The history as a table model: one row per import or change, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from .core_text import translated
from .language import local_time, number

Index = QModelIndex | QPersistentModelIndex

# (key in core.history's dictionaries, column title): what fits the window; the rest of an
# entry (its column, sheet, SHA-256, every count) is in the details under the table.
COLUMNS = [
    ("id", "#"),
    ("started_at", "When"),
    ("user_name", "By"),
    ("kind", "What"),
    ("state", "State"),
    ("file_name", "File or entry"),
    ("business_unit", "Business unit"),
    ("rows", "Rows"),
    ("new", "New opt-outs"),
    ("contacts_unsubscribed", "Contacts unsubscribed"),
    ("left_out", "Left out"),
]
KINDS = {
    "optouts": "Opt-out import",
    "contacts": "Contacts import",
    "cleaned": "Cleaned list",
    "domain": "Whole domain opted out",
    "manual": "Opt-out by hand",
    "lift": "Opt-out lifted",
    "contacts_deleted": "Contacts deleted",
}
STATES = {
    "running": "Running",
    "completed": "Completed",
    "cancelled": "Cancelled",
    "failed": "Failed",
    "undone": "Undone",
    "lifted": "Lifted",
}
_FILES = ("optouts", "contacts", "cleaned")  # kinds whose rows were read from a file
_NO_OPT_OUTS = ("contacts_deleted", "lift", "cleaned")  # cleaning a list adds no opt-out


def left_out(run: dict[str, Any]) -> int | None:
    """Rows of a file that were not used: invalid, blank and repeated; of a cleaned list,
    every row that may not be emailed (the suppressed ones too)."""
    if run.get("kind") not in _FILES:
        return None
    if run.get("kind") == "cleaned":
        return int(run.get("rows") or 0) - int(run.get("kept") or 0)
    return sum(int(run.get(key) or 0) for key in ("invalid", "blank", "duplicates"))


class HistoryModel(QAbstractTableModel):
    """Entries as the core's history() lists them."""

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

    def kind_text(self, run: dict[str, Any]) -> str:
        kind = str(run.get("kind"))
        if kind == "manual" and run.get("column") == "unsubscribed":
            return self.tr("The person unsubscribed")
        return self.tr(KINDS.get(kind, kind))

    def state_text(self, run: dict[str, Any]) -> str:
        state = str(run.get("state"))
        return self.tr(STATES.get(state, state))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        key = COLUMNS[index.column()][0]
        run = self._runs[index.row()]
        value = left_out(run) if key == "left_out" else run.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "kind":
                return self.kind_text(run)
            if key == "state":
                return self.state_text(run)
            if key in ("started_at", "undone_at") and isinstance(value, str):
                return local_time(value)
            if key == "rows" and run.get("kind") not in (*_FILES, "contacts_deleted"):
                return ""  # a change by hand is one entry: no rows were read
            if key in ("new", "contacts_unsubscribed") and run.get("kind") in _NO_OPT_OUTS:
                return ""  # deleting contacts, lifting or cleaning a list adds no opt-out
            if isinstance(value, int) and key != "id":
                return number(value)
            return "" if value is None else translated(str(value))
        if role == Qt.ItemDataRole.ToolTipRole and key in ("state", "file_name"):
            message = run.get("message")
            return translated(message) if message else None
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][1])
        return None
