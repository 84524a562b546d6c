"""A file's rows as a table with each row's fate (cleaning, import) first, worded lazily."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from .cleaning_words import words
from .preview_model import PreviewModel

Index = QModelIndex | QPersistentModelIndex
FATE_COLUMN = 0  # the fate comes first: wide files need no scrolling to see it
KEPT_BRUSH = QBrush(QColor(0, 110, 40))
LEFT_OUT_BRUSH = QBrush(QColor(176, 0, 32))
_TEXTS_KEPT = 4_096  # fates worded and kept for the rows on screen and near it


class Fates(Protocol):
    """Each data row's fate, a code a row (0: kept, or new), worded on request: a mailing
    list's cleaning (optouts.cleaning.Cleaning) or an import's plan (import_fates)."""

    @property
    def codes(self) -> Sequence[int]: ...

    def describe_at(self, index: int, translate: Callable[[str], str] = str) -> str: ...

    def left_out_at(self, index: int) -> bool: ...


class FateModel(PreviewModel):
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
        self._fates: Fates | None = None
        self._texts: dict[int, str] = {}

    # ---- the fates --------------------------------------------------------------------

    def set_fates(self, fates: Fates | None) -> None:
        """Show the fates of a counted file (None: not counted yet, or again)."""
        self._fates = fates
        self._texts.clear()
        if self.rowCount():
            bottom = self.index(self.rowCount() - 1, FATE_COLUMN)
            self.dataChanged.emit(self.index(0, FATE_COLUMN), bottom)

    @property
    def fates(self) -> Fates | None:
        return self._fates

    def data_index(self, row: int) -> int:
        """The shown row's place among the file's data rows (0: the first below the header)."""
        return self._indexes[row] if self._indexes is not None else row

    def fate_text(self, row: int) -> str:
        """What happens to the shown row, in the window's language ("" before the count)."""
        fates, index = self._fates, self.data_index(row)
        if fates is None or not 0 <= index < len(fates.codes):
            return ""
        text = self._texts.get(index)
        if text is None:
            if len(self._texts) >= _TEXTS_KEPT:
                self._texts.clear()
            text = self._texts[index] = fates.describe_at(index, words)
        return text

    def left_out(self, row: int) -> bool | None:
        """Whether the shown row is left out (None before the count)."""
        fates, index = self._fates, self.data_index(row)
        if fates is None or not 0 <= index < len(fates.codes):
            return None
        return fates.left_out_at(index)

    def kept(self, row: int) -> bool:
        """Whether the shown row is kept (may be emailed) or new (an import's new opt-out)."""
        fates, index = self._fates, self.data_index(row)
        return fates is not None and 0 <= index < len(fates.codes) and fates.codes[index] == 0

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
            if self.left_out(index.row()):
                return LEFT_OUT_BRUSH
            return KEPT_BRUSH if self.kept(index.row()) else None
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
