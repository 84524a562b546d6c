"""Write a cleaned mailing list and its left-out rows beside the original, never over a file."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import compress
from operator import not_
from pathlib import Path
from typing import Any, Protocol

from optout_desktop.core.errors import OptOutError, SourceError
from optout_desktop.core.optouts.exports import XLSX_MAX_ROWS, neutralise
from optout_desktop.core.reading.raw_rows import RawRows
from optout_desktop.core.texts import t

CLEANED_SUFFIXES = (".csv", ".txt", ".xlsx")
_SHEET_NAME_BANNED = str.maketrans({ch: " " for ch in "[]:*?/\\"})


@dataclass(slots=True)
class Block:
    """Consecutive data rows of the list being cleaned: a CSV file's rows as their bytes (read
    into cells by `parse` when asked), or a sheet's rows as cells."""

    first: int  # the index of its first row among the data rows
    cells: list[str]  # the email column's cells (empty when they were not read)
    fraction_done: float
    records: list[bytes] | None = None
    table: list[list[str]] | None = None
    parse: Callable[[list[bytes]], list[list[str]]] | None = None

    @property
    def size(self) -> int:
        return len(self.records) if self.records is not None else len(self.table or ())

    def rows(self, offsets: Sequence[int]) -> list[list[str]]:
        """The cells of some of its rows, by their place in the block."""
        if self.table is not None:
            return [self.table[offset] for offset in offsets]
        if self.records is None or self.parse is None:
            return []
        records = self.records
        return self.parse([records[offset] for offset in offsets])


class Writer(Protocol):
    """Takes each block with its rows' fates (a byte each, 0: may be emailed), in order;
    counts the rows it wrote. A file it cannot write is said plainly (an OptOutError)."""

    rows: int

    def take(self, block: Block, codes: bytes) -> None: ...

    def close(self) -> None: ...


@contextmanager
def saving(path: Path) -> Iterator[None]:
    """Say plainly why a file could not be written (a full disk, a drive gone...)."""
    try:
        yield
    except OSError as error:
        raise _unwritable(path, error) from None


def _same_file(path: Path, other: Path) -> bool:
    try:
        return path.resolve() == other.resolve() or (
            path.exists() and other.exists() and os.path.samefile(path, other)
        )
    except OSError:
        return False


def check_destination(
    path: str | Path, original: Path, suffixes: Sequence[str], taken: Sequence[Path] = ()
) -> Path:
    """Refuse a file to save to that has the wrong ending, is the original or another file of
    the same save, exists already, or cannot be written: before anything is read or written."""
    path = Path(path).expanduser()
    if path.suffix.lower() not in suffixes:
        if suffixes == (".csv",):
            raise OptOutError(
                t(
                    "Save the left-out rows as .csv, not “{name}”; nothing was saved.",
                    name=path.name,
                )
            )
        raise OptOutError(
            t(
                "Save the cleaned list as .csv, .txt or .xlsx, not “{name}”; nothing was saved.",
                name=path.name,
            )
        )
    if _same_file(path, original):
        raise OptOutError(
            t(
                "“{name}” is the list being cleaned; save to a new file. The original is never "
                "overwritten; nothing was saved.",
                name=path.name,
            )
        )
    if any(_same_file(path, other) for other in taken):
        raise OptOutError(
            t(
                "The cleaned list and the left-out rows need a file each; nothing was saved.",
            )
        )
    if path.exists() or path.is_symlink():
        raise OptOutError(
            t(
                "“{name}” exists already; choose a new name (no file is ever overwritten). "
                "Nothing was saved.",
                name=path.name,
            )
        )
    folder = path.absolute().parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise OptOutError(
            t(
                "“{path}” cannot be saved: its folder does not exist or cannot be written to. "
                "Nothing was saved.",
                path=str(path),
            )
        )
    return path


class Partial:
    """A file written under a temporary name beside its place (readable by its owner only),
    then given its name only when complete, and never over a file that exists."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(f".{path.name}.partial")
        try:
            self.partial.unlink(missing_ok=True)  # (left by a crash: ours, as its name says)
            descriptor = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as error:
            raise _unwritable(path, error) from None
        os.close(descriptor)

    def commit(self) -> None:
        try:
            descriptor = os.open(self.partial, os.O_RDONLY)
            try:
                os.fsync(descriptor)  # on the disk before it gets its name (power loss)
            finally:
                os.close(descriptor)
            try:
                os.link(self.partial, self.path)  # fails if the name is taken meanwhile
            except FileExistsError:
                raise
            except OSError:  # a file system without links (FAT, some shares)
                if self.path.exists():
                    raise FileExistsError(self.path) from None
                os.replace(self.partial, self.path)
                return
            self.partial.unlink()
        except FileExistsError:
            self.abandon()
            raise OptOutError(
                t(
                    "“{name}” appeared while the list was being cleaned; it was left as it is, and "
                    "nothing was saved.",
                    name=self.path.name,
                )
            ) from None
        except OSError as error:
            self.abandon()
            raise _unwritable(self.path, error) from None

    def abandon(self) -> None:
        try:
            self.partial.unlink(missing_ok=True)
        except OSError:
            pass


def _unwritable(path: Path, error: OSError) -> OptOutError:
    return OptOutError(
        t(
            "“{path}” could not be saved: {reason}. Nothing was saved.",
            path=str(path),
            reason=error.strerror or str(error),
        )
    )


class CopyWriter:
    """A CSV file's kept rows, byte for byte: the same characters, byte-order mark, delimiter,
    quoting and line endings, after the original's header."""

    def __init__(self, partial: Partial, raw: RawRows) -> None:
        self.raw, self.path = raw, partial.path
        with saving(partial.path):
            self.handle: Any = partial.partial.open("wb")
        self.started = False
        self.rows = 0

    def _start(self) -> None:
        if not self.started:
            self.handle.write(self.raw.bom + b"".join(self.raw.head))
            self.started = True

    def take(self, block: Block, codes: bytes) -> None:
        with saving(self.path):
            self._start()
            self.handle.write(b"".join(compress(block.records or [], map(not_, codes))))
        self.rows += codes.count(0)

    def close(self) -> None:
        if self.handle.closed:
            return
        with saving(self.path):
            self._start()
            self.handle.close()
        if not self.raw.exact:
            raise SourceError(
                t(
                    "“{name}” holds characters that cannot be written back exactly as they "
                    "were; save the cleaned list as .xlsx instead. Nothing was saved.",
                    name=self.raw.source.path.name,
                )
            )


