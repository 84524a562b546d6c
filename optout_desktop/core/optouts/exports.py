"""Export the suppression list to CSV or XLSX, safe to open in Excel."""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Callable, Generator, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import peewee as pw

from optout_desktop.core.db.dialect import stream_rows
from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.models import BusinessUnit, ImportRun, RowError, Suppression, database
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts import hashed
from optout_desktop.core.optouts.import_table import in_scope
from optout_desktop.core.progress import CancelFlag, Progress, ProgressCallback, raise_if_cancelled
from optout_desktop.core.reading.domain_keys import is_domain_key
from optout_desktop.core.rules.business_units import ACCOUNT_NAME
from optout_desktop.core.texts import t

HEADERS = ["Email", "Scope", "Reason", "Source", "Date"]  # for tools: the same in any language
# For people: the first column keeps its name, so that other tools still find the addresses.
PEOPLE_HEADERS = ["Email", t("Business unit"), t("Why"), t("Source"), t("Opted out")]
PEOPLE_SHEET = t("Suppression list")
PEOPLE_WIDTHS = [34, 18, 30, 34, 17]  # in characters: what each column usually holds
XLSX_MAX_ROWS = 1_048_575  # Excel's 1,048,576 rows, less the header
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PEOPLE_REASON = {
    "import": t("Opt-out import"),
    "unsubscribed": t("The person unsubscribed"),
    "bounced": t("Bounced"),
    "spam": t("Spam report"),
    "manual": t("Added by hand"),
    "partner": t("A partner's hashed list"),
}


def neutralise(text: str) -> str:
    """Make a text cell inert in a spreadsheet (OWASP CSV injection): prefix a quote mark."""
    return "'" + text if text.startswith(_FORMULA_START) else text


@dataclass(frozen=True)
class ForPeople:
    """A file for people rather than tools: headers, business unit, reason and source in
    their language (`translate` turns the engine's English into it), dates in local time
    (`date_format`: how a workbook's date cells show, in Excel's notation)."""

    translate: Callable[[str], str] = str
    date_format: str = "yyyy-mm-dd hh:mm"


@dataclass
class Exported:
    """What an export wrote: rows, and the distinct addresses and whole domains among them
    (an address opted out for the account and for a business unit has a row for each)."""

    rows: int = 0
    addresses: int = 0
    domains: int = 0
    _last: str | None = field(default=None, repr=False, compare=False)

    def count(self, entry: str) -> None:
        """Count a written row, and a distinct address or domain (rows come by address;
        a whole domain's entry may carry the quote mark that keeps it inert)."""
        plain = entry[1:] if entry[:2] == "'@" else entry
        self.rows += 1
        if plain != self._last:
            self._last = plain
            if is_domain_key(plain):
                self.domains += 1
            else:
                self.addresses += 1


def _query(scope_id: int | None) -> pw.Query:
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
        .where(~hashed.hashed_rows())  # digests are no addresses: the hashed export has them
        .order_by(Suppression.email, Suppression.scope_id)
    )
    return query if scope_id is None else query.where(in_scope(scope_id))


def suppression_rows(scope_id: int | None = None) -> Generator[list[str], None, None]:
    """Every suppressed address with its scope, reason, source and date, by address.

    The address is never altered: a valid address has no spaces or brackets, so it cannot
    carry a formula call. The other cells are neutralised, and so is a whole-domain opt-out
    (`@firma.dk` would start a formula; `'@firma.dk` reads back as the same domain).
    """
    # Raw rows (peewee's per-value conversion cost 5 s a million) and each scope's and
    # source's text made once, not once a row.
    texts: dict[tuple[str, object, object], tuple[str, str]] = {}
    for email, scope, reason, import_id, file_name, created in raw_rows(_query(scope_id)):
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


