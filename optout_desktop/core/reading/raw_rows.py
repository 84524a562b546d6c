"""A CSV file's rows as the bytes they were written in, cut where the csv module cuts them."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, AnyStr

from optout_desktop.core.errors import SourceError
from optout_desktop.core.reading.sources import MAX_CELL_CHARS, TableSource
from optout_desktop.core.texts import t

BLOCK_BYTES = 4 << 20  # read at a time: some 60,000 rows of a typical export
_BOMS = {
    "utf-8-sig": ((codecs.BOM_UTF8, "utf-8"),),
    "utf-16": ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")),
    "utf-32": ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")),
}


@dataclass(slots=True)
class RawBlock:
    """Consecutive data rows: each as its bytes in the file (line ending included), and the
    cell of one column, read as the csv module reads it ("" when the row is shorter)."""

    first: int  # the index of its first row among the data rows (0: the first data row)
    records: list[bytes]
    cells: list[str]
    fraction_done: float


@lru_cache(maxsize=32)
def byte_safe(encoding: str, delimiter: str) -> bool:
    """True when rows can be cut in the bytes themselves: ASCII is itself in the encoding, and
    no byte of a longer character is a quote, a line break or the delimiter (UTF-8 and the
    one-byte code pages; not UTF-16, nor Shift-JIS and its kin)."""
    if len(delimiter) != 1 or not delimiter.isascii():
        return False
    specials = b'"\r\n' + delimiter.encode("ascii")
    try:
        if any(bytes([byte]).decode(encoding) != chr(byte) for byte in range(128)):
            return False
        for byte in range(128, 256):
            for special in specials:
                if not bytes([byte, special]).decode(encoding, "replace").endswith(chr(special)):
                    return False
    except (LookupError, UnicodeDecodeError):
        return False
    return True


@lru_cache(maxsize=32)
def _record_pattern(delimiter: str, kind: type) -> re.Pattern[Any]:
    """One record as the csv module reads it (a quote opens a quoted cell only at the start of
    a cell; "" inside is a quote; after the closing quote the cell runs on to the delimiter;
    a quote that is never closed runs to the end): its cells, then its line ending."""
    d = re.escape(delimiter)
    quoted = f'"(?:[^"]|"")*(?:"[^{d}\\r\\n]*)?'
    plain = f'[^"{d}\\r\\n][^{d}\\r\\n]*'
    cell = f"(?:{quoted}|{plain})?"
    text = f"{cell}(?:{d}{cell})*(?:\\r\\n|\\r|\\n|\\Z)"
    return re.compile(text.encode("ascii") if kind is bytes else text)


@lru_cache(maxsize=32)
def _cell_pattern(delimiter: str, index: int) -> re.Pattern[str]:
    """The `index`-th cell of each line of text without quotes (nothing when it is shorter)."""
    d = re.escape(delimiter)
    return re.compile(
        f"(?:(?:[^{d}\\r\\n]*{d}){{{index}}}([^{d}\\r\\n]*))?[^\\r\\n]*(?:\\r\\n|\\r|\\n|\\Z)"
    )


def _split_records(buffer: AnyStr, pattern: re.Pattern[AnyStr], end: bool) -> list[AnyStr]:
    """The complete records at the start of `buffer` (all of them at the end of the file)."""
    records: list[AnyStr] = []
    at = 0
    for match in pattern.finditer(buffer):
        if match.start() != at:
            raise RuntimeError("rows were not cut one after the other")
        if match.end() == len(buffer) and (not end or match.start() == match.end()):
            break  # (it may go on in the next block; or the empty match at the very end)
        records.append(match.group())
        at = match.end()
    return records


class RawRows:
    """A CSV file's rows for copying them byte for byte: the byte-order mark, the records above
    the first data row (the header), then blocks of data rows with one column's cells.

    Cut in the bytes when the encoding allows it (byte_safe), else in the decoded text and
    encoded again: `exact` then says whether that gave back the very bytes of the file.
    `sha256` is the file's checksum, once every block was read. Without a column `index` the
    blocks' cells are not read (empty lists).
    """

    def __init__(
        self,
        source: TableSource,
        index: int | None,
        block_bytes: int | None = None,
    ) -> None:
        self.source, self.index = source, index
        self.block_bytes = block_bytes or BLOCK_BYTES
        self.encoding = source.encoding or "utf-8"
        self.delimiter = source.delimiter or ","
        self.bom = b""
        self.head: list[bytes] = []
        self.sha256 = ""
        self.exact = True
        self._body = self.encoding  # the encoding after the byte-order mark
        self._in_bytes = byte_safe(self.encoding, self.delimiter)

    def blocks(self) -> Iterator[RawBlock]:
        """The data rows, a block at a time (the header and byte-order mark are set first)."""
        above = self.source.skip + (1 if self.source.has_header else 0)
        self.head = []
        first = 0
        for records, cells, fraction in self._batches():
            if len(self.head) < above:
                taken = min(above - len(self.head), len(records))
                self.head += records[:taken]
                records, cells = records[taken:], cells[taken:]
            if records:
                yield RawBlock(first, records, cells, fraction)
                first += len(records)

    def header_cells(self) -> list[str]:
        """The header row's cells as written (empty without a header row)."""
        if not self.source.has_header or not self.head:
            return []
        rows = self.rows_of(self.head[-1:])
        return rows[0] if rows else []

    def rows_of(self, records: list[bytes]) -> list[list[str]]:
        """Records read into their cells, as the csv module reads them."""
        text = b"".join(records).decode(self._body, "replace")
        rows = self._parse(text)
        if len(rows) != len(records):
            raise RuntimeError("the rows were not cut as the csv module reads them")
        return rows

    def _parse(self, text: str) -> list[list[str]]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter, strict=False)
        try:
            return list(reader)
        except csv.Error as error:
            raise SourceError(
                t(
                    "“{name}” could not be read as a table near line {line}: a cell runs "
                    "on for more than {count} characters. This usually means a quotation "
                    "mark that is never closed.",
                    name=self.source.path.name,
                    line=str(reader.line_num),
                    count=MAX_CELL_CHARS,
                )
            ) from error

    def _cells(self, records: list[bytes], text: str | None = None) -> list[str]:
        index = self.index
        if index is None:
            return []
        if text is None:
            text = b"".join(records).decode(self._body, "replace")
        rows = self._parse(text)
        if len(rows) != len(records):
            raise RuntimeError("the rows were not cut as the csv module reads them")
        return [row[index] if index < len(row) else "" for row in rows]

    def _batches(self) -> Iterator[tuple[list[bytes], list[str], float]]:
        size = max(self.source.size, 1)
        digest = hashlib.sha256()
        copied = hashlib.sha256()  # the records as they will be written (the text way)
        with self.source.path.open("rb") as handle, ThreadPoolExecutor(1) as hashing:
            data = handle.read(max(self.block_bytes, 4))  # (a byte-order mark whole)
            hashing.submit(digest.update, data)  # hashing lets go of the GIL: beside the rest
            data = self._take_bom(data)
            copied.update(self.bom)
            if self._in_bytes:
                batches = self._byte_batches(handle, data, hashing, digest)
            else:
                batches = self._text_batches(handle, data, hashing, digest, copied)
            for records, cells in batches:
                yield records, cells, min(handle.tell() / size, 1.0)
        self.sha256 = digest.hexdigest()
        if not self._in_bytes:
            self.exact = copied.digest() == digest.digest()

    def _take_bom(self, data: bytes) -> bytes:
        name = codecs.lookup(self.encoding).name
        for bom, body in _BOMS.get(name, ()):
            if data.startswith(bom):
                self.bom, self._body = bom, body
                return data[len(bom) :]
        if name in _BOMS:  # without its mark: UTF-8, or UTF-16/32 in this computer's order
            self._body = _BOMS[name][0][1]
        return data

    def _byte_batches(
        self, handle: Any, data: bytes, hashing: ThreadPoolExecutor, digest: Any
    ) -> Iterator[tuple[list[bytes], list[str]]]:
        pattern = _record_pattern(self.delimiter, bytes)
        carry = b""
        while True:
            end = not data
            buffer = carry + data if carry else data
            if b'"' in buffer:
                records = _split_records(buffer, pattern, end)
                cut = sum(map(len, records))
                yield records, self._cells(records)
            else:  # no quotes: a row is a line
                if end:
                    cut = len(buffer)
                else:
                    cut = 1 + max(buffer.rfind(b"\n"), buffer.rfind(b"\r", 0, len(buffer) - 1))
                records = buffer[:cut].splitlines(keepends=True)
                yield records, self._plain_cells(records, buffer, cut)
            carry = buffer[cut:]
            if end:
                return
            data = handle.read(self.block_bytes)
            if data:
                hashing.submit(digest.update, data)

    def _plain_cells(self, records: list[bytes], buffer: bytes, cut: int) -> list[str]:
        """The column's cells of rows without quotes, picked out of the bytes in one pass."""
        if not records or self.index is None:
            return []
        if max(map(len, records)) > MAX_CELL_CHARS:
            return self._cells(records)  # (says plainly why it is too long)
        text = buffer[:cut].decode(self._body, "replace")  # (rows end in ASCII: whole characters)
        found: list[str] = _cell_pattern(self.delimiter, self.index).findall(text)
        if len(found) != len(records) + 1:  # (the last is the empty match at the end)
            raise RuntimeError("the cells were not found row by row")
        found.pop()
        return found

    def _text_batches(
        self, handle: Any, data: bytes, hashing: ThreadPoolExecutor, digest: Any, copied: Any
    ) -> Iterator[tuple[list[bytes], list[str]]]:
        pattern = _record_pattern(self.delimiter, str)
        decoder = codecs.getincrementaldecoder(self._body)(errors="replace")
        carry = ""
        while True:
            end = not data
            buffer = carry + decoder.decode(data, final=end)
            texts = _split_records(buffer, pattern, end)
            cut = sum(map(len, texts))
            records = [text.encode(self._body, "replace") for text in texts]
            for record in records:
                copied.update(record)
            yield records, self._cells(records, buffer[:cut])
            carry = buffer[cut:]
            if end:
                return
            data = handle.read(self.block_bytes)
            if data:
                hashing.submit(digest.update, data)
