"""Open a file people bring (CSV/TXT or a spreadsheet), preview it and stream one column."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import threading
import zipfile
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from sys import intern  # names repeat: one copy of each spelling keeps contacts imports small
from typing import Any, Protocol

from optout_desktop.core.errors import SourceError
from optout_desktop.core.reading import sniffing
from optout_desktop.core.reading.addresses import triage
from optout_desktop.core.reading.digests import digest_key
from optout_desktop.core.texts import t

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
    row_offset: int = 0  # rows a spreadsheet has above the first row it yields
    column_offset: int = 0  # columns a spreadsheet has left of the first column it yields

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
            elif wanted.isascii() and wanted.isalpha() and len(wanted) <= 3:
                if self.kind != "spreadsheet":
                    index = -1
                else:
                    index = _letters_to_index(wanted) - self.column_offset
            else:
                index = -1
        if 0 <= index < len(self.headers):
            return index
        listed = ", ".join(f"“{h}”" for h in self.headers)
        raise SourceError(
            t(
                "The file has no column “{column}”. Its columns are: {columns}.",
                column=str(column),
                columns=listed,
            )
        )

    def describe(self) -> str:
        """One line that says how the file was read, for a status line or the terminal."""
        name = self.path.name
        if self.kind == "csv":
            encoding = sniffing.ENCODING_NAMES.get(self.encoding or "", self.encoding or "")
            names = sniffing.DELIMITER_NAMES
            delimiter = names.get(self.delimiter or ",", names[","])
            if self.has_header:
                return t(
                    "{file}, {encoding}, {delimiter}, first row is the header",
                    file=name,
                    encoding=encoding,
                    delimiter=delimiter,
                )
            return t(
                "{file}, {encoding}, {delimiter}, no header row",
                file=name,
                encoding=encoding,
                delimiter=delimiter,
            )
        if self.has_header:
            return t(
                "{file}, sheet “{sheet}”, first row is the header", file=name, sheet=self.sheet
            )
        return t("{file}, sheet “{sheet}”, no header row", file=name, sheet=self.sheet)

    def iter_data_rows(self) -> Iterator[list[str]]:
        """Every data row (after any empty leading rows and the header), read lazily.

        Close the iterator (its close()) to close the file early.
        """
        rows = iter(self._row_stream())
        for _ in range(self.skip + (1 if self.has_header else 0)):
            next(rows, None)
        return rows

    def stream_column(
        self, index: int, extra: tuple[int, ...] = (), chunk_rows: int = CHUNK_ROWS
    ) -> Iterator[ColumnChunk]:
        """Yield one column's cells in chunks, so memory stays flat however long the file is.

        `extra` names more columns (such as first and last name) to carry along per row.
        """
        stream = self._row_stream()
        rows = iter(stream)
        for _ in range(self.skip + (1 if self.has_header else 0)):
            next(rows, None)
        row_number = self.first_data_row
        values: list[str] = []
        extras: list[tuple[str, ...]] | None = [] if extra else None
        # Take the cells out row by row: holding whole rows would keep the garbage
        # collector busy with every row list of the chunk.
        for row in rows:
            values.append(row[index] if index < len(row) else "")
            if extras is not None:
                extras.append(
                    tuple(intern(row[i].strip()) if 0 <= i < len(row) else "" for i in extra)
                )
            if len(values) == chunk_rows:
                yield ColumnChunk(row_number, values, stream.fraction(), extras)
                row_number += len(values)
                values = []
                extras = [] if extra else None
        yield ColumnChunk(row_number, values, 1.0, extras)

    def _row_stream(self) -> RowStream:
        if self.kind == "csv":
            return CsvRows(self.path, self.encoding or "utf-8", self.delimiter or ",", self.size)
        return SheetRows(self.path, self.sheet)


def open_source(
    path: str | Path,
    sheet: str | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    has_header: bool | None = None,
) -> TableSource:
    """Open a file as a table, or refuse it with a plain-language SourceError.

    The encoding, delimiter and header row are detected unless given (a user's correction).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(sniffing.SAMPLE_BYTES)
    except FileNotFoundError:
        raise SourceError(t("The file “{name}” does not exist.", name=path.name)) from None
    except IsADirectoryError:
        raise SourceError(t("“{name}” is a folder, not a file.", name=path.name)) from None
    except OSError as error:
        raise SourceError(
            t(
                "The file “{name}” could not be opened: {reason}.",
                name=path.name,
                reason=error.strerror,
            )
        ) from None
    if size == 0 or not head.strip(b" \t\r\n\x00"):
        raise SourceError(t("The file “{name}” is empty.", name=path.name))
    kind = sniffing.spreadsheet_kind(head)
    if kind:
        if kind == "zip":
            _refuse_other_zip(path, head)
        return _open_spreadsheet(path, size, sheet, has_header)
    sniffing.refuse_binary(path.name, head)
    if encoding is None:
        encoding = sniffing.detect_encoding(head)
        if encoding == "utf-8" and head.isascii() and size > len(head):
            encoding = sniffing.detect_encoding(_first_non_ascii_block(path, len(head)) or head)
    else:
        _check_codec(encoding)
    text = sniffing.decode_sample(head, encoding, complete=size <= len(head))
    sniffing.refuse_binary_text(path.name, text)
    delimiter = delimiter or sniffing.detect_delimiter(text)
    rows = _preview_rows(_csv_rows(path, encoding, delimiter, size))
    return _as_table(path, "csv", rows, size, has_header, encoding=encoding, delimiter=delimiter)


def _check_codec(encoding: str) -> None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise SourceError(
            t("“{encoding}” is not a character encoding this app knows.", encoding=encoding)
        ) from None


def sha256_of(path: str | Path, block: int = 1 << 20) -> str:
    """The file's SHA-256, read in blocks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(block):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_beside(path: str | Path) -> Future[str]:
    """The file's SHA-256, read on a thread beside the caller (hashing lets go of the GIL)."""
    hashing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="optout-checksum")
    checksum = hashing.submit(sha256_of, path)
    hashing.shutdown(wait=False)
    return checksum


