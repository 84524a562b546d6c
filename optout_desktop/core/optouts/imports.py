"""The opt-out import: plan it (a dry run that writes nothing), then run it in one transaction."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
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
from optout_desktop.core.optouts import domains, hashed, import_table, reasons
from optout_desktop.core.optouts.import_fates import ImportFates, import_fates
from optout_desktop.core.optouts.reasons import ReasonChoice
from optout_desktop.core.optouts.writer import (
    BackgroundWriter,
    StagedWriter,
    SuppressionWriter,
    suppression_writer,
)
from optout_desktop.core.progress import CancelFlag, Progress, ProgressCallback, raise_if_cancelled
from optout_desktop.core.reading import digests, domain_keys
from optout_desktop.core.reading.scanning import Scan, scan_column
from optout_desktop.core.reading.sources import TableSource, sha256_beside, sha256_of
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
    raised: int = 0  # opt-outs there before that get a stronger reason (a bounce, say)
    hashed: int = 0  # entries that are hashed addresses (a partner's MD5/SHA-256 list)
    by_reason: dict[str, int] = field(default_factory=dict)  # the valid entries by reason

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class OptOutPlan:
    """A dry run: the file, the column, the scope, the counts, and the addresses it read,
    with why (`choice`; `reasons`: each entry's, in the scan's order, when rows carry their
    own) and each row's fate."""

    source: TableSource
    column: str
    scope_id: int
    checksum: str
    counts: OptOutCounts
    scan: Scan
    choice: ReasonChoice = field(default_factory=ReasonChoice)
    reasons: list[str] | None = None
    fates: ImportFates | None = None  # what happens to each row, for the preview
    # The staged entries it keeps for its import (import_table.holds), as they were staged:
    # forgotten people's as the digests of `forgotten` (their SHA-256 digests then).
    staged: object | None = field(default=None, repr=False, compare=False)
    forgotten: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    @property
    def hashed(self) -> bool:
        """True when the file is a hashed list: its entries are MD5 or SHA-256 digests."""
        return self.counts.hashed > 0


def is_hashed(source: TableSource, index: int) -> bool:
    """True when the column's first rows are mostly MD5 or SHA-256 digests: the file is a
    hashed list, imported as hashed opt-outs."""
    return digests.looks_hashed(row[index] if index < len(row) else "" for row in source.preview)


def reason_choice(
    source: TableSource,
    column: str | int,
    reason: str | None = None,
    reason_column: str | int | None = None,
) -> ReasonChoice:
    """Why the file's addresses are suppressed, as proposed from the file (reasons.propose)
    with the user's choices over it: `reason`, a key, for rows without one of their own;
    `reason_column` a column whose words say why, reasons.NONE for none."""
    index = source.column_index(column)
    return reasons.choose(source, index, reason, reason_column, is_hashed(source, index))


def plan_optouts(
    source: TableSource,
    column: str | int,
    scope_id: int = ACCOUNT,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    second_core: bool = False,
    choice: ReasonChoice | None = None,
) -> OptOutPlan:
    """Read the file and say what an import would do, without writing anything (with
    `second_core`, most of a big file is read by a helper process, as scan_column says).

    `choice` says why its addresses are suppressed (reason_choice; by default what the file
    itself says). A column of MD5 or SHA-256 digests is a hashed list (is_hashed).
    """
    index = source.column_index(column)
    hashed_list = is_hashed(source, index)
    choice = choice or reasons.propose(source, index, hashed_list)
    name = source.headers[index]
    checksum = sha256_beside(source.path)
    forgotten = hashed.Forgotten() if hashed_list else hashed.Forgotten.load()
    # A plain transaction, not the write lock: it writes only its own temporary table, which
    # it fills while the file is read, on a thread beside the reader (a plan counts while
    # another program writes). The table is kept for the import (its commit writes nothing
    # else).
    with plain_errors(), database.obj.atomic():
        staging = import_table.StagingTable(forgotten.entries if forgotten else None)
        scan = _scan_into(
            staging, source, index, choice, hashed_list, progress, cancel, second_core
        )
        _refuse_empty(scan, name)
        given = _given(scan, choice)
        already = import_table.already_suppressed(scope_id)
        counts = _counts(scan, scope_id, choice, given, hashed_list, len(already))
    entries = forgotten.entries(scan.addresses)
    fates = import_fates(scan, source.first_data_row, entries, already)
    plan = OptOutPlan(source, name, scope_id, checksum.result(), counts, scan, choice, given, fates)
    plan.staged, plan.forgotten = object(), frozenset(forgotten.digests)
    import_table.keep_staged(plan.staged)
    return plan


