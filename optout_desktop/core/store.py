"""The suppression list's database: peewee models, opening the SQLite file, schema version."""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import Any

import peewee as pw

from . import postgres
from .errors import LoginRefused, StoreError
from .texts import t

SCHEMA_VERSION = 1
ACCOUNT = 0  # scope_id of an opt-out for the whole account; others are business-unit ids
APP_NAME = "OptOut Desktop"
LOCK_TIMEOUT_MS = 10_000  # how long a write waits for another program's; OPTOUT_LOCK_TIMEOUT_MS
HOUSEKEEPING_WAIT_MS = 250  # an opening's housekeeping waits no longer, then leaves it for later

log = logging.getLogger(__name__)
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
    domains = pw.IntegerField(default=0)  # whole-domain opt-outs among the valid entries
    message = pw.TextField(default="")
    undone_by = pw.TextField(null=True)
    undone_at = pw.TextField(null=True)


class Suppression(BaseModel):
    """An opt-out. It belongs to the address, so it outlives any contact with that address."""

    id = pw.AutoField()
    email = pw.TextField()
    scope_id = pw.IntegerField(default=ACCOUNT)
    reason = pw.TextField()  # import, unsubscribed, bounced, spam, manual
    import_run = postgres.UncheckedOnServer(ImportRun, null=True, backref="suppressions")
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


class RunningImport(BaseModel):
    """An import under way, committed before its own transaction starts (see core.running)."""

    id = pw.AutoField()
    pid = pw.IntegerField()
    host = pw.TextField()
    started_at = pw.TextField(default=now)
    details = pw.TextField()  # JSON: the ImportRun fields the import will record


MODELS: list[type[BaseModel]] = [
    SchemaInfo,
    BusinessUnit,
    Contact,
    ImportRun,
    Suppression,
    RowError,
    RunningImport,
]


def default_path() -> Path | str:
    """The database file in the user's data folder, unless OPTOUT_DB names another file or a
    PostgreSQL server (postgresql://user@host:5432/name)."""
    if os.environ.get("OPTOUT_DB"):
        named = os.environ["OPTOUT_DB"]
        return named if postgres.is_url(named) else Path(named).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "optout.sqlite3"


def lock_timeout_ms() -> int:
    """How long a write waits for another program's to finish (OPTOUT_LOCK_TIMEOUT_MS)."""
    try:
        return max(0, int(os.environ.get("OPTOUT_LOCK_TIMEOUT_MS", LOCK_TIMEOUT_MS)))
    except ValueError:
        return LOCK_TIMEOUT_MS


# Every connection gets these; busy_timeout is set from lock_timeout_ms() at each opening.
PRAGMAS: dict[str, Any] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "cache_size": -16000,
}
_opened: list[Path | str] = []  # the file (or server) last opened, for messages about it


def open_database(path: str | Path | None = None, password: str | None = None) -> Any:
    """Open (creating if needed) the suppression list and bind the models to it.

    `path` is a SQLite file, or a PostgreSQL URL for a team's shared list (`password`, if
    given, is used for that server and kept in memory only). A damaged file, or one that is
    not ours, is refused and left byte for byte as it was; an older schema is upgraded after a
    copy of the file was made beside it (on PostgreSQL, in one transaction instead).
    """
    target = path if path else default_path()
    if postgres.is_url(target):
        return _open_server(str(target), password)
    path = Path(target).expanduser()
    _check_file(path)
    postgres.prepare_models(all_models(), on_postgres=False)
    db = pw.SqliteDatabase(
        str(path),
        check_same_thread=False,  # an import's writer thread shares the caller's transaction
        pragmas={**PRAGMAS, "busy_timeout": lock_timeout_ms()},
    )
    _opened[:] = [path]
    try:
        db.connect(reuse_if_open=True)
        database.initialize(db)
        _migrate(db, path)
    except StoreError:
        db.close()
        raise
    except DATABASE_ERRORS as error:
        db.close()
        raise StoreError(plain_message(error, path)) from None
    return db


