"""Read, clean and de-duplicate a big file's cells in a second process, so both cores work.

Python runs one thread at a time, and reading, cleaning and de-duplicating a million rows is
all Python: in one process the second core only helps SQLite. So for a big CSV file a helper
process reads, cleans (addresses.triage) and de-duplicates the chunks, and sends this one
what each chunk adds: its new entries (with its cells) as texts of a line a row, which pass
between processes far faster than thousands of strings, and its refused and repeated rows.
This process, whose GIL the SQLite writer thread needs, then has little more to do than
write. It reads, cleans and de-duplicates the first part of the file itself (the helper
meanwhile starts, and cleans ahead), then hands the helper the entries it found, and the
helper carries on from there. If the helper cannot start, all of it is done here instead.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
from array import array
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any, cast

from optout_desktop.core.child_process import bare_main, spawn_context
from optout_desktop.core.errors import SourceError
from optout_desktop.core.reading import digests
from optout_desktop.core.reading.addresses import BLANK, triage
from optout_desktop.core.reading.domain_keys import domain_key
from optout_desktop.core.reading.sources import ColumnChunk, TableSource
from optout_desktop.core.texts import t

log = logging.getLogger(__name__)
PARALLEL_BYTES = 16 << 20  # smaller files are done before a helper process would start
# The helper path's chunks: small ones get the writer going sooner, leave less to write
# after the last one, and take less memory in flight.
HELPER_CHUNK_ROWS = 12_500
HERE_SHARE = 0.1  # of a big file's chunks done in this process first
_AHEAD = 16  # chunks the helper cleans while it waits to take over, at most
_LOOKUPS = 16  # repeats of a chunk looked up among its own new entries, at most
_READY = "ready"
Verdicts = list[tuple[str | None, str | None]]


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A chunk's cells cleaned and validated: each row's address ("" for a row without one),
    and for those rows, by their place in the chunk (in order), why: BLANK or the reason."""

    addresses: list[str]
    reasons: dict[int, str | None]


@dataclass(slots=True)
class Found:
    """What a chunk adds to a scan: its new entries (addresses, and whole domains when asked
    for) in file order with their rows and extra cells, its refused rows (row, cell, and
    BLANK or why the cell is not an address), its rows that repeat an entry (row, cell,
    entry) and, for some of those, the entry's first row."""

    rows: int
    entries: list[str]
    first_rows: array[int]
    refused: list[tuple[int, str, str | None]]
    repeats: list[tuple[int, str, str]]
    firsts: dict[str, int]
    blank: int = 0
    invalid: int = 0
    domains: int = 0
    extras: list[tuple[str, ...]] | None = None
    lines: Lines | None = None  # the entries as they came from the helper

    def fresh_entries(self) -> list[str]:
        """The entries as new strings, for a writer: SQLite keeps a UTF-8 copy inside each
        string it binds that is not ASCII, which the scan's own strings then would carry to
        the end (some 35 bytes per such address: 14 MB in a million Danish ones)."""
        if isinstance(self.lines, bytes | str):
            return _unlines(self.lines)
        joined = "\n".join(self.entries)
        if joined.count("\n") != len(self.entries) - 1:  # (an entry never holds a line break)
            return list(self.entries)
        return joined.split("\n")


def triage_all(values: list[str]) -> Verdicts:
    """Clean and validate a chunk of cells, one (address, reason) per cell."""
    return list(map(triage, values))


def clean_all(values: list[str]) -> Cleaned:
    """Clean and validate a chunk of cells."""
    verdicts = triage_all(values)
    addresses = [address or "" for address, _ in verdicts]
    reasons: dict[int, str | None] = {}
    offset = -1
    try:
        while True:  # the rows without an address are few: list.index finds them in C
            offset = addresses.index("", offset + 1)
            reasons[offset] = verdicts[offset][1]
    except ValueError:
        pass
    return Cleaned(addresses, reasons)


def clean_digests(values: list[str]) -> Cleaned:
    """A hashed list's chunk: each cell's entry (`sha256:<hex>`, `md5:<hex>`), or why not."""
    entries: list[str] = []
    reasons: dict[int, str | None] = {}
    for offset, value in enumerate(values):
        entry = digests.digest_key(value)
        if entry is None:
            entries.append("")
            reasons[offset] = BLANK if not value.strip() else digests.NOT_A_DIGEST
        else:
            entries.append(entry)
    return Cleaned(entries, reasons)


def cleaner(hashed: bool) -> Callable[[list[str]], Cleaned]:
    """How a column's cells are cleaned: as addresses, or as a hashed list's digests."""
    return clean_digests if hashed else clean_all


