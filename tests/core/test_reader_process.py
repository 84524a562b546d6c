"""Big CSV files are read and cleaned by a helper process: the results are exactly those of one."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from optout_desktop.core.errors import SourceError
from optout_desktop.core.reading import reader_process, scanning
from optout_desktop.core.reading.sources import open_source

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
    return scanning.scan_column(open_source(path), 1, whole_domains=True, second_core=True)


def test_the_helper_process_gives_the_same_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "big.csv", 120_000)
    monkeypatch.setenv("OPTOUT_SECOND_CORE", "0")
    alone = scan(path)
    monkeypatch.setenv("OPTOUT_SECOND_CORE", "1")
    monkeypatch.setattr(reader_process, "PARALLEL_BYTES", 1)
    started: list[int] = []
    real_produce = reader_process.chunks_with_verdicts

    def watched(*args: object, **kwargs: object) -> object:
        started.append(1)
        return real_produce(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scanning, "chunks_with_verdicts", watched)
    helped = scan(path)
    assert started
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


def test_the_helper_really_runs_in_another_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_process, "PARALLEL_BYTES", 1)
    source = open_source(write(tmp_path / "big.csv", 1_000))
    children: list[int] = []
    real = reader_process.multiprocessing.get_context

    def spy(method: str) -> object:
        context = real(method)
        original = context.Process

        def process(*args: object, **kwargs: object) -> object:
            made = original(*args, **kwargs)
            children.append(1)
            return made

        context.Process = process  # type: ignore[method-assign]
        return context

    monkeypatch.setattr(reader_process.multiprocessing, "get_context", spy)
    chunks = list(reader_process.chunks_with_verdicts(source, 1))
    assert children == [1]
    assert sum(found.rows for _, found in chunks) == 1_000


def test_a_refused_file_is_refused_through_the_helper_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_process, "PARALLEL_BYTES", 1)
    path = tmp_path / "quote.csv"
    path.write_text('email\njens@firma.dk\n"' + "x" * 1_100_000 + "\n", "utf-8")
    with pytest.raises(SourceError, match="quotation mark"):
        scan(path)


def test_a_helper_that_cannot_start_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "big.csv", 30_000)
    expected = scan(path)
    monkeypatch.setattr(reader_process, "PARALLEL_BYTES", 1)

    class NoProcesses:
        def Queue(self, maxsize: int) -> object:  # noqa: N802 - multiprocessing's name
            return object()

        def Process(self, *args: object, **kwargs: object) -> object:  # noqa: N802
            raise OSError("no processes here")

    monkeypatch.setattr(reader_process.multiprocessing, "get_context", lambda _m: NoProcesses())
    got = scan(path)
    assert got.addresses == expected.addresses and got.refused == expected.refused
