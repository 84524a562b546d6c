"""Open a file people bring (CSV/TXT or a spreadsheet), preview it and stream one column."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import sniffing
from .addresses import triage
from .errors import SourceError

PREVIEW_ROWS = 200
CHUNK_ROWS = 50_000
MAX_CELL_CHARS = 1_000_000

csv.field_size_limit(MAX_CELL_CHARS)


@dataclass(frozen=True, slots=True)
class ColumnChunk:
    """A run of one column's cells, with the spreadsheet row number of the first one."""

    first_row: int
    values: list[str]
    fraction_done: float
    extras: list[tuple[str, ...]] | None = None


@dataclass
class TableSource:
    """A file opened as a table: how it was read, its headers and its first rows."""

    path: Path
    kind: str  # "csv" or "spreadsheet"
    headers: list[str]
    preview: list[list[str]]
    has_header: bool
    size: int
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    skip: int = 0  # empty records before the first row with content
    row_offset: int = 0  # rows a spreadsheet has above its first used cell

    @property
    def first_data_row(self) -> int:
        """The spreadsheet row number (as Excel shows it) of the first data row."""
        return self.row_offset + self.skip + (2 if self.has_header else 1)

    def column_index(self, column: str | int) -> int:
        """Find a column by index (int, 0-based), header, number as text (1-based) or letter."""
        if isinstance(column, int):
            index = column
        else:
            wanted = column.strip().casefold()
            names = [h.casefold() for h in self.headers]
            if wanted in names:
                return names.index(wanted)
            if wanted.isdigit():
                index = int(wanted) - 1
            elif wanted.isalpha() and len(wanted) <= 2 and self.kind == "spreadsheet":
                index = _letters_to_index(wanted)
            else:
                index = -1
        if 0 <= index < len(self.headers):
            return index
        listed = ", ".join(f"“{h}”" for h in self.headers)
        raise SourceError(f"The file has no column “{column}”. Its columns are: {listed}.")

    def describe(self) -> str:
        """One line that says how the file was read, for a status line or the terminal."""
        parts = [self.path.name]
        if self.kind == "csv":
            parts.append(sniffing.ENCODING_NAMES.get(self.encoding or "", self.encoding or ""))
            parts.append(sniffing.DELIMITER_NAMES.get(self.delimiter or ",", "comma"))
        else:
            parts.append(f"sheet “{self.sheet}”")
        parts.append("first row is the header" if self.has_header else "no header row")
        return ", ".join(parts)

    def stream_column(
        self, index: int, extra: tuple[int, ...] = (), chunk_rows: int = CHUNK_ROWS
    ) -> Iterator[ColumnChunk]:
        """Yield one column's cells in chunks, so memory stays flat however long the file is.

        `extra` names more columns (such as first and last name) to carry along per row.
        """
        rows = self._rows_with_progress()
        for _ in range(self.skip + (1 if self.has_header else 0)):
            next(rows, None)
        row_number = self.first_data_row
        values: list[str] = []
        extras: list[tuple[str, ...]] | None = [] if extra else None
        fraction = 0.0
        for row, fraction in rows:
            width = len(row)
            values.append(row[index] if index < width else "")
            if extras is not None:
                extras.append(tuple(row[i].strip() if 0 <= i < width else "" for i in extra))
            if len(values) >= chunk_rows:
                yield ColumnChunk(row_number, values, fraction, extras)
                row_number += len(values)
                values = []
                extras = [] if extra else None
        yield ColumnChunk(row_number, values, 1.0, extras)

    def _rows_with_progress(self) -> Iterator[tuple[list[str], float]]:
        if self.kind == "csv":
            return _csv_rows(self.path, self.encoding or "utf-8", self.delimiter or ",", self.size)
        return _sheet_rows(self.path, self.sheet)


def open_source(path: str | Path, sheet: str | None = None) -> TableSource:
    """Open a file as a table, or refuse it with a plain-language SourceError."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(sniffing.SAMPLE_BYTES)
    except FileNotFoundError:
        raise SourceError(f"The file “{path.name}” does not exist.") from None
    except IsADirectoryError:
        raise SourceError(f"“{path.name}” is a folder, not a file.") from None
    except OSError as error:
        raise SourceError(
            f"The file “{path.name}” could not be opened: {error.strerror}."
        ) from None
    if size == 0 or not head.strip(b" \t\r\n\x00"):
        raise SourceError(f"The file “{path.name}” is empty.")
    kind = sniffing.spreadsheet_kind(head)
    if kind:
        if kind == "zip" and not _is_spreadsheet_zip(path):
            raise SourceError(
                f"“{path.name}” is a ZIP archive, not a table. Unpack it and choose the CSV "
                "or Excel file inside."
            )
        return _open_spreadsheet(path, size, sheet)
    sniffing.refuse_binary(path.name, head)
    encoding = sniffing.detect_encoding(head)
    text = sniffing.decode_sample(head, encoding, complete=size <= len(head))
    sniffing.refuse_binary_text(path.name, text)
    delimiter = sniffing.detect_delimiter(text)
    rows = [row for row, _ in _csv_rows(path, encoding, delimiter, size, limit=PREVIEW_ROWS + 1)]
    return _as_table(path, "csv", rows, size, encoding=encoding, delimiter=delimiter)


def sha256_of(path: str | Path, block: int = 1 << 20) -> str:
    """The file's SHA-256, read in blocks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(block):
            digest.update(chunk)
    return digest.hexdigest()