def dedupe(chunk: ColumnChunk, cleaned: Cleaned, seen: set[str], whole_domains: bool) -> Found:
    """What a cleaned chunk adds to the entries in `seen` (which it adds to).

    With `whole_domains`, a cell such as `@firma.dk` or `*.firma.dk` is an entry too.
    """
    values, addresses, first = chunk.values, cleaned.addresses, chunk.first_row
    if len(addresses) != len(values):
        raise ValueError("a chunk's addresses do not match its cells")
    found = Found(len(values), [], array("q"), [], [], {})
    if cleaned.reasons:  # blanks, invalid cells and whole domains; never the hot path
        addresses = _refuse(found, chunk, cleaned, seen, whole_domains)
    remember, add_entry, add_row = seen.add, found.entries.append, found.first_rows.append
    repeats = found.repeats
    # (a refused row's address is "": never seen, and passed over)
    for row, address in enumerate(addresses, first):
        if address not in seen:
            if address:
                remember(address)
                add_entry(address)
                add_row(row)
        else:
            repeats.append((row, values[row - first], address))
    for _, _, address in repeats[:_LOOKUPS]:
        # The same person twice in a row, say: the first row is found here by a short
        # search in C, which can spare a pass over every entry at the end.
        if address not in found.firsts:
            try:
                found.firsts[address] = found.first_rows[found.entries.index(address)]
            except ValueError:  # first seen in an earlier chunk
                pass
    if chunk.extras is not None:
        found.extras = [chunk.extras[row - first] for row in found.first_rows]
    return found


def _refuse(
    found: Found, chunk: ColumnChunk, cleaned: Cleaned, seen: set[str], whole_domains: bool
) -> list[str]:
    """Count and refuse a chunk's rows without an address, except whole-domain entries:
    returns the chunk's addresses with those entries' keys in their rows."""
    addresses = cleaned.addresses
    refuse = found.refused.append
    keys: set[str] = set()
    for offset, reason in cleaned.reasons.items():  # in row order
        raw = chunk.values[offset]
        key = domain_key(raw) if whole_domains and reason != BLANK else None
        if key is not None:
            if not keys:
                addresses = addresses.copy()
            addresses[offset] = key
            keys.add(key)
        else:
            if reason == BLANK:
                found.blank += 1
            else:
                found.invalid += 1
            refuse((chunk.first_row + offset, raw, reason))
    found.domains = len(keys - seen)  # (a domain key is never an address)
    return addresses


def chunks_with_verdicts(
    source: TableSource,
    index: int,
    extra: tuple[int, ...] = (),
    alone: bool = False,
    whole_domains: bool = False,
    seen: set[str] | None = None,
    hashed: bool = False,
) -> Iterator[tuple[float, Found]]:
    """For each of the column's chunks: how much of the file is read (0-1) and what it adds
    to the entries in `seen` (filled with those found in this process: all of them when no
    helper process worked).

    A helper process reads, cleans and de-duplicates most of a big CSV file; else all of it
    is done here. With `hashed`, the cells are a hashed list's digests, not addresses.
    """
    seen = set() if seen is None else seen
    clean = cleaner(hashed)
    if alone or source.kind != "csv" or source.size < PARALLEL_BYTES or not _enabled():
        for chunk in source.stream_column(index, extra):
            yield chunk.fraction_done, dedupe(chunk, clean(chunk.values), seen, whole_domains)
        return
    here_first = _chunks_here(source)
    context = spawn_context()
    try:
        results: Any = context.Queue(maxsize=8)
        handover: Any = context.Queue(maxsize=1)
        helper = context.Process(
            target=_produce,
            args=(source, index, extra, HELPER_CHUNK_ROWS, here_first, whole_domains, hashed),
            kwargs={"results": results, "handover": handover},
            daemon=True,
            name="optout-reader",
        )
        with bare_main():
            helper.start()
    except (OSError, ValueError, ImportError):
        log.info("no helper process; reading here", exc_info=True)
        yield from chunks_with_verdicts(source, index, extra, True, whole_domains, seen, hashed)
        return
    try:
        # The first part here, and on until the helper has started (a new Python takes a
        # moment); then the helper carries on from the next chunk.
        done = 0
        here = cast(
            Generator[ColumnChunk, None, None],
            source.stream_column(index, extra, HELPER_CHUNK_ROWS),
        )
        try:
            while done < here_first or not _ready(results):
                read = next(here, None)
                if read is None:
                    return  # the whole file was read here
                done += 1
                yield read.fraction_done, dedupe(read, clean(read.values), seen, whole_domains)
        finally:
            here.close()
        handover.put((done, _lines(list(seen))))
        while (item := _next(results, helper)) is not None:
            if isinstance(item, BaseException):
                raise item
            yield _unpack(item)
    finally:
        if helper.is_alive():
            helper.terminate()
        helper.join(5)
        results.close()
        handover.close()


