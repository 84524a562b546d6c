"""Imports under way: a note committed before an import's transaction, so a crash shows."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import socket
from collections.abc import Mapping
from typing import Any

import peewee as pw

from optout_desktop.core.db.models import ImportRun, RunningImport, now
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.processes import process_alive
from optout_desktop.core.texts import t

log = logging.getLogger(__name__)

ABANDONED = t("The app stopped before the import finished; nothing of it was written.")
_FOREIGN_AFTER = dt.timedelta(days=1)  # a note from another computer is judged by its age
_RECORDED = {"kind", "user_name", "file_name", "file_sha256", "column", "sheet", "scope_id"}


def begin(details: Mapping[str, Any]) -> int:
    """Note an import as running, committed at once (unless the caller's transaction is open).

    `details` are the ImportRun fields the import will record; if its process ends before
    the import's transaction does, the next opening records it as failed from this note.
    """
    with write_transaction():
        note = RunningImport.create(
            pid=os.getpid(),
            host=socket.gethostname(),
            started_at=now(),
            details=json.dumps({k: v for k, v in details.items() if k in _RECORDED}),
        )
    return int(note.id)


def end(note_id: int) -> None:
    """Remove the note: inside the import's transaction, so it goes when the import is there."""
    RunningImport.delete().where(RunningImport.id == note_id).execute()


def forget(note_id: int) -> None:
    """Remove the note in a transaction of its own (a refused import leaves no trace)."""
    try:
        with write_transaction():
            end(note_id)
    except (pw.DatabaseError, OSError):
        log.info("could not remove the note of import %d", note_id, exc_info=True)


def record_abandoned() -> None:
    """Record each import whose process is gone as failed (at every opening)."""
    for note in RunningImport.select().order_by(RunningImport.id):
        if _still_running(note):
            continue
        try:
            details = json.loads(note.details)
        except ValueError:
            details = {}
        fields = {k: v for k, v in details.items() if k in _RECORDED}
        fields.setdefault("kind", "optouts")
        fields.setdefault("file_name", "")
        fields.setdefault("file_sha256", "")
        fields.setdefault("column", "")
        ImportRun.create(
            **fields,
            state="failed",
            started_at=note.started_at,
            finished_at=now(),
            message=ABANDONED,
        )
        note.delete_instance()
        log.info("the import noted at %s never finished; recorded as failed", note.started_at)


def _still_running(note: RunningImport) -> bool:
    if note.host != socket.gethostname():
        try:
            started = dt.datetime.strptime(note.started_at, "%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            return False
        return dt.datetime.now(dt.UTC).replace(tzinfo=None) - started < _FOREIGN_AFTER
    return process_alive(int(note.pid))
