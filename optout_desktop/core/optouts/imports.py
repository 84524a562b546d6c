"""The opt-out import: plan it (a dry run that writes nothing), then run it in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from optout_desktop.core.computer_user import user_name
from optout_desktop.core.db import dialect, unfinished_imports
from optout_desktop.core.db.failures import (
    DAMAGED,
    DATABASE_ERRORS,
    error_kind,
    plain_errors,
    plain_message,
)
from optout_desktop.core.db.models import ACCOUNT, ImportRun, database, now
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.errors import Cancelled, ConfirmationError, SourceError, StoreError
from optout_desktop.core.optouts import domains, import_table
from optout_desktop.core.optouts.writer import (
    BackgroundWriter,
    SuppressionWriter,
    suppression_writer,
)
from optout_desktop.core.progress import CancelFlag, Progress, ProgressCallback, raise_if_cancelled
from optout_desktop.core.reading import domain_keys
from optout_desktop.core.reading.scanning import Scan, scan_column
from optout_desktop.core.reading.sources import TableSource, sha256_of
from optout_desktop.core.texts import t

log = logging.getLogger(__name__)
WRITE_BATCH = 50_000


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
    domains: int = 0  # whole-domain opt-outs (@firma.dk, *.firma.dk) among the valid entries

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


def plan_optouts(
    source: TableSource,
    column: str | int,
    scope_id: int = ACCOUNT,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    second_core: bool = False,
) -> OptOutPlan:
    """Read the file and say what an import would do, without writing anything (with
    `second_core`, most of a big file is read by a helper process, as scan_column says)."""
    index = source.column_index(column)
    checksum = sha256_of(source.path)
    scan = scan_column(source, index, progress, cancel, whole_domains=True, second_core=second_core)
    name = source.headers[index]
    _refuse_empty(scan, name)
    # A plain transaction, not the write lock: it writes only its own temporary table, and
    # rolls that back (a plan counts while another program writes).
    with plain_errors(), database.obj.atomic() as transaction:
        import_table.stage_addresses(scan.addresses, cancel=cancel)
        counts = _counts(scan, scope_id)
        transaction.rollback()
    return OptOutPlan(source, name, scope_id, checksum, counts, scan)


def _refuse_empty(scan: Scan, column: str) -> None:
    if scan.valid == 0:
        raise SourceError(
            t(
                "The column “{column}” holds no valid email address ({rows} rows: "
                "{blank} blank, {invalid} invalid). Choose the column with the "
                "addresses; nothing was imported.",
                column=column,
                rows=scan.rows,
                blank=scan.blank,
                invalid=scan.invalid,
            )
        )


def _counts(scan: Scan, scope_id: int) -> OptOutCounts:
    already = import_table.count_already_suppressed(scope_id)
    return OptOutCounts(
        rows=scan.rows,
        valid=scan.valid,
        invalid=scan.invalid,
        blank=scan.blank,
        duplicates=scan.duplicates,
        new=scan.valid - already,
        already_suppressed=already,
        contacts_unsubscribed=import_table.count_contacts_to_unsubscribe(scope_id)
        + _domain_contacts(scan, scope_id),
        domains=scan.domains,
    )


def _domain_contacts(scan: Scan, scope_id: int, run_id: int | None = None) -> int:
    """Contacts that only the file's whole-domain entries newly suppress."""
    if not scan.domains:
        return 0
    keys = [entry for entry in scan.addresses if domain_keys.is_domain_key(entry)]
    return domains.count_contacts_newly_covered(keys, scope_id, scan.seen, run_id)


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
    _check_confirmation(confirm, plan.counts.valid)
    _check_unchanged(plan.source.path, plan.checksum)
    if len(plan.scan.addresses) != plan.counts.valid:  # counted elsewhere (a helper process)
        raise SourceError(t("Count the file again before importing it."))

    def write(writer: SuppressionWriter) -> Scan:
        addresses = plan.scan.addresses  # the writer sorts each batch
        for start in range(0, len(addresses), WRITE_BATCH):
            raise_if_cancelled(cancel)
            writer.write(addresses[start : start + WRITE_BATCH])
            if progress is not None:
                done = min(start + WRITE_BATCH, len(addresses))
                progress(Progress("writing", done, len(addresses)))
        return plan.scan

    return _record(plan.source, plan.column, plan.scope_id, plan.checksum, write, cancel)


def import_optouts(
    source: TableSource,
    column: str | int,
    confirm: int,
    scope_id: int = ACCOUNT,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> ImportRun:
    """Read and write in one pass (for the command line), refusing at the end unless
    `confirm` is exactly the number of valid addresses: then nothing is written.

    SQLite writes each chunk on a second thread while the next one is read and cleaned.
    """
    index = source.column_index(column)
    name = source.headers[index]
    # The file's checksum is read beside the import (hashing lets go of the GIL), not first.
    hashing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="optout-checksum")
    checksum = hashing.submit(sha256_of, source.path)
    hashing.shutdown(wait=False)

    def write(writer: SuppressionWriter) -> Scan:
        background = BackgroundWriter(writer)
        try:
            scan = scan_column(
                source,
                index,
                progress,
                cancel,
                on_new=background.submit,
                whole_domains=True,
                second_core=True,
            )
            background.close()
        except BaseException:
            background.abandon()
            raise
        _refuse_empty(scan, name)
        _check_confirmation(confirm, scan.valid)
        return scan

    return _record(source, name, scope_id, checksum.result, write, cancel)


