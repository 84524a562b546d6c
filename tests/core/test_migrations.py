"""Schema upgrades: the file is copied aside first (on a server: one transaction), and a failed
upgrade changes nothing."""

from __future__ import annotations

import sqlite3
import stat
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import peewee as pw
import pytest

from optout_desktop.core.db import opening, schema
from optout_desktop.core.db.dialect import sql
from optout_desktop.core.db.models import Suppression
from optout_desktop.core.errors import StoreError
from tests.helpers import is_server, outside_rows

V = schema.SCHEMA_VERSION  # the steps below simulate the versions that follow it
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def dump(path: Path | str) -> list[Any]:
    """Everything the database holds: SQL text of the file (the write-ahead log included), or
    each table's columns and rows on a server, read by a separate connection."""
    if not is_server(path):
        with closing(sqlite3.connect(path)) as raw:
            return list(raw.iterdump())
    tables = outside_rows(
        path,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
        "ORDER BY table_name",
    )
    found: list[Any] = []
    for (table,) in tables:
        columns = outside_rows(
            path,
            "SELECT column_name, data_type, is_nullable, column_default, collation_name "
            "FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? "
            "ORDER BY ordinal_position",
            (table,),
        )
        rows = outside_rows(path, f'SELECT * FROM "{table}"')
        found.append((table, columns, sorted(rows, key=repr)))
    return found


def version_of(path: Path | str) -> int:
    rows = outside_rows(path, "SELECT value FROM schema_info WHERE key = 'schema_version'")
    return int(rows[0][0])


def count(path: Path | str, table: str) -> int:
    return int(outside_rows(path, f"SELECT count(*) FROM {table}")[0][0])


def outside_insert(url: str, emails: list[str]) -> None:
    """Rows a colleague's program wrote on the server (committed)."""
    import psycopg

    with psycopg.connect(url) as other:
        other.cursor().executemany(
            "INSERT INTO suppression (email, scope_id, reason, created_at, note) "
            "VALUES (%s, 0, 'manual', '2020-01-01T00:00:00Z', '')",
            [(email,) for email in emails],
        )


@pytest.fixture
def old_db(db_path: Path) -> Iterator[tuple[Path, sqlite3.Connection | None]]:
    """A database at the current version (V) with 150 opt-outs.

    On SQLite its last 50 rows are still only in its write-ahead log: the connection that
    wrote them stays open (no checkpoint), as after a crash or while another window is open.
    On a server they were written by another program's connection.
    """
    database = opening.open_database(db_path)
    for n in range(100):
        Suppression.create(email=f"old{n}@x.dk", reason="manual")
    database.close()
    wal = [f"wal{n}@x.dk" for n in range(50)]
    if is_server(db_path):
        outside_insert(str(db_path), wal)
        yield db_path, None
        return
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.executemany(
        "INSERT INTO suppression (email, scope_id, reason, created_at, note) "
        "VALUES (?, 0, 'manual', '2020-01-01T00:00:00Z', '')",
        [(email,) for email in wal],
    )
    main_only = db_path.with_name("main-only.sqlite3")
    main_only.write_bytes(db_path.read_bytes())
    assert count(main_only, "suppression") == 100  # the 50 newest live in the log alone
    try:
        yield db_path, other
    finally:
        other.close()


def add_a_source_column(db: pw.SqliteDatabase) -> None:
    db.execute_sql("ALTER TABLE suppression ADD COLUMN source TEXT NOT NULL DEFAULT ''")
    db.execute_sql("UPDATE suppression SET source = 'before version 2'")


def add_a_table(db: pw.SqliteDatabase) -> None:
    db.execute_sql("CREATE TABLE note_v3 (id INTEGER PRIMARY KEY, text TEXT)")


def half_then_fail(db: pw.SqliteDatabase) -> None:
    db.execute_sql(sql("DELETE FROM suppression WHERE email LIKE ?"), ("old%",))
    db.execute_sql("CREATE TABLE half_done (x INTEGER)")
    raise RuntimeError("the step failed halfway")