def _has_content(row: list[str]) -> bool:
    return any(cell.strip() for cell in row)


def _preview_rows(rows: Generator[tuple[list[str], float], None, None]) -> list[list[str]]:
    """The rows up to the first with content, and PREVIEW_ROWS more."""
    kept: list[list[str]] = []
    first: int | None = None
    try:
        for row, _ in rows:
            kept.append(row)
            if first is None and _has_content(row):
                first = len(kept) - 1
            if first is not None and len(kept) - first > PREVIEW_ROWS:
                break
    finally:
        rows.close()
    return kept


def _as_table(
    path: Path,
    kind: str,
    rows: list[list[str]],
    size: int,
    header: bool | None = None,
    **how: Any,
) -> TableSource:
    skip = next((n for n, row in enumerate(rows) if _has_content(row)), None)
    if skip is None:
        raise SourceError(t("The file “{name}” has no rows with any content.", name=path.name))
    rows = rows[skip:]
    first = rows[0]
    # The first row is data when it holds an address or a digest (SES's `a@b.dk,BOUNCE`, a
    # partner's bare list of SHA-256 digests): no heading is either.
    has_header = not any(_is_entry(cell) for cell in first) if header is None else header
    data = rows[1:] if has_header else rows
    if has_header and not any(_has_content(row) for row in data):
        raise SourceError(
            t(
                "The file “{name}” has column headings but no rows below them: there is "
                "nothing to import.",
                name=path.name,
            )
        )
    width = max(len(row) for row in rows[: PREVIEW_ROWS + 1])
    headers = _unique_headers(first if has_header else [], width)
    preview = [row + [""] * (width - len(row)) for row in data[:PREVIEW_ROWS]]
    return TableSource(path, kind, headers, preview, has_header, size, skip=skip, **how)


def _is_entry(cell: str) -> bool:
    return triage(cell)[0] is not None or digest_key(cell) is not None


