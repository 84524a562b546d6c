"""The faster scan (a helper process de-duplicating most of a big file, passing on text; the
first part done here while it starts) gives exactly what the plain row-by-row scan gives."""

from __future__ import annotations

import csv
from array import array
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from optout_desktop.core.errors import SourceError
from optout_desktop.core.reading import reader_process, scanning
from optout_desktop.core.reading.addresses import BLANK, triage
from optout_desktop.core.reading.domain_keys import domain_key
from optout_desktop.core.reading.scanning import RefusedRow
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.texts import t

CELLS = [
    "jens@firma.dk",
    " JENS@FIRMA.DK ",
    "Søren <søren@blåbær.dk>",
    "",
    "   ",
    "not an address",
    "mailto:a@b.dk",
    "a@xn--blbr-roah.dk",
    "@competitor.dk",
    "*.Rival.DK",
    "@*.other.dk",
    "x@y.test",
    "'q@firma.dk'",
    "łukasz@przykład.pl",  # beyond Latin-1
    "Ωmega@example.com",
    "two\nlines@firma.dk",  # a quoted cell with a line break
    "jens@firma.dk; anne@firma.dk",
    "a@b@c.dk",
]


def write(path: Path, rows: int, cells: list[str] = CELLS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Navn", "E-mail", "By"])
        for n in range(rows):
            cell = cells[n % len(cells)]
            if n % 3:
                cell = cell.replace("@", f"{n % 997}@", 1)
            writer.writerow([f"Person {n % 50}", cell, f"By {n % 7}"])
    return path


def plain_scan(path: Path, whole_domains: bool, extra: tuple[int, ...] = ()) -> scanning.Scan:
    """The scan as it was written first: one cell at a time, every cell triaged here."""
    source = open_source(path)
    scan = scanning.Scan()
    repeats: list[tuple[int, str, str]] = []
    for chunk in source.stream_column(1, extra):
        row_number = chunk.first_row
        for position, raw in enumerate(chunk.values):
            address, reason = triage(raw)
            if address is None:
                address = domain_key(raw) if whole_domains and reason != BLANK else None
                if address is None:
                    if reason == BLANK:
                        scan.blank += 1
                        why = t("The cell holds no address.") if raw.strip() else None
                        why = why or t("The cell is blank.")
                    else:
                        scan.invalid += 1
                        why = reason or t("Not a valid address.")
                    scan.refused.append(RefusedRow(row_number, raw, why))
                    row_number += 1
                    continue
                if address not in scan.seen:
                    scan.domains += 1
            if address in scan.seen:
                repeats.append((row_number, raw, address))
            else:
                scan.seen.add(address)
                scan.addresses.append(address)
                scan.first_rows.append(row_number)
                if chunk.extras is not None:
                    scan.extras[address] = chunk.extras[position]
            row_number += 1
        scan.rows += len(chunk.values)
    scan.duplicates = len(repeats)
    first = dict(zip(scan.addresses, scan.first_rows, strict=True))
    scan.refused.extend(
        RefusedRow(
            row,
            raw,
            t("Repeats the address in row {row}.", row=str(first[address])),
            first[address],
        )
        for row, raw, address in repeats
    )
    scan.refused.sort(key=lambda refused: refused.row_number)
    return scan


def same(got: scanning.Scan, expected: scanning.Scan) -> None:
    assert got.addresses == expected.addresses
    assert list(got.first_rows) == list(expected.first_rows)
    assert got.refused == expected.refused
    assert got.extras == expected.extras
    assert got.seen == expected.seen
    assert (got.rows, got.blank, got.invalid, got.duplicates, got.domains) == (
        expected.rows,
        expected.blank,
        expected.invalid,
        expected.duplicates,
        expected.domains,
    )


@pytest.mark.parametrize("whole_domains", [True, False])
def test_the_scan_is_the_plain_scan(tmp_path: Path, whole_domains: bool) -> None:
    path = write(tmp_path / "cells.csv", 5_000)
    got = scanning.scan_column(open_source(path), 1, whole_domains=whole_domains)
    same(got, plain_scan(path, whole_domains))


def test_extra_columns_follow_the_first_row_of_each_address(tmp_path: Path) -> None:
    path = write(tmp_path / "cells.csv", 3_000)
    got = scanning.scan_column(open_source(path), 1, extra=(0, 2))
    same(got, plain_scan(path, False, (0, 2)))


@pytest.mark.parametrize(
    ("here_first", "not_ready", "chunk_rows"),
    [(0, 0, 7_000), (1, 0, 7_000), (3, 0, 7_000), (1, 2, 7_000), (1_000, 0, 7_000), (0, 18, 2_000)],
)
def test_the_helper_takes_over_after_any_number_of_chunks(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    here_first: int,
    not_ready: int,
    chunk_rows: int,
) -> None:
    """However many chunks were done here first, or while the helper was starting (all of
    them, too; or so many that the helper had to stop cleaning ahead and wait)."""
    path = write(tmp_path / "cells.csv", 40_000)
    monkeypatch.setattr(reader_process, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(reader_process, "HELPER_CHUNK_ROWS", chunk_rows)  # (the helper's too)
    monkeypatch.setattr(reader_process, "_chunks_here", lambda source: here_first)
    asked: list[int] = []

    def ready(results: Any) -> bool:
        asked.append(1)
        if len(asked) <= not_ready:
            return False
        said = results.get(timeout=60)  # (waits for the helper, as a slow start would)
        if isinstance(said, BaseException):
            raise said
        return True

    monkeypatch.setattr(reader_process, "_ready", ready)
    got = scanning.scan_column(open_source(path), 1, whole_domains=True, second_core=True)
    same(got, plain_scan(path, True))


def test_a_share_of_a_big_file_is_done_here_first() -> None:
    source = SimpleNamespace(preview=[["Jens", "jens@firma.dk", "By"]] * 3, delimiter=";")
    source.size = 1_000_000 * 22
    expected = round(reader_process.HERE_SHARE * 1_000_000 / reader_process.HELPER_CHUNK_ROWS)
    assert reader_process._chunks_here(source) == expected  # type: ignore[arg-type]
    source.size = 100
    assert reader_process._chunks_here(source) == 1  # type: ignore[arg-type]


def test_the_helper_passes_extra_columns_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "cells.csv", 20_000)
    monkeypatch.setattr(reader_process, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(reader_process, "_ready", lambda results: results.get(timeout=60) or True)
    got = scanning.scan_column(open_source(path), 1, extra=(0, 2), second_core=True)
    same(got, plain_scan(path, False, (0, 2)))


def test_a_late_error_in_the_helper_is_a_plain_source_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "cells.csv", 30_000, ["jens@firma.dk"])
    with path.open("a", encoding="utf-8") as handle:
        handle.write('x;"' + "y" * 1_100_000 + "\n")
    monkeypatch.setattr(reader_process, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(reader_process, "_ready", lambda results: results.get(timeout=60) or True)
    with pytest.raises(SourceError, match="quotation mark"):
        scanning.scan_column(open_source(path), 1, second_core=True)


@pytest.mark.parametrize(
    "texts",
    [
        [],
        [""],
        ["", ""],
        ["a@b.dk", "", "søren@blåbær.dk"],
        ["łukasz@przykład.pl", "x"],
        ["two\nlines", "x"],
        ["carriage\rreturn", "x\r\n"],
        ["\n"],
    ],
)
def test_lines_pass_on_unchanged(texts: list[str]) -> None:
    assert reader_process._unlines(reader_process._lines(texts)) == texts


@pytest.mark.parametrize("passed", [False, True])
def test_writer_batches_are_equal_copies(passed: bool) -> None:
    entries = ["søren@blåbær.dk", "a@b.dk", "łukasz@przykład.pl"]
    found = reader_process.Found(3, entries, array("q", [2, 3, 4]), [], [], {})
    if passed:  # as the helper sends them
        found.lines = reader_process._lines(entries)
        found.entries = reader_process._unlines(found.lines)
    copies = found.fresh_entries()
    assert copies == entries
    assert all(copy is not entry for copy, entry in zip(copies, found.entries, strict=True))
    assert reader_process.Found(0, [], array("q"), [], [], {}).fresh_entries() == []
