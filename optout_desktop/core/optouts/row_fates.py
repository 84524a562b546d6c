"""Each row's fate in a mailing list being cleaned: kept, or left out and why; counts and words."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress
from typing import Any

from optout_desktop.core.optouts.matching import REASONS
from optout_desktop.core.reading import reader_process
from optout_desktop.core.reading.addresses import BLANK as BLANK_VERDICT
from optout_desktop.core.reading.reader_process import Found, Lines
from optout_desktop.core.reading.sources import TableSource
from optout_desktop.core.rules.business_units import scope_name
from optout_desktop.core.rules.eligibility import REASON_TEXT as OPT_OUT_REASONS
from optout_desktop.core.texts import t

# A row's fate: it may be emailed, or is left out as suppressed, invalid, blank or repeated.
KEPT, SUPPRESSED, INVALID, BLANK, REPEAT = "kept", "suppressed", "invalid", "blank", "repeat"
# ...kept as a byte a row: 0 kept, 1 + the rank (in REASONS) of why it is suppressed, then:
_INVALID, _BLANK, _REPEAT = len(REASONS) + 1, len(REASONS) + 2, len(REASONS) + 3
REASON_TEXT = {
    "unsubscribed": OPT_OUT_REASONS["unsubscribed"],
    "spam": OPT_OUT_REASONS["spam"],
    "bounced": OPT_OUT_REASONS["bounced"],
    "account": t("opted out for the whole account"),
    "business_unit": t("opted out for this business unit"),
    "domain": t("the whole domain is opted out"),
}


@dataclass
class CleaningCounts:
    """Every row of the list, once: kept + suppressed + invalid + blank + duplicates == rows."""

    rows: int = 0
    kept: int = 0  # may be emailed
    suppressed: int = 0
    invalid: int = 0
    blank: int = 0
    duplicates: int = 0  # repeat an address of an earlier row (kept once, at its first row)
    suppressed_by: dict[str, int] = field(default_factory=dict)  # by REASONS key

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "kept": self.kept,
            "suppressed": self.suppressed,
            "invalid": self.invalid,
            "blank": self.blank,
            "duplicates": self.duplicates,
            "suppressed_by": dict(self.suppressed_by),
        }


@dataclass(frozen=True, slots=True)
class Fate:
    """What happens to one row: kept (may be emailed), or left out and why."""

    row: int  # its row number, as a spreadsheet shows it
    kind: str  # KEPT, SUPPRESSED, INVALID, BLANK or REPEAT
    reason: str | None = None  # SUPPRESSED: a key of REASONS; INVALID: why, in words
    first_row: int | None = None  # REPEAT: the row whose address it repeats

    @property
    def left_out(self) -> bool:
        return self.kind != KEPT


def fate_text(fate: Fate, translate: Callable[[str], str] = str) -> str:
    """A row's fate in words (English; `translate` puts them in the window's language)."""
    if fate.kind == KEPT:
        text = t("May be emailed.")
    elif fate.kind == SUPPRESSED:
        why = REASON_TEXT.get(fate.reason or "", fate.reason or "")
        text = t("Suppressed: {why}.", why=why)
    elif fate.kind == INVALID:
        text = t("Invalid: {why}", why=fate.reason or t("Not a valid address."))
    elif fate.kind == BLANK:
        text = t("The cell is blank.")
    else:
        text = t("Repeats the address in row {row}.", row=str(fate.first_row))
    return translate(text)


@dataclass
class Cleaning:
    """A mailing list read through: every row's fate, the counts, and what was read how.

    Rows are counted from 0 (`index`: the first data row is 0, as in a preview table) or
    by their row number as a spreadsheet shows them (`fate(row)`).
    """

    source: TableSource
    column: str
    index: int
    scope_id: int
    checksum: str
    counts: CleaningCounts
    codes: array[int] = field(repr=False)
    invalid_reasons: dict[int, str] = field(repr=False)
    repeats: dict[int, int] = field(repr=False)  # a repeated row's index: the row it repeats
    # A cleaned copy written while it was read (prepared_copies), its path and rows: saving
    # it as CSV then only moves it into place. In the process that read it; "" for none.
    prepared: str = field(default="", repr=False)
    prepared_rows: int = field(default=0, repr=False)

    @property
    def business_unit(self) -> str:
        return scope_name(self.scope_id)

    def fate_at(self, index: int) -> Fate:
        """The fate of the data row at `index` (0 is the first row below the header)."""
        code = self.codes[index]
        row = self.source.first_data_row + index
        if code == 0:
            return Fate(row, KEPT)
        if code <= len(REASONS):
            return Fate(row, SUPPRESSED, REASONS[code - 1])
        if code == _INVALID:
            return Fate(row, INVALID, self.invalid_reasons.get(index))
        if code == _BLANK:
            return Fate(row, BLANK)
        return Fate(row, REPEAT, first_row=self.repeats.get(index))

    def fate(self, row: int) -> Fate:
        """The fate of a row by its row number (as a spreadsheet shows it)."""
        index = row - self.source.first_data_row
        if not 0 <= index < len(self.codes):
            raise IndexError(row)
        return self.fate_at(index)

    def left_out(self) -> array[int]:
        """The indexes of the rows left out, in order (for a "left-out rows only" view)."""
        return array("q", compress(range(len(self.codes)), self.codes))

    def describe_at(self, index: int, translate: Callable[[str], str] = str) -> str:
        return fate_text(self.fate_at(index), translate)

    def left_out_at(self, index: int) -> bool:
        """True when the data row at `index` is left out of the cleaned list."""
        return bool(self.codes[index])


class RowFates:
    """Every row's fate, decided block by block as the file is read."""

    def __init__(self, source: TableSource) -> None:
        self.first_row = source.first_data_row
        self.codes = array("B")
        self.invalid: dict[int, str] = {}
        self.repeated: list[tuple[int, str]] = []  # (index, address) of repeated rows
        self.firsts: dict[str, int] = {}  # the first rows of repeated addresses, when known
        # Each block's new addresses (a line each when they came from a helper process: a
        # million strings would take three times the memory) and their rows.
        self.entries: list[tuple[Lines, array[int]]] = []

    def take(self, found: Found) -> None:
        codes, first = self.codes, self.first_row
        codes.frombytes(bytes(found.rows))
        for row, _raw, reason in found.refused:
            if reason == BLANK_VERDICT:
                codes[row - first] = _BLANK
            else:
                codes[row - first] = _INVALID
                self.invalid[row - first] = reason or t("Not a valid address.")
        for row, _raw, address in found.repeats:
            codes[row - first] = _REPEAT
            self.repeated.append((row - first, address))
        self.firsts.update(found.firsts)
        lines = found.lines if isinstance(found.lines, bytes | str) else found.entries
        self.entries.append((lines, found.first_rows))

    def suppress(self, found: Found, ranks: dict[int, int]) -> None:
        codes, first, rows = self.codes, self.first_row, found.first_rows
        for position, rank in ranks.items():
            codes[rows[position] - first] = 1 + rank

    def repeats(self) -> dict[int, int]:
        """Each repeated row's index, with the row number where its address came first."""
        firsts = self.firsts
        missing = {address for _, address in self.repeated}.difference(firsts)
        for lines, rows in self.entries if missing else ():  # (picked out in C)
            addresses = reader_process._unlines(lines)
            wanted = map(missing.__contains__, addresses)
            firsts.update(compress(zip(addresses, rows, strict=True), wanted))
        return {index: firsts[address] for index, address in self.repeated}

    def counts(self) -> CleaningCounts:
        codes = self.codes.tobytes()
        by = {key: codes.count(1 + rank) for rank, key in enumerate(REASONS)}
        return CleaningCounts(
            rows=len(codes),
            kept=codes.count(0),
            suppressed=sum(by.values()),
            invalid=codes.count(_INVALID),
            blank=codes.count(_BLANK),
            duplicates=codes.count(_REPEAT),
            suppressed_by=by,
        )