def _chunks_here(source: TableSource) -> int:
    """How many chunks to do here first: HERE_SHARE of the file's rows, as its size and the
    length of its first rows tell."""
    rows = source.preview or [[""]]
    delimiter = source.delimiter or ","
    length = sum(len(delimiter.join(row)) + 1 for row in rows) / len(rows)
    return max(1, round(HERE_SHARE * source.size / max(length, 1.0) / HELPER_CHUNK_ROWS))


def _ready(results: Any) -> bool:
    """Whether the helper has said it is ready (the first thing it says)."""
    try:
        said = results.get_nowait()
    except queue.Empty:
        return False
    if isinstance(said, BaseException):
        raise said
    return True


def _next(results: Any, helper: Any) -> Any:
    """The helper's next result; a helper that died without a word is an error."""
    while True:
        try:
            return results.get(timeout=1)
        except queue.Empty:
            if not helper.is_alive():
                raise SourceError(t("Reading the file stopped unexpectedly; try again.")) from None


def _produce(
    source: TableSource,
    index: int,
    extra: tuple[int, ...],
    chunk_rows: int,
    here_first: int,
    whole_domains: bool,
    hashed: bool = False,
    *,
    results: Any,
    handover: Any,
) -> None:
    """In the helper process: say it is ready, and clean the chunks after the starting
    process's first part until it hands over (how many chunks it did, and the entries it
    found); then de-duplicate and send what each later chunk adds, then None (or the error)."""

    def send(chunk: ColumnChunk, cleaned: Cleaned, seen: set[str]) -> None:
        results.put(_pack(chunk, dedupe(chunk, cleaned, seen, whole_domains)))

    try:
        results.put(_READY)
        done, seen = here_first, None
        ahead: list[tuple[int, ColumnChunk, Cleaned]] = []
        for number, chunk in enumerate(source.stream_column(index, extra, chunk_rows)):
            if number < done:
                continue  # read by the starting process
            cleaned = cleaner(hashed)(chunk.values)
            if seen is not None:
                send(chunk, cleaned, seen)
                continue
            ahead.append((number, chunk, cleaned))
            taken = _taken_over(handover, wait=len(ahead) >= _AHEAD)
            if taken is not None:
                done, seen = taken
                for early, waiting, ready in ahead:
                    if early >= done:
                        send(waiting, ready, seen)
                ahead.clear()
        if seen is None:  # (a short file: the starting process may have read it all)
            done, seen = cast(tuple[int, set[str]], _taken_over(handover, wait=True))
            for early, waiting, ready in ahead:
                if early >= done:
                    send(waiting, ready, seen)
        results.put(None)
    except BaseException as error:  # noqa: BLE001 - handed to the reading process
        results.put(error)


def _taken_over(handover: Any, wait: bool) -> tuple[int, set[str]] | None:
    """The starting process's word that the helper takes over: how many chunks it did and
    the entries it found. Without `wait`, None until then; with it, waiting only while the
    starting process lives."""
    parent = multiprocessing.parent_process()
    while True:
        try:
            done, entries = handover.get(timeout=1) if wait else handover.get_nowait()
        except queue.Empty:
            if not wait:
                return None
            if parent is not None and not parent.is_alive():
                raise SystemExit(1) from None
            continue
        return int(done), set(_unlines(entries))


Lines = bytes | str | list[str]


def _pack(chunk: ColumnChunk, found: Found) -> tuple[Any, ...]:
    """What a chunk adds, as the helper sends it (the entries as one text, a line each; not
    the chunk's cells, which the starting process has no use for)."""
    return (
        chunk.fraction_done,
        found.rows,
        _lines(found.entries),
        found.first_rows,
        found.refused,
        found.repeats,
        found.firsts,
        found.blank,
        found.invalid,
        found.domains,
        found.extras,
    )


def _unpack(item: tuple[Any, ...]) -> tuple[float, Found]:
    fraction, rows, lines, first_rows, refused, repeats, firsts = item[:7]
    blank, invalid, domains, extras = item[7:]
    found = Found(rows, _unlines(lines), first_rows, refused, repeats, firsts)
    found.blank, found.invalid, found.domains = blank, invalid, domains
    found.extras, found.lines = extras, lines
    return fraction, found


def _lines(texts: list[str]) -> Lines:
    """The texts as one, a line each, in Latin-1 when they can be (the fastest to pass on);
    the list as it is when one of them has a line break."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return texts
    try:
        return joined.encode("latin-1")
    except UnicodeEncodeError:
        return joined


def _unlines(texts: Lines) -> list[str]:
    if isinstance(texts, bytes):
        texts = texts.decode("latin-1")
    return texts.split("\n") if isinstance(texts, str) else texts


def _enabled() -> bool:
    return os.environ.get("OPTOUT_SECOND_CORE", "1") != "0"
