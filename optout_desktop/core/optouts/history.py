"""The history (imports, and mailing lists cleaned), newest first, as plain dictionaries."""

from __future__ import annotations

from typing import Any

import peewee as pw

from optout_desktop.core.db.models import CleaningRun, ImportRun, RowError
from optout_desktop.core.optouts.matching import REASONS
from optout_desktop.core.rules.business_units import scope_name
from optout_desktop.core.texts import t

CLEANED = "cleaned"  # the kind of a cleaning ("Cleaned list"); imports are "optouts", "contacts"

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
    "reason",
    "raised",
    "hashed",
    "by_reason",
)


def import_as_dict(run: ImportRun, refused: int) -> dict[str, Any]:
    """One import with every count, its scope by name, how many rows it refused, and
    whether it can be undone (a completed opt-out import)."""
    data = {name: getattr(run, name) for name in FIELDS}
    data["business_unit"] = scope_name(run.scope_id)
    data["refused_rows"] = refused
    data["undoable"] = run.kind == "optouts" and run.state == "completed"
    return data


def cleaning_as_dict(run: CleaningRun) -> dict[str, Any]:
    """A mailing list cleaned, with the same keys as an import (what a cleaning does not do
    counts 0: it adds no opt-out) and its own: kept, suppressed, suppressed_by, saved_as."""
    by = {key: getattr(run, f"suppressed_{key}") for key in REASONS}
    data: dict[str, Any] = {name: None for name in FIELDS}
    data.update(
        {
            "id": run.id,
            "kind": CLEANED,
            "state": "completed",
            "started_at": run.cleaned_at,
            "finished_at": run.cleaned_at,
            "user_name": run.user_name,
            "file_name": run.file_name,
            "file_sha256": run.file_sha256,
            "column": run.column,
            "sheet": run.sheet,
            "rows": run.rows,
            "valid": run.kept + run.suppressed,
            "invalid": run.invalid,
            "blank": run.blank,
            "duplicates": run.duplicates,
            "new": 0,
            "already_suppressed": run.suppressed,
            "contacts_unsubscribed": 0,
            "contacts_created": 0,
            "contacts_updated": 0,
            "domains": 0,
            "reason": None,
            "raised": 0,
            "hashed": 0,
            "by_reason": {},
            "message": t(
                "Cleaned list saved as “{name}”: {kept} rows may be emailed, {suppressed} "
                "suppressed.",
                name=run.saved_as,
                kept=run.kept,
                suppressed=run.suppressed,
            ),
            "business_unit": scope_name(run.scope_id),
            "refused_rows": 0,
            "undoable": False,
            "kept": run.kept,
            "suppressed": run.suppressed,
            "suppressed_by": by,
            "saved_as": run.saved_as,
        }
    )
    return data


def cleanings(limit: int | None = None) -> list[dict[str, Any]]:
    """Every mailing list cleaned, newest first."""
    query = CleaningRun.select().order_by(CleaningRun.id.desc())
    if limit:
        query = query.limit(limit)
    return [cleaning_as_dict(run) for run in query]


def history(limit: int | None = None) -> list[dict[str, Any]]:
    """Every import and every mailing list cleaned (kind CLEANED), newest first (refused rows
    counted in one query, not one per import)."""
    entries = _imports(limit) + cleanings(limit)
    # (a cleaning recorded in the same second as an import came after it: it is recorded last)
    entries.sort(key=lambda entry: (entry["started_at"], entry["kind"] == CLEANED), reverse=True)
    return entries[:limit] if limit else entries


def _imports(limit: int | None) -> list[dict[str, Any]]:
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
