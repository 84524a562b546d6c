"""A table file a page opens: read off the GUI thread, described in words, its columns sized."""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QTableView

from optout_desktop.core.reading.columns import ColumnGuess, guess_email_column
from optout_desktop.core.reading.sources import TableSource, open_source

from .read_options import encoding_name

FIRST_SCREEN_ROWS = 200  # read with the file; the rest as the table scrolls
SIZING_ROWS = 40  # columns are sized from this many rows: sizing over every row is slow


def _tr(text: str) -> str:
    # The import page's words, where they were first made: one translation serves both pages.
    return QCoreApplication.translate("MainWindow", text)


@dataclass
class OpenedFile:
    """A file as a page shows it: how it was read, its first screen, the rest to come."""

    source: TableSource
    first: list[list[str]]
    rest: Iterator[list[str]]  # the rows after the first screen, read lazily
    guess: ColumnGuess | None  # the column that looks like email addresses, if any

    def close(self) -> None:
        """Stop reading the file (closes it)."""
        close = getattr(self.rest, "close", None)
        if close is not None:
            close()


def open_table(path: Path, **how: Any) -> OpenedFile:
    """Read a file's kind, characters, separator, header and first screen, and guess its
    email column (in a job: it reads the file). `how` corrects the guesses (ReadOptions)."""
    source = open_source(path, **how)
    rows = source.iter_data_rows()
    first = list(islice(rows, FIRST_SCREEN_ROWS))
    return OpenedFile(source, first, rows, guess_email_column(source.headers, source.preview))


def show_columns(combo: QComboBox, headers: list[str], guess: ColumnGuess | None) -> None:
    """A new file's columns in a page's email-column combo, the guessed one chosen (none when
    no column looks like addresses), without a signal: the page goes on from the guess."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItems(headers)
    combo.setCurrentIndex(guess.index if guess is not None else -1)
    combo.setEnabled(True)
    combo.blockSignals(False)


def describe(source: TableSource) -> str:
    """How the file was read, in the window's language (rich text: its name in bold)."""
    if source.kind == "csv":
        separators = {
            ",": _tr("comma"),
            ";": _tr("semicolon"),
            "\t": _tr("tab"),
            "|": _tr("vertical bar"),
        }
        how = ", ".join(
            [
                encoding_name(source.encoding),
                separators.get(source.delimiter or ",", source.delimiter or ""),
            ]
        )
    else:
        how = _tr("sheet “{sheet}”").format(sheet=source.sheet)
    header = _tr("first row is the header") if source.has_header else _tr("no header row")
    return _tr("<b>{name}</b> — read as {how}, {header}").format(
        name=source.path.name, how=how, header=header
    )


def samples(source: TableSource, index: int) -> str:
    """A few of the column's cells ("e.g. a@firma.dk, b@firma.dk"), to check the choice."""
    cells = [row[index] for row in source.preview if index < len(row) and row[index]]
    return _tr("e.g. {samples}").format(samples=", ".join(cells[:3])) if cells else ""


class SamplesLabel(QLabel):
    """A few of the chosen column's cells, in grey beside the column's combo. However long
    they are, they never widen the window (which would redraw all of it, and could push it
    past a small screen): what does not fit is cut off, and shown whole on hovering."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setStyleSheet("color: palette(placeholder-text);")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)  # "Jens <jens@firma.dk>" is no tag

    def show_samples(self, source: TableSource, index: int) -> None:
        text = samples(source, index)
        self.setText(text)
        self.setToolTip(f"<p>{html.escape(text)}</p>" if text else "")  # (wrapped, as it is)

    def clear(self) -> None:
        super().clear()
        self.setToolTip("")


def size_columns(
    table: QTableView,
    model: QAbstractItemModel,
    widest: int = 360,
    columns: Iterable[int] | None = None,
) -> None:
    """Columns (by default all) as wide as their first screenful (not every row: that is
    slow), within reason."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    rows = min(model.rowCount(), SIZING_ROWS)
    for column in range(model.columnCount()) if columns is None else columns:
        texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
        texts += [str(model.data(model.index(row, column)) or "") for row in range(rows)]
        width = max(metrics.horizontalAdvance(text) for text in texts) + 24
        header.resizeSection(column, min(max(width, 60), widest))