def _unique_headers(names: list[str], width: int) -> list[str]:
    headers: list[str] = []
    taken: set[str] = set()
    for position in range(width):
        name = " ".join(names[position].split()) if position < len(names) else ""
        name = name or t("Column {number}", number=str(position + 1))
        candidate, copy = name, 2
        while candidate.casefold() in taken:
            candidate, copy = f"{name} ({copy})", copy + 1
        headers.append(candidate)
        taken.add(candidate.casefold())
    return headers


class RowStream(Protocol):
    """The rows of a table, and how much of the file has been read so far."""

    def __iter__(self) -> Iterator[list[str]]: ...

    def fraction(self) -> float: ...


class CsvRows:
    """The rows of a delimited text file, read through the csv module."""

    def __init__(self, path: Path, encoding: str, delimiter: str, size: int) -> None:
        self.path, self.encoding, self.delimiter, self.size = path, encoding, delimiter, size
        self._position: Callable[[], int] = lambda: 0

    def fraction(self) -> float:
        return min(self._position() / self.size, 1.0) if self.size else 1.0

    def __iter__(self) -> Iterator[list[str]]:
        with self.path.open("rb") as raw:
            self._position = raw.tell
            text = io.TextIOWrapper(raw, encoding=self.encoding, errors="replace", newline="")
            reader = csv.reader(text, delimiter=self.delimiter, strict=False)
            try:
                yield from reader
            except csv.Error as error:
                raise SourceError(
                    t(
                        "“{name}” could not be read as a table near line {line}: a cell runs "
                        "on for more than {count} characters. This usually means a quotation "
                        "mark that is never closed.",
                        name=self.path.name,
                        line=str(reader.line_num),  # as an editor shows it: no separator
                        count=MAX_CELL_CHARS,
                    )
                ) from error


def _csv_rows(
    path: Path, encoding: str, delimiter: str, size: int, limit: int | None = None
) -> Generator[tuple[list[str], float], None, None]:
    """The first rows of a delimited text file (for the preview)."""
    return ((row, 0.0) for row in islice(CsvRows(path, encoding, delimiter, size), limit))


def _first_non_ascii_block(path: Path, start: int, block: int = 1 << 20) -> bytes | None:
    """The first block after `start` with a non-ASCII byte, cut at line ends, if there is one."""
    with path.open("rb") as handle:
        handle.seek(start)
        while chunk := handle.read(block):
            if not chunk.isascii():
                # Whole lines only, so no character is cut in two at either end.
                begin, end = chunk.find(b"\n") + 1, chunk.rfind(b"\n") + 1
                lines = chunk[begin:end]
                return lines if not lines.isascii() else chunk
    return None


_SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".xltm", ".xlsb", ".ods", ".xls"}
_SPREADSHEET_PARTS = {"xl/workbook.xml", "xl/workbook.bin", "content.xml"}


def _refuse_other_zip(path: Path, head: bytes) -> None:
    """Refuse a ZIP archive that is not a workbook, and a workbook too damaged to unpack."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except Exception:  # noqa: BLE001 - zipfile raises several kinds for a damaged archive
        if path.suffix.lower() in _SPREADSHEET_SUFFIXES or b"[Content_Types].xml" in head:
            raise SourceError(
                t(
                    "The spreadsheet “{name}” is damaged or incomplete and cannot be read. "
                    "Open it in Excel and save it again, or save it as CSV.",
                    name=path.name,
                )
            ) from None
        raise SourceError(
            t(
                "“{name}” is {what}, not a table. Choose a CSV or Excel file.",
                name=path.name,
                what=t("a damaged ZIP archive"),
            )
        ) from None
    if not names & _SPREADSHEET_PARTS:
        raise SourceError(
            t(
                "“{name}” is a ZIP archive, not a table. Unpack it and choose the CSV "
                "or Excel file inside.",
                name=path.name,
            )
        )


def _plain(error: BaseException) -> str:
    """A library's error message on one short line."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def _is_fatal(error: BaseException) -> bool:
    """Errors that must go on up: interruption and exit, not a library's panic on a bad file."""
    return isinstance(error, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError)


