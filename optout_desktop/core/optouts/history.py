"""The import history, newest first, as plain dictionaries for the window and the command line."""

from __future__ import annotations

from typing import Any

import peewee as pw

from optout_desktop.core.db.models import ImportRun, RowError
from optout_desktop.core.rules.business_units import scope_name

FIELDS = (
    "id",
    "kind",
    "state",
    "started_at",
    "finished_at",
    "user_name",
    "file_name",
    "file_sha256",
    "column",
    "sheet",
    "rows",
    "valid",
    "invalid",
    "blank",
    "duplicates",
    "new",
    "already_suppressed",
    "contacts_unsubscribed",
    "contacts_created",
    "contacts_updated",
    "domains",
    "message",
    "undone_by",
    "undone_at",
)


def import_as_dict(run: ImportRun, refused: int | None = None) -> dict[str, Any]:
    """One import with every count, its scope by name, how many rows it refused, and
    whether it can be undone (a completed opt-out import)."""
    data = {name: getattr(run, name) for name in FIELDS}
    data["business_unit"] = scope_name(run.scope_id)
    if refused is None:
        refused = RowError.select().where(RowError.import_run == run.id).count()
    data["refused_rows"] = refused
    data["undoable"] = run.kind == "optouts" and run.state == "completed"
    return data


def history(limit: int | None = None) -> list[dict[str, Any]]:
    """Every import, newest first (refused rows counted in one query, not one per import)."""
    query = ImportRun.select().order_by(ImportRun.id.desc())
    if limit:
        query = query.limit(limit)
    runs = list(query)
    counted = (
        RowError.select(RowError.import_run, pw.fn.COUNT(pw.SQL("*")))
        .where(RowError.import_run.in_([run.id for run in runs]))
        .group_by(RowError.import_run)
        .tuples()
    )
    refused = {int(run_id): int(count) for run_id, count in counted.iterator()}
    return [import_as_dict(run, refused.get(run.id, 0)) for run in runs]
