"""The schema: create it, upgrade it by numbered migrations (after a copy), tidy it."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import peewee as pw

from optout_desktop.core.db import tallies, unfinished_imports
from optout_desktop.core.db.failures import (
    DATABASE_ERRORS,
    FULL,
    LOCKED,
    OTHER,
    READ_ONLY,
    error_kind,
    plain_message,
)
from optout_desktop.core.db.lock_wait import lock_timeout_ms
from optout_desktop.core.db.models import (
    MODELS,
    CleaningRun,
    ImportClaim,
    ImportRun,
    LiftLog,
    OneToOneSend,
    RaisedReason,
    RunningImport,
    SchemaInfo,
    Tally,
)
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.errors import StoreError
from optout_desktop.core.texts import t

SCHEMA_VERSION = 4
HOUSEKEEPING_WAIT_MS = 250  # an opening's housekeeping waits no longer, then leaves it for later

log = logging.getLogger(__name__)

# MIGRATIONS[n] brings a database from schema version n to n + 1 (SCHEMA_VERSION is the last).
# Before any step runs the file is copied to "<name>.bak-v<n>" beside it; then all the steps
# run in one transaction, with foreign keys checked at its end, so a failure changes nothing.
# A new database is made at SCHEMA_VERSION directly, from the models.


def _add_logs_claims_undo_and_domains(db: pw.Database) -> None:
    """Version 1 to 2: the one-to-one log, the lift log, claims and running totals, and the
    history's undo and whole-domain columns. (Versions 1 of some ages had some of these:
    earlier releases added them at each opening, so each is added only when missing.)"""
    db.create_tables([OneToOneSend, LiftLog, ImportClaim, Tally, RunningImport], safe=True)
    table = ImportRun._meta.table_name
    present = {column.name for column in db.get_columns(table)}
    for name, kind in (
        ("domains", "INTEGER NOT NULL DEFAULT 0"),
        ("undone_by", "TEXT"),
        ("undone_at", "TEXT"),
    ):
        if name not in present:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {kind}')


def _add_cleanings(db: pw.Database) -> None:
    """Version 2 to 3: the record of each mailing list cleaned before it was sent."""
    db.create_tables([CleaningRun], safe=True)


def _add_reasons_and_hashes(db: pw.Database) -> None:
    """Version 3 to 4: why each import listed an address (its claims' reason), the reasons
    imports raised, and the history's reason columns. Hashed addresses and forgotten people
    need no table of their own: they are opt-outs whose entry is a digest (sha256:<hex>)."""
    db.create_tables([RaisedReason], safe=True)
    _add_columns(db, ImportClaim._meta.table_name, (("reason", "TEXT NOT NULL DEFAULT 'import'"),))
    _add_columns(
        db,
        ImportRun._meta.table_name,
        (
            ("reason", "TEXT NOT NULL DEFAULT 'import'"),
            ("reasons", "TEXT NOT NULL DEFAULT ''"),
            ("raised", "INTEGER NOT NULL DEFAULT 0"),
            ("hashed", "INTEGER NOT NULL DEFAULT 0"),
        ),
    )


def _add_columns(db: pw.Database, table: str, columns: tuple[tuple[str, str], ...]) -> None:
    """Add each column the table lacks (a table made at this version from the models has it)."""
    present = {column.name for column in db.get_columns(table)}
    for name, kind in columns:
        if isinstance(db, pw.PostgresqlDatabase) and kind.startswith("TEXT"):
            kind = 'TEXT COLLATE "C"' + kind[4:]  # as the models' text columns are made there
        if name not in present:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {kind}')


MIGRATIONS: dict[int, Callable[[pw.Database], None]] = {
    1: _add_logs_claims_undo_and_domains,
    2: _add_cleanings,
    3: _add_reasons_and_hashes,
}


def migrate(db: pw.Database, path: Path | None) -> None:
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
    for model in MODELS:
        name = model._meta.table_name
        if name not in tables:
            missing.append(name)
        elif not set(model._meta.columns) <= {c.name for c in db.get_columns(name)}:
            missing.append(name)
    return version, missing


def _create(db: pw.Database) -> None:
    db.create_tables(MODELS, safe=True)
    _tidy(db)
    SchemaInfo.insert(key="schema_version", value=str(SCHEMA_VERSION)).on_conflict(
        conflict_target=[SchemaInfo.key], update={SchemaInfo.value: str(SCHEMA_VERSION)}
    ).execute()


def _tidy(db: pw.Database) -> None:
    """What every opening does: count the running totals afresh, and record imports whose
    process is gone as failed."""
    tallies.recount(db)
    unfinished_imports.record_abandoned()


def _housekeeping(db: pw.Database) -> None:
    """Tidy (recount totals, mark abandoned imports), unless another program
    is writing, the file is read-only or the disk full: then it waits for the next opening
    (the list can still be read, looked up and exported meanwhile). On a server the same:
    a colleague's long import, or a user allowed to read only, does not stop the opening."""
    try:
        with write_transaction(min(lock_timeout_ms(), HOUSEKEEPING_WAIT_MS)):
            _tidy(db)
    except DATABASE_ERRORS as error:
        if error_kind(error) not in (LOCKED, READ_ONLY, FULL):
            raise
        log.info("opening without housekeeping: %s", error)


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
