"""A team's shared list on PostgreSQL: concurrent imports, a server that goes away, moving a
laptop's list to the server and back, and what people see when the server is missing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.db import dialect, models, opening
from tests.helpers import optout_command, outside_rows


@pytest.fixture
def server_url(pg_server: Any) -> Any:
    url = pg_server.fresh_database()
    yield url
    if models.database.obj is not None:
        models.database.obj.close()
    pg_server.drop_database(url)


def optout(*args: str | Path, db: str | Path | None = None, timeout: int = 300) -> Any:
    command = [*optout_command(), *(["--db", str(db)] if db else []), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def address_file(folder: Path, name: str, numbers: range) -> Path:
    path = folder / name
    lines = ["email"] + [f"person{n}@firma{n % 7}.dk" for n in numbers]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_overlapping_imports_at_once_lose_nothing_and_count_each_address_once(
    server_url: str, tmp_path: Path
) -> None:
    opening.open_database(server_url).close()  # the schema exists before the race starts
    files = [
        address_file(tmp_path, f"list{i}.csv", range(i * 3_000, i * 3_000 + 6_000))
        for i in range(4)
    ]  # each overlaps the next by 3,000 addresses
    commands = [
        [*optout_command(), "--db", server_url, "import-optouts", str(path), "--confirm", "6000"]
        for path in files
    ]
    running = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands
    ]
    outcomes = [(p.wait(timeout=300), p.stderr.read().decode()) for p in running]  # type: ignore[union-attr]
    assert all(code == 0 for code, _ in outcomes), outcomes

    opening.open_database(server_url)
    distinct = 3 * 3_000 + 6_000
    assert models.Suppression.select().count() == distinct
    emails = [s.email for s in models.Suppression.select(models.Suppression.email)]
    assert len(set(emails)) == len(emails) == distinct
    runs = list(models.ImportRun.select().where(models.ImportRun.kind == "optouts"))
    assert len(runs) == 4 and {run.state for run in runs} == {"completed"}
    assert sum(run.new for run in runs) == distinct
    computer = socket.gethostname().split(".")[0]
    for run in runs:
        assert run.new + run.already_suppressed == run.valid == 6_000
        assert run.user_name.endswith(f" on {computer}")  # who, and on which computer


def test_the_server_going_away_mid_import_leaves_the_list_as_it_was(
    server_url: str, pg_server: Any, tmp_path: Path
) -> None:
    first = address_file(tmp_path, "first.csv", range(1_000))
    assert optout("import-optouts", first, "--confirm", "1000", db=server_url).returncode == 0
    big = address_file(tmp_path, "big.csv", range(1_000, 400_000))
    process = subprocess.Popen(
        [*optout_command(), "--db", server_url, "import-optouts", str(big), "--confirm", "399000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    name = server_url.rsplit("/", 1)[-1]
    ended = False
    deadline = time.monotonic() + 120
    while not ended and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        # The import notes itself as running before its transaction; then the server goes.
        if outside_rows(server_url, "SELECT count(*) FROM running_import")[0][0]:
            time.sleep(0.5)
            found = pg_server.psql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            )
            ended = "t" in str(found)
    _out, err = process.communicate(timeout=120)
    assert ended, "the import finished before the server went away"
    assert process.returncode != 0
    assert "Traceback" not in err
    assert "could not be reached" in err, err

    opening.open_database(server_url)
    assert models.Suppression.select().count() == 1_000
    states = sorted(run.state for run in models.ImportRun.select())
    assert states[0] == "completed" and "completed" not in states[1:]


def test_an_unreachable_server_is_said_plainly_and_nothing_local_is_touched(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    url = "postgresql://someone@127.0.0.1:1/optout"
    done = subprocess.run(
        [*optout_command(), "--db", url, "billable"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2
    assert "could not be reached" in done.stderr
    assert "someone@127.0.0.1:1/optout" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (home / "data").exists()  # no local database was made instead


def test_the_password_never_shows(tmp_path: Path) -> None:
    url = "postgresql://anna:hemmelig@127.0.0.1:1/optout"
    done = optout("billable", db=url, timeout=60)
    assert done.returncode == 2
    assert "hemmelig" not in done.stderr + done.stdout
    assert opening.display_name(url) == "anna@127.0.0.1:1/optout"


def test_a_laptops_list_moves_to_the_server_and_back_unchanged(
    server_url: str, tmp_path: Path
) -> None:
    laptop = tmp_path / "laptop.sqlite3"
    people = tmp_path / "people.csv"
    people.write_text("email\nanna@firma.dk\nbo@firma.dk\n", encoding="utf-8")
    optouts = address_file(tmp_path, "optouts.csv", range(2_500))
    odd = tmp_path / "odd.csv"  # refused cells that COPY must escape: \, tab, line break
    odd.write_text(
        'email\nback\\slash\n"tab\there"\n"two\nlines"\nnew@firma.dk\n', encoding="utf-8"
    )
    for args in (
        ("import-contacts", people),
        ("import-optouts", optouts, "--confirm", "2500"),
        ("import-optouts", odd, "--confirm", "1"),
        ("business-units", "--add", "Nordic"),
        ("add-optout", "anna@firma.dk", "--business-unit", "Nordic"),
        ("domains", "--add", "@konkurrent.dk"),
        ("log-one-to-one", "bo@firma.dk", "--legal-basis", "consent"),
    ):
        done = optout(*args, db=laptop)
        assert done.returncode == 0, (args, done.stderr)
    before = optout("export-suppressions", tmp_path / "before.csv", db=laptop)
    assert before.returncode == 0

    moved = optout("copy-database", laptop, server_url, "--json")
    assert moved.returncode == 0, moved.stderr
    back = tmp_path / "back.sqlite3"
    returned = optout("copy-database", server_url, back, "--json")
    assert returned.returncode == 0, returned.stderr
    import json

    there, home = json.loads(moved.stdout), json.loads(returned.stdout)
    assert there["rows"] == home["rows"] and there["checksum"] == home["checksum"]
    assert there["rows"]["suppression"] == 2_500 + 3
    assert there["rows"]["row_error"] == 3

    for db in (server_url, back):
        assert optout("export-suppressions", tmp_path / "after.csv", db=db).returncode == 0
        assert (tmp_path / "after.csv").read_text("utf-8") == (tmp_path / "before.csv").read_text(
            "utf-8"
        )
        billable = json.loads(optout("billable", "--json", db=db).stdout)
        assert billable["billable_contacts"] == 2
    # New imports on the server number on after the copied ones.
    more = address_file(tmp_path, "more.csv", range(3_000, 3_010))
    assert optout("import-optouts", more, "--confirm", "10", db=server_url).returncode == 0
    refused = optout("copy-database", laptop, server_url)
    assert refused.returncode == 2 and "empty" in refused.stderr


def test_two_programs_share_one_list(server_url: str, tmp_path: Path) -> None:
    """What one colleague imports, the other sees at once; both write without waiting long."""
    opening.open_database(server_url).close()
    results: list[int] = []

    def colleague(n: int) -> None:
        path = address_file(tmp_path, f"c{n}.csv", range(n * 10, n * 10 + 10))
        results.append(optout("import-optouts", path, "--confirm", "10", db=server_url).returncode)

    threads = [threading.Thread(target=colleague, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [0, 0]
    done = optout("check", "person15@firma1.dk", "--json", db=server_url)
    assert done.returncode == 0 and "person15@firma1.dk" in done.stdout
    assert sys.executable


def test_a_saved_server_address_never_holds_the_password() -> None:
    from optout_desktop.core.db import postgres

    assert postgres.without_password("postgresql://anna:x@db.firma.dk:5432/optout") == (
        "postgresql://anna@db.firma.dk:5432/optout"
    )
    assert postgres.is_url("postgres://h/db") and not postgres.is_url("C:/data/optout.sqlite3")


def test_copy_keeps_text_that_needs_escaping(server_url: str) -> None:
    """The server's import COPYs addresses in as plain text lines; a line with a backslash,
    tab or carriage return (never a cleaned address, but a COPY must not misread one) goes
    row by row instead, so every value arrives as it was."""
    opening.open_database(server_url)
    db = models.database.obj
    lines = ["plain@firma.dk", "back\\slash@firma.dk", "tab\there@firma.dk", "cr\rhere@x.dk"]
    with db.atomic() as transaction:
        db.execute_sql("CREATE TEMP TABLE copied (email text) ON COMMIT DROP")
        connection = dialect.connection()
        connection.load_column("copied", "email", lines[:1])
        connection.load_column("copied", "email", lines)
        rows = [row[0] for row in db.execute_sql("SELECT email FROM copied")]
        transaction.rollback()
    assert rows == lines[:1] + lines


def test_an_import_on_the_server_is_checked_without_a_row_by_row_foreign_key(
    server_url: str, tmp_path: Path
) -> None:
    """PostgreSQL checks a declared foreign key with a query per inserted row (4-7 s of a
    1M-row import), so there suppression.import_run is not declared; the engine alone
    writes it, with the run it has just made. SQLite keeps its cheap declared key."""
    opening.open_database(server_url)
    constraints = models.database.obj.execute_sql(
        "SELECT contype FROM pg_constraint WHERE conrelid = 'suppression'::regclass"
    ).fetchall()
    assert sorted(kind for (kind,) in constraints) == ["p"]
    models.database.obj.close()
    path = address_file(tmp_path, "list.csv", range(2_000))
    assert optout("import-optouts", path, "--confirm", "2000", db=server_url).returncode == 0
    opening.open_database(server_url)
    orphans = models.database.obj.execute_sql(
        "SELECT count(*) FROM suppression AS s LEFT JOIN import_run AS r"
        " ON r.id = s.import_run_id WHERE r.id IS NULL"
    ).fetchone()
    assert orphans == (0,)
    opening.open_database(tmp_path / "laptop.sqlite3")
    keys = models.database.obj.execute_sql("PRAGMA foreign_key_list(suppression)").fetchall()
    assert [(row[2], row[3]) for row in keys] == [("import_run", "import_run_id")]


def test_the_driver_loads_only_when_a_server_is_opened(server_url: str, tmp_path: Path) -> None:
    """A laptop's command line starts without psycopg (80-90 ms of every start); the same
    process then opens a server and works there (peewee is handed the driver late)."""
    script = (
        "import sys\n"
        "from optout_desktop import cli\n"
        "assert cli.main(['--db', sys.argv[1], 'billable', '--json']) == 0\n"
        "print('after laptop:', sys.modules.get('psycopg') is not None)\n"
        "assert cli.main(['--db', sys.argv[2], 'billable', '--json']) == 0\n"
        "print('after server:', sys.modules.get('psycopg') is not None)\n"
    )
    laptop = tmp_path / "laptop.sqlite3"
    done = subprocess.run(
        [sys.executable, "-c", script, str(laptop), server_url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "after laptop: False" in done.stdout
    assert "after server: True" in done.stdout
    assert done.stdout.count('"billable_contacts": 0') == 2
