"""Where SQLite and PostgreSQL differ, in one place: the rest of the engine writes SQL once."""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import peewee as pw

from optout_desktop.core.db.models import database
from optout_desktop.core.progress import CancelFlag

log = logging.getLogger(__name__)

# Rows per multi-row INSERT: larger statements save little time and their compiled form
# costs memory (5,000 rows took some 30 MB more at peak for a 1M-row import).
ROWS_PER_STATEMENT = 500
SERVER_PARAMETERS = 65_535  # the bound parameters PostgreSQL takes in one statement
CANCEL_POLL_S = 0.05  # how often a server's cancel watcher looks at the cancel flag
# Inside it the driver's errors become peewee's, as those of peewee's own queries do.
_wrapper: Any = pw.__exception_wrapper__  # type: ignore[attr-defined]


def is_server() -> bool:
    """True when the open suppression list is on a PostgreSQL server."""
    return isinstance(database.obj, pw.PostgresqlDatabase)


def param() -> str:
    """The open database's placeholder: ? on SQLite, %s on PostgreSQL."""
    return str(database.obj.param)


def sql(text: str, marker: str | None = None) -> str:
    """Raw SQL written with ? placeholders, for the open database (a literal ? is not allowed),
    or for the placeholder `marker` given.

    For a %s database the ? become %s and a literal % becomes %% (as its drivers expect).
    """
    return _convert(text, marker or param())


@lru_cache(maxsize=512)
def _convert(text: str, marker: str) -> str:
    if marker == "?":
        return text
    if marker == "%s":
        text = text.replace("%", "%%")
    return text.replace("?", marker)


def find_function() -> str:
    """The name of the function that gives where text first holds a substring (1 is the
    first character, 0 is nowhere), called as NAME(text, substring): SQLite's instr,
    PostgreSQL's strpos."""
    return "strpos" if is_server() else "instr"


def adapt(model: type[pw.Model]) -> None:
    """Fit a temporary table's model to the open database before the table is made (the
    opening adapts the models it knows; a module imported later brings its own)."""
    from optout_desktop.core.db.postgres import prepare_models

    prepare_models([model], on_postgres=is_server())


def loads_by_copy() -> bool:
    """True when many rows go in fastest by COPY into a temporary table and one set-based
    INSERT from it (PostgreSQL: its cost per statement made 500-row INSERTs three times
    slower than its COPY); False when multi-row INSERTs straight into the table are (SQLite,
    which writes them on a second thread while the file is read)."""
    return is_server()


_cursor_names = itertools.count(1)


def stream_rows(
    db: pw.Database, text: str, params: Sequence[Any] = (), batch: int = 10_000
) -> Generator[tuple[Any, ...], None, None]:
    """A query's rows as the database gives them, fetched a batch at a time, so however many
    there are only one batch is in memory at once.

    SQLite's cursor steps through the result as it is read. psycopg's ordinary cursor loads
    the whole result first, so on PostgreSQL the rows come from a named (server-side) cursor
    in a transaction of its own (a savepoint inside one already open), which ends when the
    rows are read or the reading stops (close the iterator to stop early).
    """
    if not isinstance(db, pw.PostgresqlDatabase):
        cursor = db.execute_sql(text, params)
        while rows := cursor.fetchmany(batch):
            yield from rows
        return
    with db.atomic():
        with _wrapper:
            cursor = db.connection().cursor(name=f"optout_rows_{next(_cursor_names)}")
        try:
            cursor.itersize = batch
            with _wrapper:
                cursor.execute(text, params)
            while True:
                with _wrapper:
                    rows = cursor.fetchmany(batch)
                if not rows:
                    break
                yield from rows
        finally:
            with _wrapper:
                cursor.close()


def continue_numbering(db: pw.Database, table: str, column: str) -> None:
    """After rows came in with their own numbers, let new rows number on after them: a
    server's sequence is set past the largest (SQLite takes the largest + 1 by itself)."""
    if isinstance(db, pw.PostgresqlDatabase):
        db.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
            f'coalesce(max("{column}"), 0) + 1, false) FROM "{table}"'
        )


