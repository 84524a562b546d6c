"""Clean a mailing list before it is sent: which rows may be emailed, and why each other may not."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from optout_desktop.core.computer_user import user_name
from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.models import ACCOUNT, CleaningRun, database
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.errors import SourceError, StoreError
from optout_desktop.core.optouts import cleaned_files, prepared_copies
from optout_desktop.core.optouts.cleaned_files import Block, Partial, Writer
from optout_desktop.core.optouts.matching import Matcher
from optout_desktop.core.optouts.row_fates import (
    BLANK,
    INVALID,
    KEPT,
    REASON_TEXT,
    REPEAT,
    SUPPRESSED,
    Cleaning,
    CleaningCounts,
    Fate,
    RowFates,
    fate_text,
)
from optout_desktop.core.progress import CancelFlag, Progress, ProgressCallback, raise_if_cancelled
from optout_desktop.core.reading import raw_rows
from optout_desktop.core.reading.raw_rows import RawRows
from optout_desktop.core.reading.reader_process import PARALLEL_BYTES, Found
from optout_desktop.core.reading.sources import (
    ColumnChunk,
    SheetRows,
    TableSource,
    sha256_beside,
    sha256_of,
)
from optout_desktop.core.reading.verdict_process import AHEAD, Verdicts
from optout_desktop.core.texts import t

__all__ = [
    "BLANK",
    "INVALID",
    "KEPT",
    "REASON_TEXT",
    "REPEAT",
    "SUPPRESSED",
    "Cleaning",
    "CleaningCounts",
    "Fate",
    "Saved",
    "clean_file",
    "count_cleaning",
    "fate_text",
    "save_cleaned",
    "save_left_out",
]

# The window counts first (count_cleaning: every row's fate, for a preview), then saves the
# cleaned file (save_cleaned) and, if asked, the left-out rows (save_left_out); the command
# line does it in one reading (clean_file). Nothing here changes the suppression list: each
# cleaning saved is recorded in the history, and that record is all it writes.

log = logging.getLogger(__name__)
SHEET_ROWS = 50_000  # a sheet's rows per block


@dataclass
class Saved:
    """A cleaned list saved: where, how many rows, and its entry in the history."""

    path: Path
    rows: int
    history_id: int | None = None
    history_note: str = ""  # why the cleaning is not in the history ("" when it is)


def _blocks(source: TableSource, index: int | None) -> tuple[Iterator[Block], RawRows | None]:
    """The list's data rows a block at a time (a CSV file's as their bytes too)."""
    if source.kind == "csv":
        raw = RawRows(source, index)
        blocks = (
            Block(b.first, b.cells, b.fraction_done, records=b.records, parse=raw.rows_of)
            for b in raw.blocks()
        )
        return blocks, raw
    return _sheet_blocks(source, index), None


def _sheet_blocks(source: TableSource, index: int | None) -> Iterator[Block]:
    rows = source.iter_data_rows()
    first = 0
    try:
        while part := list(islice(rows, SHEET_ROWS)):
            cells = (
                [] if index is None else [row[index] if index < len(row) else "" for row in part]
            )
            yield Block(first, cells, 0.0, table=part)
            first += len(part)
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def _header(source: TableSource, raw: RawRows | None) -> list[str]:
    """The header row's cells as written in the file (none without a header row); a CSV
    file's once its first block was read."""
    if not source.has_header:
        return []
    if raw is not None:
        return raw.header_cells()
    rows = iter(SheetRows(source.path, source.sheet))
    try:
        return next(islice(rows, source.skip, None), [])
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def _read(
    source: TableSource,
    index: int,
    scope_id: int,
    progress: ProgressCallback | None,
    cancel: CancelFlag | None,
    open_writer: Callable[[RawRows | None], Writer | None] | None = None,
    second_core: bool = False,
) -> Cleaning:
    """Read the list once and decide every row's fate; a writer, if made, takes each block as
    soon as its fates are final. Only reads the suppression list (no write lock: a colleague's
    import never holds it up), all of it as it was at one moment.

    With `second_core`, a big CSV file's cells are cleaned, checked and de-duplicated by a
    helper process while this one cuts the rows, looks the addresses up and writes.
    """
    name = source.headers[index]
    blocks, raw = _blocks(source, index)
    hashing: Future[str] | None = None
    if raw is None:  # (a CSV file's checksum is taken as it is read)
        hashing = sha256_beside(source.path)
    writer = open_writer(raw) if open_writer is not None else None
    fates = RowFates(source)
    helper = second_core and raw is not None and source.size >= PARALLEL_BYTES
    # (the first tenth or so here, while the helper starts: a new Python takes a moment)
    verdicts = Verdicts(helper, here_first=max(1, source.size // raw_rows.BLOCK_BYTES // 10))
    waiting: deque[Block] = deque()  # given for their verdicts
    looking: deque[tuple[Block, Found, Future[dict[int, int]] | None]] = deque()

    def look_up(matcher: Matcher) -> None:
        block, found = waiting.popleft(), verdicts.take()
        fates.take(found)
        entries = found.entries if found.lines is not None else found.fresh_entries()
        looking.append((block, found, matcher.submit(entries) if entries else None))

    def settle() -> None:
        block, found, looked_up = looking.popleft()
        if looked_up is not None:
            fates.suppress(found, looked_up.result())
        if writer is not None:
            writer.take(block, fates.codes[block.first : block.first + block.size].tobytes())

    try:
        with plain_errors(), database.obj.atomic():
            matcher = Matcher(scope_id)
            try:
                for block in blocks:
                    raise_if_cancelled(cancel)
                    first = source.first_data_row + block.first
                    verdicts.give(ColumnChunk(first, block.cells, block.fraction_done))
                    block.cells = []
                    waiting.append(block)
                    while waiting and (verdicts.waiting() > AHEAD or verdicts.ready()):
                        look_up(matcher)
                        while len(looking) > 1:  # one look-up runs while the next is read
                            settle()
                    if progress is not None:
                        done = block.first + block.size
                        guess = int(done / block.fraction_done) if block.fraction_done else 0
                        progress(Progress("reading", done, max(guess, done) if guess else 0))
                while waiting or looking:
                    raise_if_cancelled(cancel)
                    if waiting:
                        look_up(matcher)
                    while len(looking) > (1 if waiting else 0):
                        settle()
            finally:
                matcher.close()
    finally:
        verdicts.close()
    counts = fates.counts()
    if counts.kept + counts.suppressed == 0:
        raise SourceError(
            t(
                "The column “{column}” holds no valid email address ({rows} rows: {blank} "
                "blank, {invalid} invalid). Choose the column with the addresses; nothing "
                "was saved.",
                column=name,
                rows=counts.rows,
                blank=counts.blank,
                invalid=counts.invalid,
            )
        )
    checksum = hashing.result() if hashing is not None else raw.sha256 if raw else ""
    return Cleaning(
        source, name, index, scope_id, checksum, counts, fates.codes, fates.invalid, fates.repeats()
    )


def count_cleaning(
    source: TableSource,
    column: str | int,
    scope_id: int = ACCOUNT,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    second_core: bool = True,
    prepare: bool = False,
) -> Cleaning:
    """Read a mailing list and decide each row's fate in a scope (a business unit, or the
    whole account), for a preview: nothing is written, the suppression list least of all.

    With `second_core`, a helper process cleans a big CSV file's cells meanwhile (and holds
    the addresses seen, which this process then need not: some 100 MB for a million).
    With `prepare`, a CSV list's cleaned copy is written meanwhile, in a private temporary
    folder (prepared_copies), so that save_cleaned in this process only moves it into place.
    """
    index = source.column_index(column)
    if not prepare:
        return _read(source, index, scope_id, progress, cancel, None, second_core)
    copy = prepared_copies.PreparedCopy()
    try:
        cleaning = _read(source, index, scope_id, progress, cancel, copy.open, second_core)
        cleaning.prepared, cleaning.prepared_rows = copy.finish()
    except BaseException:
        copy.discard()
        raise
    return cleaning


def clean_file(
    source: TableSource,
    column: str | int,
    out: str | Path,
    scope_id: int = ACCOUNT,
    left_out: str | Path | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    second_core: bool = True,
) -> tuple[Cleaning, Saved, int | None]:
    """Clean a mailing list into a new file in one reading (the command line's way), and
    record the cleaning in the history; with `left_out`, write the rows left out there too
    (how many is the third item). A refusal, a cancel or a failure saves no file at all.
    """
    index = source.column_index(column)
    path = cleaned_files.check_destination(out, source.path, cleaned_files.CLEANED_SUFFIXES)
    taken = [path]
    extra_path = None
    if left_out is not None:
        extra_path = cleaned_files.check_destination(left_out, source.path, (".csv",), taken)
    partial = Partial(path)
    extra = Partial(extra_path) if extra_path is not None else None
    made: list[Writer] = []

    def open_writer(raw: RawRows | None) -> Writer:
        made.append(_cleaned_writer(source, partial, raw))
        return made[0]

    try:
        cleaning = _read(source, index, scope_id, progress, cancel, open_writer, second_core)
        made[0].close()
        written = made[0].rows
        removed = None
        if extra is not None:
            removed = _save_left_out(cleaning, extra, str, progress, cancel)
        partial.commit()
        if extra is not None:
            extra.commit()
    except BaseException:
        _close_quietly(made)
        partial.abandon()
        if extra is not None:
            extra.abandon()
        raise
    history_id, note = _record(cleaning, path.name)
    return cleaning, Saved(path, written, history_id, note), removed


def save_cleaned(
    cleaning: Cleaning,
    out: str | Path,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> Saved:
    """Save the rows that may be emailed to a new file, in their order and with the same
    header: a CSV file's byte for byte (its characters, byte-order mark, delimiter and line
    endings), or as a workbook (.xlsx, every cell text); then record the cleaning in the
    history. The file must be unchanged since it was read; nothing else is written."""
    source = cleaning.source
    path = cleaned_files.check_destination(out, source.path, cleaned_files.CLEANED_SUFFIXES)
    partial = Partial(path)
    made: list[Writer] = []
    try:
        if path.suffix.lower() != ".xlsx" and cleaning.prepared:
            _check_unchanged(cleaning)
            raise_if_cancelled(cancel)
            with cleaned_files.saving(path):
                moved = prepared_copies.move_into_place(cleaning.prepared, partial)
            if moved:  # (else saved once already: written again below)
                partial.commit()
                history_id, note = _record(cleaning, path.name)
                return Saved(path, cleaning.prepared_rows, history_id, note)
        blocks, raw = _blocks(source, None)
        if raw is None:
            _check_unchanged(cleaning)
        made.append(_cleaned_writer(source, partial, raw))
        _replay(cleaning, blocks, raw, made[0], progress, cancel)
        written = made[0].rows
        partial.commit()
    except BaseException:
        _close_quietly(made)
        partial.abandon()
        raise
    history_id, note = _record(cleaning, path.name)
    return Saved(path, written, history_id, note)


def save_left_out(
    cleaning: Cleaning,
    path: str | Path,
    translate: Callable[[str], str] = str,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> int:
    """Save every row left out to a new CSV file (UTF-8 with a byte-order mark, for Excel):
    its row number, why (put in the window's language by `translate`), then its cells.
    Returns how many rows it holds."""
    source = cleaning.source
    target = cleaned_files.check_destination(path, source.path, (".csv",))
    partial = Partial(target)
    try:
        rows = _save_left_out(cleaning, partial, translate, progress, cancel)
        partial.commit()
    except BaseException:
        partial.abandon()
        raise
    return rows


def _save_left_out(
    cleaning: Cleaning,
    partial: Partial,
    translate: Callable[[str], str],
    progress: ProgressCallback | None,
    cancel: CancelFlag | None,
) -> int:
    source = cleaning.source
    blocks, raw = _blocks(source, None)
    if raw is None:
        _check_unchanged(cleaning)
    writer = cleaned_files.LeftOutWriter(
        partial,
        source.headers,
        source.first_data_row,
        lambda index: cleaning.describe_at(index, translate),
        translate,
    )
    try:
        _replay(cleaning, blocks, raw, writer, progress, cancel)
    except BaseException:
        _close_quietly([writer])
        raise
    return writer.rows


def _cleaned_writer(source: TableSource, partial: Partial, raw: RawRows | None) -> Writer:
    """The writer for the cleaned file's kind: a CSV file's rows copied byte for byte, else
    a workbook (.xlsx) or a sheet's rows as UTF-8 CSV."""
    suffix = partial.path.suffix.lower()
    if suffix == ".xlsx":
        sheet = source.sheet or source.path.stem
        return cleaned_files.XlsxWriter(partial, sheet, lambda: _header(source, raw))
    if raw is not None:
        return cleaned_files.CopyWriter(partial, raw)
    return cleaned_files.TableCsvWriter(partial, lambda: _header(source, raw))


def _replay(
    cleaning: Cleaning,
    blocks: Iterator[Block],
    raw: RawRows | None,
    writer: Writer,
    progress: ProgressCallback | None,
    cancel: CancelFlag | None,
) -> None:
    """Read the list again and hand each block to the writer with its rows' fates; then
    check that the file is the one that was read."""
    codes, total, done = cleaning.codes, len(cleaning.codes), 0
    for block in blocks:
        raise_if_cancelled(cancel)
        if block.first + block.size > total:
            raise _changed(cleaning)
        writer.take(block, codes[block.first : block.first + block.size].tobytes())
        done = block.first + block.size
        if progress is not None:
            progress(Progress("writing", done, total))
    writer.close()
    if done != total or (raw is not None and raw.sha256 != cleaning.checksum):
        raise _changed(cleaning)


def _check_unchanged(cleaning: Cleaning) -> None:
    try:
        unchanged = sha256_of(cleaning.source.path) == cleaning.checksum
    except OSError:
        unchanged = False
    if not unchanged:
        raise _changed(cleaning)


def _changed(cleaning: Cleaning) -> SourceError:
    return SourceError(
        t(
            "The file “{name}” changed since it was read; open it again. Nothing was saved.",
            name=cleaning.source.path.name,
        )
    )


def _close_quietly(writers: list[Writer]) -> None:
    for writer in writers:
        try:
            writer.close()
        except Exception:  # noqa: BLE001 - a failure is under way; its file is abandoned
            log.info("could not close a file being abandoned", exc_info=True)


def _record(cleaning: Cleaning, saved_as: str) -> tuple[int | None, str]:
    """Keep the cleaning in the history, after the file was saved, as every write is kept:
    (its number, ""), or (None, why not) when the list cannot be written to (read-only, a
    server login that may only read, a colleague's long write): the file stays saved."""
    counts = cleaning.counts
    source = cleaning.source
    by = {f"suppressed_{key}": count for key, count in counts.suppressed_by.items()}
    try:
        with plain_errors(), write_transaction():
            run = CleaningRun.create(
                user_name=user_name(),
                file_name=source.path.name,
                file_sha256=cleaning.checksum,
                column=cleaning.column,
                sheet=source.sheet,
                scope_id=cleaning.scope_id,
                saved_as=saved_as,
                rows=counts.rows,
                kept=counts.kept,
                suppressed=counts.suppressed,
                invalid=counts.invalid,
                blank=counts.blank,
                duplicates=counts.duplicates,
                **by,
            )
    except StoreError as error:
        log.info("could not record the cleaning of %s", source.path.name, exc_info=True)
        return None, t(
            "The cleaned list was saved, but this cleaning could not be kept in the history: "
            "{reason}",
            reason=str(error),
        )
    return int(run.id), ""