def _has_content(row: list[str]) -> bool:
    return any(cell.strip() for cell in row)


def _as_table(path: Path, kind: str, rows: list[list[str]], size: int, **how: Any) -> TableSource:
    skip = next((n for n, row in enumerate(rows) if _has_content(row)), None)
    if skip is None:
        raise SourceError(f"The file “{path.name}” has no rows with any content.")
    rows = rows[skip:]
    first = rows[0]
    has_header = not any(triage(cell)[0] for cell in first)
    data = rows[1:] if has_header else rows
    if has_header and not any(_has_content(row) for row in data):
        raise SourceError(
            f"The file “{path.name}” has column headings but no rows below them: there is "
            "nothing to import."
        )
    width = max(len(row) for row in rows[: PREVIEW_ROWS + 1])
    headers = _unique_headers(first if has_header else [], width)
    preview = [row + [""] * (width - len(row)) for row in data[:PREVIEW_ROWS]]
    return TableSource(path, kind, headers, preview, has_header, size, skip=skip, **how)


def _unique_headers(names: list[str], width: int) -> list[str]:
    headers: list[str] = []
    for position in range(width):
        name = names[position].strip() if position < len(names) else ""
        name = name or f"Column {position + 1}"
        candidate, copy = name, 2
        while candidate in headers:
            candidate, copy = f"{name} ({copy})", copy + 1
        headers.append(candidate)
    return headers


def _csv_rows(
    path: Path, encoding: str, delimiter: str, size: int, limit: int | None = None
) -> Iterator[tuple[list[str], float]]:
    """Rows of a delimited text file with the share of the file read so far."""
    with path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        reader = csv.reader(_without_nul(text), delimiter=delimiter, strict=False)
        position: Callable[[], int] = raw.tell
        try:
            for count, row in enumerate(reader, start=1):
                yield row, min(position() / size, 1.0) if size else 1.0
                if limit is not None and count >= limit:
                    return
        except csv.Error as error:
            raise SourceError(
                f"“{path.name}” could not be read as a table near line {reader.line_num}: a cell "
                f"runs on for more than {MAX_CELL_CHARS:,} characters. This usually means a "
                "quotation mark that is never closed."
            ) from error


def _without_nul(lines: Iterator[str]) -> Iterator[str]:
    for line in lines:
        yield line.replace("\x00", "") if "\x00" in line else line


def _is_spreadsheet_zip(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    return "xl/workbook.xml" in names or "content.xml" in names or "xl/workbook.bin" in names


def _open_workbook(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as error:  # noqa: BLE001 - calamine raises several kinds for a bad file
        raise SourceError(
            f"The spreadsheet “{path.name}” could not be read ({error}). Open it in Excel and "
            "save it again, or save it as CSV."
        ) from None


def _pick_sheet(path: Path, names: list[str], sheet: str | None) -> str:
    if not names:
        raise SourceError(f"The spreadsheet “{path.name}” has no sheets.")
    if sheet is None:
        return names[0]
    if sheet in names:
        return sheet
    folded = {name.casefold(): name for name in names}
    if sheet.casefold() in folded:
        return folded[sheet.casefold()]
    if sheet.isdigit() and 1 <= int(sheet) <= len(names):
        return names[int(sheet) - 1]
    listed = ", ".join(f"“{name}”" for name in names)
    raise SourceError(f"The spreadsheet has no sheet “{sheet}”. Its sheets are: {listed}.")


def _open_spreadsheet(path: Path, size: int, sheet: str | None) -> TableSource:
    workbook = _open_workbook(path)
    names = list(workbook.sheet_names)
    chosen = _pick_sheet(path, names, sheet)
    rows = []
    for row, _ in _sheet_rows(path, chosen, workbook):
        rows.append(row)
        if len(rows) > PREVIEW_ROWS:
            break
    if not rows:
        raise SourceError(f"The sheet “{chosen}” in “{path.name}” is empty.")
    top = workbook.get_sheet_by_name(chosen).start
    return _as_table(
        path, "spreadsheet", rows, size, sheet=chosen, sheets=names, row_offset=top[0] if top else 0
    )


def _sheet_rows(
    path: Path, sheet: str | None, workbook: Any = None
) -> Iterator[tuple[list[str], float]]:
    workbook = workbook or _open_workbook(path)
    try:
        data = workbook.get_sheet_by_name(sheet or workbook.sheet_names[0])
        total = max(data.total_height, 1)
        for count, row in enumerate(data.iter_rows(), start=1):
            yield [_cell_text(cell) for cell in row], min(count / total, 1.0)
    except SourceError:
        raise
    except Exception as error:  # noqa: BLE001 - calamine raises several kinds for a bad file
        raise SourceError(
            f"The sheet “{sheet}” in “{path.name}” could not be read ({error})."
        ) from None


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime | dt.date | dt.time):
        return cell.isoformat()
    return str(cell)


def _letters_to_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1
