"""SQL written once for SQLite and PostgreSQL: placeholders, and the functions they name apart."""

from __future__ import annotations

import itertools
from collections.abc import Generator, Sequence
from functools import lru_cache
from typing import Any

import peewee as pw

from .store import database


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
    from .postgres import prepare_models

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
