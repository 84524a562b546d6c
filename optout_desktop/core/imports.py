"""The opt-out import: plan it (a dry run that writes nothing), then run it in one transaction."""

from __future__ import annotations

import getpass
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

import peewee as pw

from . import staging
from .errors import Cancelled, ConfirmationError, SourceError
from .scanning import CancelFlag, ProgressCallback, Scan, raise_if_cancelled, scan_column
from .sources import TableSource, sha256_of
from .store import ACCOUNT, ImportRun, Suppression, database, now

log = logging.getLogger(__name__)


@dataclass
class OptOutCounts:
    """What an opt-out import reads and what it does (or would do) to the suppression list."""

    rows: int
    valid: int
    invalid: int
    blank: int
    duplicates: int
    new: int
    already_suppressed: int
    contacts_unsubscribed: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass
class OptOutPlan:
    """A dry run: the file, the column, the scope, the counts, and the addresses it read."""

    source: TableSource
    column: str
    scope_id: int
    checksum: str
    counts: OptOutCounts
    scan: Scan


def user_name() -> str:
    """The computer's user name, recorded with each import."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def plan_optouts(
    source: TableSource,
    column: str | int,
    scope_id: int = ACCOUNT,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> OptOutPlan:
    """Read the file and say what an import would do, without writing anything."""
    index = source.column_index(column)
    checksum = sha256_of(source.path)
    scan = scan_column(source, index, progress, cancel)
    name = source.headers[index]
    if scan.valid == 0:
        raise SourceError(
            f"The column “{name}” holds no valid email address ({scan.rows:,} rows: "
            f"{scan.blank:,} blank, {scan.invalid:,} invalid). Choose the column with the "
            "addresses; nothing was imported."
        )
    db = database.obj
    with db.atomic() as transaction:
        staging.stage_addresses(scan.first_rows, cancel=cancel)
        counts = _counts(scan, scope_id)
        transaction.rollback()
    return OptOutPlan(source, name, scope_id, checksum, counts, scan)


def _counts(scan: Scan, scope_id: int) -> OptOutCounts:
    already = staging.count_already_suppressed(scope_id)
    return OptOutCounts(
        rows=scan.rows,
        valid=scan.valid,
        invalid=scan.invalid,
        blank=scan.blank,
        duplicates=scan.duplicates,
        new=scan.valid - already,
        already_suppressed=already,
        contacts_unsubscribed=staging.count_contacts_to_unsubscribe(scope_id),
    )


def run_optouts(
    plan: OptOutPlan,
    confirm: int,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> ImportRun:
    """Write a planned import in one transaction, after the user typed the number of addresses.

    A wrong number, or a file changed since the plan, writes nothing. A cancel or a failure
    rolls everything back and records the import as cancelled or failed.
    """
    if confirm != plan.counts.valid:
        raise ConfirmationError(
            f"You confirmed {confirm:,} addresses, but the file has {plan.counts.valid:,} valid "
            "addresses to opt out; nothing was imported."
        )
    _check_unchanged(plan.source.path, plan.checksum)
    run = ImportRun.create(
        kind="optouts",
        user_name=user_name(),
        file_name=plan.source.path.name,
        file_sha256=plan.checksum,
        column=plan.column,
        sheet=plan.source.sheet,
        scope_id=plan.scope_id,
    )
    db = database.obj
    try:
        with db.atomic(), staging.interruptible(db, cancel):
            staging.stage_addresses(plan.scan.first_rows, progress, cancel)
            counts = _counts(plan.scan, plan.scope_id)
            raise_if_cancelled(cancel)
            inserted = _insert_suppressions(run, plan.scope_id)
            if inserted != counts.new:
                raise RuntimeError(f"expected {counts.new} new opt-outs, wrote {inserted}")
            staging.save_refused_rows(run, plan.scan.refused, cancel)
            raise_if_cancelled(cancel)
            _finish(run, "completed", counts)
    except (Cancelled, KeyboardInterrupt):
        _finish_outside(run, "cancelled", "Cancelled by the user; nothing was written.")
        raise
    except pw.OperationalError as error:
        if cancel is not None and cancel.is_set():
            _finish_outside(run, "cancelled", "Cancelled by the user; nothing was written.")
            raise Cancelled() from None
        _finish_outside(run, "failed", str(error))
        raise
    except Exception as error:
        _finish_outside(run, "failed", str(error))
        raise
    return run


def _check_unchanged(path: Path, checksum: str) -> None:
    try:
        unchanged = sha256_of(path) == checksum
    except OSError:
        raise SourceError(
            f"The file “{path.name}” is gone since it was read; nothing was imported."
        ) from None
    if not unchanged:
        raise SourceError(
            f"The file “{path.name}” changed since it was read; open it again. Nothing was "
            "imported."
        )


def _insert_suppressions(run: ImportRun, scope_id: int) -> int:
    staged = staging.StagedAddress
    query = staged.select(
        staged.email,
        pw.Value(scope_id),
        pw.Value("import"),
        pw.Value(run.id),
        pw.Value(now()),
        pw.Value(""),
    ).where(~staging.suppressed_in_scope(staged.email, scope_id))
    fields = [
        Suppression.email,
        Suppression.scope_id,
        Suppression.reason,
        Suppression.import_run,
        Suppression.created_at,
        Suppression.note,
    ]
    Suppression.insert_from(query, fields).execute()
    return int(Suppression.select().where(Suppression.import_run == run.id).count())


def _finish(run: ImportRun, state: str, counts: OptOutCounts, message: str = "") -> None:
    for name, value in counts.as_dict().items():
        setattr(run, name, value)
    run.state = state
    run.message = message
    run.finished_at = now()
    run.save()


def _finish_outside(run: ImportRun, state: str, message: str) -> None:
    """Record a rolled-back import's end in its own small transaction."""
    try:
        ImportRun.update(state=state, message=message, finished_at=now()).where(
            ImportRun.id == run.id
        ).execute()
    except pw.DatabaseError:
        log.exception("could not record the end of import %s", run.id)
