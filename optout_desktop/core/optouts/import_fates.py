"""Each row's fate in an opt-out import (new, already suppressed, invalid, blank, repeated)."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress

from optout_desktop.core.reading.scanning import Scan
from optout_desktop.core.texts import t

# A row's fate, a byte a row: it adds a new opt-out, or its address is suppressed already,
# or it is left out (invalid, blank, or the repeat of an earlier row's address).
NEW, ALREADY, INVALID, BLANK, REPEAT = range(5)
_BLANK_TEXTS = frozenset({t("The cell is blank."), t("The cell holds no address.")})


@dataclass
class ImportFates:
    """What an import does with each data row, for the preview: small enough to send from the
    helper process whole (a byte a row, and the refused rows' reasons), worded only for the
    rows on screen."""

    first_row: int  # the row number (as a spreadsheet shows it) of the first data row
    codes: bytes  # NEW, ALREADY, INVALID, BLANK or REPEAT, a byte per data row
    refused_rows: array[int]  # the row numbers of the refused rows, in order
    refused_values: array[int]  # each one's: for a repeat, the row it repeats; else a reason
    reasons: list[str]  # the refused rows' distinct reasons (English, as t() gave them)
    imported: bool = False  # the import is done: a new row's address is suppressed now

    def counts(self) -> dict[int, int]:
        """How many rows have each fate."""
        return {fate: self.codes.count(fate) for fate in (NEW, ALREADY, INVALID, BLANK, REPEAT)}

    def left_out_at(self, index: int) -> bool:
        """True when the data row at `index` is left out of the import (invalid, blank, a
        repeat); a row whose address is suppressed already is in it (and counted)."""
        return self.codes[index] >= INVALID

    def describe_at(self, index: int, translate: Callable[[str], str] = str) -> str:
        """The fate of the data row at `index` (0: the first below the header), in words."""
        code = self.codes[index]
        if code == NEW:
            if self.imported:
                return translate(t("Suppressed by this import."))
            return translate(t("New: not suppressed yet."))
        if code == ALREADY:
            return translate(t("Already suppressed."))
        value = self._refused_value(self.first_row + index)
        if code == REPEAT:
            return translate(t("Repeats the address in row {row}.", row=str(value)))
        why = translate(self.reasons[value]) if 0 <= value < len(self.reasons) else ""
        return why if code == BLANK else translate(t("Invalid: {why}", why=why))

    def _refused_value(self, row: int) -> int:
        rows = self.refused_rows
        low, high = 0, len(rows)
        while low < high:  # (bisect on an array)
            middle = (low + high) // 2
            if rows[middle] < row:
                low = middle + 1
            else:
                high = middle
        return self.refused_values[low] if low < len(rows) and rows[low] == row else -1


def import_fates(
    scan: Scan, first_row: int, entries: Sequence[str], already: set[str]
) -> ImportFates:
    """The fates of a scanned column's rows: `entries` are the scan's addresses as staged (in
    the same order), `already` those of them suppressed already in the import's scope."""
    codes = bytearray([REPEAT]) * scan.rows
    for row in scan.first_rows:
        codes[row - first_row] = NEW
    if already:
        for row in compress(scan.first_rows, map(already.__contains__, entries)):
            codes[row - first_row] = ALREADY
    refused_rows, refused_values = array("q"), array("q")
    reasons: dict[str, int] = {}
    for refused in scan.refused:
        refused_rows.append(refused.row_number)
        if refused.repeats_row is not None:
            refused_values.append(refused.repeats_row)
            continue
        codes[refused.row_number - first_row] = BLANK if refused.reason in _BLANK_TEXTS else INVALID
        refused_values.append(reasons.setdefault(refused.reason, len(reasons)))
    return ImportFates(first_row, bytes(codes), refused_rows, refused_values, list(reasons))