def _open_server(url: str, password: str | None) -> pw.PostgresqlDatabase:
    """Connect to a team's PostgreSQL server; create or upgrade the schema under the lock."""
    name = postgres.display_name(url)
    db = postgres.connect(url, password)
    postgres.prepare_models(all_models(), on_postgres=True)
    _opened[:] = [name]
    try:
        db.connect(reuse_if_open=True)
        database.initialize(db)
        tables = set(db.get_tables())
        if tables and SchemaInfo._meta.table_name not in tables:
            raise StoreError(
                t(
                    "The database {name} holds other tables than OptOut Desktop's; "
                    "it was left untouched.",
                    name=f"“{name}”",
                )
            )
        _migrate(db, None)
    except StoreError:
        db.close()
        raise
    except DATABASE_ERRORS as error:
        db.close()
        refused = LoginRefused if error_kind(error) == LOGIN else StoreError
        raise refused(plain_message(error, name)) from None
    return db


def database_target(text: str) -> Path | str:
    """What --db or a setting names: a PostgreSQL URL as it is, else a file path."""
    return text if postgres.is_url(text) else Path(text).expanduser()


def display_name(target: Path | str) -> str:
    """The database as people may see it: a file's path, or a server without its password."""
    return postgres.display_name(str(target)) if postgres.is_url(target) else str(target)


def is_server() -> bool:
    """True when the open suppression list is on a PostgreSQL server."""
    return isinstance(database.obj, pw.PostgresqlDatabase)


def all_models() -> list[type[BaseModel]]:
    """Every table's model: the core's and the schema parts' (temporary ones included)."""
    _parts()  # the parts' models exist once their modules are imported
    found: list[type[BaseModel]] = []
    pending: list[type[BaseModel]] = [BaseModel]
    while pending:
        for model in pending.pop().__subclasses__():
            found.append(model)
            pending.append(model)
    return list(dict.fromkeys(found))


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


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(t("The database “{path}” is a folder, not a file.", path=str(path)))
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(16)
        except OSError as error:
            raise StoreError(
                t(
                    "The database “{path}” could not be read: {reason}.",
                    path=str(path),
                    reason=error.strerror,
                )
            ) from None
        if header and (header != b"SQLite format 3\x00" or not _is_ours(path)):
            raise StoreError(
                t(
                    "“{path}” is not an OptOut Desktop database; it was left untouched.",
                    path=str(path),
                )
            )
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as error:
        raise StoreError(
            t(
                "The database “{path}” could not be created: {reason}.",
                path=str(path),
                reason=error.strerror,
            )
        ) from None


def _is_ours(path: Path) -> bool:
    """True unless the SQLite file holds tables and none of them is ours (read-only look).

    Ours or not, a file whose pages do not hold together is refused here, before anything
    could be written to it (PRAGMA quick_check: some 0.1 s per 100 MB).
    """
    sides = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    there = [side.exists() for side in sides]
    ours = False
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as other:
            names = {row[0] for row in other.execute("SELECT name FROM sqlite_master")}
            ours = not names or SchemaInfo._meta.table_name in names
            if names and ours:
                verdict = other.execute("PRAGMA quick_check(1)").fetchone()
                if not verdict or verdict[0] != "ok":
                    ours = False
                    raise sqlite3.DatabaseError("database disk image is malformed")
    except sqlite3.DatabaseError as error:
        raise StoreError(plain_message(error, path)) from None
    finally:
        if not ours:  # a refused file keeps no empty side files of our look beside it
            _tidy(sides, there)
    return ours


def _tidy(sides: list[Path], there: list[bool]) -> None:
    """Remove the -wal and -shm files a read-only look made, if the -wal is empty."""
    wal = sides[0]
    with suppress(OSError):
        if not there[0] and wal.exists() and wal.stat().st_size == 0:
            for side, existed in zip(sides, there, strict=True):
                if not existed:
                    side.unlink(missing_ok=True)


