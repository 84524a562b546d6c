"""Time the 1,048,576-row opt-out import into PostgreSQL (a throw-away server on loopback)
against PostgreSQL's own COPY of the same file into a staging table plus one
INSERT … ON CONFLICT DO NOTHING, with the SQLite import of the same file beside it.

Run: python benchmarks/bench_postgres.py [--rows N] [--repeat K]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_import import ROWS, generate, optout, timed_child  # noqa: E402
from tests import postgres_server  # noqa: E402


def reference(server: postgres_server.PostgresServer, csv_path: Path) -> float:
    """psql: COPY the file into a staging table, then one set-based insert of the addresses."""
    name = server.fresh_database("ref").rsplit("/", 1)[-1]
    script = (
        'CREATE TABLE raw (first text, last text, "E-mail" text, city text, made text);\n'
        'CREATE TABLE s (email text COLLATE "C" UNIQUE);\n'
        f"\\copy raw FROM '{csv_path}' WITH (FORMAT csv, DELIMITER ';', HEADER true)\n"
        'INSERT INTO s SELECT lower(trim("E-mail")) FROM raw ON CONFLICT DO NOTHING;\n'
    )
    script_path = csv_path.with_name("reference.sql")
    script_path.write_text(script, encoding="utf-8")
    command = [str(server.bindir / "psql"), "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1"]
    command += ["-h", "127.0.0.1", "-p", str(server.port), "-U", "postgres", "-d", name]
    started = time.perf_counter()
    timed_child([*command, "-f", str(script_path)])
    elapsed = time.perf_counter() - started
    server.drop_database(name)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    reason = postgres_server.skip_reason()
    if reason:
        raise SystemExit(f"no PostgreSQL here: {reason}")
    work = Path(tempfile.mkdtemp(prefix="optout-bench-pg-"))
    csv_path = work / "optouts.csv"
    valid = generate(csv_path, args.rows)
    server = postgres_server.start_server(fast=False)  # fsync on: a real server's cost
    results: dict[str, list[float]] = {"reference": [], "postgresql": [], "sqlite": []}
    try:
        for _ in range(args.repeat):
            results["reference"].append(reference(server, csv_path))
            url = server.fresh_database("bench")
            seconds, rss, _ = timed_child(
                optout(url, "import-optouts", str(csv_path), "--confirm", str(valid), "--json")
            )
            results["postgresql"].append(seconds)
            server.drop_database(url)
            sqlite_db = work / "bench.sqlite3"
            for leftover in work.glob("bench.sqlite3*"):
                leftover.unlink()
            seconds, _, _ = timed_child(
                optout(sqlite_db, "import-optouts", str(csv_path), "--confirm", str(valid))
            )
            results["sqlite"].append(seconds)
    finally:
        server.stop()
    best = {name: min(times) for name, times in results.items()}
    ratios = [pg / ref for pg, ref in zip(results["postgresql"], results["reference"], strict=True)]
    report = {
        "rows": args.rows,
        "valid": valid,
        "seconds": results,
        "ratios": [round(r, 2) for r in ratios],
        "median_ratio": round(statistics.median(ratios), 2),
        "best_ratio": round(best["postgresql"] / best["reference"], 2),
        "peak_rss_mb_last_import": rss,
        "target": "≤ 2× the reference",
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
