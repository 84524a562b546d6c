"""SQL written once for SQLite and PostgreSQL: placeholders, and the functions they name apart."""

from __future__ import annotations

import itertools
from collections.abc import Generator, Sequence
from functools import lru_cache
from typing import Any

import peewee as pw

from optout_desktop.core.db.models import database


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
    return "instr" if isinstance(database.obj, pw.SqliteDatabase) else "strpos"


def adapt(model: type[pw.Model]) -> None:
    """Fit a temporary table's model to the open database before the table is made (the
    opening adapts the models it knows; a module imported later brings its own)."""
    from optout_desktop.core.db.postgres import prepare_models

    prepare_models([model], on_postgres=isinstance(database.obj, pw.PostgresqlDatabase))


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
    wrapper: Any = pw.__exception_wrapper__  # type: ignore[attr-defined]
    with db.atomic():
        with wrapper:
            cursor = db.connection().cursor(name=f"optout_rows_{next(_cursor_names)}")
        try:
            cursor.itersize = batch
            with wrapper:
                cursor.execute(text, params)
            while True:
                with wrapper:
                    rows = cursor.fetchmany(batch)
                if not rows:
                    break
                yield from rows
        finally:
            with wrapper:
                cursor.close()


def is_server() -> bool:
    """True when the open suppression list is on a PostgreSQL server."""
    return isinstance(database.obj, pw.PostgresqlDatabase)


class _ServerConnection:
    """psycopg's connection for the import's writer thread, its errors turned into peewee's
    (as every other query's are), so one `except DATABASE_ERRORS` catches them all."""

    def __init__(self, db: pw.Database) -> None:
        self.db = db
        self.raw = db.connection()

    def execute(self, sql: str, params: Any = ()) -> Any:
        with pw.__exception_wrapper__:  # type: ignore[attr-defined]
            return self.raw.execute(sql, params)

    def copy_lines(self, statement: str, lines: Sequence[str]) -> None:
        """COPY one-column rows in (`statement` is COPY … FROM STDIN): as one block of
        text when no line needs escaping, the usual case, else row by row."""
        with pw.__exception_wrapper__:  # type: ignore[attr-defined]
            with self.raw.cursor() as cursor, cursor.copy(statement) as copy:
                block = "\n".join(lines)
                if block.count("\n") == len(lines) - 1 and not any(
                    special in block for special in ("\\", "\t", "\r")
                ):
                    copy.write(block + "\n")
                else:
                    for line in lines:
                        copy.write_row((line,))


def writer_connection(db: pw.Database) -> Any:
    """The connection an import's writer thread uses inside the caller's transaction."""
    if isinstance(db, pw.PostgresqlDatabase):
        return _ServerConnection(db)
    return db.connection()