class Connection:
    """The open transaction's connection, for SQL the engine writes by hand.

    An import's writer thread may use it too (it shares the caller's transaction, where
    the database's own connection would be the thread's). Its errors are turned into
    peewee's, as every other query's are, so one `except DATABASE_ERRORS` catches them all.
    """

    def __init__(self, db: pw.Database) -> None:
        with _wrapper:
            self.raw = db.connection()
        self.server = isinstance(db, pw.PostgresqlDatabase)
        self.marker = str(db.param)
        getlimit = getattr(self.raw, "getlimit", None)  # SQLite's: 999 before 3.32, set per file
        self.parameters = (
            int(getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)) if getlimit else SERVER_PARAMETERS
        )

    def execute(self, text: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (written for this database's placeholder); gives its cursor."""
        with _wrapper:
            return self.raw.execute(text, params)

    def rows_per_statement(self, columns: int, most: int = ROWS_PER_STATEMENT) -> int:
        """Rows of `columns` bound values each per multi-row statement: at most `most`,
        within the database's limit on bound parameters."""
        return max(1, min(most, self.parameters // columns))

    def make_column_table(self, table: str, column: str) -> None:
        """Make a temporary table of one text column, or empty it if this connection has
        it already (on a server it goes at the end of the transaction)."""
        if self.server:
            self.execute(
                f'CREATE TEMP TABLE IF NOT EXISTS {table} ({column} text COLLATE "C") '
                "ON COMMIT DROP"
            )
            self.execute(f"TRUNCATE {table}")
        else:
            self.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} ({column} TEXT)")
            self.execute(f"DELETE FROM {table}")

    def make_table(self, table: str, columns: Sequence[str]) -> None:
        """make_column_table's temporary table, of several text columns."""
        if self.server:
            made = ", ".join(f'{column} text COLLATE "C"' for column in columns)
            self.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} ({made}) ON COMMIT DROP")
            self.execute(f"TRUNCATE {table}")
        else:
            made = ", ".join(f"{column} TEXT" for column in columns)
            self.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} ({made})")
            self.execute(f"DELETE FROM {table}")

    def load_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Insert many rows of values as the database stores them (Field.db_value), in the
        order given: SQLite by multi-row INSERTs, a server by one COPY (its driver took four
        times as long to parse multi-row INSERTs)."""
        names = ", ".join(f'"{column}"' for column in columns)
        if self.server:
            with _wrapper, self.raw.cursor() as cursor:
                with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)
            return
        insert = f'INSERT INTO "{table}" ({names}) VALUES '
        one_row = "(" + ", ".join([self.marker] * len(columns)) + ")"
        per = self.rows_per_statement(len(columns))
        pending: list[Any] = []
        count = 0
        for row in rows:
            pending.extend(row)
            count += 1
            if count == per:
                self.execute(insert + ", ".join([one_row] * count), pending)
                pending, count = [], 0
        if count:
            self.execute(insert + ", ".join([one_row] * count), pending)

    def load_column(self, table: str, column: str, values: Sequence[str]) -> None:
        """Insert rows of one text value (in the order given): SQLite by multi-row INSERTs,
        a server by COPY."""
        if not values:
            return
        if self.server:
            self._copy_lines(f"COPY {table} ({column}) FROM STDIN", values)
            return
        per = self.rows_per_statement(1)
        for start in range(0, len(values), per):
            part = values[start : start + per]
            self.execute(_values_sql(table, column, len(part), self.marker), part)

    def _copy_lines(self, statement: str, lines: Sequence[str]) -> None:
        """COPY one-column rows in: as one block of text when no line needs escaping, the
        usual case, else row by row."""
        with _wrapper:
            with self.raw.cursor() as cursor, cursor.copy(statement) as copy:
                block = "\n".join(lines)
                if block.count("\n") == len(lines) - 1 and not any(
                    special in block for special in ("\\", "\t", "\r")
                ):
                    copy.write(block + "\n")
                else:
                    for line in lines:
                        copy.write_row((line,))


@lru_cache(maxsize=8)
def _values_sql(table: str, column: str, rows: int, marker: str) -> str:
    return sql(f"INSERT INTO {table} ({column}) VALUES {','.join(['(?)'] * rows)}", marker)


def connection() -> Connection:
    """The open database's connection (of this thread) for SQL written by hand."""
    return Connection(database.obj)


@contextmanager
def interruptible(cancel: CancelFlag | None) -> Iterator[None]:
    """Let a cancel stop a long statement of the block: SQLite's progress handler, or on a
    server a watcher thread that asks it to cancel the statement that runs. The statement
    then fails (SQLite: "interrupted"; PostgreSQL: QueryCanceled) as a database error,
    which the caller, seeing the flag set, reports as a cancel."""
    if cancel is None:
        yield
        return
    with _wrapper:
        raw = database.obj.connection()  # the connection every statement of the block runs on
    if is_server():
        with _cancel_watcher(raw, cancel):
            yield
        return
    raw.set_progress_handler(lambda: 1 if cancel.is_set() else 0, 100_000)
    try:
        yield
    finally:
        raw.set_progress_handler(None, 0)


@contextmanager
def _cancel_watcher(raw: Any, cancel: CancelFlag) -> Iterator[None]:
    """While the block runs, cancel the statement in progress once the flag is set. A
    cancel that reaches an idle server is ignored, so only a busy connection is cancelled."""
    done = threading.Event()

    def watch() -> None:
        while not done.wait(CANCEL_POLL_S):
            if cancel.is_set() and _busy(raw):
                try:
                    raw.cancel_safe(timeout=5.0)
                except Exception:  # noqa: BLE001 - the flag still stops the next batch
                    log.info("could not cancel the running statement", exc_info=True)

    watcher = threading.Thread(target=watch, name="optout-cancel", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def _busy(raw: Any) -> bool:
    """True while a statement runs on the psycopg connection."""
    from psycopg import pq

    return bool(raw.info.transaction_status == pq.TransactionStatus.ACTIVE)
