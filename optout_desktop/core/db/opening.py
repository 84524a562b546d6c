"""Open the suppression list: a laptop's SQLite file (checked first) or a team's server."""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing, suppress
from pathlib import Path
from typing import Any

import peewee as pw

from optout_desktop.core.db import postgres
from optout_desktop.core.db.failures import (
    DATABASE_ERRORS,
    LOGIN,
    error_kind,
    name_in_messages,
    plain_message,
)
from optout_desktop.core.db.lock_wait import lock_timeout_ms
from optout_desktop.core.db.models import MODELS, SchemaInfo, database
from optout_desktop.core.db.schema import migrate
from optout_desktop.core.errors import LoginRefused, StoreError
from optout_desktop.core.folders import APP_NAME
from optout_desktop.core.texts import t

log = logging.getLogger(__name__)


def default_path() -> Path | str:
    """The database file in the user's data folder, unless OPTOUT_DB names another file or a
    PostgreSQL server (postgresql://user@host:5432/name)."""
    if os.environ.get("OPTOUT_DB"):
        named = os.environ["OPTOUT_DB"]
        return named if postgres.is_url(named) else Path(named).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "optout.sqlite3"


# Every connection gets these; busy_timeout is set from lock_timeout_ms() at each opening.
PRAGMAS: dict[str, Any] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "cache_size": -16000,
}


_current: list[tuple[Path | str, str | None]] = []  # what open_database was last given


def opened() -> tuple[Path | str, str | None]:
    """The database last opened and the password it was opened with (memory only), so a
    helper process can open the same one."""
    return _current[0] if _current else (default_path(), None)


def open_database(path: str | Path | None = None, password: str | None = None) -> Any:
    """Open (creating if needed) the suppression list and bind the models to it.

    `path` is a SQLite file, or a PostgreSQL URL for a team's shared list (`password`, if
    given, is used for that server and kept in memory only). A damaged file, or one that is
    not ours, is refused and left byte for byte as it was; an older schema is upgraded after a
    copy of the file was made beside it (on PostgreSQL, in one transaction instead).
    """
    target = path if path else default_path()
    _current[:] = [(target, password)]
    if postgres.is_url(target):
        return _open_server(str(target), password)
    path = Path(target).expanduser()
    _check_file(path)
    postgres.prepare_models(MODELS, on_postgres=False)
    db = pw.SqliteDatabase(
        str(path),
        check_same_thread=False,  # an import's writer thread shares the caller's transaction
        pragmas={**PRAGMAS, "busy_timeout": lock_timeout_ms()},
    )
    name_in_messages(path)
    try:
        db.connect(reuse_if_open=True)
        database.initialize(db)
        migrate(db, path)
    except StoreError:
        db.close()
        raise
    except DATABASE_ERRORS as error:
        db.close()
        raise StoreError(plain_message(error, path)) from None
    return db


def _open_server(url: str, password: str | None) -> pw.PostgresqlDatabase:
    """Connect to a team's PostgreSQL server; create or upgrade the schema under the lock."""
    name = postgres.display_name(url)
    db = postgres.connect(url, password)
    postgres.prepare_models(MODELS, on_postgres=True)
    name_in_messages(name)
    try:
        db.connect(reuse_if_open=True)
        database.initialize(db)
        tables = set(db.get_tables())
        if tables and SchemaInfo._meta.table_name not in tables:
            raise StoreError(
                t(
                    "The database {name} holds other tables than OptOut Desktop's; "
                    "it was left untouched.",
                    name=f"“{name}”",
                )
            )
        migrate(db, None)
    except StoreError:
        db.close()
        raise
    except DATABASE_ERRORS as error:
        db.close()
        refused = LoginRefused if error_kind(error) == LOGIN else StoreError
        raise refused(plain_message(error, name)) from None
    return db


def database_target(text: str) -> Path | str:
    """What --db or a setting names: a PostgreSQL URL as it is, else a file path."""
    return text if postgres.is_url(text) else Path(text).expanduser()


def display_name(target: Path | str) -> str:
    """The database as people may see it: a file's path, or a server without its password."""
    return postgres.display_name(str(target)) if postgres.is_url(target) else str(target)


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(t("The database “{path}” is a folder, not a file.", path=str(path)))
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(16)
        except OSError as error:
            raise StoreError(
                t(
                    "The database “{path}” could not be read: {reason}.",
                    path=str(path),
                    reason=error.strerror,
                )
            ) from None
        if header and (header != b"SQLite format 3\x00" or not _is_ours(path)):
            raise StoreError(
                t(
                    "“{path}” is not an OptOut Desktop database; it was left untouched.",
                    path=str(path),
                )
            )
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as error:
        raise StoreError(
            t(
                "The database “{path}” could not be created: {reason}.",
                path=str(path),
                reason=error.strerror,
            )
        ) from None


def _is_ours(path: Path) -> bool:
    """True unless the SQLite file holds tables and none of them is ours (read-only look).

    Ours or not, a file whose pages do not hold together is refused here, before anything
    could be written to it (PRAGMA quick_check: some 0.1 s per 100 MB).
    """
    sides = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    there = [side.exists() for side in sides]
    ours = False
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as other:
            names = {row[0] for row in other.execute("SELECT name FROM sqlite_master")}
            ours = not names or SchemaInfo._meta.table_name in names
            if names and ours:
                verdict = other.execute("PRAGMA quick_check(1)").fetchone()
                if not verdict or verdict[0] != "ok":
                    ours = False
                    raise sqlite3.DatabaseError("database disk image is malformed")
    except sqlite3.DatabaseError as error:
        raise StoreError(plain_message(error, path)) from None
    finally:
        if not ours:  # a refused file keeps no empty side files of our look beside it
            _tidy(sides, there)
    return ours


def _tidy(sides: list[Path], there: list[bool]) -> None:
    """Remove the -wal and -shm files a read-only look made, if the -wal is empty."""
    wal = sides[0]
    with suppress(OSError):
        if not there[0] and wal.exists() and wal.stat().st_size == 0:
            for side, existed in zip(sides, there, strict=True):
                if not existed:
                    side.unlink(missing_ok=True)
