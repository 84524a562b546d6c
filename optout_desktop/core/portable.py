"""SQL written once for SQLite and PostgreSQL: placeholders, and the functions they name apart."""

from __future__ import annotations

from functools import lru_cache

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