class TableCsvWriter:
    """A sheet's kept rows as CSV: UTF-8 with a byte-order mark (Excel reads it), commas (tabs
    for .txt), Windows line endings, each cell as it was."""

    def __init__(self, partial: Partial, header: Callable[[], list[str]]) -> None:
        self.path = partial.path
        with saving(partial.path):
            self.handle: Any = partial.partial.open("w", encoding="utf-8-sig", newline="")
        delimiter = "\t" if partial.path.suffix.lower() == ".txt" else ","
        self.writer = csv.writer(self.handle, delimiter=delimiter, lineterminator="\r\n")
        self.header: Callable[[], list[str]] | None = header
        self.rows = 0

    def _start(self) -> None:
        if self.header is not None:
            cells = self.header()
            if cells:
                self.writer.writerow(cells)
            self.header = None

    def take(self, block: Block, codes: bytes) -> None:
        kept = block.rows([offset for offset, code in enumerate(codes) if not code])
        with saving(self.path):
            self._start()
            self.writer.writerows(kept)
        self.rows += len(kept)

    def close(self) -> None:
        if not self.handle.closed:
            with saving(self.path):
                self._start()
                self.handle.close()


def sheet_name(name: str) -> str:
    """A name Excel takes for a sheet: at most 31 characters, none of []:*?/\\."""
    cleaned = name.translate(_SHEET_NAME_BANNED).strip().strip("'")[:31].strip()
    return cleaned or "Sheet1"


class XlsxWriter:
    """The kept rows as a workbook: one sheet (the original's name), every cell as text."""

    def __init__(self, partial: Partial, sheet: str, header: Callable[[], list[str]]) -> None:
        import xlsxwriter

        self.path = partial.path
        self.workbook = xlsxwriter.Workbook(
            str(partial.partial),
            {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
        )
        self.sheet = self.workbook.add_worksheet(sheet_name(sheet))
        self.header: Callable[[], list[str]] | None = header
        self.row = 0
        self.rows = 0
        self.closed = False

    def _start(self) -> None:
        if self.header is not None:
            cells = self.header()
            if cells:
                self._write(cells)
            self.header = None

    def _write(self, cells: list[str]) -> None:
        for column, value in enumerate(cells):
            if value:
                self.sheet.write_string(self.row, column, value)
        self.row += 1

    def take(self, block: Block, codes: bytes) -> None:
        kept = block.rows([offset for offset, code in enumerate(codes) if not code])
        if self.row + len(kept) > XLSX_MAX_ROWS + 1:
            raise OptOutError(
                t(
                    "More than {count} rows do not fit in one Excel sheet; save the cleaned "
                    "list as .csv instead. Nothing was saved.",
                    count=XLSX_MAX_ROWS,
                )
            )
        with saving(self.path):
            self._start()
            for cells in kept:
                self._write(cells)
        self.rows += len(kept)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            with saving(self.path):
                self._start()
                self.workbook.close()


class LeftOutWriter:
    """Every row left out, as CSV (UTF-8 with a byte-order mark, for Excel): its row number,
    why, then its cells, any that a spreadsheet would run as a formula made inert."""

    def __init__(
        self,
        partial: Partial,
        headers: list[str],
        first_row: int,
        why: Callable[[int], str],
        translate: Callable[[str], str] = str,
    ) -> None:
        self.path = partial.path
        with saving(partial.path):
            self.handle: Any = partial.partial.open("w", encoding="utf-8-sig", newline="")
            self.writer = csv.writer(self.handle)
            row = [translate(t("Row")), translate(t("Reason")), *headers]
            self.writer.writerow(list(map(neutralise, row)))
        self.first_row, self.why = first_row, why
        self.rows = 0

    def take(self, block: Block, codes: bytes) -> None:
        offsets = [offset for offset, code in enumerate(codes) if code]
        rows = [
            [self.first_row + block.first + offset, neutralise(self.why(block.first + offset))]
            + list(map(neutralise, cells))
            for offset, cells in zip(offsets, block.rows(offsets), strict=True)
        ]
        with saving(self.path):
            self.writer.writerows(rows)
        self.rows += len(offsets)

    def close(self) -> None:
        if not self.handle.closed:
            with saving(self.path):
                self.handle.close()
