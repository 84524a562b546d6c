"""Kill -9 at random moments of the real `optout` command: the database is as before or after.

On SQLite and on PostgreSQL: on the server it is the client that dies mid-transaction, and
the server must roll back what it did not commit (its note becomes a failed entry too)."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.db.unfinished_imports import ABANDONED
from tests.helpers import outside_rows

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

ROWS = 300_000
INVALID_EVERY = 1_000  # every 1,000th row is not an address, so the errors are written too
VALID = ROWS - ROWS // INVALID_EVERY
CONTACTS = VALID // 2
SEED = 7_2025
RUN_TIMEOUT = 120


def _command() -> list[str]:
    script = Path(sys.executable).with_name("optout")
    return [str(script)] if script.exists() else [sys.executable, "-m", "optout_desktop.cli"]


@dataclass
class World:
    """The files and the two starting databases every kill begins from.

    On SQLite a database is a file in `folder`; on PostgreSQL (`server` set) it is a database
    on the test server named after that file, and its URL stands where the path would.
    """

    folder: Path
    optouts: Path  # ROWS rows, VALID of them valid addresses
    no_optouts: Any  # CONTACTS contacts, no opt-outs
    imported: Any  # the same after the import: every contact unsubscribed
    env: dict[str, str]
    log: list[str]
    server: Any = None  # the PostgreSQL test server, or None for SQLite files
    probes: list[Any] = field(default_factory=list)  # connections that watch a server's work

    def cli(self, db: Any, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*_command(), "--db", str(db), *map(str, args)],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=RUN_TIMEOUT,
            cwd=self.folder,
        )

    def database(self, name: str) -> Any:
        """Where the database called `name` is: a file path, or a URL on the server."""
        if self.server is None:
            return self.folder / name
        return self.server.url(_server_name(name))

    def copy(self, source: Any, name: str) -> Any:
        """A private copy: SQLite's backup API (it includes the write-ahead log), or on the
        server a new database made with the source as its template."""
        target = self.database(name)
        self.remove(target)
        if self.server is not None:
            self.server.execute(
                f'CREATE DATABASE "{_server_name(name)}" TEMPLATE "{_server_name(source)}"'
            )
            return target
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
        target.chmod(0o600)
        return target

    def remove(self, db: Any) -> None:
        """Delete a copy (they are some 50 MB each)."""
        self.close_probes()
        if self.server is not None:
            self.server.drop_database(str(db))
            return
        for path in (db, *(db.with_name(db.name + s) for s in ("-wal", "-shm"))):
            path.unlink(missing_ok=True)

    def writing(self, db: Any, statement: str | tuple[str, ...]) -> Callable[[], bool]:
        """A check that the command is mid-write: SQLite's write-ahead log holds more than
        1 MB; on the server a session of the database has written in the transaction it
        holds open and is on a statement that begins with `statement` (or one of them)."""
        if self.server is None:
            wal = db.with_name(db.name + "-wal")
            return lambda: wal.exists() and wal.stat().st_size > 1_000_000
        import psycopg

        probe = psycopg.connect(str(db), autocommit=True)  # each look sees the moment
        self.probes.append(probe)
        sessions = (
            "SELECT query FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
            " AND state IN ('active', 'idle in transaction')"
        )
        return lambda: any(
            str(row[0]).startswith(statement) for row in probe.execute(sessions).fetchall()
        )

    def close_probes(self) -> None:
        while self.probes:
            self.probes.pop().close()


def _server_name(name_or_url: Any) -> str:
    """The name on the server of the database named after a file (or of a URL there)."""
    name = str(name_or_url).rsplit("/", 1)[-1]
    if name.startswith("crash_"):
        return name
    return "crash_" + name.removesuffix(".sqlite3").replace("-", "_")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[World]:
    server = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    folder = tmp_path_factory.mktemp("crash")
    optouts = folder / "optouts.csv"
    contacts_file = folder / "contacts.csv"
    with optouts.open("w", newline="") as out, contacts_file.open("w", newline="") as people:
        rows, contacts = csv.writer(out), csv.writer(people)
        rows.writerow(["Email", "Name"])
        contacts.writerow(["Email", "First name"])
        valid = 0
        for n in range(ROWS):
            if n % INVALID_EVERY == INVALID_EVERY - 1:
                rows.writerow([f"not an address {n}", "x"])
                continue
            rows.writerow([f"person{n}@example.com", f"P{n}"])
            if valid % 2 == 0:
                contacts.writerow([f"person{n}@example.com", f"P{n}"])
            valid += 1
    env = {**os.environ, "HOME": str(folder / "home")}
    made = World(folder, optouts, None, None, env, [], server)
    made.no_optouts = made.database("no-optouts.sqlite3")
    made.imported = made.database("imported.sqlite3")
    if server is not None:
        made.remove(made.no_optouts)
        server.execute(f'CREATE DATABASE "{_server_name(made.no_optouts)}"')
    done = made.cli(made.no_optouts, "import-contacts", contacts_file)
    assert done.returncode == 0, done.stderr
    made.copy(made.no_optouts, "imported.sqlite3")
    done = made.cli(made.imported, "import-optouts", optouts, "--confirm", VALID)
    assert done.returncode == 0, done.stderr
    yield made
    made.close_probes()
    if server is not None:
        listed = "SELECT datname FROM pg_database WHERE starts_with(datname, 'crash_')"
        for name in server.psql(listed).split():
            server.drop_database(name)
    print("\n" + "\n".join(made.log))


@dataclass
class Kill:
    killed: bool
    after: float  # seconds from the start
    returncode: int | None
    stderr: str


def run_and_kill(
    world: World,
    db: Any,
    args: list[str | Path],
    delay: float | None = None,
    ready: Callable[[], bool] | None = None,
) -> Kill:
    """Start the command; SIGKILL it after `delay` seconds, or once `ready()` says so."""
    process = subprocess.Popen(
        [*_command(), "--db", str(db), *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=world.env,
        cwd=world.folder,
    )
    start = time.monotonic()
    while process.poll() is None and time.monotonic() - start < RUN_TIMEOUT:
        if delay is not None and time.monotonic() - start >= delay:
            break
        if ready is not None and ready():
            break
        time.sleep(0.002)
    killed = process.poll() is None
    if killed:
        os.kill(process.pid, signal.SIGKILL)
    elapsed = time.monotonic() - start
    _, stderr = process.communicate(timeout=RUN_TIMEOUT)  # reaps it: its pid is gone
    return Kill(killed, elapsed, None if killed else process.returncode, stderr)


def look(db: Any) -> dict[str, Any]:
    """What the database holds, read by another connection before the app opens it again:
    plain SQLite after its integrity checks, or a session of the server once the killed
    client's session has ended (the server rolls back its open transaction then)."""
    if isinstance(db, Path):
        with closing(sqlite3.connect(db)) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    else:
        others = (
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid()"
        )
        deadline = time.monotonic() + 30
        while outside_rows(db, others)[0][0] and time.monotonic() < deadline:
            time.sleep(0.01)
        assert outside_rows(db, others) == [(0,)], "the killed client's session lingers"

    def one(sql: str) -> Any:
        return outside_rows(db, sql)[0][0]

    return {
        "suppressions": one("SELECT count(*) FROM suppression"),
        "contacts": one("SELECT count(*) FROM contact"),
        "tally": one("SELECT value FROM tally WHERE name = 'contacts'"),
        "notes": one("SELECT count(*) FROM running_import"),
        "runs": outside_rows(db, "SELECT kind, state FROM import_run ORDER BY id"),
        "row_errors": one("SELECT count(*) FROM row_error"),
    }


