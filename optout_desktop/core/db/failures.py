"""Database failures in plain words: the one place they are worded."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee as pw

from optout_desktop.core.db import postgres
from optout_desktop.core.errors import StoreError
from optout_desktop.core.texts import t

_named: list[Path | str] = []  # the file (or server) last opened, for messages about it


def name_in_messages(target: Path | str) -> None:
    """Name this file or server in the messages about database errors from now on."""
    _named[:] = [target]


DATABASE_ERRORS: tuple[type[Exception], ...] = (pw.DatabaseError, sqlite3.DatabaseError)
LOCKED, FULL, READ_ONLY, DAMAGED, UNREACHABLE, DISK, LOGIN, OTHER = (
    "locked",
    "full",
    "read-only",
    "damaged",
    "unreachable",
    "disk",
    "login",
    "other",
)
_KINDS = {
    "SQLITE_BUSY": LOCKED,
    "SQLITE_LOCKED": LOCKED,
    "SQLITE_FULL": FULL,
    "SQLITE_READONLY": READ_ONLY,
    "SQLITE_CORRUPT": DAMAGED,
    "SQLITE_NOTADB": DAMAGED,
    "SQLITE_CANTOPEN": UNREACHABLE,
    "SQLITE_IOERR": DISK,
    "SQLITE_PERM": READ_ONLY,
    "SQLITE_AUTH": READ_ONLY,
}
_WORDS = (
    (("locked", "busy"), LOCKED),
    (("disk is full", "database or disk is full"), FULL),
    (("readonly", "read-only"), READ_ONLY),
    (("malformed", "not a database", "corrupt"), DAMAGED),
    (("unable to open",), UNREACHABLE),
    (("disk i/o error",), DISK),
)


def error_kind(error: BaseException) -> str:
    """What went wrong in terms a person understands: LOCKED, FULL, READ_ONLY, ..."""
    on_server = postgres.error_kind(error)
    if on_server is not None:
        return on_server
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:  # peewee's errors wrap sqlite3's
        seen.add(id(cause))
        name = getattr(cause, "sqlite_errorname", "")
        for prefix, kind in _KINDS.items():
            if name == prefix or name.startswith(prefix + "_"):
                return kind
        cause = cause.__cause__ or cause.__context__
    text = str(error).lower()
    return next((kind for words, kind in _WORDS if any(w in text for w in words)), OTHER)


def plain_message(error: BaseException, path: Path | str | None = None) -> str:
    """One plain line for a database error, naming the database file or server."""
    path = path or (_named[0] if _named else None)
    # The file in quotes, or the words (a message of their own, so they are translated too).
    name = f"“{path}”" if path else t("of the suppression list")
    kind = error_kind(error)
    if kind == LOGIN:
        return t(
            "The database server {name} did not accept the user name or password; nothing "
            "was written. Set PGPASSWORD, add the password to your .pgpass file, or type it "
            "when asked.",
            name=name,
        )
    if kind == UNREACHABLE and isinstance(path, str) and not Path(path).is_absolute():
        first_line = next((line for line in str(error).splitlines() if line.strip()), "")
        detail = first_line.split(": ")[-1].strip()[:200]
        return t(
            "The database server {name} could not be reached ({reason}); nothing was "
            "written and nothing else was changed.",
            name=name,
            reason=detail,
        )
    if kind == LOCKED:
        return t(
            "The suppression list is open in another window or program; "
            "try again when it is closed."
        )
    if kind == FULL:
        return t("The disk is full, so nothing was written; free some space and try again.")
    if kind == READ_ONLY and isinstance(path, str) and not Path(path).is_absolute():
        return t(
            "The database {name} on the server is read-only, so nothing was written: your "
            "user may only read it; ask the server's administrator for write access.",
            name=name,
        )
    if kind == READ_ONLY:
        return t(
            "The database {name} is read-only, so nothing was written; "
            "choose a folder you can write to.",
            name=name,
        )
    if kind == DAMAGED:
        return t(
            "The database {name} is damaged, so nothing was written to it; use a copy.", name=name
        )
    if kind == UNREACHABLE:
        return t(
            "The database {name} could not be opened: its folder is missing or cannot be "
            "written to.",
            name=name,
        )
    if kind == DISK:
        return t("The disk holding the database {name} could not be read or written.", name=name)
    text = " ".join(str(error).split())
    return t(
        "The database {name} could not be used ({reason}); nothing was written.",
        name=name,
        reason=text,
    )


@contextmanager
def plain_errors() -> Iterator[None]:
    """Turn an SQLite error raised inside into a StoreError with a plain message."""
    try:
        yield
    except DATABASE_ERRORS as error:
        raise StoreError(plain_message(error)) from error
