"""The suppression list's database: peewee models, opening the SQLite file, schema version."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import peewee as pw

from .errors import StoreError

SCHEMA_VERSION = 1
ACCOUNT = 0  # scope_id of an opt-out for the whole account; others are business-unit ids
APP_NAME = "OptOut Desktop"

database = pw.DatabaseProxy()


def now() -> str:
    """The current time as UTC ISO-8601 text, the form every timestamp is stored in."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaInfo(BaseModel):
    """Key-value facts about the database itself, such as its schema version."""

    key = pw.TextField(primary_key=True)
    value = pw.TextField()


class BusinessUnit(BaseModel):
    """A brand with its own opt-outs; the whole account is scope 0, not a row here."""

    id = pw.AutoField()
    name = pw.TextField(unique=True)
    created_at = pw.TextField(default=now)


class Contact(BaseModel):
    """A contact: what the billable total counts."""

    id = pw.AutoField()
    email = pw.TextField(unique=True)
    first_name = pw.TextField(default="")
    last_name = pw.TextField(default="")
    created_at = pw.TextField(default=now)
    updated_at = pw.TextField(default=now)


class ImportRun(BaseModel):
    """One import of a file, with every count, its state and who ran it."""

    id = pw.AutoField()
    kind = pw.TextField()  # "optouts" or "contacts"
    state = pw.TextField(default="running")  # running, completed, cancelled, failed, undone
    started_at = pw.TextField(default=now)
    finished_at = pw.TextField(null=True)
    user_name = pw.TextField(default="")
    file_name = pw.TextField()
    file_sha256 = pw.TextField()
    column = pw.TextField()
    sheet = pw.TextField(null=True)
    scope_id = pw.IntegerField(default=ACCOUNT)
    rows = pw.IntegerField(default=0)
    valid = pw.IntegerField(default=0)
    invalid = pw.IntegerField(default=0)
    blank = pw.IntegerField(default=0)
    duplicates = pw.IntegerField(default=0)
    new = pw.IntegerField(default=0)
    already_suppressed = pw.IntegerField(default=0)
    contacts_unsubscribed = pw.IntegerField(default=0)
    contacts_created = pw.IntegerField(default=0)
    contacts_updated = pw.IntegerField(default=0)
    message = pw.TextField(default="")


class Suppression(BaseModel):
    """An opt-out. It belongs to the address, so it outlives any contact with that address."""

    id = pw.AutoField()
    email = pw.TextField()
    scope_id = pw.IntegerField(default=ACCOUNT)
    reason = pw.TextField()  # import, unsubscribed, bounced, spam, manual
    import_run = pw.ForeignKeyField(ImportRun, null=True, backref="suppressions")
    import_run_id: int | None
    created_at = pw.TextField(default=now)
    note = pw.TextField(default="")

    class Meta:
        indexes = ((("email", "scope_id"), True),)


class RowError(BaseModel):
    """A row an import refused: its row number, what the cell held, and why."""

    import_run = pw.ForeignKeyField(ImportRun, backref="row_errors", on_delete="CASCADE")
    row_number = pw.IntegerField()
    raw_value = pw.TextField()
    reason = pw.TextField()


MODELS: list[type[BaseModel]] = [
    SchemaInfo,
    BusinessUnit,
    Contact,
    ImportRun,
    Suppression,
    RowError,
]


def default_path() -> Path:
    """The database file in the user's data folder, unless OPTOUT_DB names another."""
    if os.environ.get("OPTOUT_DB"):
        return Path(os.environ["OPTOUT_DB"]).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "optout.sqlite3"


def open_database(path: str | Path | None = None) -> pw.SqliteDatabase:
    """Open (creating if needed) the suppression list and bind the models to it."""
    path = Path(path).expanduser() if path else default_path()
    _check_file(path)
    db = pw.SqliteDatabase(
        str(path),
        check_same_thread=False,  # an import's writer thread shares the caller's transaction
        pragmas={
            "journal_mode": "wal",
            "foreign_keys": 1,
            "synchronous": "full",
            "busy_timeout": 10_000,
            "cache_size": -16000,
        },
    )
    try:
        db.connect(reuse_if_open=True)
        database.initialize(db)
        _migrate(db)
    except (pw.DatabaseError, sqlite3.DatabaseError) as error:
        db.close()
        raise StoreError(_plain(error, path)) from None
    return db


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"The database “{path}” is a folder, not a file.")
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(16)
        except OSError as error:
            raise StoreError(
                f"The database “{path}” could not be read: {error.strerror}."
            ) from None
        if header and (header != b"SQLite format 3\x00" or not _is_ours(path)):
            raise StoreError(f"“{path}” is not an OptOut Desktop database; it was left untouched.")
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as error:
        raise StoreError(f"The database “{path}” could not be created: {error.strerror}.") from None


def _is_ours(path: Path) -> bool:
    """True unless the SQLite file holds tables and none of them is ours (read-only look)."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as other:
            names = {row[0] for row in other.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise StoreError(_plain(error, path)) from None
    return not names or SchemaInfo._meta.table_name in names


def _plain(error: Exception, path: Path) -> str:
    text = str(error)
    if "locked" in text or "busy" in text:
        return (
            "The suppression list is open in another window or program; "
            "try again when it is closed."
        )
    if "readonly" in text or "read-only" in text:
        return f"The database “{path}” is read-only; choose a folder you can write to."
    if "not a database" in text or "malformed" in text:
        return f"The database “{path}” is damaged; it was left untouched."
    return f"The database “{path}” could not be opened: {text}."


# Modules of core that keep tables of their own; each has install(db), run at every opening
# after the tables above exist (so a later feature adds its tables without touching these).
SCHEMA_PARTS = ("tallies", "one_to_one")


def _migrate(db: pw.SqliteDatabase) -> None:
    with db.atomic():
        db.create_tables(MODELS, safe=True)
        for part in SCHEMA_PARTS:
            importlib.import_module(f"{__package__}.{part}").install(db)
        row = SchemaInfo.get_or_none(SchemaInfo.key == "schema_version")
        version = int(row.value) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                "This suppression list was made by a newer OptOut Desktop; update the app."
            )
        if version != SCHEMA_VERSION:
            SchemaInfo.replace(key="schema_version", value=str(SCHEMA_VERSION)).execute()


def schema_version() -> int:
    """The schema version stored in the open database."""
    return int(SchemaInfo.get(SchemaInfo.key == "schema_version").value)
