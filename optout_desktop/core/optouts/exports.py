"""Export the suppression list to CSV or XLSX, safe to open in Excel."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Generator
from contextlib import closing
from pathlib import Path
from typing import Any

import peewee as pw

from optout_desktop.core.db.dialect import stream_rows
from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.models import BusinessUnit, ImportRun, RowError, Suppression, database
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts.import_table import in_scope
from optout_desktop.core.progress import CancelFlag, Progress, ProgressCallback, raise_if_cancelled
from optout_desktop.core.rules.business_units import ACCOUNT_NAME
from optout_desktop.core.texts import t

HEADERS = ["Email", "Scope", "Reason", "Source", "Date"]
XLSX_MAX_ROWS = 1_048_575  # Excel's 1,048,576 rows, less the header
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Make a text cell inert in a spreadsheet (OWASP CSV injection): prefix a quote mark."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def suppression_rows(scope_id: int | None = None) -> Generator[list[str], None, None]:
    """Every suppressed address with its scope, reason, source and date, by address.

    The address is never altered: a valid address has no spaces or brackets, so it cannot
    carry a formula call. The other cells are neutralised, and so is a whole-domain opt-out
    (`@firma.dk` would start a formula; `'@firma.dk` reads back as the same domain).
    """
    unit = BusinessUnit.alias()
    query = (
        Suppression.select(
            Suppression.email,
            pw.fn.COALESCE(unit.name, ACCOUNT_NAME),
            Suppression.reason,
            ImportRun.id,
            ImportRun.file_name,
            Suppression.created_at,
        )
        .join(ImportRun, join_type=pw.JOIN.LEFT_OUTER)
        .switch(Suppression)
        .join(unit, join_type=pw.JOIN.LEFT_OUTER, on=(unit.id == Suppression.scope_id))
        .order_by(Suppression.email, Suppression.scope_id)
    )
    if scope_id is not None:
        query = query.where(in_scope(scope_id))
    # Raw rows (peewee's per-value conversion cost 5 s a million) and each scope's and
    # source's text made once, not once a row.
    texts: dict[tuple[str, object, object], tuple[str, str]] = {}
    for email, scope, reason, import_id, file_name, created in raw_rows(query):
        key = (scope, import_id, reason)
        if key not in texts:
            source = (
                t("Import #{number}: {file_name}", number=str(import_id), file_name=file_name)
                if import_id
                else _SOURCE.get(reason, reason)
            )
            texts[key] = (neutralise(scope), neutralise(source))
        scope_text, source_text = texts[key]
        entry = neutralise(email) if email[:1] == "@" else email
        yield [entry, scope_text, reason, source_text, created]


def raw_rows(query: pw.Query, batch: int = 10_000) -> Generator[tuple[Any, ...], None, None]:
    """A query's rows as the database gives them, fetched a batch at a time (on PostgreSQL
    from a server-side cursor: a million rows never sit in memory at once)."""
    text, params = query.sql()
    return stream_rows(database.obj, text, params, batch)


_SOURCE = {"manual": t("Added by hand"), "unsubscribed": t("The person unsubscribed")}


def export_suppressions(
    path: str | Path,
    scope_id: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> int:
    """Write the suppression list to .csv (UTF-8 with BOM) or .xlsx; returns the row count.

    A cancel stops it with nothing written (the file appears complete, or not at all).
    """
    path = Path(path)
    check = _checker(progress, cancel)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise OptOutError(
            t("Export to a file ending in .csv or .xlsx, not “{name}”.", name=path.name)
        )
    partial = path.with_name(f".{path.name}.partial")
    try:
        with plain_errors():
            count = (
                _write_xlsx(partial, scope_id, check)
                if suffix == ".xlsx"
                else _write_csv(partial, scope_id, check)
            )
        _sync(partial)
        os.replace(partial, path)  # the export appears complete, or not at all
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise OptOutError(
            t(
                "The export could not be written to “{path}”: {reason}.",
                path=str(path),
                reason=error.strerror,
            )
        ) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


def _private(path: Path) -> int:
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)


def _sync(path: Path) -> None:
    """Put a finished file on the disk before renaming it into place (power loss)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


PROGRESS_EVERY = 10_000


def _checker(progress: ProgressCallback | None, cancel: CancelFlag | None) -> Callable[[int], None]:
    """Called every PROGRESS_EVERY rows: report how far the export is, stop on a cancel."""
    total = Suppression.select().count() if progress is not None else 0

    def check(done: int) -> None:
        raise_if_cancelled(cancel)
        if progress is not None:
            progress(Progress("exporting", done, max(total, done)))

    return check


def _write_csv(path: Path, scope_id: int | None, check: Callable[[int], None]) -> int:
    count = 0
    with open(_private(path), "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        with closing(suppression_rows(scope_id)) as rows:  # a failed write ends the reading
            for row in rows:
                writer.writerow(row)
                count += 1
                if count % PROGRESS_EVERY == 0:
                    check(count)
    return count


def _write_xlsx(path: Path, scope_id: int | None, check: Callable[[int], None]) -> int:
    import xlsxwriter

    os.close(_private(path))
    workbook = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    sheet = workbook.add_worksheet("Suppressions")
    sheet.write_row(0, 0, HEADERS)
    count = 0
    with closing(suppression_rows(scope_id)) as rows:  # stopping early ends the reading
        for count, row in enumerate(rows, start=1):
            if count > XLSX_MAX_ROWS:
                break
            for column, value in enumerate(row):
                sheet.write_string(count, column, value)
            if count % PROGRESS_EVERY == 0:
                check(count)
        if count > XLSX_MAX_ROWS:
            workbook.close()
            raise OptOutError(
                t(
                    "More than {count} suppressions do not fit in one Excel sheet; "
                    "export to .csv instead.",
                    count=XLSX_MAX_ROWS,
                )
            )
    workbook.close()
    return count


ERROR_HEADERS = [t("Row"), t("Value"), t("Reason")]


def export_refused_rows(
    import_id: int, path: str | Path, translate: Callable[[str], str] = str
) -> int:
    """Write an import's errors file: each refused row's number, its cell and the reason.

    `translate` puts the headers and reasons in the reader's language (the window's).
    """
    if ImportRun.get_or_none(ImportRun.id == import_id) is None:
        raise OptOutError(t("There is no import #{number}.", number=str(import_id)))
    path = Path(path)
    query = (
        RowError.select(RowError.row_number, RowError.raw_value, RowError.reason)
        .where(RowError.import_run == import_id)
        .order_by(RowError.row_number)
    )
    count = 0
    partial = path.with_name(f".{path.name}.partial")
    try:
        with (
            plain_errors(),
            open(_private(partial), "w", encoding="utf-8-sig", newline="") as handle,
            closing(raw_rows(query)) as rows,
        ):
            writer = csv.writer(handle)
            writer.writerow([translate(header) for header in ERROR_HEADERS])
            reasons: dict[str, str] = {}
            for row_number, raw, reason in rows:
                if reason not in reasons:
                    reasons[reason] = neutralise(translate(reason))
                writer.writerow([row_number, neutralise(raw), reasons[reason]])
                count += 1
        _sync(partial)
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise OptOutError(
            t(
                "The errors file could not be written to “{path}”: {reason}.",
                path=str(path),
                reason=error.strerror,
            )
        ) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count
