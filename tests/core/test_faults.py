"""What a laptop does to a database: a full disk, read-only, damaged files, abandoned imports."""

from __future__ import annotations

import csv
import os
import socket
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

import peewee as pw
import pytest

from optout_desktop.core import processes
from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db import dialect, failures, models, opening, unfinished_imports
from optout_desktop.core.db.models import Contact, ImportRun, RunningImport, Suppression
from optout_desktop.core.errors import ConfirmationError, StoreError
from optout_desktop.core.optouts import imports
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import eligibility
from tests.helpers import (
    allow_inserts,
    intact,
    is_server,
    outside_rows,
    refuse_inserts,
    table_counts,
)

Optout = Callable[..., Any]


def _permissions_apply() -> bool:
    """False for root with its usual powers (it writes to read-only files)."""
    if os.name != "posix":
        return False
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_text("")
        probe.chmod(0o400)
        try:
            probe.open("a").close()
        except PermissionError:
            return True
        return False


not_root = pytest.mark.skipif(
    not _permissions_apply(), reason="needs a user that file permissions apply to"
)


def emails_file(path: Path, emails: Iterable[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Email"])
        writer.writerows([email] for email in emails)
    return path


def one_plain_line(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message
    assert "sqlite" not in message.lower() and "peewee" not in message.lower()


# --- the words: every SQLite error a person may meet, said plainly ---------------------------


def _locked(path: Path) -> BaseException:
    with closing(sqlite3.connect(path, isolation_level=None)) as holder:
        holder.execute("BEGIN IMMEDIATE")
        with closing(sqlite3.connect(path, timeout=0)) as other:
            try:
                other.execute("INSERT INTO t VALUES (1)")
            except sqlite3.Error as error:
                return error
    raise AssertionError("no error")


def _full(path: Path) -> BaseException:
    with closing(sqlite3.connect(path)) as raw:
        raw.execute(f"PRAGMA max_page_count = {raw.execute('PRAGMA page_count').fetchone()[0]}")
        try:
            raw.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 1000)
        except sqlite3.Error as error:
            return error
    raise AssertionError("no error")


def _read_only(path: Path) -> BaseException:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as raw:
        try:
            raw.execute("INSERT INTO t VALUES (1)")
        except sqlite3.Error as error:
            return error
    raise AssertionError("no error")


def _cannot_open(path: Path) -> BaseException:
    try:
        sqlite3.connect(path.parent / "missing" / "x.sqlite3").execute("SELECT 1")
    except sqlite3.Error as error:
        return error
    raise AssertionError("no error")


def _not_a_database(path: Path) -> BaseException:
    junk = path.with_name("junk.sqlite3")
    junk.write_bytes(b"x" * 4096)
    with closing(sqlite3.connect(junk)) as raw:
        try:
            raw.execute("SELECT * FROM sqlite_master")
        except sqlite3.Error as error:
            return error
    raise AssertionError("no error")


def _through_peewee(make: Callable[[Path], BaseException]) -> Callable[[Path], BaseException]:
    """The same error as peewee raises it (wrapping sqlite3's)."""

    def wrapped(path: Path) -> BaseException:
        database = pw.SqliteDatabase(str(path))
        try:
            with database.atomic():
                database.execute_sql("SELECT 1")
                raise make(path)
        except sqlite3.Error as error:
            try:
                with pw.__exception_wrapper__:  # type: ignore[attr-defined]
                    raise error
            except pw.DatabaseError as wrapped_error:
                return wrapped_error
        finally:
            database.close()
        raise AssertionError("no error")

    return wrapped


@pytest.mark.parametrize(
    ("make", "kind", "words"),
    [
        (_locked, failures.LOCKED, "open in another window or program"),
        (_through_peewee(_locked), failures.LOCKED, "open in another window or program"),
        (_full, failures.FULL, "The disk is full"),
        (_through_peewee(_full), failures.FULL, "The disk is full"),
        (_read_only, failures.READ_ONLY, "is read-only"),
        (_cannot_open, failures.UNREACHABLE, "could not be opened"),
        (_not_a_database, failures.DAMAGED, "is damaged"),
        (lambda p: sqlite3.DatabaseError("database disk image is malformed"), failures.DAMAGED, ""),
        (lambda p: sqlite3.OperationalError("disk I/O error"), failures.DISK, "could not be read"),
        (lambda p: sqlite3.OperationalError("no such table: x"), failures.OTHER, "no such table"),
    ],
    ids=[
        "locked",
        "locked-peewee",
        "full",
        "full-peewee",
        "read-only",
        "cannot-open",
        "not-a-database",
        "malformed",
        "io",
        "other",
    ],
)
def test_each_sqlite_error_has_one_plain_line(
    tmp_path: Path, make: Callable[[Path], BaseException], kind: str, words: str
) -> None:
    path = tmp_path / "t.sqlite3"
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE t (x)")
        raw.commit()
    error = make(path)
    assert failures.error_kind(error) == kind
    message = failures.plain_message(error, path)
    assert words in message
    one_plain_line(message.replace(str(path), "PATH"))
    assert str(path) in message or kind in (failures.LOCKED, failures.FULL)


# --- a full disk ------------------------------------------------------------------------------


def _fill(database: Any, table: str, room_pages: int = 3) -> None:
    """Let the database grow only a few pages more (SQLite's max_page_count). On a server,
    whose disk the test cannot fill, inserts into `table` fail as a full disk fails them
    (SQLSTATE 53100, disk_full), at an address in the middle of the file for opt-outs."""
    if dialect.is_server():
        when = "NEW.email = 'p15000@example.com'" if table == "suppression" else None
        refuse_inserts(database, table, "could not extend file", when, errcode="53100")
        return
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages + room_pages}")


def _room_again(database: Any, table: str) -> None:
    if dialect.is_server():
        allow_inserts(database, table)
    else:
        database.execute_sql("PRAGMA max_page_count = 1073741823")


def test_an_import_that_does_not_fit_on_the_disk_writes_nothing(
    db: Any, db_path: Path, tmp_path: Path
) -> None:
    imports.import_optouts(open_source(emails_file(tmp_path / "a.csv", ["a@x.dk"])), "Email", 1)
    big = emails_file(tmp_path / "big.csv", (f"p{n}@example.com" for n in range(20_000)))
    _fill(db, "suppression")
    with pytest.raises(StoreError) as caught:
        imports.import_optouts(open_source(big), "Email", 20_000)
    message = str(caught.value)
    assert message.startswith("The disk is full")
    one_plain_line(message)
    assert Suppression.select().count() == 1
    runs = [(r.file_name, r.state, r.message) for r in ImportRun.select().order_by(ImportRun.id)]
    assert runs == [("a.csv", "completed", ""), ("big.csv", "failed", message)]
    assert RunningImport.select().count() == 0
    intact(db_path)
    _room_again(db, "suppression")  # space again: it goes through
    assert imports.import_optouts(open_source(big), "Email", 20_000).new == 20_000


def test_a_contacts_import_that_does_not_fit_writes_nothing(
    db: Any, db_path: Path, tmp_path: Path
) -> None:
    people = emails_file(tmp_path / "c.csv", (f"p{n}@example.com" for n in range(20_000)))
    _fill(db, "contact")
    with pytest.raises(StoreError, match="^The disk is full"):
        contact_import.import_contacts(open_source(people), "Email")
    assert Contact.select().count() == 0 and eligibility.billable_contacts() == 0
    assert RunningImport.select().count() == 0
    intact(db_path)


# --- read-only --------------------------------------------------------------------------------


def test_a_read_only_database_opens_for_reading_and_refuses_writes_plainly(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated with PRAGMA query_only, which also holds for root (who ignores file modes);
    on a server, by making its transactions read-only (default_transaction_read_only), as a
    read-only replica or a user granted reading only would be."""
    database = opening.open_database(db_path)
    people = emails_file(tmp_path / "c.csv", ["a@x.dk", "b@x.dk"])
    contact_import.import_contacts(open_source(people), "Email")
    imports.import_optouts(open_source(emails_file(tmp_path / "o.csv", ["a@x.dk"])), "Email", 1)
    database.close()
    before = _contents(db_path)
    if is_server(db_path):
        import psycopg

        name = str(db_path).rsplit("/", 1)[-1]
        with psycopg.connect(str(db_path), autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    else:
        monkeypatch.setitem(opening.PRAGMAS, "query_only", 1)
    database = opening.open_database(db_path)
    try:
        assert eligibility.billable_contacts() == 2 and eligibility.suppressed_addresses() == 1
        refusals: list[Callable[[], object]] = [
            lambda: imports.import_optouts(open_source(people), "Email", 2),
            lambda: contact_import.import_contacts(open_source(people), "Email"),
            lambda: contact_import.delete_unsubscribed_contacts(1),
        ]
        for refuse in refusals:
            with pytest.raises(StoreError) as caught:
                refuse()
            assert "is read-only, so nothing was written" in str(caught.value)
            one_plain_line(str(caught.value).replace(str(db_path), "PATH"))
        assert ImportRun.select().count() == 2 and RunningImport.select().count() == 0
    finally:
        database.close()
    assert _contents(db_path) == before


def _contents(path: Path) -> Any:
    """The file's bytes; on a server, every table's row count and the history."""
    if is_server(path):
        runs = outside_rows(path, "SELECT id, state, finished_at FROM import_run ORDER BY id")
        return table_counts(path), runs
    return path.read_bytes()


def test_a_new_database_where_nothing_can_be_written_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(opening.PRAGMAS, "query_only", 1)
    with pytest.raises(StoreError, match="is read-only"):
        opening.open_database(tmp_path / "new.sqlite3")


@pytest.mark.sqlite_only  # file and folder permissions
@not_root
def test_a_database_in_a_read_only_folder(db_path: Path, tmp_path: Path) -> None:
    opening.open_database(db_path).close()
    listed = emails_file(tmp_path / "a.csv", ["a@x.dk"])
    os.chmod(db_path, 0o400)
    os.chmod(tmp_path, 0o500)
    try:
        try:
            database = opening.open_database(db_path)
        except StoreError as error:  # no room for the write-ahead log beside it
            assert "could not be opened" in str(error) or "read-only" in str(error)
        else:
            with pytest.raises(StoreError, match="read-only"):
                imports.import_optouts(open_source(listed), "Email", 1)
            database.close()
        with pytest.raises(StoreError, match="could not be created"):
            opening.open_database(tmp_path / "other.sqlite3")
    finally:
        os.chmod(tmp_path, 0o700)
        os.chmod(db_path, 0o600)


@pytest.mark.sqlite_only  # file permissions (the server's equivalent is above)
@not_root
def test_a_read_only_database_file_is_read_but_not_written(db_path: Path, tmp_path: Path) -> None:
    database = opening.open_database(db_path)
    Suppression.create(email="a@x.dk", reason="manual")
    database.close()
    before = db_path.read_bytes()
    os.chmod(db_path, 0o400)
    try:
        database = opening.open_database(db_path)
        assert eligibility.suppressed_addresses() == 1
        listed = emails_file(tmp_path / "b.csv", ["b@x.dk"])
        with pytest.raises(StoreError, match="is read-only, so nothing was written"):
            imports.import_optouts(open_source(listed), "Email", 1)
        database.close()
    finally:
        os.chmod(db_path, 0o600)
    assert db_path.read_bytes() == before


# --- damaged, missing, not a file -------------------------------------------------------------


def _real_database(path: Path, tmp_path: Path, rows: int = 20_000) -> bytes:
    database = opening.open_database(path)
    emails = emails_file(tmp_path / "fill.csv", (f"p{n}@example.com" for n in range(rows)))
    imports.import_optouts(open_source(emails), "Email", rows)
    database.close()
    assert not path.with_name(path.name + "-wal").exists()
    return path.read_bytes()


def _damage_the_middle(content: bytes) -> bytes:
    damaged = bytearray(content)
    page = 4096
    middle = len(content) // page // 2
    damaged[middle * page : (middle + 3) * page] = b"\xab" * page * 3
    return bytes(damaged)


@pytest.mark.sqlite_only  # damaged bytes of the file
@pytest.mark.parametrize("damage", ["middle", "truncated"])
def test_a_damaged_database_of_ours_is_refused_and_left_as_it_was(
    db_path: Path, tmp_path: Path, damage: str
) -> None:
    good = _real_database(db_path, tmp_path)
    bad = _damage_the_middle(good) if damage == "middle" else good[: len(good) // 2]
    db_path.write_bytes(bad)
    for _ in range(2):  # and again: nothing changed the first time
        with pytest.raises(StoreError) as caught:
            opening.open_database(db_path)
        assert "is damaged" in str(caught.value)
        assert db_path.read_bytes() == bad
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fill.csv", db_path.name]


@pytest.mark.sqlite_only  # damaged bytes of the file
def test_the_command_line_refuses_a_damaged_database(
    optout: Optout, db_path: Path, tmp_path: Path
) -> None:
    bad = _damage_the_middle(_real_database(db_path, tmp_path))
    db_path.write_bytes(bad)
    for args in (("billable",), ("import-optouts", tmp_path / "fill.csv", "--confirm", "20000")):
        result = optout(*args)
        assert result.returncode == 2
        assert result.stderr.startswith("optout: The database") and "is damaged" in result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert db_path.read_bytes() == bad


@pytest.mark.sqlite_only  # SQLite's write-ahead log
def test_a_garbage_write_ahead_log_is_ignored(db_path: Path, tmp_path: Path) -> None:
    _real_database(db_path, tmp_path)
    db_path.with_name(db_path.name + "-wal").write_bytes(os.urandom(50_000))
    database = opening.open_database(db_path)
    try:
        assert Suppression.select().count() == 20_000
    finally:
        database.close()
    intact(db_path)


def test_a_database_whose_folder_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder").write_text("not a folder")
    with pytest.raises(StoreError, match="could not be created"):
        opening.open_database(tmp_path / "folder" / "list.sqlite3")
    assert (tmp_path / "folder").read_text() == "not a folder"


@pytest.mark.sqlite_only  # SQLite's shared-memory file beside the database
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_shared_memory_file_is_private_too(db: Any, db_path: Path) -> None:
    Suppression.create(email="a@x.dk", reason="manual")
    shm = db_path.with_name(db_path.name + "-shm")
    assert shm.exists() and stat.S_IMODE(shm.stat().st_mode) == 0o600


# --- imports whose process stopped --------------------------------------------------------------


def _gone_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _note(pid: int, host: str | None = None, started: str = "2025-01-02T03:04:05Z") -> int:
    details = {"kind": "optouts", "file_name": "list.csv", "file_sha256": "abc", "column": "Email"}
    note_id = unfinished_imports.begin({**details, "user_name": "kim", "scope_id": 0})
    RunningImport.update(pid=pid, host=host or socket.gethostname(), started_at=started).where(
        RunningImport.id == note_id
    ).execute()
    return note_id


def test_an_import_whose_process_is_gone_is_failed_at_the_next_opening(db_path: Path) -> None:
    database = opening.open_database(db_path)
    _note(_gone_pid())
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = _note(sleeper.pid)  # another program importing right now
        elsewhere = _note(_gone_pid(), host="another-laptop", started=models.now())
        stale = _note(_gone_pid(), host="another-laptop")  # a year-old note from elsewhere
        database.close()
        database = opening.open_database(db_path)
        runs = list(ImportRun.select().order_by(ImportRun.id))
        assert [(r.state, r.file_name, r.user_name, r.message) for r in runs] == [
            ("failed", "list.csv", "kim", unfinished_imports.ABANDONED),
            ("failed", "list.csv", "kim", unfinished_imports.ABANDONED),
        ]
        assert runs[0].started_at == "2025-01-02T03:04:05Z" and runs[0].finished_at
        left = {n.id for n in RunningImport.select()}
        assert left == {alive, elsewhere}
        assert stale not in left
    finally:
        sleeper.kill()
        sleeper.wait()
        database.close()
    database = opening.open_database(db_path)  # now the sleeper is gone too
    try:
        assert {n.id for n in RunningImport.select()} == {elsewhere}
        assert ImportRun.select().where(ImportRun.state == "failed").count() == 3
    finally:
        database.close()


def test_a_refused_import_leaves_no_note_and_no_history(db: Any, tmp_path: Path) -> None:
    path = emails_file(tmp_path / "a.csv", ["a@x.dk", "b@x.dk"])
    with pytest.raises(ConfirmationError):
        imports.import_optouts(open_source(path), "Email", 3)
    assert RunningImport.select().count() == 0 and ImportRun.select().count() == 0


def test_the_process_check(tmp_path: Path) -> None:
    assert processes.process_alive(os.getpid())
    assert not processes.process_alive(_gone_pid())
    assert not processes.process_alive(0)