def history(world: World, db: Any) -> list[dict[str, Any]]:
    """The history as the real command shows it (its opening records abandoned imports)."""
    shown = world.cli(db, "history", "--json")
    assert shown.returncode == 0, shown.stderr
    return list(reversed(json.loads(shown.stdout)))  # oldest first


def kill_moments(world: World, reference: Kill, count: int, name: str) -> list[float]:
    """Seeded random moments across the whole run, half of them around its end (the commit).

    Early and late take turns, each in the seeded order (not sorted), so a time budget used
    up (a server's run is slower) still leaves kills across the run and near its commit.
    """
    rng = random.Random(f"{SEED}-{name}")
    span = reference.after
    early = [rng.uniform(0.0, span) for _ in range(count // 2)]
    late = [rng.uniform(span * 0.6, span * 1.3) for _ in range(count - count // 2)]
    world.log.append(f"{name}: a whole run took {reference.after:.2f} s")
    turns = zip_longest(late, early)  # a late one first: the commit is the likelier trouble
    return [moment for pair in turns for moment in pair if moment is not None]


def kill_many(
    world: World,
    name: str,
    start: Any,
    args: list[str | Path],
    count: int,
    budget: float,
    check: Callable[[Any, Kill], str],
    ready: Callable[[Any], Callable[[], bool]],
    prepare: Callable[[], None] = lambda: None,
) -> list[str]:
    """Kill a copy of `start` at random moments and once mid-write (when `ready(db)()`
    says so); `check` each outcome. Each copy but the last is deleted once checked."""
    reference_db = world.copy(start, f"{name}-reference.sqlite3")
    prepare()
    reference = run_and_kill(world, reference_db, args)
    assert reference.returncode == 0, reference.stderr
    world.remove(reference_db)
    moments: list[float | None] = [None, *kill_moments(world, reference, count, name)]
    outcomes: list[str] = []
    deadline = time.monotonic() + budget
    for number, moment in enumerate(moments):
        if time.monotonic() > deadline:
            world.log.append(f"{name}: time budget used after {number} kills")
            break
        if number:
            world.remove(world.database(f"{name}-{number - 1}.sqlite3"))
        db = world.copy(start, f"{name}-{number}.sqlite3")
        prepare()
        if moment is None:  # the first one is aimed inside the transaction (or the file)
            kill = run_and_kill(world, db, args, ready=ready(db))
        else:
            kill = run_and_kill(world, db, args, delay=moment)
        assert "Traceback" not in kill.stderr
        world.close_probes()
        outcome = check(db, kill)
        when = "mid-write" if moment is None else f"at {moment:.2f} s"
        state = f"killed after {kill.after:.2f} s" if kill.killed else "finished first"
        outcomes.append(outcome)
        world.log.append(f"{name} kill #{number} {when}: {state}; {outcome}")
    return outcomes


def test_killing_an_import_leaves_all_or_nothing_and_a_failed_entry(world: World) -> None:
    args: list[str | Path] = ["import-optouts", world.optouts, "--confirm", VALID]

    def check(db: Any, kill: Kill) -> str:
        seen = look(db)
        assert seen["contacts"] == seen["tally"] == CONTACTS
        assert seen["suppressions"] in (0, VALID)
        runs = history(world, db)
        optout_runs = [r for r in runs if r["kind"] == "optouts"]
        if seen["suppressions"] == VALID:
            assert [r["state"] for r in optout_runs] == ["completed"]
            assert optout_runs[0]["new"] == VALID
            assert seen["row_errors"] == ROWS - VALID
            assert seen["notes"] == 0
            return "all written, completed in the history"
        assert seen["row_errors"] == 0
        assert not any(r["state"] == "completed" for r in optout_runs)
        assert len(optout_runs) == seen["notes"] <= 1  # the note became a failed entry
        if seen["notes"]:
            failed = optout_runs[0]
            assert (failed["state"], failed["message"], failed["new"]) == ("failed", ABANDONED, 0)
            assert failed["file_name"] == world.optouts.name
            assert look(db)["notes"] == 0
            return "nothing written, shown as failed"
        return "nothing written, killed before it began"

    outcomes = kill_many(
        world,
        "import",
        world.no_optouts,
        args,
        count=8,
        budget=16,
        check=check,
        ready=lambda db: world.writing(db, "INSERT INTO suppression "),
    )
    assert outcomes[0] == "nothing written, shown as failed"  # the aimed kill hit mid-write
    # The last killed copy still works: the same import, run to its end.
    last = world.database(f"import-{len(outcomes) - 1}.sqlite3")
    redo = world.cli(last, "import-optouts", world.optouts, "--confirm", VALID, "--json")
    assert redo.returncode == 0, redo.stderr
    expected_new = 0 if outcomes[-1].startswith("all written") else VALID
    assert json.loads(redo.stdout)["new"] == expected_new
    assert look(last)["suppressions"] == VALID


def test_killing_a_contacts_delete_leaves_all_or_nothing(world: World) -> None:
    args: list[str | Path] = ["delete-contacts", "--unsubscribed", "--confirm", CONTACTS]

    def check(db: Any, kill: Kill) -> str:
        seen = look(db)
        assert seen["suppressions"] == VALID  # the opt-outs stay, whatever happened
        assert seen["contacts"] in (0, CONTACTS)
        assert seen["tally"] == seen["contacts"]  # the running total moved with them
        billable = world.cli(db, "billable", "--json")
        assert billable.returncode == 0, billable.stderr
        assert json.loads(billable.stdout) == {
            "billable_contacts": seen["contacts"],
            "suppressed_addresses": VALID,
        }
        return "all deleted" if seen["contacts"] == 0 else "nothing deleted"

    outcomes = kill_many(
        world,
        "delete",
        world.imported,
        args,
        count=5,
        budget=10,
        check=check,
        ready=lambda db: world.writing(db, 'DELETE FROM "contact"'),
    )
    assert outcomes[0] == "nothing deleted"


def test_killing_an_export_leaves_no_file_or_a_complete_one(world: World) -> None:
    out = world.folder / "export.csv"
    partial = out.with_name(f".{out.name}.partial")
    args: list[str | Path] = ["export-suppressions", out]
    first = world.cli(world.imported, *args)
    assert first.returncode == 0, first.stderr
    reference = out.read_bytes()
    assert reference.count(b"\n") == VALID + 1

    def check(db: Any, kill: Kill) -> str:
        seen = look(db)
        assert (seen["suppressions"], seen["contacts"]) == (VALID, CONTACTS)
        left = " (its hidden .partial file was left)" if partial.exists() else ""
        if not out.exists():
            return "no export file" + left
        assert out.read_bytes() == reference
        return "a complete export file" + left

    outcomes = kill_many(
        world,
        "export",
        world.imported,
        args,
        count=5,
        budget=10,
        check=check,
        ready=lambda db: lambda: partial.exists() and partial.stat().st_size > 1_000_000,
        prepare=lambda: out.unlink(missing_ok=True),  # each kill starts with no export
    )
    assert outcomes[0].startswith("no export file")
    again = world.cli(world.database(f"export-{len(outcomes) - 1}.sqlite3"), *args)
    assert again.returncode == 0, again.stderr
    assert out.read_bytes() == reference
    assert not partial.exists()


def _undo_args(world: World) -> list[str | Path]:
    usage = world.cli(world.folder / "usage.sqlite3", "undo", "--help")
    if usage.returncode != 0 or "invalid choice" in usage.stderr:
        pytest.skip("this build has no `optout undo` command yet")
    args: list[str | Path] = ["undo", "2"]
    if "--confirm" in usage.stdout:
        args += ["--confirm", VALID]
    return args


# The undo's writes: its claims go, then the opt-outs are handed over or lifted.
UNDO_WRITES = ("DELETE FROM", "INSERT INTO withdrawn", "INSERT INTO kept", "UPDATE suppression")


def test_killing_an_undo_leaves_all_or_nothing(world: World) -> None:
    args = _undo_args(world)
    probe = world.cli(world.copy(world.imported, "undo-probe.sqlite3"), *args)
    if probe.returncode != 0:
        pytest.skip(f"`optout undo` wants other arguments: {probe.stderr.strip()}")

    def check(db: Any, kill: Kill) -> str:
        seen = look(db)
        assert seen["contacts"] == CONTACTS
        assert seen["suppressions"] in (0, VALID)
        states = dict(enumerate((state for _, state in seen["runs"]), start=1))
        runs = history(world, db)
        if seen["suppressions"] == 0:
            assert states[2] == "undone"
            return "undone"
        assert states[2] == "completed"
        assert not any(r["state"] == "undone" for r in runs)
        return "not undone"

    outcomes = kill_many(
        world,
        "undo",
        world.imported,
        args,
        count=5,
        budget=10,
        check=check,
        ready=lambda db: world.writing(db, UNDO_WRITES),
    )
    assert outcomes[0] == "not undone"