def _check_confirmation(confirm: int, valid: int) -> None:
    if confirm != valid:
        raise ConfirmationError(
            t(
                "You confirmed {confirm} addresses, but the file has {valid} valid "
                "addresses to opt out; nothing was imported.",
                confirm=confirm,
                valid=valid,
            )
        )


def _record(
    source: TableSource,
    column: str,
    scope_id: int,
    checksum: str | Callable[[], str],
    write: Callable[[SuppressionWriter], Scan],
    cancel: CancelFlag | None,
) -> ImportRun:
    """Run `write` and record the import, all in one transaction; a refusal leaves no trace,
    a cancel or a failure leaves only a cancelled or failed entry in the history.

    A note committed before the transaction says the import is running; the transaction
    removes it. If the process dies first, the next opening records the import as failed.
    `checksum` may be a function that gives it once the file has been read.
    """
    details = {
        "kind": "optouts",
        "user_name": user_name(),
        "file_name": source.path.name,
        "file_sha256": checksum if isinstance(checksum, str) else "",
        "column": column,
        "sheet": source.sheet,
        "scope_id": scope_id,
    }

    def fill_checksum() -> None:
        if not isinstance(checksum, str) and not details["file_sha256"]:
            try:
                details["file_sha256"] = checksum()
            except OSError:
                log.info("could not read %s for its checksum", source.path, exc_info=True)

    with plain_errors():  # waits for another program's write, then says so plainly
        note = unfinished_imports.begin(details)
    try:
        with write_transaction(), dialect.interruptible(cancel):
            run = ImportRun.create(**details)
            writer = suppression_writer(run.id, scope_id, now())
            scan = write(writer)
            new = writer.settle()
            counts = OptOutCounts(
                rows=scan.rows,
                valid=scan.valid,
                invalid=scan.invalid,
                blank=scan.blank,
                duplicates=scan.duplicates,
                new=new,
                already_suppressed=scan.valid - new,
                contacts_unsubscribed=import_table.count_contacts_unsubscribed_by(
                    run.id, scope_id, new
                )
                + _domain_contacts(scan, scope_id, run.id),
                domains=scan.domains,
            )
            import_table.save_refused_rows(run, scan.refused, cancel)
            raise_if_cancelled(cancel)
            fill_checksum()
            run.file_sha256 = str(details["file_sha256"])
            _finish(run, "completed", counts)
            unfinished_imports.end(note)
    except (ConfirmationError, SourceError):
        unfinished_imports.forget(note)
        raise
    except (Cancelled, KeyboardInterrupt):
        fill_checksum()
        _record_end(details, "cancelled", t("Cancelled by the user; nothing was written."), note)
        raise
    except DATABASE_ERRORS as error:
        fill_checksum()
        if cancel is not None and cancel.is_set():  # "interrupted" by a cancel
            _record_end(
                details, "cancelled", t("Cancelled by the user; nothing was written."), note
            )
            raise Cancelled() from None
        message = plain_message(error)
        if error_kind(error) != DAMAGED:  # nothing more is written to a damaged file
            _record_end(details, "failed", message, note)
        raise StoreError(message) from error
    except Exception as error:
        fill_checksum()
        _record_end(details, "failed", str(error), note)
        raise
    return run


def _check_unchanged(path: Path, checksum: str) -> None:
    try:
        unchanged = sha256_of(path) == checksum
    except OSError:
        raise SourceError(
            t("The file “{name}” is gone since it was read; nothing was imported.", name=path.name)
        ) from None
    if not unchanged:
        raise SourceError(
            t(
                "The file “{name}” changed since it was read; open it again. Nothing was imported.",
                name=path.name,
            )
        )


def counts_of(run: ImportRun) -> OptOutCounts:
    """The counts an import recorded."""
    return OptOutCounts(**{name: getattr(run, name) for name in OptOutCounts.__annotations__})


def _finish(run: ImportRun, state: str, counts: OptOutCounts, message: str = "") -> None:
    for name, value in counts.as_dict().items():
        setattr(run, name, value)
    run.state = state
    run.message = message
    run.finished_at = now()
    run.save()


def _record_end(
    details: Mapping[str, Any], state: str, message: str, note: int | None = None
) -> None:
    """Record a rolled-back import in the history, in its own small transaction (which also
    removes its running note)."""
    try:
        with write_transaction():
            ImportRun.create(**details, state=state, message=message, finished_at=now())
            if note is not None:
                unfinished_imports.end(note)
    except DATABASE_ERRORS:
        # (info, not error: the command line's stderr keeps to its one plain line)
        log.info("could not record the end of importing %s", details["file_name"], exc_info=True)
