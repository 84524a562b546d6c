"""Writers waiting for the write lock, made visible, so a holder that can let go gives way."""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee as pw

from optout_desktop.core.db.models import database
from optout_desktop.core.processes import process_alive

log = logging.getLogger(__name__)
_MARK = ".waiting-writer."  # <database file>.waiting-writer.<host>.<pid>.<thread>
# On a server: does any session wait for a lock that this one holds? (pg_locks, read live;
# pg_stat_activity would be read once per transaction and miss a writer that came later)
_BLOCKED_BY_US = (
    "SELECT EXISTS (SELECT 1 FROM pg_locks "
    "WHERE NOT granted AND pg_backend_pid() = ANY (pg_blocking_pids(pid)))"
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
        path.unlink(missing_ok=True)


def someone_waits() -> bool:
    """True when another writer waits for the write lock this connection holds."""
    db = database.obj
    if isinstance(db, pw.PostgresqlDatabase):
        return bool(db.execute_sql(_BLOCKED_BY_US).fetchone()[0])
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
    """A marker of a process on this computer counts while it runs (one left by a process
    that died is removed); another computer's counts as it is."""
    host_and_pid = who.rpartition(".")[0]  # host.pid.thread
    host, _, pid = host_and_pid.rpartition(".")
    if host != socket.gethostname():
        return True
    if pid.isdigit() and process_alive(int(pid)):
        return True
    path.unlink(missing_ok=True)
    return False
