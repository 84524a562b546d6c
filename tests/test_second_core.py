"""Big files are cleaned in a helper process: the results are exactly those of one process."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from optout_desktop.core import scanning, second_core
from optout_desktop.core.sources import open_source

CELLS = [
    "jens@firma.dk",
    " JENS@FIRMA.DK ",
    "Søren <søren@blåbær.dk>",
    "",
    "not an address",
    "mailto:a@b.dk",
    "a@xn--blbr-roah.dk",
    "@competitor.dk",
    "x@y.test",
    "'q@firma.dk'",
]


def write(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Navn", "E-mail"])
        for n in range(rows):
            cell = CELLS[n % len(CELLS)]
            writer.writerow([f"Person {n}", cell.replace("@", f"{n % 997}@", 1) if n % 3 else cell])
    return path


def scan(path: Path) -> scanning.Scan:
    return scanning.scan_column(open_source(path), 1, whole_domains=True)


def test_the_helper_process_gives_the_same_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "big.csv", 120_000)
    monkeypatch.setenv("OPTOUT_SECOND_CORE", "0")
    alone = scan(path)
    monkeypatch.setenv("OPTOUT_SECOND_CORE", "1")
    monkeypatch.setattr(second_core, "PARALLEL_BYTES", 1)
    started: list[object] = []
    real_pool = second_core.ProcessPoolExecutor

    def counting_pool(*args: object, **kwargs: object) -> object:
        pool = real_pool(*args, **kwargs)  # type: ignore[arg-type]
        started.append(pool)
        return pool

    monkeypatch.setattr(second_core, "ProcessPoolExecutor", counting_pool)
    helped = scan(path)
    assert started, "no helper process was used"
    assert helped.addresses == alone.addresses
    assert list(helped.first_rows) == list(alone.first_rows)
    assert helped.refused == alone.refused
    assert (helped.rows, helped.blank, helped.invalid, helped.duplicates, helped.domains) == (
        alone.rows,
        alone.blank,
        alone.invalid,
        alone.duplicates,
        alone.domains,
    )


def test_a_helper_that_cannot_start_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "big.csv", 60_000)
    expected = scan(path)
    monkeypatch.setattr(second_core, "PARALLEL_BYTES", 1)

    class BrokenPool:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def submit(self, *args: object) -> object:
            raise OSError("no processes here")

        def shutdown(self, *args: object, **kwargs: object) -> None:
            pass

    monkeypatch.setattr(second_core, "ProcessPoolExecutor", BrokenPool)
    got = scan(path)
    assert got.addresses == expected.addresses and got.refused == expected.refused