def _scan_into(
    writer: Any,
    source: TableSource,
    index: int,
    choice: ReasonChoice,
    hashed_list: bool,
    progress: ProgressCallback | None,
    cancel: CancelFlag | None,
    second_core: bool,
) -> Scan:
    """Read the column, each chunk's new entries (with their reasons, when rows say them)
    written by `writer` on a thread beside the reader; all written when this returns."""
    background = BackgroundWriter(writer)
    reason_of = choice.reason_of

    def submit(entries: list[str], extras: list[tuple[str, ...]] | None) -> None:
        given = None if extras is None or not choice.columns else list(map(reason_of, extras))
        background.submit(entries, given)

    try:
        scan = scan_column(
            source,
            index,
            progress,
            cancel,
            extra=choice.indexes,  # the reason columns' cells of each entry's first row
            whole_domains=not hashed_list,
            hashed=hashed_list,
            on_new=submit,
            second_core=second_core,
        )
        background.close()
    except BaseException:
        background.abandon()
        raise
    return scan


def _given(scan: Scan, choice: ReasonChoice) -> list[str] | None:
    """Each entry's reason in scan order, when its row says it (None when no row can)."""
    if not choice.columns:
        return None
    extras, reason_of = scan.extras, choice.reason_of
    return [reason_of(extras.get(entry)) for entry in scan.addresses]


def _by_reason(scan: Scan, choice: ReasonChoice, given: list[str] | None) -> dict[str, int]:
    return reasons.counts_by_reason(given) if given is not None else {choice.reason: scan.valid}


def _algorithms(scan: Scan) -> list[str]:
    """The digest algorithms of a hashed list's entries."""
    found = {entry[: entry.index(":")] for entry in scan.addresses}
    return [name for name in digests.ALGORITHMS if name in found]


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


def _counts(
    scan: Scan,
    scope_id: int,
    choice: ReasonChoice,
    given: list[str] | None,
    hashed_list: bool,
    already: int,
) -> OptOutCounts:
    if hashed_list:
        contacts = hashed.count_contacts(scan.seen, scope_id, _algorithms(scan))
    else:
        contacts = import_table.count_contacts_to_unsubscribe(scope_id) + _domain_contacts(
            scan, scope_id
        )
    return OptOutCounts(
        rows=scan.rows,
        valid=scan.valid,
        invalid=scan.invalid,
        blank=scan.blank,
        duplicates=scan.duplicates,
        new=scan.valid - already,
        already_suppressed=already,
        contacts_unsubscribed=contacts,
        domains=scan.domains,
        raised=import_table.count_raised(scope_id, None if given is not None else choice.reason),
        hashed=scan.valid if hashed_list else 0,
        by_reason=_by_reason(scan, choice, given),
    )


def _domain_contacts(scan: Scan, scope_id: int, run_id: int | None = None) -> int:
    """Contacts that only the file's whole-domain entries newly suppress."""
    if not scan.domains:
        return 0
    keys = [entry for entry in scan.addresses if domain_keys.is_domain_key(entry)]
    return domains.count_contacts_newly_covered(keys, scope_id, scan.seen, run_id)