# --- SQLite's errors in plain words: the one place they are worded --------------------------

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
    path = path or (_opened[0] if _opened else None)
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


def write_transaction() -> Any:
    """A transaction that takes the write lock at its start, waiting up to the lock timeout,
    so another program's write cannot make it fail halfway (SQLite's BEGIN IMMEDIATE)."""
    db = database.obj
    if isinstance(db, pw.SqliteDatabase):
        return db.atomic(lock_type="IMMEDIATE")
    if isinstance(db, pw.PostgresqlDatabase):
        return postgres.write_transaction(db, lock_timeout_ms())
    return db.atomic()


# --- the schema: create, upgrade (after a copy), and every opening's housekeeping ------------

# Modules of core that keep tables of their own; each has install(db), run at every opening
# after the tables above exist (so a later feature adds its tables without touching these).
SCHEMA_PARTS = ("tallies", "one_to_one", "running", "claims", "undo", "lifting")

# MIGRATIONS[n] brings a database from schema version n to n + 1 (SCHEMA_VERSION is the last).
# Before any step runs the file is copied to "<name>.bak-v<n>" beside it; then all the steps
# run in one transaction, with foreign keys checked at its end, so a failure changes nothing.
MIGRATIONS: dict[int, Callable[[pw.Database], None]] = {}


def _migrate(db: pw.Database, path: Path | None) -> None:
    version, missing = _schema_state(db)
    if version > SCHEMA_VERSION:
        raise StoreError(
            t("This suppression list was made by a newer OptOut Desktop; update the app.")
        )
    if 0 < version < SCHEMA_VERSION:
        _upgrade(db, path, version)
    elif version == 0 or missing:
        with write_transaction():
            _create(db)
    else:
        _housekeeping(db)


def _schema_state(db: pw.Database) -> tuple[int, list[str]]:
    """The stored schema version (0 for a new file) and the tables that are not there yet or
    lack a column (reads only)."""
    tables = set(db.get_tables())
    version = 0
    if SchemaInfo._meta.table_name in tables:
        row = SchemaInfo.get_or_none(SchemaInfo.key == "schema_version")
        version = int(row.value) if row else 0
    missing = []
    for model in [*MODELS, *_part_models()]:
        name = model._meta.table_name
        if name not in tables:
            missing.append(name)
        elif not set(model._meta.columns) <= {c.name for c in db.get_columns(name)}:
            missing.append(name)
    return version, missing


def _parts() -> list[Any]:
    return [importlib.import_module(f"{__package__}.{part}") for part in SCHEMA_PARTS]


def _part_models() -> list[type[BaseModel]]:
    """The tables the schema parts keep (their BaseModel classes)."""
    return [
        value
        for module in _parts()
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__ == module.__name__
    ]


def _create(db: pw.Database) -> None:
    db.create_tables(MODELS, safe=True)
    for part in _parts():
        part.install(db)
    SchemaInfo.insert(key="schema_version", value=str(SCHEMA_VERSION)).on_conflict(
        conflict_target=[SchemaInfo.key], update={SchemaInfo.value: str(SCHEMA_VERSION)}
    ).execute()


def _housekeeping(db: pw.Database) -> None:
    """Each part's install (recount totals, mark abandoned imports), unless another program
    is writing, the file is read-only or the disk full: then it waits for the next opening
    (the list can still be read, looked up and exported meanwhile). On a server the same:
    a colleague's long import, or a user allowed to read only, does not stop the opening."""
    wait = min(lock_timeout_ms(), HOUSEKEEPING_WAIT_MS)
    on_server = isinstance(db, pw.PostgresqlDatabase)
    if isinstance(db, pw.PostgresqlDatabase):
        transaction = postgres.write_transaction(db, wait)
    else:
        db.execute_sql(f"PRAGMA busy_timeout = {wait:d}")
        transaction = write_transaction()
    try:
        with transaction:
            for part in _parts():
                part.install(db)
    except DATABASE_ERRORS as error:
        if error_kind(error) not in (LOCKED, READ_ONLY, FULL):
            raise
        log.info("opening without housekeeping: %s", error)
    finally:
        if not on_server:
            db.execute_sql(f"PRAGMA busy_timeout = {lock_timeout_ms():d}")


