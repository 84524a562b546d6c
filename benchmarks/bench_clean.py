"""Time `optout scrub` on a 1,048,576-row list against 1,000,000 suppressions, beside the sqlite3
command-line tool doing the same match in the same run (median of 3), and its peak memory.

Run: python benchmarks/bench_clean.py [--rows N] [--suppressions N] [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_import import ROWS, generate, optout, timed_child  # noqa: E402

SUPPRESSIONS = 1_000_000
EMAIL = "E-mail"  # the generated file's email column


def suppression_file(list_path: Path, path: Path, total: int) -> int:
    """Opt-outs for every third address of the list, and other addresses up to `total`."""
    chosen: dict[str, None] = {}
    with list_path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter=";")
        column = next(rows).index(EMAIL)
        for number, row in enumerate(rows):
            cell = row[column].strip().lower()
            if "<" in cell:
                cell = cell[cell.index("<") + 1 : cell.index(">")]
            if "@" in cell and number % 3 == 0:
                chosen[cell] = None
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("email\n")
        handle.writelines(f"{address}\n" for address in chosen)
        handle.writelines(f"other{n}@elsewhere{n % 97}.dk\n" for n in range(total - len(chosen)))
    return total


def reference(db: Path, list_path: Path, out: Path) -> tuple[str, float]:
    """The sqlite3 tool: .import the list, then write out the rows whose cleaned address is
    not in the list with one SELECT ... NOT IN (it reads the list's file, not a copy)."""
    out.unlink(missing_ok=True)
    script = (
        ".mode csv\n.separator ;\n"
        f".import --schema temp '{list_path}' raw\n"
        f".headers on\n.output '{out}'\n"
        f'SELECT * FROM temp.raw WHERE lower(trim("{EMAIL}"))'
        " NOT IN (SELECT email FROM suppression);\n"
    )
    started = time.perf_counter()
    subprocess.run(["sqlite3", "-readonly", str(db)], input=script, text=True, check=True)
    return "sqlite3 .import + SELECT ... NOT IN + .output", time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--suppressions", type=int, default=SUPPRESSIONS)
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (median)")
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    args = parser.parse_args()
    if not shutil.which("sqlite3"):
        raise SystemExit("the sqlite3 command-line tool is needed for the reference")
    work = args.keep or Path(tempfile.mkdtemp(prefix="optout-bench-clean-"))
    work.mkdir(parents=True, exist_ok=True)
    data, optouts = work / "mailing-list.csv", work / "suppressions.csv"
    generate(data, args.rows)
    count = suppression_file(data, optouts, args.suppressions)
    db = work / "bench.sqlite3"
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    timed_child(optout(db, "import-optouts", str(optouts), "--confirm", str(count), "--json"))
    size_mb = data.stat().st_size / 1e6
    print(f"list: {args.rows:,} rows, {size_mb:.0f} MB; suppression list: {count:,} addresses")
    print(f"(the suppression list was imported in {time.perf_counter() - started:.1f} s)")

    ours, refs, peaks = [], [], []
    for run in range(max(args.runs, 1)):
        ref_name, ref_time = reference(db, data, work / "reference-out.csv")
        out = work / "cleaned.csv"
        out.unlink(missing_ok=True)
        elapsed, peak, printed = timed_child(
            optout(db, "scrub", str(data), "--out", str(out), "--json")
        )
        result = json.loads(printed)
        counted = ("kept", "suppressed", "invalid", "blank", "duplicates")
        assert sum(result[key] for key in counted) == result["rows"] == args.rows, result
        with out.open("rb") as handle:
            assert sum(1 for _ in handle) == result["kept"] + 1  # (no quoted line breaks)
        print(
            f"run {run + 1}: reference ({ref_name}) {ref_time:.2f} s; optout scrub {elapsed:.2f} s"
            f" (ratio {elapsed / ref_time:.2f}x), peak RSS {peak} MB;"
            f" kept {result['kept']:,}, suppressed {result['suppressed']:,}"
        )
        ours.append(elapsed)
        refs.append(ref_time)
        peaks.append(peak)
    ours_median, ref_median = statistics.median(ours), statistics.median(refs)
    print(
        f"median: optout scrub {ours_median:.2f} s, reference {ref_median:.2f} s:"
        f" {ours_median / ref_median:.2f}x (target <= 1.5x); peak RSS up to {max(peaks)} MB"
        " (target <= 250 MB)"
    )
    window = window_child(db, data, work / "window.csv")
    elapsed, peak, _ = timed_child(window)
    print(f"the window's way (count, then save): {elapsed:.2f} s, peak RSS {peak} MB")
    if not args.keep:
        shutil.rmtree(work)


def window_child(db: Path, data: Path, out: Path) -> list[str]:
    """A process that counts the list, then saves the cleaned file, as the window does."""
    out.unlink(missing_ok=True)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from optout_desktop.core.db import opening\n"
        "from optout_desktop.core.optouts import cleaning\n"
        "from optout_desktop.core.reading.sources import open_source\n"
        "opening.open_database(sys.argv[2])\n"
        "done = cleaning.count_cleaning(open_source(sys.argv[3]), 'E-mail')\n"
        "cleaning.save_cleaned(done, sys.argv[4])\n"
    )
    return [sys.executable, "-c", code, str(HERE.parent), str(db), str(data), str(out)]


if __name__ == "__main__":
    main()