def run_optouts(
    plan: OptOutPlan,
    confirm: int | Callable[[], int],
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> ImportRun:
    """Write a planned import in one transaction, after the user typed the number of addresses.

    A wrong number, or a file changed since the plan, writes nothing. A cancel or a failure
    rolls everything back and records the import as cancelled or failed.

    `confirm` may be a function that waits for the typed number (the confirmation dialog is
    open meanwhile): then the import is written first and committed only once it gives the
    right number, the file still unchanged. Until then nothing is the user's import: a
    failure, or the function raising (the dialog closed), rolls back and
    leaves no trace, not even a running note (confirmation_wait).
    """
    path, valid = plan.source.path, plan.counts.valid
    before_commit: Callable[[], None] | None = None
    if isinstance(confirm, int):
        _check_confirmation(confirm, valid)
    else:
        waited_for = confirm

        def before_commit() -> None:
            _check_confirmation(waited_for(), valid)
            _check_unchanged(path, plan.checksum)

    _check_unchanged(path, plan.checksum)
    if len(plan.scan.addresses) != valid:  # counted elsewhere (a helper process)
        raise SourceError(t("Count the file again before importing it."))

    def writer_for(
        run_id: int, scope_id: int, stamp: str, reason: str, hashed_list: bool, each_own: bool
    ) -> SuppressionWriter:
        """The staged entries, imported set-based, while this connection holds them as they
        were staged (nobody forgotten since); else the addresses, written again."""
        if import_table.holds(plan.staged) and (
            plan.hashed or frozenset(hashed.Forgotten.load().digests) == plan.forgotten
        ):
            staged = StagedWriter(
                dialect.connection(), run_id, scope_id, stamp, reason, hashed_list, each_own
            )
            staged.none_there = plan.counts.already_suppressed == 0
            return staged
        return suppression_writer(run_id, scope_id, stamp, reason, hashed_list, each_own)

    def write(writer: SuppressionWriter) -> Scan:
        if isinstance(writer, StagedWriter):
            if progress is not None:  # (the work is in settle: one statement, interruptible)
                progress(Progress("writing", plan.counts.valid, plan.counts.valid))
            return plan.scan
        addresses, given = plan.scan.addresses, plan.reasons  # the writer sorts each batch
        for start in range(0, len(addresses), WRITE_BATCH):
            raise_if_cancelled(cancel)
            end = start + WRITE_BATCH
            writer.write(addresses[start:end], None if given is None else given[start:end])
            if progress is not None:
                done = min(end, len(addresses))
                progress(Progress("writing", done, len(addresses)))
        return plan.scan

    run = _record(
        plan.source,
        plan.column,
        plan.scope_id,
        plan.checksum,
        write,
        cancel,
        plan.choice,
        plan.hashed,
        writer_for,
        before_commit,
    )
    import_table.forget_staged(plan.staged)  # imported: a second run writes them again
    return run


def import_optouts(
    source: TableSource,
    column: str | int,
    confirm: int,
    scope_id: int = ACCOUNT,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    choice: ReasonChoice | None = None,
) -> ImportRun:
    """Read and write in one pass (for the command line), refusing at the end unless
    `confirm` is exactly the number of valid addresses: then nothing is written.

    SQLite writes each chunk on a second thread while the next one is read and cleaned.
    `choice` says why, as for plan_optouts.
    """
    index = source.column_index(column)
    name = source.headers[index]
    hashed_list = is_hashed(source, index)
    chosen = choice or reasons.propose(source, index, hashed_list)
    checksum = sha256_beside(source.path)  # read beside the import, not first

    def write(writer: SuppressionWriter) -> Scan:
        scan = _scan_into(writer, source, index, chosen, hashed_list, progress, cancel, True)
        _refuse_empty(scan, name)
        _check_confirmation(confirm, scan.valid)
        return scan

    return _record(source, name, scope_id, checksum.result, write, cancel, chosen, hashed_list)


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
    choice: ReasonChoice,
    hashed_list: bool,
    writer_for: Callable[..., SuppressionWriter] = suppression_writer,
    before_commit: Callable[[], None] | None = None,
) -> ImportRun:
    """Run `write` and record the import, all in one transaction; a refusal leaves no trace,
    a cancel or a failure leaves only a cancelled or failed entry in the history.

    A note committed before the transaction says the import is running; the transaction
    removes it. If the process dies first, the next opening records the import as failed.
    `checksum` may be a function that gives it once the file has been read.

    `before_commit`, when given, runs last in the transaction and waits for the user's
    confirmation: until it returns, the import is not yet the user's, so it has no running
    note and anything that stops it rolls back without a trace.
    """
    details = {
        "kind": "optouts",
        "user_name": user_name(),
        "file_name": source.path.name,
        "file_sha256": checksum if isinstance(checksum, str) else "",
        "column": column,
        "sheet": source.sheet,
        "scope_id": scope_id,
        "reason": choice.reason,
    }

    def fill_checksum() -> None:
        if not isinstance(checksum, str) and not details["file_sha256"]:
            try:
                details["file_sha256"] = checksum()
            except OSError:
                log.info("could not read %s for its checksum", source.path, exc_info=True)

    confirmed = before_commit is None
    note = None
    if confirmed:
        with plain_errors():  # waits for another program's write, then says so plainly
            note = unfinished_imports.begin(details)
    try:
        with write_transaction(), dialect.interruptible(cancel):
            run = _new_run(details)
            writer = writer_for(
                run.id, scope_id, now(), choice.reason, hashed_list, bool(choice.columns)
            )
            scan = write(writer)
            new = writer.settle()
            if hashed_list:
                contacts = hashed.count_contacts(scan.seen, scope_id, _algorithms(scan), run.id)
            else:
                contacts = import_table.count_contacts_unsubscribed_by(
                    run.id, scope_id, new
                ) + _domain_contacts(scan, scope_id, run.id)
            counts = OptOutCounts(
                rows=scan.rows,
                valid=scan.valid,
                invalid=scan.invalid,
                blank=scan.blank,
                duplicates=scan.duplicates,
                new=new,
                already_suppressed=scan.valid - new,
                contacts_unsubscribed=contacts,
                domains=scan.domains,
                raised=writer.raised,
                hashed=scan.valid if hashed_list else 0,
                by_reason=_by_reason(scan, choice, _given(scan, choice)),
            )
            refused = hashed.redacted(scan.refused, writer.forgotten)
            import_table.save_refused_rows(run, refused, cancel)
            raise_if_cancelled(cancel)
            fill_checksum()
            run.file_sha256 = str(details["file_sha256"])
            _finish(run, "completed", counts)
            if note is not None:
                unfinished_imports.end(note)
            if before_commit is not None:
                before_commit()
                confirmed = True
                run.finished_at = now()
                run.save()
                raise_if_cancelled(cancel)
    except BaseException as error:
        if not confirmed or isinstance(error, ConfirmationError | SourceError):
            if note is not None:  # (a refusal, or stopped before the user confirmed)
                unfinished_imports.forget(note)
            raise
        fill_checksum()
        said = _record_stop(error, details, note, cancel)
        if said is error:
            raise
        raise said from (None if isinstance(said, Cancelled) else error)
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
        if name != "by_reason":
            setattr(run, name, value)
    run.reasons = json.dumps(counts.by_reason)
    run.state = state
    run.message = message
    run.finished_at = now()
    run.save()


