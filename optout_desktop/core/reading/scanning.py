"""Read one column of a file into distinct valid addresses, counting and explaining the rest."""

from __future__ import annotations

import gc
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import compress

from optout_desktop.core.progress import CancelFlag, Progress, ProgressCallback, raise_if_cancelled
from optout_desktop.core.reading.addresses import BLANK
from optout_desktop.core.reading.reader_process import Found, chunks_with_verdicts
from optout_desktop.core.reading.sources import TableSource
from optout_desktop.core.texts import t


@dataclass(frozen=True, slots=True)
class RefusedRow:
    """A row left out of an import: spreadsheet row number, the cell as it was, why."""

    row_number: int
    raw_value: str
    reason: str
    repeats_row: int | None = None  # a repeated address: the row where it came first


@dataclass
class Scan:
    """A column read through: its distinct addresses in file order, and the refused rows."""

    rows: int = 0
    blank: int = 0
    invalid: int = 0
    duplicates: int = 0
    domains: int = 0  # whole-domain entries (@firma.dk, *.firma.dk) among the addresses
    addresses: list[str] = field(default_factory=list)
    first_rows: array[int] = field(default_factory=lambda: array("q"))
    refused: list[RefusedRow] = field(default_factory=list)
    extras: dict[str, tuple[str, ...]] = field(default_factory=dict)
    kept: set[str] | None = field(default=None, repr=False)  # the addresses, as a set

    @property
    def valid(self) -> int:
        return len(self.addresses)

    @property
    def seen(self) -> set[str]:
        """The addresses as a set (made when first asked for, if the scan kept none: when a
        helper process de-duplicated, the set is in that process)."""
        if self.kept is None or len(self.kept) != len(self.addresses):
            self.kept = set(self.addresses)
        return self.kept


def scan_column(
    source: TableSource,
    index: int,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    extra: tuple[int, ...] = (),
    on_new: Callable[[list[str], list[tuple[str, ...]] | None], None] | None = None,
    whole_domains: bool = False,
    second_core: bool = False,
    hashed: bool = False,
) -> Scan:
    """Clean, validate and de-duplicate one column, streamed in chunks.

    With `extra` column indexes, the first row of each address keeps those cells too;
    `on_new` receives each chunk's new addresses (and their extra cells, with `extra`) as
    soon as the chunk is read. With `hashed`, the cells are a hashed list's digests (entries
    `sha256:<hex>`, `md5:<hex>`), not addresses. With
    `whole_domains`, a cell such as `@firma.dk` or `*.firma.dk` is an entry too. With
    `second_core`, most of a big CSV file is read, cleaned and de-duplicated by a helper
    process (the command line's one-pass import: in the window, the helper's results
    arriving in the worker thread cost the event loop more than the helper saved).
    """
    scan = Scan(kept=set())
    repeats: list[tuple[int, str, str]] = []
    firsts: dict[str, int] = {}  # the first row of repeated addresses, as far as known
    collecting = gc.isenabled()
    gc.disable()  # a million short-lived tuples would wake the cycle collector for nothing
    try:
        # Big files: a helper process reads, cleans and de-duplicates most of the chunks.
        for done, found in chunks_with_verdicts(
            source, index, extra, not second_core, whole_domains, scan.kept, hashed
        ):
            raise_if_cancelled(cancel)
            _take(scan, found, repeats, firsts)
            if on_new is not None:
                on_new(found.fresh_entries(), found.extras)
            if progress is not None:
                estimate = int(scan.rows / done) if done else scan.rows
                progress(Progress("reading", scan.rows, max(estimate, scan.rows)))
    finally:
        if collecting:
            gc.enable()
    _explain_repeats(scan, repeats, firsts)
    return scan


def _take(
    scan: Scan, found: Found, repeats: list[tuple[int, str, str]], firsts: dict[str, int]
) -> None:
    scan.rows += found.rows
    scan.blank += found.blank
    scan.invalid += found.invalid
    scan.domains += found.domains
    scan.addresses.extend(found.entries)
    scan.first_rows.extend(found.first_rows)
    scan.refused.extend(_refused_rows(found.refused))
    repeats.extend(found.repeats)
    firsts.update(found.firsts)
    if found.extras is not None:
        scan.extras.update(zip(found.entries, found.extras, strict=True))


_BLANK_CELL = t("The cell is blank.")
_NO_ADDRESS = t("The cell holds no address.")


def _explain_repeats(
    scan: Scan, repeats: list[tuple[int, str, str]], first: dict[str, int]
) -> None:
    """Refuse each repeated row, naming the row where its address first appeared (`first`
    holds those already found)."""
    scan.duplicates = len(repeats)
    if not repeats:
        return
    missing = {address for _, _, address in repeats}.difference(first)
    if missing:  # (picked out in C: a pass over every address)
        wanted = map(missing.__contains__, scan.addresses)
        first.update(compress(zip(scan.addresses, scan.first_rows, strict=True), wanted))
    scan.refused.extend(
        # (a row number as Excel shows it, without a thousands separator)
        RefusedRow(
            row,
            raw,
            t("Repeats the address in row {row}.", row=str(first[address])),
            first[address],
        )
        for row, raw, address in repeats
    )
    scan.refused.sort(key=lambda refused: refused.row_number)


def _refused_rows(refused: list[tuple[int, str, str | None]]) -> Iterator[RefusedRow]:
    """The refused rows, their reasons in words (from BLANK or why a cell is not an
    address)."""
    for row, raw, reason in refused:
        if reason == BLANK:
            yield RefusedRow(row, raw, _NO_ADDRESS if raw.strip() else _BLANK_CELL)
        else:
            yield RefusedRow(row, raw, reason or t("Not a valid address."))
