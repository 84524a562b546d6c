"""The database: a real SQLite file in WAL mode, private, versioned, careful with other files."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core import store
from optout_desktop.core.errors import StoreError


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_is_wal_with_foreign_keys_and_a_schema_version(db: Any, db_path: Path) -> None:
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.schema_version() == store.SCHEMA_VERSION

    # Seen from outside, by another connection to the same file.
    with sqlite3.connect(db_path) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        stored = other.execute("SELECT value FROM schema_info WHERE key = 'schema_version'")
        assert stored.fetchone()[0] == str(store.SCHEMA_VERSION)
        tables = {row[0] for row in other.execute("SELECT name FROM sqlite_master")}
    assert {"contact", "suppression", "import_run", "row_error", "business_unit"} <= tables


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_new_database_file_is_readable_by_its_owner_only(db: Any, db_path: Path) -> None:
    assert _mode(db_path) == 0o600


def test_new_database_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "list.sqlite3"
    database = store.open_database(path)
    try:
        assert path.is_file()
    finally:
        database.close()


def test_foreign_keys_are_enforced(db: Any) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"):
        store.RowError.create(import_run=12345, row_number=2, raw_value="x", reason="y")


def test_reopening_keeps_the_data(db_path: Path) -> None:
    first = store.open_database(db_path)
    store.Contact.create(email="jens@firma.dk")
    first.close()
    second = store.open_database(db_path)
    try:
        assert [c.email for c in store.Contact.select()] == ["jens@firma.dk"]
        assert store.schema_version() == store.SCHEMA_VERSION
    finally:
        second.close()


@pytest.mark.parametrize(
    "content",
    [
        b"email\njens@firma.dk\n",
        b"hi",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"SQLite format 2\x00" + b"\x00" * 100,
    ],
    ids=["text", "short-text", "png", "almost-sqlite"],
)
def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "list.sqlite3"
    path.write_bytes(content)
    before = path.stat()
    with pytest.raises(StoreError, match="not an OptOut Desktop database"):
        store.open_database(path)
    assert path.read_bytes() == content
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.sqlite3"]


def test_another_programs_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE bookmarks (url TEXT)")
        other.execute("INSERT INTO bookmarks VALUES ('https://example.com')")
    other.close()
    content = path.read_bytes()
    with pytest.raises(StoreError, match="not an OptOut Desktop database"):
        store.open_database(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]


def test_a_damaged_sqlite_file_is_refused_with_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "list.sqlite3"
    content = b"SQLite format 3\x00" + b"\xff" * 2000
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        store.open_database(path)
    assert "damaged" in str(caught.value)
    assert path.read_bytes() == content


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        store.open_database(tmp_path)


def test_a_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    database = store.open_database(db_path)
    store.SchemaInfo.replace(key="schema_version", value=str(store.SCHEMA_VERSION + 1)).execute()
    database.close()
    with pytest.raises(StoreError, match="newer"):
        store.open_database(db_path)
    with sqlite3.connect(db_path) as other:
        value = other.execute("SELECT value FROM schema_info WHERE key = 'schema_version'")
        assert value.fetchone()[0] == str(store.SCHEMA_VERSION + 1)
    other.close()


def test_optout_db_names_the_default_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPTOUT_DB", str(tmp_path / "from-env.sqlite3"))
    assert store.default_path() == tmp_path / "from-env.sqlite3"
    database = store.open_database()
    try:
        assert (tmp_path / "from-env.sqlite3").is_file()
    finally:
        database.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG data folder")
def test_without_optout_db_the_default_is_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPTOUT_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert store.default_path() == tmp_path / "data" / "OptOut Desktop" / "optout.sqlite3"


def _optout(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("optout")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "optout_desktop.cli"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


def test_the_command_line_uses_optout_db_when_db_is_absent(tmp_path: Path) -> None:
    target = tmp_path / "env.sqlite3"
    env = {**os.environ, "OPTOUT_DB": str(target), "HOME": str(tmp_path / "home")}
    env.pop("XDG_DATA_HOME", None)
    added = _optout("business-units", "--add", "Brand", env=env, cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert target.is_file()
    with sqlite3.connect(target) as other:
        assert other.execute("SELECT name FROM business_unit").fetchall() == [("Brand",)]
    other.close()
    # --db wins over OPTOUT_DB.
    chosen = tmp_path / "chosen.sqlite3"
    listed = _optout("--db", str(chosen), "business-units", "--json", env=env, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert '"business_units": []' in listed.stdout
    assert chosen.is_file()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_write_ahead_log_is_private_too(db: Any, db_path: Path) -> None:
    store.Contact.create(email="jens@firma.dk")
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.exists()
    assert _mode(wal) == 0o600
