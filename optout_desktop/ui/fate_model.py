"""A mailing list being cleaned, as a table: each row's fate in a first column, worded lazily."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from optout_desktop.core.optouts.cleaning import Cleaning, fate_text

from .cleaning_words import words
from .preview_model import PreviewModel

Index = QModelIndex | QPersistentModelIndex
FATE_COLUMN = 0  # the fate comes first: wide files need no scrolling to see it
KEPT_BRUSH = QBrush(QColor(0, 110, 40))
LEFT_OUT_BRUSH = QBrush(QColor(176, 0, 32))
_TEXTS_KEPT = 4_096  # fates worded and kept for the rows on screen and near it


class CleaningModel(PreviewModel):
    """The rows of the file (read as the view scrolls), or only some of them (`indexes`: the
    rows left out, gathered by a job), with what happens to each once it is counted.

    A row's fate is looked up and worded only when the view asks for it: nothing here goes
    through every row of the file.
    """

    def __init__(
        self,
        headers: list[str],
        rows: list[list[str]],
        more: Iterator[list[str]] | None = None,
        first_row_number: int = 2,
        indexes: Sequence[int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(headers, rows, more, first_row_number, parent)
        self._first_row = first_row_number
        self._indexes = indexes  # each shown row's place among the data rows (None: all)
        self._cleaning: Cleaning | None = None
        self._texts: dict[int, str] = {}

    # ---- the fates --------------------------------------------------------------------

    def set_cleaning(self, cleaning: Cleaning | None) -> None:
        """Show the fates of a counted list (None: not counted yet, or again)."""
        self._cleaning = cleaning
        self._texts.clear()
        if self.rowCount():
            bottom = self.index(self.rowCount() - 1, FATE_COLUMN)
            self.dataChanged.emit(self.index(0, FATE_COLUMN), bottom)

    @property
    def cleaning(self) -> Cleaning | None:
        return self._cleaning

    def data_index(self, row: int) -> int:
        """The shown row's place among the file's data rows (0: the first below the header)."""
        return self._indexes[row] if self._indexes is not None else row

    def fate_text(self, row: int) -> str:
        """What happens to the shown row, in the window's language ("" before the count)."""
        cleaning, index = self._cleaning, self.data_index(row)
        if cleaning is None or not 0 <= index < len(cleaning.codes):
            return ""
        text = self._texts.get(index)
        if text is None:
            if len(self._texts) >= _TEXTS_KEPT:
                self._texts.clear()
            text = self._texts[index] = fate_text(cleaning.fate_at(index), words)
        return text

    def left_out(self, row: int) -> bool | None:
        """Whether the shown row is left out (None before the count)."""
        cleaning, index = self._cleaning, self.data_index(row)
        if cleaning is None or not 0 <= index < len(cleaning.codes):
            return None
        return bool(cleaning.codes[index])

    # ---- the table ----------------------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else super().columnCount() + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.column() != FATE_COLUMN:
            return super().data(self.index(index.row(), index.column() - 1), role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.fate_text(index.row())
        if role == Qt.ItemDataRole.ForegroundRole:
            left_out = self.left_out(index.row())
            return None if left_out is None else LEFT_OUT_BRUSH if left_out else KEPT_BRUSH
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self._first_row + self.data_index(section))
            return None
        if section == FATE_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("What happens to the row")
            return None
        return super().headerData(section - 1, orientation, role)

    def set_email_column(self, column: int) -> None:
        """Highlight the column the addresses are read from (a column of the file)."""
        previous = self._email_column
        super().set_email_column(column)
        for changed in {previous, column}:  # (the view shows them one column to the right)
            shown = changed + 1
            if 0 < shown < self.columnCount() and self.rowCount():
                top, bottom = self.index(0, shown), self.index(self.rowCount() - 1, shown)
                self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.BackgroundRole])
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, shown, shown)
