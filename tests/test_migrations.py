"""Schema upgrades: the file is copied aside first, and a failed upgrade changes nothing."""

from __future__ import annotations

import sqlite3
import stat
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import peewee as pw
import pytest

from optout_desktop.core import store
from optout_desktop.core.errors import StoreError
from optout_desktop.core.store import Suppression

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def dump(path: Path) -> list[str]:
    """Everything the database holds, as SQL text (the write-ahead log included)."""
    with closing(sqlite3.connect(path)) as raw:
        return list(raw.iterdump())


def version_of(path: Path) -> int:
    with closing(sqlite3.connect(path)) as raw:
        row = raw.execute("SELECT value FROM schema_info WHERE key = 'schema_version'")
        return int(row.fetchone()[0])


def count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as raw:
        return int(raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def old_db(db_path: Path) -> Iterator[tuple[Path, sqlite3.Connection]]:
    """A version-1 database whose last rows are still only in its write-ahead log.

    The connection that wrote them stays open (no checkpoint), as after a crash or while
    another window is open.
    """
    database = store.open_database(db_path)
    for n in range(100):
        Suppression.create(email=f"old{n}@x.dk", reason="manual")
    database.close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.executemany(
        "INSERT INTO suppression (email, scope_id, reason, created_at, note) "
        "VALUES (?, 0, 'manual', '2020-01-01T00:00:00Z', '')",
        [(f"wal{n}@x.dk",) for n in range(50)],
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
    db.execute_sql("DELETE FROM suppression WHERE email LIKE 'old%'")
    db.execute_sql("CREATE TABLE half_done (x)")
    raise RuntimeError("the step failed halfway")


def test_an_upgrade_copies_the_file_aside_first_with_the_log(
    old_db: tuple[Path, sqlite3.Connection], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _other = old_db
    before = dump(path)
    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(store, "MIGRATIONS", {1: add_a_source_column})
    database = store.open_database(path)
    try:
        assert store.schema_version() == 2
        rows = database.execute_sql("SELECT DISTINCT source FROM suppression").fetchall()
        assert rows == [("before version 2",)]
    finally:
        database.close()
    backup = store.backup_path(path, 1)
    assert backup == path.with_name("optout.sqlite3.bak-v1")
    assert dump(backup) == before  # all 150 opt-outs, the log's 50 too
    assert count(backup, "suppression") == 150 and version_of(backup) == 1
    assert version_of(path) == 2 and count(path, "suppression") == 150
    with closing(sqlite3.connect(backup)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert not list(path.parent.glob(".*partial"))


@posix_only
def test_the_copy_is_private(
    old_db: tuple[Path, sqlite3.Connection], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _other = old_db
    backup = store.backup_path(path, 1)
    backup.write_text("an older copy, readable by all")
    backup.chmod(0o644)
    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(store, "MIGRATIONS", {1: add_a_table})
    store.open_database(path).close()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert version_of(backup) == 1  # replaced by the fresh copy


def test_several_steps_run_in_order_from_one_copy(
    old_db: tuple[Path, sqlite3.Connection], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _other = old_db
    monkeypatch.setattr(store, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(store, "MIGRATIONS", {1: add_a_source_column, 2: add_a_table})
    store.open_database(path).close()
    assert version_of(path) == 3 and count(path, "note_v3") == 0
    assert version_of(store.backup_path(path, 1)) == 1
    assert not store.backup_path(path, 2).exists()
    store.open_database(path).close()  # at the current version: no copy, no step
    assert not store.backup_path(path, 2).exists()


@pytest.mark.parametrize(
    ("steps", "words"),
    [
        ({1: half_then_fail}, "the step failed halfway"),
        ({1: add_a_source_column, 2: half_then_fail}, "the step failed halfway"),
        ({1: add_a_source_column}, "no way from schema version 2 to 3"),
        (
            {
                1: lambda db: db.execute_sql(
                    "INSERT INTO row_error (import_run_id, row_number, raw_value, reason) "
                    "VALUES (4242, 2, 'x', 'y')"
                ),
                2: add_a_table,
            },
            "refer to nothing",
        ),
        (
            {1: lambda db: db.execute_sql("INSERT INTO nowhere VALUES (1)"), 2: add_a_table},
            "no such table",
        ),
    ],
    ids=["fails", "second-fails", "missing-step", "broken-reference", "sql-error"],
)
def test_a_failed_upgrade_leaves_the_database_as_it_was(
    old_db: tuple[Path, sqlite3.Connection],
    monkeypatch: pytest.MonkeyPatch,
    steps: dict[int, Any],
    words: str,
) -> None:
    path, _other = old_db
    before = dump(path)
    monkeypatch.setattr(store, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(store, "MIGRATIONS", steps)
    with pytest.raises(StoreError) as caught:
        store.open_database(path)
    message = str(caught.value)
    assert "left as it was" in message and words in message and "\n" not in message
    assert str(store.backup_path(path, 1)) in message
    assert dump(path) == before
    assert version_of(path) == 1
    assert dump(store.backup_path(path, 1)) == before
    # With the step mended the same file upgrades, and the old app's data is all there.
    monkeypatch.setattr(store, "MIGRATIONS", {1: add_a_source_column, 2: add_a_table})
    store.open_database(path).close()
    assert version_of(path) == 3 and count(path, "suppression") == 150


def test_no_copy_no_change_when_the_copy_cannot_be_made(
    old_db: tuple[Path, sqlite3.Connection], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _other = old_db
    before = dump(path)
    store.backup_path(path, 1).mkdir()  # a folder where the copy should go
    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(store, "MIGRATIONS", {1: add_a_source_column})
    with pytest.raises(StoreError, match="a copy could not be made.*nothing was changed"):
        store.open_database(path)
    assert dump(path) == before and version_of(path) == 1
    assert not list(path.parent.glob(".*partial"))


def test_a_new_database_needs_no_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(store, "MIGRATIONS", {1: half_then_fail})  # never called
    path = tmp_path / "new.sqlite3"
    store.open_database(path).close()
    assert version_of(path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite3"]
