"""Move a whole suppression list between a laptop's SQLite file and a team's server, verified."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee as pw

from optout_desktop.core.db import dialect, failures, models, opening, postgres, writes
from optout_desktop.core.db.models import MODELS
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.texts import t

BATCH = 2_000  # rows read at a time
PROGRESS_EVERY = 50_000  # rows copied between two reports of progress
# Made again at every opening, or only meaningful while a program runs: not copied.
RECOMPUTED = {"schema_info", "tally", "running_import"}


@dataclass
class CopyReport:
    """What was copied: rows per table, and the checksum both sides agreed on."""

    rows: dict[str, int] = field(default_factory=dict)
    checksum: str = ""


def copy_database(
    source: Path | str,
    destination: Path | str,
    progress: Callable[[str, int], None] | None = None,
) -> CopyReport:
    """Copy every opt-out, contact, import and log from `source` into an empty `destination`.

    All is written in one transaction, then counted and checksummed on both sides before it
    is committed: a difference, or any failure, leaves the destination as it was.
    """
    if not postgres.is_url(source):
        if not Path(source).is_file():
            raise OptOutError(t("There is no suppression list at “{path}”.", path=str(source)))
    source_db = opening.open_database(source)
    models = _tables(source_db)
    try:
        destination_db = opening.open_database(destination)
    except BaseException:
        source_db.close()
        raise
    try:
        _refuse_unless_empty(destination_db, models, destination)
        report = CopyReport()
        digest = hashlib.sha256()
        with failures.plain_errors(), writes.write_transaction():
            for model in models:
                name = model._meta.table_name
                report.rows[name] = _copy_table(source_db, destination_db, model, progress)
                original = _checksum(source_db, model)
                digest.update(original.encode())
                if _checksum(destination_db, model) != original:
                    raise OptOutError(
                        t(
                            "The copy of the table “{table}” differs from the original, so "
                            "nothing was copied.",
                            table=name,
                        )
                    )
            _restart_numbering(destination_db, models)
        report.checksum = digest.hexdigest()
    finally:
        source_db.close()
    # Reopen: the destination's totals (billable contacts) are counted afresh.
    destination_db.close()
    opening.open_database(destination)
    return report


def _tables(db: pw.Database) -> list[type[models.BaseModel]]:
    """The tables to copy, parents before children (foreign keys)."""
    present = set(db.get_tables())
    models = [
        model
        for model in MODELS
        if model._meta.table_name in present and model._meta.table_name not in RECOMPUTED
    ]
    return list(pw.sort_models(models))  # type: ignore[attr-defined]


def _refuse_unless_empty(db: pw.Database, models: list[type[Any]], name: Path | str) -> None:
    for model in models:
        table = model._meta.table_name
        if db.execute_sql(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None:
            raise OptOutError(
                t(
                    "The database {name} already holds a suppression list (its table "
                    "“{table}” is not empty); copy only into a new, empty database.",
                    name=f"“{opening.display_name(name)}”",
                    table=table,
                )
            )


def _key_columns(model: type[Any]) -> list[str]:
    key = model._meta.primary_key
    if isinstance(key, pw.CompositeKey):
        return [model._meta.fields[name].column_name for name in key.field_names]
    return [key.column_name]


def _rows(db: pw.Database, model: type[Any]) -> Iterator[list[Any]]:
    """Every row, in primary-key order, as Python values (booleans as booleans)."""
    fields = model._meta.sorted_fields
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    order = ", ".join(f'"{c}"' for c in _key_columns(model))
    table = model._meta.table_name
    for row in dialect.stream_rows(
        db, f'SELECT {columns} FROM "{table}" ORDER BY {order}', (), BATCH
    ):
        yield [f.python_value(value) for f, value in zip(fields, row, strict=True)]


def _copy_table(
    source: pw.Database,
    destination: pw.Database,
    model: type[Any],
    progress: Callable[[str, int], None] | None,
) -> int:
    fields = model._meta.sorted_fields
    table = model._meta.table_name
    copied = 0

    def rows() -> Iterator[list[Any]]:
        nonlocal copied
        for row in _rows(source, model):
            yield [f.db_value(value) for f, value in zip(fields, row, strict=True)]
            copied += 1
            if progress is not None and copied % PROGRESS_EVERY == 0:
                progress(table, copied)

    dialect.Connection(destination).load_rows(table, [f.column_name for f in fields], rows())
    return copied


def _checksum(db: pw.Database, model: type[Any]) -> str:
    """A digest of the table's rows in key order, the same on SQLite and PostgreSQL."""
    digest = hashlib.sha256(model._meta.table_name.encode())
    for row in _rows(db, model):
        for value in row:
            text = "\0" if value is None else str(int(value) if isinstance(value, bool) else value)
            digest.update(text.encode() + b"\x1f")
        digest.update(b"\x1e")
    return digest.hexdigest()


def _restart_numbering(db: pw.Database, models: list[type[Any]]) -> None:
    """New rows must number on after the copied ones."""
    for model in models:
        key = model._meta.primary_key
        if isinstance(key, pw.AutoField):
            dialect.continue_numbering(db, model._meta.table_name, key.column_name)
