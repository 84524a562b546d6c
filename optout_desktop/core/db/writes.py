"""Every write to the suppression list: one transaction that takes the write lock first."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import peewee as pw

from optout_desktop.core.db import postgres, waiting_writers
from optout_desktop.core.db.failures import LOCKED, error_kind
from optout_desktop.core.db.lock_wait import lock_timeout_ms
from optout_desktop.core.db.models import database


@contextmanager
def write_transaction(wait_ms: int | None = None) -> Iterator[Any]:
    """A transaction that takes the write lock at its start, so writers take turns and
    another program's write cannot make this one fail halfway: SQLite's BEGIN IMMEDIATE, a
    server's advisory lock (postgres.WRITE_LOCK_KEY). Every write goes through here.

    It waits up to the lock timeout for the lock, or `wait_ms` if given (an opening's
    housekeeping waits only a moment), then fails as "locked". Inside a transaction that
    is open already it is a savepoint of that one (whose write lock is held).
    """
    db = database.obj
    wait = lock_timeout_ms() if wait_ms is None else max(0, wait_ms)
    if isinstance(db, pw.PostgresqlDatabase):
        with postgres.write_transaction(db, wait) as transaction:
            yield transaction
        return
    if db.in_transaction():  # a savepoint: the lock is held already
        with db.atomic() as transaction:
            yield transaction
        return
    with ExitStack() as stack:
        stack.callback(db.execute_sql, f"PRAGMA busy_timeout = {lock_timeout_ms():d}")
        yield _begin_immediate(db, wait, stack)


def _begin_immediate(db: pw.SqliteDatabase, wait_ms: int, stack: ExitStack) -> Any:
    """SQLite's BEGIN IMMEDIATE, the transaction left on `stack`: at once if the lock is
    free, else after waiting up to `wait_ms`, shown waiting meanwhile (waiting_writers)."""
    db.execute_sql("PRAGMA busy_timeout = 0")
    try:
        return stack.enter_context(db.atomic(lock_type="IMMEDIATE"))
    except pw.OperationalError as error:
        if error_kind(error) != LOCKED:
            raise
    finally:
        db.execute_sql(f"PRAGMA busy_timeout = {wait_ms:d}")
    with waiting_writers.shown():
        return stack.enter_context(db.atomic(lock_type="IMMEDIATE"))
