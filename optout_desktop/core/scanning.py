"""Read one column of a file into distinct valid addresses, counting and explaining the rest."""

from __future__ import annotations

import gc
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from .addresses import BLANK
from .domains import domain_key
from .errors import Cancelled
from .second_core import Verdicts, chunks_with_verdicts
from .sources import ColumnChunk, TableSource
from .texts import t


class CancelFlag(Protocol):
    """Anything with is_set(), such as threading.Event."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a long job has come: a phase ("reading", "writing"), done of total."""

    phase: str
    done: int
    total: int

    @property
    def fraction(self) -> float:
        return min(self.done / self.total, 1.0) if self.total else 0.0


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True, slots=True)
class RefusedRow:
    """A row left out of an import: spreadsheet row number, the cell as it was, why."""

    row_number: int
    raw_value: str
    reason: str


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
    seen: set[str] = field(default_factory=set, repr=False)

    @property
    def valid(self) -> int:
        return len(self.addresses)


def raise_if_cancelled(cancel: CancelFlag | None) -> None:
    """Stop the job, writing nothing, when the user asked to cancel."""
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def scan_column(
    source: TableSource,
    index: int,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    extra: tuple[int, ...] = (),
    on_new: Callable[[list[str]], None] | None = None,
    whole_domains: bool = False,
    second_core: bool = False,
) -> Scan:
    """Clean, validate and de-duplicate one column, streamed in chunks.

    With `extra` column indexes, the first row of each address keeps those cells too;
    `on_new` receives each chunk's new addresses as soon as the chunk is read. With
    `whole_domains`, a cell such as `@firma.dk` or `*.firma.dk` is an entry too. With
    `second_core`, a big CSV file is read and cleaned by a helper process (the command
    line's one-pass import: in the window, the helper's results arriving in the worker
    thread cost the event loop more than the helper saved).
    """
    scan = Scan()
    repeats: list[tuple[int, str, str]] = []
    collecting = gc.isenabled()
    gc.disable()  # a million short-lived tuples would wake the cycle collector for nothing

    def take(chunk: ColumnChunk, verdicts: Verdicts) -> None:
        known = len(scan.addresses)
        _scan_chunk(scan, chunk, verdicts, repeats, whole_domains)
        if on_new is not None:
            on_new(scan.addresses[known:])
        scan.rows += len(chunk.values)
        if progress is not None:
            done = chunk.fraction_done
            estimate = int(scan.rows / done) if done else scan.rows
            progress(Progress("reading", scan.rows, max(estimate, scan.rows)))

    try:
        # Big files: a helper process reads and cleans while this one de-duplicates.
        for chunk, verdicts in chunks_with_verdicts(source, index, extra, not second_core):
            raise_if_cancelled(cancel)
            take(chunk, verdicts)
    finally:
        if collecting:
            gc.enable()
    _explain_repeats(scan, repeats)
    return scan


def _scan_chunk(
    scan: Scan,
    chunk: ColumnChunk,
    verdicts: Verdicts,
    repeats: list[tuple[int, str, str]],
    whole_domains: bool,
) -> None:
    seen, remember = scan.seen, scan.seen.add
    add_address, add_row = scan.addresses.append, scan.first_rows.append
    refuse = scan.refused.append
    extras = chunk.extras
    row_number = chunk.first_row
    for raw, (address, reason) in zip(chunk.values, verdicts, strict=True):
        if address is None:  # a whole domain, a blank or an invalid cell; never the hot path
            address = domain_key(raw) if whole_domains and reason != BLANK else None
            if address is None:
                if reason == BLANK:
                    scan.blank += 1
                    refuse(RefusedRow(row_number, raw, _NO_ADDRESS if raw.strip() else _BLANK_CELL))
                else:
                    scan.invalid += 1
                    refuse(RefusedRow(row_number, raw, reason or t("Not a valid address.")))
                row_number += 1
                continue
            if address not in seen:
                scan.domains += 1
        if address in seen:
            repeats.append((row_number, raw, address))
        else:
            remember(address)
            add_address(address)
            add_row(row_number)
            if extras is not None:
                scan.extras[address] = extras[row_number - chunk.first_row]
        row_number += 1


_BLANK_CELL = t("The cell is blank.")
_NO_ADDRESS = t("The cell holds no address.")


def _explain_repeats(scan: Scan, repeats: list[tuple[int, str, str]]) -> None:
    """Refuse each repeated row, naming the row where its address first appeared."""
    scan.duplicates = len(repeats)
    if not repeats:
        return
    repeated = {address for _, _, address in repeats}
    first = {
        address: row
        for address, row in zip(scan.addresses, scan.first_rows, strict=True)
        if address in repeated
    }
    scan.refused.extend(
        # (a row number as Excel shows it, without a thousands separator)
        RefusedRow(row, raw, t("Repeats the address in row {row}.", row=str(first[address])))
        for row, raw, address in repeats
    )
    scan.refused.sort(key=lambda refused: refused.row_number)
