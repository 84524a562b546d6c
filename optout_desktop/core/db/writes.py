"""Every write to the suppression list: one transaction that takes the write lock first."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import peewee as pw

from optout_desktop.core.db import postgres
from optout_desktop.core.db.models import database

LOCK_TIMEOUT_MS = 10_000  # how long a write waits for another program's; OPTOUT_LOCK_TIMEOUT_MS


def lock_timeout_ms() -> int:
    """How long a write waits for another program's to finish (OPTOUT_LOCK_TIMEOUT_MS)."""
    try:
        return max(0, int(os.environ.get("OPTOUT_LOCK_TIMEOUT_MS", LOCK_TIMEOUT_MS)))
    except ValueError:
        return LOCK_TIMEOUT_MS


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
    if wait_ms is None:
        with db.atomic(lock_type="IMMEDIATE") as transaction:
            yield transaction
        return
    db.execute_sql(f"PRAGMA busy_timeout = {wait:d}")  # SQLite waits for the lock this long
    try:
        with db.atomic(lock_type="IMMEDIATE") as transaction:
            yield transaction
    finally:
        db.execute_sql(f"PRAGMA busy_timeout = {lock_timeout_ms():d}")