def _open_workbook(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except BaseException as error:  # calamine raises several kinds, even panics, for a bad file
        if _is_fatal(error):
            raise
        raise SourceError(
            t(
                "The spreadsheet “{name}” could not be read ({reason}). Open it in "
                "Excel and save it again, or save it as CSV.",
                name=path.name,
                reason=_plain(error),
            )
        ) from None


def _pick_sheet(path: Path, names: list[str], sheet: str | None) -> str:
    if not names:
        raise SourceError(t("The spreadsheet “{name}” has no sheets.", name=path.name))
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
    raise SourceError(
        t(
            "The spreadsheet “{name}” has no sheet “{sheet}”. Its sheets are: {sheets}.",
            name=path.name,
            sheet=sheet,
            sheets=listed,
        )
    )


def _open_spreadsheet(
    path: Path, size: int, sheet: str | None, header: bool | None = None
) -> TableSource:
    workbook = _open_workbook(path)
    names = [str(name) for name in workbook.sheet_names]
    chosen = _pick_sheet(path, names, sheet)
    rows = _preview_rows(_sheet_rows(path, chosen, workbook))
    if not any(_has_content(row) for row in rows):
        raise SourceError(
            t("The sheet “{sheet}” in “{name}” is empty.", sheet=chosen, name=path.name)
        )
    top_row, left_column = _sheet_start(path, workbook, chosen)
    # Some versions of calamine yield the empty rows above the first used cell, some do not:
    # when the rows it yielded start with fewer empty rows than the sheet has, it skipped them.
    leading = next(n for n, row in enumerate(rows) if _has_content(row))
    return _as_table(
        path,
        "spreadsheet",
        rows,
        size,
        header,
        sheet=chosen,
        sheets=names,
        row_offset=top_row if leading < top_row else 0,
        column_offset=left_column,
    )


_SHEET_CACHE: dict[tuple[str, int, int, str], Any] = {}
_SHEET_LOCK = threading.Lock()


def _load_sheet(path: Path, workbook: Any, sheet: str) -> Any:
    """A sheet's cells, loaded once per file version: calamine reads a whole sheet at a time
    (5 s and 400 MB for a million rows), so opening, counting and importing share one load.
    Only the last sheet loaded is kept."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, sheet)
    with _SHEET_LOCK:
        if key not in _SHEET_CACHE:
            _SHEET_CACHE.clear()
            _SHEET_CACHE[key] = (workbook or _open_workbook(path)).get_sheet_by_name(sheet)
        return _SHEET_CACHE[key]


def _sheet_start(path: Path, workbook: Any, sheet: str) -> tuple[int, int]:
    """The sheet's first used row and column (0-based), which calamine's rows start from."""
    try:
        start = _load_sheet(path, workbook, sheet).start
    except BaseException as error:
        if _is_fatal(error):
            raise
        return 0, 0
    return (int(start[0]), int(start[1])) if start else (0, 0)


class SheetRows:
    """The rows of one sheet of a spreadsheet, as text."""

    def __init__(self, path: Path, sheet: str | None) -> None:
        self.path, self.sheet = path, sheet
        self._fraction = 0.0

    def fraction(self) -> float:
        return self._fraction

    def __iter__(self) -> Iterator[list[str]]:
        for row, fraction in _sheet_rows(self.path, self.sheet):
            self._fraction = fraction
            yield row


def _sheet_rows(
    path: Path, sheet: str | None, workbook: Any = None
) -> Generator[tuple[list[str], float], None, None]:
    try:
        if sheet is None:
            workbook = workbook or _open_workbook(path)
            sheet = str(workbook.sheet_names[0])
        data = _load_sheet(path, workbook, sheet)
        if data.start is None:
            return  # an empty sheet: some versions of calamine cannot iterate over one
        total = max(data.total_height + 1, 1)
        for count, row in enumerate(data.iter_rows(), start=1):
            yield [_cell_text(cell) for cell in row], min(count / total, 1.0)
    except BaseException as error:  # calamine raises several kinds, even panics, for a bad file
        if _is_fatal(error) or isinstance(error, SourceError):
            raise
        raise SourceError(
            t(
                "The sheet “{sheet}” in “{name}” could not be read ({reason}).",
                sheet=sheet,
                name=path.name,
                reason=_plain(error),
            )
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
