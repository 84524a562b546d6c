"""Erasing for good: a laptop's file keeps no copy of what was deleted (a server cannot promise it).

SQLite leaves deleted text in the file's free space, in pages rewritten since and in the
write-ahead log, until something overwrites it. While `erasing()` is on, SQLite overwrites
what it deletes with zeros (PRAGMA secure_delete); `wipe()`, after the transaction, rebuilds
the file (VACUUM: every page written afresh, so no old free space is left) and copies the
log into it and empties it (wal_checkpoint(TRUNCATE)). A PostgreSQL server keeps deleted rows
until its own vacuum reclaims them, and its backups keep what they kept: nothing here can
reach those.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from optout_desktop.core.db.failures import DATABASE_ERRORS
from optout_desktop.core.db.lock_wait import lock_timeout_ms
from optout_desktop.core.db.models import database

log = logging.getLogger(__name__)
WIPE_WAIT_MS = 1_000  # how long the file's rebuilding waits for another program's readers


@contextmanager
def erasing() -> Iterator[None]:
    """While the block runs, SQLite overwrites deleted content with zeros."""
    db = database.obj
    if isinstance(db, pw.PostgresqlDatabase):
        yield
        return
    before = db.execute_sql("PRAGMA secure_delete").fetchone()[0]
    db.execute_sql("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA secure_delete = {int(before):d}")


@dataclass(frozen=True)
class Wiped:
    """What wipe() could do: the file rebuilt and its log emptied (a file's only)."""

    on_server: bool
    rebuilt: bool = False
    log_emptied: bool = False
    copies: tuple[str, ...] = ()  # copies made before upgrades, which still hold old data

    @property
    def complete(self) -> bool:
        return self.on_server or (self.rebuilt and self.log_emptied)


def wipe() -> Wiped:
    """After an erasing transaction committed: rebuild the SQLite file and empty its log, so
    the deleted bytes are nowhere in the file, its -wal or its -shm. Another program that
    holds the list open can keep the log from being emptied: the answer says so."""
    db = database.obj
    if isinstance(db, pw.PostgresqlDatabase):
        return Wiped(on_server=True)
    rebuilt = emptied = False
    db.execute_sql(f"PRAGMA busy_timeout = {WIPE_WAIT_MS:d}")  # then it says so, and why
    try:
        try:
            db.execute_sql("VACUUM")
            rebuilt = True
        except DATABASE_ERRORS:
            log.info("could not rebuild the database after erasing", exc_info=True)
        try:
            busy = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            emptied = not busy
        except DATABASE_ERRORS:
            log.info("could not empty the write-ahead log after erasing", exc_info=True)
    finally:
        db.execute_sql(f"PRAGMA busy_timeout = {lock_timeout_ms():d}")
    return Wiped(False, rebuilt, emptied, _copies(Path(db.database)))


def _copies(path: Path) -> tuple[str, ...]:
    """The copies made beside the file before schema upgrades (schema.backup_path)."""
    return tuple(sorted(str(copy) for copy in path.parent.glob(f"{path.name}.bak-v*")))