def people_rows(
    people: ForPeople,
    scope_id: int | None = None,
    neutral: Callable[[str], str] = neutralise,
) -> Generator[list[Any], None, None]:
    """The same rows for people: business unit, why and source in their words (the source is
    the import, and blank for an opt-out made by hand), the date as a local datetime. The
    address is never altered; the other texts go through `neutral` (for a CSV, neutralise).
    """
    say = people.translate
    texts: dict[tuple[str, object, object, bool], tuple[str, str, str]] = {}
    for email, scope, reason, import_id, file_name, created in raw_rows(_query(scope_id)):
        whole = is_domain_key(email)
        key = (scope, import_id, reason, whole)
        if key not in texts:
            why = say(_PEOPLE_REASON.get(reason, reason))
            if whole:
                why = say(
                    t("{reason} (the whole domain)", reason=_PEOPLE_REASON.get(reason, reason))
                )
            source = (
                say(t("Import #{number}: {file_name}", number=str(import_id), file_name=file_name))
                if import_id
                else ""
            )
            texts[key] = (neutral(say(scope)), neutral(why), neutral(source))
        scope_text, why_text, source_text = texts[key]
        entry = neutral(email) if email[:1] == "@" else email
        yield [entry, scope_text, why_text, source_text, local_moment(created)]


