"""Read one column of a file into distinct valid addresses, counting and explaining the rest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from .addresses import BLANK, triage
from .errors import Cancelled
from .sources import TableSource


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
    """A column read through: each distinct address with its first row, and the refused rows."""

    rows: int = 0
    blank: int = 0
    invalid: int = 0
    duplicates: int = 0
    first_rows: dict[str, int] = field(default_factory=dict)
    refused: list[RefusedRow] = field(default_factory=list)
    extras: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def valid(self) -> int:
        return len(self.first_rows)


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
) -> Scan:
    """Clean, validate and de-duplicate one column, streamed in chunks.

    With `extra` column indexes, the first row of each address keeps those cells too.
    """
    scan = Scan()
    first_rows = scan.first_rows
    refused = scan.refused
    for chunk in source.stream_column(index, extra):
        raise_if_cancelled(cancel)
        row_number = chunk.first_row
        for position, raw in enumerate(chunk.values):
            address, reason = triage(raw)
            if address is not None:
                first = first_rows.setdefault(address, row_number)
                if first != row_number:
                    scan.duplicates += 1
                    refused.append(
                        RefusedRow(row_number, raw, f"Repeats the address in row {first}.")
                    )
                elif chunk.extras is not None:
                    scan.extras[address] = chunk.extras[position]
            elif reason == BLANK:
                scan.blank += 1
                if raw.strip():
                    refused.append(RefusedRow(row_number, raw, "The cell holds no address."))
                else:
                    refused.append(RefusedRow(row_number, raw, "The cell is blank."))
            else:
                scan.invalid += 1
                refused.append(RefusedRow(row_number, raw, reason or "Not a valid address."))
            row_number += 1
        scan.rows += len(chunk.values)
        if progress is not None:
            estimate = int(scan.rows / chunk.fraction_done) if chunk.fraction_done else scan.rows
            progress(Progress("reading", scan.rows, max(estimate, scan.rows)))
    return scan
