"""The file preview as a lazy table model: rows are read as the user scrolls (fetchMore)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

FETCH_ROWS = 1_000
EMAIL_COLUMN_BRUSH = QBrush(QColor(255, 243, 196))

Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """Headers and rows of an opened file; more rows come from `more` on demand."""

    def __init__(
        self,
        headers: list[str],
        rows: list[list[str]],
        more: Iterator[list[str]] | None = None,
        first_row_number: int = 2,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows = rows
        self._more = more
        self._first_row_number = first_row_number
        self._email_column = -1
        self._fetching = False
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self._rows[index.row()]
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == self._email_column:
            return EMAIL_COLUMN_BRUSH
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
                return self._headers[section]
            if role == Qt.ItemDataRole.FontRole and section == self._email_column:
                return self._bold
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self._first_row_number + section)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more is not None and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._more is None or self._fetching:
            return
        self._fetching = True  # views may ask again while the rows are being inserted
        try:
            self._fetch(self._more)
        finally:
            self._fetching = False

    def _fetch(self, more: Iterator[list[str]]) -> None:
        batch = list(islice(more, FETCH_ROWS))
        if len(batch) < FETCH_ROWS:
            self.close()
        if not batch:
            return
        width = len(self._headers)
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
        self._rows.extend(row[:width] for row in batch)
        self.endInsertRows()

    def set_email_column(self, column: int) -> None:
        """Highlight the column the addresses are read from."""
        previous, self._email_column = self._email_column, column
        for changed in {previous, column}:
            if 0 <= changed < len(self._headers) and self._rows:
                top, bottom = self.index(0, changed), self.index(len(self._rows) - 1, changed)
                self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.BackgroundRole])
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, changed, changed)

    def close(self) -> None:
        """Stop reading the file (closes it)."""
        more, self._more = self._more, None
        close = getattr(more, "close", None)
        if close is not None:
            close()