@pytest.mark.sqlite_only  # the copy of the file; a server upgrades in one transaction
def test_an_upgrade_copies_the_file_aside_first_with_the_log(
    old_db: tuple[Path, sqlite3.Connection | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _other = old_db
    before = dump(path)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", V + 1)
    monkeypatch.setattr(schema, "MIGRATIONS", {V: add_a_source_column})
    database = opening.open_database(path)
    try:
        assert schema.schema_version() == V + 1
        rows = database.execute_sql("SELECT DISTINCT source FROM suppression").fetchall()
        assert rows == [("before version 2",)]
    finally:
        database.close()
    backup = schema.backup_path(path, V)
    assert backup == path.with_name(f"optout.sqlite3.bak-v{V}")
    assert dump(backup) == before  # all 150 opt-outs, the log's 50 too
    assert count(backup, "suppression") == 150 and version_of(backup) == V
    assert version_of(path) == V + 1 and count(path, "suppression") == 150
    with closing(sqlite3.connect(backup)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert not list(path.parent.glob(".*partial"))


@pytest.mark.sqlite_only
@posix_only
def test_the_copy_is_private(
    old_db: tuple[Path, sqlite3.Connection | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _other = old_db
    backup = schema.backup_path(path, V)
    backup.write_text("an older copy, readable by all")
    backup.chmod(0o644)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", V + 1)
    monkeypatch.setattr(schema, "MIGRATIONS", {V: add_a_table})
    opening.open_database(path).close()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert version_of(backup) == V  # replaced by the fresh copy


def test_several_steps_run_in_order_from_one_copy(
    old_db: tuple[Path, sqlite3.Connection | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _other = old_db
    monkeypatch.setattr(schema, "SCHEMA_VERSION", V + 2)
    monkeypatch.setattr(schema, "MIGRATIONS", {V: add_a_source_column, V + 1: add_a_table})
    opening.open_database(path).close()
    assert version_of(path) == V + 2 and count(path, "note_v3") == 0
    assert outside_rows(path, "SELECT DISTINCT source FROM suppression") == [("before version 2",)]
    assert count(path, "suppression") == 150
    if not is_server(path):
        assert version_of(schema.backup_path(path, V)) == V
        assert not schema.backup_path(path, V + 1).exists()
    monkeypatch.setattr(schema, "MIGRATIONS", {V: half_then_fail, V + 1: half_then_fail})
    opening.open_database(path).close()  # at the current version: no copy, no step
    assert count(path, "suppression") == 150
    if not is_server(path):
        assert not schema.backup_path(path, V + 1).exists()


@pytest.mark.parametrize(
    ("steps", "words"),
    [
        ({V: half_then_fail}, ("the step failed halfway",) * 2),
        ({V: add_a_source_column, V + 1: half_then_fail}, ("the step failed halfway",) * 2),
        ({V: add_a_source_column}, (f"no way from schema version {V + 1} to {V + 2}",) * 2),
        (
            {
                V: lambda db: db.execute_sql(
                    "INSERT INTO row_error (import_run_id, row_number, raw_value, reason) "
                    "VALUES (4242, 2, 'x', 'y')"
                ),
                V + 1: add_a_table,
            },
            ("refer to nothing", "violates foreign key constraint"),
        ),
        (
            {V: lambda db: db.execute_sql("INSERT INTO nowhere VALUES (1)"), V + 1: add_a_table},
            ("no such table", 'relation "nowhere" does not exist'),
        ),
    ],
    ids=["fails", "second-fails", "missing-step", "broken-reference", "sql-error"],
)
def test_a_failed_upgrade_leaves_the_database_as_it_was(
    old_db: tuple[Path, sqlite3.Connection | None],
    monkeypatch: pytest.MonkeyPatch,
    steps: dict[int, Any],
    words: tuple[str, str],
) -> None:
    """On SQLite after a copy of the file, on a server in one transaction: either way a step
    that fails halfway (its DDL too) leaves the tables, columns and rows as they were."""
    path, _other = old_db
    before = dump(path)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", V + 2)
    monkeypatch.setattr(schema, "MIGRATIONS", steps)
    with pytest.raises(StoreError) as caught:
        opening.open_database(path)
    message = str(caught.value)
    assert "left as it was" in message and "\n" not in message
    assert words[is_server(path)] in message
    assert dump(path) == before
    assert version_of(path) == V
    if not is_server(path):
        assert str(schema.backup_path(path, V)) in message
        assert dump(schema.backup_path(path, V)) == before
    # With the step mended the same database upgrades, and the old app's data is all there.
    monkeypatch.setattr(schema, "MIGRATIONS", {V: add_a_source_column, V + 1: add_a_table})
    opening.open_database(path).close()
    assert version_of(path) == V + 2 and count(path, "suppression") == 150


@pytest.mark.sqlite_only
def test_no_copy_no_change_when_the_copy_cannot_be_made(
    old_db: tuple[Path, sqlite3.Connection | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _other = old_db
    before = dump(path)
    schema.backup_path(path, V).mkdir()  # a folder where the copy should go
    monkeypatch.setattr(schema, "SCHEMA_VERSION", V + 1)
    monkeypatch.setattr(schema, "MIGRATIONS", {V: add_a_source_column})
    with pytest.raises(StoreError, match="a copy could not be made.*nothing was changed"):
        opening.open_database(path)
    assert dump(path) == before and version_of(path) == V
    assert not list(path.parent.glob(".*partial"))


def test_a_new_database_needs_no_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "SCHEMA_VERSION", V + 1)
    monkeypatch.setattr(schema, "MIGRATIONS", {V: half_then_fail})  # never called
    path = tmp_path / "new.sqlite3"
    opening.open_database(path).close()
    assert version_of(path) == V + 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite3"]


@contextmanager
def another_programs_write(path: Path | str) -> Iterator[None]:
    """Another program in the middle of a write: it holds the write lock until the end."""
    if is_server(path):
        import psycopg

        from optout_desktop.core.db import postgres

        with psycopg.connect(str(path)) as other:
            other.execute("SELECT pg_advisory_xact_lock(%s)", (postgres.WRITE_LOCK_KEY,))
            yield
        return
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        yield
        other.execute("ROLLBACK")


def test_an_upgrade_waits_for_another_programs_write_and_changes_nothing_if_it_must_give_up(
    old_db: tuple[Path, sqlite3.Connection | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upgrade takes the write lock for its one transaction: a colleague's write under way
    holds it off, and when the wait runs out the list is left as it was."""
    path, _other = old_db
    before = dump(path)
    monkeypatch.setenv("OPTOUT_LOCK_TIMEOUT_MS", "300")
    monkeypatch.setattr(schema, "SCHEMA_VERSION", V + 1)
    monkeypatch.setattr(schema, "MIGRATIONS", {V: add_a_source_column})
    with another_programs_write(path), pytest.raises(StoreError) as caught:
        opening.open_database(path)
    message = str(caught.value)
    assert "left as it was" in message and "another window or program" in message
    assert dump(path) == before and version_of(path) == V
    opening.open_database(path).close()  # once the other write is done, it goes through
    assert version_of(path) == V + 1 and count(path, "suppression") == 150