def local_moment(stored: str) -> dt.datetime | str:
    """A stored moment (UTC ISO text) as this computer's local time, without a zone (as a
    spreadsheet's date cell holds it); text it cannot read stays as it is."""
    try:
        moment = dt.datetime.strptime(stored, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    except (TypeError, ValueError):
        return stored
    return moment.astimezone().replace(tzinfo=None)


def raw_rows(query: pw.Query, batch: int = 10_000) -> Generator[tuple[Any, ...], None, None]:
    """A query's rows as the database gives them, fetched a batch at a time (on PostgreSQL
    from a server-side cursor: a million rows never sit in memory at once)."""
    text, params = query.sql()
    return stream_rows(database.obj, text, params, batch)


_SOURCE = {
    "manual": t("Added by hand"),
    "unsubscribed": t("The person unsubscribed"),
    "partner": t("A partner's hashed list"),
}


def export_suppressions(
    path: str | Path,
    scope_id: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> int:
    """Write the suppression list for tools to .csv (UTF-8 with BOM, commas) or .xlsx;
    returns the row count. A cancel stops it with nothing written."""
    return export_list(path, scope_id, progress, cancel).rows


def export_list(
    path: str | Path,
    scope_id: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    *,
    people: ForPeople | None = None,
    delimiter: str = ",",
) -> Exported:
    """Write the suppression list to .csv (UTF-8 with BOM, separated by `delimiter`) or .xlsx,
    for tools (English column names, reason keys, UTC dates, as the command line writes it)
    or, given `people`, for people (see ForPeople); says how many rows, addresses and whole
    domains it wrote. The file appears complete, or not at all (a cancel writes nothing).
    """
    path = Path(path)
    check = _checker(progress, cancel)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise OptOutError(
            t("Export to a file ending in .csv or .xlsx, not “{name}”.", name=path.name)
        )
    tally = Exported()
    with replaced_when_done(path, export_failed(path)) as written, plain_errors():
        if suffix == ".xlsx":
            _write_xlsx(written, _rows(scope_id, people, xlsx=True), people, check, tally)
        else:
            rows = _rows(scope_id, people, xlsx=False)
            _write_csv(written, _headers(people), rows, delimiter, check, tally)
    return tally


def _headers(people: ForPeople | None) -> list[str]:
    return HEADERS if people is None else [people.translate(h) for h in PEOPLE_HEADERS]


def _rows(
    scope_id: int | None, people: ForPeople | None, xlsx: bool
) -> Generator[list[Any], None, None]:
    if people is None:
        return suppression_rows(scope_id)
    # A workbook's cells are text, never run: only a CSV's need the quote mark.
    return people_rows(people, scope_id, (lambda text: text) if xlsx else neutralise)


def _private(path: Path) -> int:
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)


def _sync(path: Path) -> None:
    """Put a finished file on the disk before renaming it into place (power loss)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def replaced_when_done(path: Path, failed: Callable[[OSError], OptOutError]) -> Iterator[Path]:
    """The name to write `path` under first (beside it): the file gets its own name only once
    the block ends well, written to the disk, and goes if it does not. An OSError is said as
    `failed` says it."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        yield partial
        _sync(partial)
        os.replace(partial, path)  # the file appears complete, or not at all
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise failed(error) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def export_failed(path: Path) -> Callable[[OSError], OptOutError]:
    """What to say when an export cannot be written (for replaced_when_done)."""

    def failed(error: OSError) -> OptOutError:
        return OptOutError(
            t(
                "The export could not be written to “{path}”: {reason}.",
                path=str(path),
                reason=error.strerror,
            )
        )

    return failed


PROGRESS_EVERY = 10_000


def _checker(progress: ProgressCallback | None, cancel: CancelFlag | None) -> Callable[[int], None]:
    """Called every PROGRESS_EVERY rows: report how far the export is, stop on a cancel."""
    total = Suppression.select().count() if progress is not None else 0

    def check(done: int) -> None:
        raise_if_cancelled(cancel)
        if progress is not None:
            progress(Progress("exporting", done, max(total, done)))

    return check


def _write_csv(
    path: Path,
    headers: list[str],
    rows: Generator[list[Any], None, None],
    delimiter: str,
    check: Callable[[int], None],
    tally: Exported,
) -> None:
    with open(_private(path), "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(headers)
        with closing(rows):  # a failed write ends the reading
            for row in rows:
                if isinstance(row[4], dt.datetime):
                    row[4] = row[4].strftime("%Y-%m-%d %H:%M")
                writer.writerow(row)
                tally.count(row[0])
                if tally.rows % PROGRESS_EVERY == 0:
                    check(tally.rows)


def _write_xlsx(
    path: Path,
    rows: Generator[list[Any], None, None],
    people: ForPeople | None,
    check: Callable[[int], None],
    tally: Exported,
) -> None:
    import xlsxwriter

    os.close(_private(path))
    workbook = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    if people is None:
        sheet = workbook.add_worksheet("Suppressions")
        sheet.write_row(0, 0, HEADERS)
        date = None
    else:
        sheet = workbook.add_worksheet(_sheet_name(people.translate(PEOPLE_SHEET)))
        bold = workbook.add_format({"bold": True})
        for column, (header, width) in enumerate(zip(_headers(people), PEOPLE_WIDTHS, strict=True)):
            sheet.set_column(column, column, width)
            sheet.write_string(0, column, header, bold)
        sheet.freeze_panes(1, 0)
        date = workbook.add_format({"num_format": people.date_format, "align": "left"})
    with closing(rows):  # stopping early ends the reading
        for count, row in enumerate(rows, start=1):
            if count > XLSX_MAX_ROWS:
                workbook.close()
                raise OptOutError(
                    t(
                        "More than {count} suppressions do not fit in one Excel sheet; "
                        "export to .csv instead.",
                        count=XLSX_MAX_ROWS,
                    )
                )
            for column, value in enumerate(row):
                if isinstance(value, dt.datetime):
                    sheet.write_datetime(count, column, value, date)
                elif value or people is None:  # a people's sheet leaves an empty cell blank
                    sheet.write_string(count, column, value)
            tally.count(row[0])
            if count % PROGRESS_EVERY == 0:
                check(count)
    if people is not None and tally.rows:
        sheet.autofilter(0, 0, tally.rows, len(PEOPLE_HEADERS) - 1)
    workbook.close()


def _sheet_name(name: str) -> str:
    """A name Excel takes for a sheet: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in name).strip("' ")
    return cleaned[:31] or "Suppressions"


ERROR_HEADERS = [t("Row"), t("Value"), t("Reason")]


def export_refused_rows(
    import_id: int,
    path: str | Path,
    translate: Callable[[str], str] = str,
    delimiter: str = ",",
) -> int:
    """Write an import's errors file: each refused row's number, its cell and the reason.

    `translate` puts the headers and reasons in the reader's language (the window's);
    `delimiter` separates the cells (";" for Excel in Danish settings).
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
    with (
        replaced_when_done(path, partial(_errors_file_failed, path)) as written,
        plain_errors(),
        open(_private(written), "w", encoding="utf-8-sig", newline="") as handle,
        closing(raw_rows(query)) as rows,
    ):
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow([translate(header) for header in ERROR_HEADERS])
        reasons: dict[str, str] = {}
        for row_number, raw, reason in rows:
            if reason not in reasons:
                reasons[reason] = neutralise(translate(reason))
            writer.writerow([row_number, neutralise(raw), reasons[reason]])
            count += 1
    return count


def _errors_file_failed(path: Path, error: OSError) -> OptOutError:
    return OptOutError(
        t(
            "The errors file could not be written to “{path}”: {reason}.",
            path=str(path),
            reason=error.strerror,
        )
    )