def backup_path(path: Path, version: int) -> Path:
    """Where the copy made before upgrading a version-`version` database is kept."""
    return path.with_name(f"{path.name}.bak-v{version}")


def _upgrade(db: pw.Database, path: Path | None, version: int) -> None:
    if path is None:  # a server: its DDL is transactional, one transaction is the backup
        _upgrade_server(db, version)
        return
    backup = _back_up(db, path, version)
    db.execute_sql("PRAGMA foreign_keys = OFF")  # a step may rebuild a table; checked below
    try:
        with write_transaction():
            for step in range(version, SCHEMA_VERSION):
                if step not in MIGRATIONS:  # (its message ends the one the user sees)
                    raise LookupError(
                        t(
                            "no way from schema version {old} to {new}",
                            old=str(step),
                            new=str(step + 1),
                        )
                    )
                MIGRATIONS[step](db)
            _create(db)
            if db.execute_sql("PRAGMA foreign_key_check").fetchone() is not None:
                raise ValueError(t("the upgrade left rows that refer to nothing"))
    except Exception as error:
        log.info("upgrading %s from schema version %d failed", path, version, exc_info=True)
        plain = isinstance(error, DATABASE_ERRORS) and error_kind(error) != OTHER
        reason = plain_message(error, path) if plain else " ".join(str(error).split())
        raise StoreError(
            t(
                "The suppression list could not be updated for this version of the app, so it "
                "was left as it was (a copy is in “{backup}”): {reason}",
                backup=str(backup),
                reason=reason,
            )
        ) from None
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")
    log.info("upgraded %s from schema version %d; the old file is in %s", path, version, backup)


def _run_migrations(db: pw.Database, version: int) -> None:
    for step in range(version, SCHEMA_VERSION):
        if step not in MIGRATIONS:  # (its message ends the one the user sees)
            raise LookupError(
                t("no way from schema version {old} to {new}", old=str(step), new=str(step + 1))
            )
        MIGRATIONS[step](db)
    _create(db)


def _upgrade_server(db: pw.Database, version: int) -> None:
    try:
        with write_transaction():
            if _schema_state(db)[0] == version:  # not upgraded meanwhile by a colleague
                _run_migrations(db, version)
    except Exception as error:
        log.info("upgrading the server from schema version %d failed", version, exc_info=True)
        plain = isinstance(error, DATABASE_ERRORS) and error_kind(error) != OTHER
        reason = plain_message(error) if plain else " ".join(str(error).split())
        raise StoreError(
            t(
                "The suppression list on the server could not be updated for this version of "
                "the app, so it was left as it was: {reason}",
                reason=reason,
            )
        ) from None


def _back_up(db: pw.Database, path: Path, version: int) -> Path:
    """Copy the database aside with SQLite's backup API (the write-ahead log's pages too)."""
    backup = backup_path(path, version)
    partial = backup.with_name(f".{backup.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
        with closing(sqlite3.connect(partial)) as copy:
            db.connection().backup(copy)
        os.replace(partial, backup)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        reason = error.strerror if isinstance(error, OSError) else plain_message(error, backup)
        raise StoreError(
            t(
                "Before updating the suppression list a copy could not be made in “{backup}” "
                "({reason}); nothing was changed.",
                backup=str(backup),
                reason=reason,
            )
        ) from None
    return backup


def schema_version() -> int:
    """The schema version stored in the open database."""
    return int(SchemaInfo.get(SchemaInfo.key == "schema_version").value)
