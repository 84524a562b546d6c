"""Writers waiting for the write lock, made visible, so a holder that can let go gives way."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee as pw

from optout_desktop.core.db import postgres
from optout_desktop.core.db.lock_wait import lock_timeout_ms
from optout_desktop.core.db.models import database
from optout_desktop.core.processes import process_alive

log = logging.getLogger(__name__)
_MARK = ".waiting-writer."  # <database file>.waiting-writer.<host>.<pid>.<thread>
# On a server: does a session wait for the writers' advisory lock (postgres.WRITE_LOCK_KEY,
# which every writer takes first)? pg_locks is read live, where pg_stat_activity would be read
# once per transaction and miss a writer that came later.
_WAITING_FOR_THE_LOCK = (
    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
    " AND classid = 0 AND objid = %s AND objsubid = 1)"
)


@contextmanager
def shown() -> Iterator[None]:
    """While the block waits for SQLite's write lock, a small file beside the database says
    so (a server shows its waiting sessions itself). A file that cannot be made is skipped:
    the holder then keeps the lock until its own time limit."""
    marker = _marker_folder_and_prefix()
    if marker is None:
        yield
        return
    path = Path(f"{marker}{socket.gethostname()}.{os.getpid()}.{threading.get_ident()}")
    try:
        path.touch()
    except OSError:
        log.info("could not show a waiting writer at %s", path, exc_info=True)
    try:
        yield
    finally:
        _remove(path)


def someone_waits() -> bool:
    """True when another writer waits for the write lock this connection holds."""
    db = database.obj
    if isinstance(db, pw.PostgresqlDatabase):
        waiting = db.execute_sql(_WAITING_FOR_THE_LOCK, (postgres.WRITE_LOCK_KEY,))
        return bool(waiting.fetchone()[0])
    marker = _marker_folder_and_prefix()
    if marker is None:
        return False
    folder, prefix = marker.parent, marker.name
    try:
        found = [path for path in folder.iterdir() if path.name.startswith(prefix)]
    except OSError:
        return False
    return any(_still_waiting(path, path.name[len(prefix) :]) for path in found)


def _marker_folder_and_prefix() -> Path | None:
    """Where a waiting writer's file goes (None for a database that is not a file)."""
    db = database.obj
    if isinstance(db, pw.PostgresqlDatabase):
        return None
    name = str(getattr(db, "database", "") or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(f"{name}{_MARK}")


def _still_waiting(path: Path, who: str) -> bool:
    """A marker counts while its writer may still wait: not past the longest a writer waits
    (its lock timeout, taken as this one's), and on this computer only while its process
    runs. One left behind (a crash, a pid used again) is removed."""
    host_and_pid = who.rpartition(".")[0]  # host.pid.thread
    host, _, pid = host_and_pid.rpartition(".")
    try:
        age_s = time.time() - path.stat().st_mtime
    except OSError:
        return False  # (gone meanwhile: its writer has the lock or gave up)
    if age_s <= 2 * lock_timeout_ms() / 1000 and (
        host != socket.gethostname() or (pid.isdigit() and process_alive(int(pid)))
    ):
        return True
    _remove(path)
    return False


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # (held open by a virus scanner, say: it is judged by its age)
        log.info("could not remove %s", path, exc_info=True)
