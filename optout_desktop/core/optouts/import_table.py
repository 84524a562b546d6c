"""A temporary table of an import's addresses, so every count and write is one set-based query."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from itertools import islice
from typing import Any

import peewee as pw

from optout_desktop.core.db import tallies
from optout_desktop.core.db.dialect import adapt, is_server, param, sql, writer_connection
from optout_desktop.core.db.models import (
    ACCOUNT,
    BaseModel,
    Contact,
    ImportRun,
    RowError,
    Suppression,
    database,
)
from optout_desktop.core.optouts import domains
from optout_desktop.core.progress import CancelFlag, Progress, ProgressCallback, raise_if_cancelled
from optout_desktop.core.reading.scanning import RefusedRow

log = logging.getLogger(__name__)

# Rows per multi-row INSERT: larger statements save little time and their compiled form
# costs memory (5,000 rows took some 30 MB more at peak for a 1M-row import).
BATCH = 500
SORT_BATCH = 50_000  # addresses sorted at a time before writing: a few ms of the GIL each


class StagedAddress(BaseModel):
    """One distinct address of the file being imported (a temporary, per-connection table)."""

    email = pw.TextField(primary_key=True)

    class Meta:
        database = database
        table_name = "staged_address"
        temporary = True
        without_rowid = True


def batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Split an iterable into lists of at most `size` items."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def stage_addresses(
    addresses: Iterable[str],
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> None:
    """Fill the staging table, each batch sorted (a sorted insert into an index is faster).

    No sort of the whole list: sorting a million strings holds the GIL for half a second,
    which would freeze the window while this runs on its worker thread.
    """
    db = database.obj
    adapt(StagedAddress)
    StagedAddress.create_table(safe=True)
    StagedAddress.delete().execute()
    addresses = list(addresses)
    server = writer_connection(db) if is_server() else None
    cursor = db.cursor()
    done = 0
    # One multi-row INSERT per statement, not one statement per row (as executemany does);
    # on a server, one COPY per batch.
    for batch in batches(addresses, SORT_BATCH):
        raise_if_cancelled(cancel)
        if server is not None:
            server.copy_lines("COPY staged_address (email) FROM STDIN", batch)
        else:
            for part in batches(sorted(batch), rows_per_statement(1)):
                cursor.execute(_rows(len(part), param()), part)
        done += len(batch)
        if progress is not None:
            progress(Progress("writing", done, len(addresses)))


def rows_per_statement(columns: int, most: int = BATCH) -> int:
    """Rows per multi-row INSERT: at most `most`, within SQLite's limit on bound parameters."""
    getlimit = getattr(database.obj.connection(), "getlimit", None)
    limit = int(getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)) if getlimit else 999
    return max(1, min(most, limit // columns))


@lru_cache(maxsize=4)
def _rows(count: int, marker: str) -> str:
    return sql(f"INSERT INTO staged_address (email) VALUES {','.join(['(?)'] * count)}", marker)


def in_scope(scope_id: int) -> pw.Expression:
    """Opt-outs that apply in a scope: the whole account's, and the scope's own."""
    return Suppression.scope_id.in_(sorted({ACCOUNT, scope_id}))


def suppressed_in_scope(email: pw.Field, scope_id: int) -> Any:  # a peewee expression
    """The address in `email` is already suppressed in the scope, itself or by its domain."""
    matching = Suppression.select(pw.SQL("1")).where(
        (Suppression.email == email) & in_scope(scope_id)
    )
    covered = domains.covered_predicate(email, scope_id)
    return pw.fn.EXISTS(matching) if covered is None else (pw.fn.EXISTS(matching) | covered)


def count_already_suppressed(scope_id: int) -> int:
    """Staged addresses that are already suppressed in the scope."""
    query = StagedAddress.select().where(suppressed_in_scope(StagedAddress.email, scope_id))
    return int(query.count())


def count_contacts_to_unsubscribe(scope_id: int) -> int:
    """Staged addresses that are contacts and not yet suppressed in the scope."""
    query = (
        StagedAddress.select()
        .join(Contact, on=(Contact.email == StagedAddress.email))
        .where(~suppressed_in_scope(StagedAddress.email, scope_id))
    )
    return int(query.count())


def count_contacts_unsubscribed_by(
    run_id: int, scope_id: int = ACCOUNT, inserted: int | None = None
) -> int:
    """Contacts whose address an import (into `scope_id`) has just suppressed.

    Given how many opt-outs it `inserted`, the smaller side drives the count: with fewer
    contacts than new opt-outs, each contact is looked up among them by the unique index
    on address and scope (a million new opt-outs and a few contacts: 0.1 s less), else each
    new opt-out among the contacts.
    """
    contacts = tallies.read(tallies.CONTACTS)
    if contacts == 0:
        return 0
    if inserted is not None and contacts < inserted:
        # (an import's opt-outs hold each address once: one scope, unique per scope)
        mine = Suppression.select(pw.SQL("1")).where(
            (Suppression.email == Contact.email)
            & (Suppression.scope_id == scope_id)
            & (Suppression.import_run == run_id)
        )
        return int(Contact.select().where(pw.fn.EXISTS(mine)).count())
    query = (
        Suppression.select()
        .join(Contact, on=(Contact.email == Suppression.email))
        .where(Suppression.import_run == run_id)
    )
    return int(query.count())


def save_refused_rows(
    run: ImportRun, refused: Sequence[RefusedRow], cancel: CancelFlag | None = None
) -> None:
    """Keep the refused rows with the import, for its errors file (multi-row INSERTs)."""
    cursor = database.obj.cursor()
    table = RowError._meta.table_name
    run_id = int(run.id)
    for batch in batches(refused, rows_per_statement(3)):
        raise_if_cancelled(cancel)
        values = ",".join([f"({run_id:d}, ?, ?, ?)"] * len(batch))
        columns = "(import_run_id, row_number, raw_value, reason)"
        cursor.execute(
            sql(f"INSERT INTO {table} {columns} VALUES {values}"),
            [cell for row in batch for cell in (row.row_number, row.raw_value, row.reason)],
        )


@contextmanager
def interruptible(db: pw.Database, cancel: CancelFlag | None) -> Iterator[None]:
    """Let a cancel interrupt a long SQL statement: SQLite's progress handler, or on
    PostgreSQL a watcher thread that asks the server to cancel the running statement."""
    if cancel is None:
        yield
        return
    connection = db.connection()  # the raw connection every statement of the block runs on
    handler = getattr(connection, "set_progress_handler", None)  # SQLite only
    if handler is not None:
        handler(lambda: 1 if cancel.is_set() else 0, 100_000)
        try:
            yield
        finally:
            handler(None, 0)
    elif hasattr(connection, "cancel_safe"):  # psycopg 3
        with _cancel_watcher(connection, cancel):
            yield
    else:
        yield


CANCEL_POLL_S = 0.05  # how often the watcher looks at the cancel flag on PostgreSQL


@contextmanager
def _cancel_watcher(connection: Any, cancel: CancelFlag) -> Iterator[None]:
    """While the block runs, cancel the statement in progress once the flag is set (the
    statement then fails with QueryCanceled, which the caller turns into Cancelled). A
    cancel that reaches an idle server is ignored, so only a busy connection is cancelled."""
    done = threading.Event()

    def watch() -> None:
        while not done.wait(CANCEL_POLL_S):
            if cancel.is_set() and _busy(connection):
                try:
                    connection.cancel_safe(timeout=5.0)
                except Exception:  # noqa: BLE001 - the flag still stops the next batch
                    log.info("could not cancel the running statement", exc_info=True)

    watcher = threading.Thread(target=watch, name="optout-cancel", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def _busy(connection: Any) -> bool:
    """True while a statement runs on the psycopg connection."""
    from psycopg import pq

    return bool(connection.info.transaction_status == pq.TransactionStatus.ACTIVE)
