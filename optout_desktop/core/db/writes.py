"""Every write to the suppression list: one transaction that takes the write lock first."""

from __future__ import annotations

import os
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


def write_transaction() -> Any:
    """A transaction that takes the write lock at its start, waiting up to the lock timeout,
    so another program's write cannot make it fail halfway (SQLite's BEGIN IMMEDIATE)."""
    db = database.obj
    if isinstance(db, pw.SqliteDatabase):
        return db.atomic(lock_type="IMMEDIATE")
    if isinstance(db, pw.PostgresqlDatabase):
        return postgres.write_transaction(db, lock_timeout_ms())
    return db.atomic()
