"""Time the 1,048,576-row opt-out import, export and billable count against a sqlite3 reference."""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROWS = 1_048_576
HERE = Path(__file__).resolve().parent
FIRST = ["Jens", "Mette", "Søren", "Anne", "Lars", "Kirsten", "Niels", "Hanne", "Ørjan", "Åse"]
LAST = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Kristensen", "Larsen", "Sørensen"]
DOMAINS = ["firma.dk", "example.com", "post.tele.dk", "gmail.com", "hotmail.dk", "kunde.de"]


def generate(path: Path, rows: int, seed: int = 7) -> int:
    """A semicolon CSV like a Danish Excel export; returns how many distinct valid addresses."""
    rng = random.Random(seed)
    valid: set[str] = set()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Fornavn", "Efternavn", "E-mail", "By", "Oprettet"])
        for n in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            roll = rng.random()
            if roll < 0.01:
                email = ""
            elif roll < 0.02:
                email = f"{first} {last} (no address)"
            elif roll < 0.05 and n:
                email = f"{first.lower()}.{last.lower()}{n - 1}@{DOMAINS[(n - 1) % 6]}"
            else:
                email = f"{first}.{last}{n}@{DOMAINS[n % 6]}"
                if roll < 0.10:
                    email = f" {email.upper()} "
                elif roll < 0.12:
                    email = f"{first} {last} <{email}>"
            address = email.strip().lower()
            if "<" in address:
                address = address[address.index("<") + 1 : -1]
            if "@" in address:
                valid.add(address)
            writer.writerow([first, last, email, "Århus", "2025-08-28"])
    return len(valid)


def timed_child(command: list[str], **kwargs: object) -> tuple[float, int, str]:
    """Wall time, peak RSS in MB, and stdout of one child process."""
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, **kwargs) as child:  # type: ignore[call-overload]
        out = child.stdout.read() if child.stdout else ""
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    if child.returncode:
        raise SystemExit(f"{command[0]} failed with {child.returncode}")
    return elapsed, usage.ru_maxrss // 1024, out


def reference(csv_path: Path, work: Path) -> tuple[str, float]:
    """The sqlite3 tool importing the file and de-duplicating lower(trim(email))."""
    db = work / "reference.sqlite3"
    db.unlink(missing_ok=True)
    script = (
        ".mode csv\n.separator ;\n"
        f".import '{csv_path}' raw\n"
        "CREATE TABLE s(email TEXT UNIQUE);\n"
        'INSERT OR IGNORE INTO s SELECT lower(trim("E-mail")) FROM raw;\n'
    )
    if shutil.which("sqlite3"):
        started = time.perf_counter()
        subprocess.run(["sqlite3", str(db)], input=script, text=True, check=True)
        return "sqlite3 .import + INSERT OR IGNORE", time.perf_counter() - started
    started = time.perf_counter()
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE s(email TEXT UNIQUE)")
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter=";")
        next(rows)
        connection.executemany(
            "INSERT OR IGNORE INTO s VALUES (lower(trim(?)))", ((r[2],) for r in rows)
        )
    connection.commit()
    return "Python csv + executemany", time.perf_counter() - started


def optout(db: Path, *args: str) -> list[str]:
    script = Path(sys.executable).with_name("optout")
    base = [str(script)] if script.exists() else [sys.executable, "-m", "optout_desktop.cli"]
    return [*base, "--db", str(db), *args]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="time the import this many times, each against its own reference run (the"
        " machine's other work varies: report every ratio and the median)",
    )
    parser.add_argument(
        "--import-only", action="store_true", help="skip the dry run, export and contacts"
    )
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="optout-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    data = work / "optouts.csv"
    expected = generate(data, args.rows)
    size_mb = data.stat().st_size / 1e6
    print(f"file: {args.rows:,} rows, {size_mb:.0f} MB, {expected:,} distinct valid addresses")

    db = work / "bench.sqlite3"
    ratios, peaks = [], []
    for _ in range(max(args.runs, 1)):
        ref_name, ref_time = reference(data, work)
        db.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        ours, peak, out = timed_child(
            optout(db, "import-optouts", str(data), "--confirm", str(expected), "--json")
        )
        result = json.loads(out)
        assert result["new"] == expected, result
        print(f"reference ({ref_name}): {ref_time:.2f} s")
        print(
            f"optout import-optouts (read, clean, validate, dedupe, write, commit):"
            f" {ours:.2f} s, peak RSS {peak} MB"
        )
        print(f"ratio to reference: {ours / ref_time:.2f}x (target <= 1.5x, <= 250 MB)")
        ratios.append(ours / ref_time)
        peaks.append(peak)
    if len(ratios) > 1:
        shown = ", ".join(f"{ratio:.2f}" for ratio in ratios)
        print(
            f"ratios: {shown}; median {statistics.median(ratios):.2f}x,"
            f" max {max(ratios):.2f}x; peak RSS up to {max(peaks)} MB"
        )
    if args.import_only:
        if not args.keep:
            shutil.rmtree(work)
        return

    dry, dry_peak, _ = timed_child(optout(db, "import-optouts", str(data), "--dry-run", "--json"))
    print(f"dry run of the same file (all already suppressed): {dry:.2f} s, peak {dry_peak} MB")

    export = work / "suppressions.csv"
    exp_time, exp_peak, _ = timed_child(optout(db, "export-suppressions", str(export)))
    print(f"export {expected:,} suppressions to CSV: {exp_time:.2f} s, peak {exp_peak} MB")

    con_time, con_peak, _ = timed_child(optout(db, "import-contacts", str(data), "--json"))
    print(f"import {expected:,} contacts: {con_time:.2f} s, peak {con_peak} MB")
    print(f"billable count at {expected:,} contacts: {billable_ms(db):.2f} ms (target <= 10 ms)")
    if not args.keep:
        shutil.rmtree(work)


def billable_ms(db: Path, repeat: int = 50) -> float:
    sys.path.insert(0, str(HERE.parent))
    from optout_desktop.core.db import opening
    from optout_desktop.core.rules import eligibility

    opening.open_database(db)
    eligibility.billable_contacts()
    started = time.perf_counter()
    for _ in range(repeat):
        eligibility.billable_contacts()
    return (time.perf_counter() - started) / repeat * 1000


if __name__ == "__main__":
    main()
