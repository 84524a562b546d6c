"""The database: a real SQLite file in WAL mode, private, versioned, careful with other files;
or a database on a PostgreSQL server, versioned and careful with other programs' tables."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.db import models, opening, schema
from optout_desktop.core.errors import StoreError
from tests.helpers import is_server, outside_rows, table_counts

OUR_TABLES = {"contact", "suppression", "import_run", "row_error", "business_unit", "schema_info"}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_has_our_tables_and_a_schema_version(db: Any, db_path: Path) -> None:
    assert schema.schema_version() == schema.SCHEMA_VERSION
    # Seen from outside, by another connection to the same database.
    stored = outside_rows(db_path, "SELECT value FROM schema_info WHERE key = 'schema_version'")
    assert stored == [(str(schema.SCHEMA_VERSION),)]
    assert OUR_TABLES <= set(table_counts(db_path))


@pytest.mark.sqlite_only  # WAL and foreign keys are settings of each SQLite connection
def test_new_database_is_wal_with_foreign_keys(db: Any, db_path: Path) -> None:
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert outside_rows(db_path, "PRAGMA journal_mode") == [("wal",)]


def test_text_on_the_server_compares_byte_by_byte_as_on_sqlite(db: Any, db_path: Path) -> None:
    """Every text column is in the "C" collation on PostgreSQL: order and equality follow the
    bytes, as SQLite's BINARY does, whatever language the server was set up in."""
    for email in ("b@x.dk", "B@x.dk", "1abc@x.dk", "@x.dk", "_a@x.dk", "a@x.dk"):
        models.Suppression.create(email=email, reason="manual")
    emails = [s.email for s in models.Suppression.select().order_by(models.Suppression.email)]
    assert emails == sorted(emails)  # Python's order is the code points', like "C"
    if is_server(db_path):
        loose = outside_rows(
            db_path,
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND data_type = 'text' "
            "AND collation_name IS DISTINCT FROM 'C'",
        )
        assert loose == []


@pytest.mark.sqlite_only
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_new_database_file_is_readable_by_its_owner_only(db: Any, db_path: Path) -> None:
    assert _mode(db_path) == 0o600


def test_new_database_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "list.sqlite3"
    database = opening.open_database(path)
    try:
        assert path.is_file()
    finally:
        database.close()


def test_foreign_keys_are_enforced(db: Any) -> None:
    with pytest.raises(Exception, match="(?i)foreign key"):
        models.RowError.create(import_run=12345, row_number=2, raw_value="x", reason="y")


def test_reopening_keeps_the_data(db_path: Path) -> None:
    first = opening.open_database(db_path)
    models.Contact.create(email="jens@firma.dk")
    first.close()
    second = opening.open_database(db_path)
    try:
        assert [c.email for c in models.Contact.select()] == ["jens@firma.dk"]
        assert schema.schema_version() == schema.SCHEMA_VERSION
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
        opening.open_database(path)
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
        opening.open_database(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]


def test_a_damaged_sqlite_file_is_refused_with_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "list.sqlite3"
    content = b"SQLite format 3\x00" + b"\xff" * 2000
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        opening.open_database(path)
    assert "damaged" in str(caught.value)
    assert path.read_bytes() == content


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        opening.open_database(tmp_path)


def test_a_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    database = opening.open_database(db_path)
    newer = str(schema.SCHEMA_VERSION + 1)
    models.SchemaInfo.update(value=newer).where(models.SchemaInfo.key == "schema_version").execute()
    database.close()
    before = table_counts(db_path)
    with pytest.raises(StoreError, match="newer"):
        opening.open_database(db_path)
    stored = outside_rows(db_path, "SELECT value FROM schema_info WHERE key = 'schema_version'")
    assert stored == [(newer,)]
    assert table_counts(db_path) == before


def outside_execute(url: str, *statements: str) -> None:
    """Run statements on the server by a separate connection (another program), committed."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as other:
        for statement in statements:
            other.execute(statement)


@pytest.fixture
def server_url(pg_server: Any) -> Iterator[str]:
    """A fresh database on the test server, whatever the test's backend."""
    url = pg_server.fresh_database()
    yield url
    if models.database.obj is not None:
        models.database.obj.close()
    pg_server.drop_database(url)


def test_a_server_database_with_other_programs_tables_is_refused_and_left_untouched(
    server_url: str,
) -> None:
    db_path = server_url
    outside_execute(
        db_path,
        "CREATE TABLE bookmarks (url TEXT)",
        "INSERT INTO bookmarks VALUES ('https://example.com')",
        "CREATE TABLE contact (name TEXT)",  # a name ours share, yet not our database
    )
    with pytest.raises(StoreError, match="other tables than OptOut Desktop's.*left untouched"):
        opening.open_database(db_path)
    assert table_counts(db_path) == {"bookmarks": 1, "contact": 0}
    assert outside_rows(db_path, "SELECT url FROM bookmarks") == [("https://example.com",)]
    columns = outside_rows(
        db_path, "SELECT column_name FROM information_schema.columns WHERE table_name = 'contact'"
    )
    assert columns == [("name",)]


def test_optout_db_names_the_default_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPTOUT_DB", str(tmp_path / "from-env.sqlite3"))
    assert opening.default_path() == tmp_path / "from-env.sqlite3"
    database = opening.open_database()
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
    assert opening.default_path() == tmp_path / "data" / "OptOut Desktop" / "optout.sqlite3"


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


@pytest.mark.sqlite_only
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_write_ahead_log_is_private_too(db: Any, db_path: Path) -> None:
    models.Contact.create(email="jens@firma.dk")
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.exists()
    assert _mode(wal) == 0o600
