"""The import history, newest first, as plain dictionaries for the window and the command line."""

from __future__ import annotations

from typing import Any

from .store import ImportRun, RowError
from .units import scope_name

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
    "message",
)


def import_as_dict(run: ImportRun) -> dict[str, Any]:
    """One import with every count, its scope by name and how many rows it refused."""
    data = {name: getattr(run, name) for name in FIELDS}
    data["business_unit"] = scope_name(run.scope_id)
    data["refused_rows"] = RowError.select().where(RowError.import_run == run.id).count()
    return data


def history(limit: int | None = None) -> list[dict[str, Any]]:
    """Every import, newest first."""
    query = ImportRun.select().order_by(ImportRun.id.desc())
    if limit:
        query = query.limit(limit)
    return [import_as_dict(run) for run in query]