def _new_run(details: Mapping[str, Any], **more: Any) -> ImportRun:
    """A new history entry, numbered right after the last one: on a server, whose sequence
    keeps the numbers of rolled-back imports (a confirmation refused, a cancel), the history
    would have gaps (SQLite numbers so by itself)."""
    dialect.continue_numbering(database.obj, ImportRun._meta.table_name, "id")
    return ImportRun.create(**details, **more)


def _record_stop(
    error: BaseException, details: Mapping[str, Any], note: int | None, cancel: CancelFlag | None
) -> BaseException:
    """Record a rolled-back import as cancelled or failed, and give the error to raise: a
    cancel as Cancelled (a database error while the flag is set is a cancel's), another
    database error as a StoreError in plain words."""
    cancelled = t("Cancelled by the user; nothing was written.")
    if isinstance(error, Cancelled | KeyboardInterrupt):
        _record_end(details, "cancelled", cancelled, note)
        return error
    if isinstance(error, DATABASE_ERRORS):
        if cancel is not None and cancel.is_set():  # "interrupted" by a cancel
            _record_end(details, "cancelled", cancelled, note)
            return Cancelled()
        message = plain_message(error)
        if error_kind(error) != DAMAGED:  # nothing more is written to a damaged file
            _record_end(details, "failed", message, note)
        return StoreError(message)
    if isinstance(error, Exception):
        _record_end(details, "failed", str(error), note)
    return error


def _record_end(
    details: Mapping[str, Any], state: str, message: str, note: int | None = None
) -> None:
    """Record a rolled-back import in the history, in its own small transaction (which also
    removes its running note)."""
    try:
        with write_transaction():
            _new_run(details, state=state, message=message, finished_at=now())
            if note is not None:
                unfinished_imports.end(note)
    except DATABASE_ERRORS:
        # (info, not error: the command line's stderr keeps to its one plain line)
        log.info("could not record the end of importing %s", details["file_name"], exc_info=True)
