"""A temporary table of an import's addresses, so every count and write is one set-based query."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any

import peewee as pw

from .scanning import CancelFlag, Progress, ProgressCallback, RefusedRow, raise_if_cancelled
from .store import ACCOUNT, Contact, ImportRun, RowError, Suppression, database

BATCH = 50_000


class StagedAddress(pw.Model):
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
    """Fill the staging table, in sorted order (a sorted insert into an index is faster)."""
    db = database.obj
    StagedAddress.create_table(safe=True)
    StagedAddress.delete().execute()
    ordered = sorted(addresses)
    cursor = db.cursor()
    sql = "INSERT INTO staged_address (email) VALUES (?)"
    done = 0
    for batch in batches(ordered, BATCH):
        raise_if_cancelled(cancel)
        cursor.executemany(sql, [(address,) for address in batch])
        done += len(batch)
        if progress is not None:
            progress(Progress("writing", done, len(ordered)))


def in_scope(scope_id: int) -> pw.Expression:
    """Opt-outs that apply in a scope: the whole account's, and the scope's own."""
    return Suppression.scope_id.in_(sorted({ACCOUNT, scope_id}))


def suppressed_in_scope(email: pw.Field, scope_id: int) -> Any:  # a peewee expression
    """EXISTS: the address in `email` is already suppressed in the scope."""
    matching = Suppression.select(pw.SQL("1")).where(
        (Suppression.email == email) & in_scope(scope_id)
    )
    return pw.fn.EXISTS(matching)


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


def save_refused_rows(
    run: ImportRun, refused: Sequence[RefusedRow], cancel: CancelFlag | None = None
) -> None:
    """Keep the refused rows with the import, for its errors file."""
    fields = [RowError.import_run, RowError.row_number, RowError.raw_value, RowError.reason]
    for batch in batches(refused, 5_000):
        raise_if_cancelled(cancel)
        rows = [(run.id, row.row_number, row.raw_value, row.reason) for row in batch]
        RowError.insert_many(rows, fields=fields).execute()


@contextmanager
def interruptible(db: pw.Database, cancel: CancelFlag | None) -> Iterator[None]:
    """Let a cancel interrupt a long SQL statement (SQLite's progress handler)."""
    connection = db.connection()
    handler = getattr(connection, "set_progress_handler", None)  # SQLite only
    if cancel is None or handler is None:
        yield
        return
    handler(lambda: 1 if cancel.is_set() else 0, 100_000)
    try:
        yield
    finally:
        handler(None, 0)
