"""Write an import's opt-outs: multi-row INSERTs on a thread beside the reader, or by COPY."""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence
from functools import lru_cache

import peewee as pw

from optout_desktop.core.db import dialect
from optout_desktop.core.db.dialect import Connection, sql
from optout_desktop.core.db.models import ACCOUNT, database
from optout_desktop.core.optouts import domains, import_table, ownership, raising, reasons
from optout_desktop.core.optouts.hashed import Forgotten

_STOP = None
Batch = tuple[list[str], list[str] | None]  # addresses, and each one's reason (or None)


class SuppressionWriter:
    """Insert addresses as opt-outs of one import and scope; counts the ones that were new.

    Addresses already suppressed in the scope are skipped by the unique index (same scope),
    by a domain opt-out that covers them, or, for a business unit, removed again by `settle`
    (covered by a whole-account opt-out). Each time, the import claims the opt-out that held
    the address, so it inherits it if that one is withdrawn (see ownership.py), and gives it
    a stronger reason if it has one (raising.py).

    Each address is written with `reason`, or its own when a batch gives each one's. A
    forgotten person's address is written as its digest (hashed.Forgotten); with `hashed`,
    the entries are a hashed list's digests already.
    """

    def __init__(
        self,
        connection: Connection,
        run_id: int,
        scope_id: int,
        stamp: str,
        reason: str = reasons.IMPORT,
        hashed: bool = False,
    ) -> None:
        self.connection = connection
        self.run_id = int(run_id)
        self.scope_id = int(scope_id)
        self.stamp = stamp
        self.reason = reasons.check_key(reason)
        self.marker = connection.marker  # the database's placeholder, for the SQL written once
        self.inserted = 0
        self.raised = 0  # opt-outs there before that now show a stronger reason
        self.strong = False  # a reason stronger than an import's was written
        self.per_statement = connection.rows_per_statement(1)
        cover = None if hashed else domains.load_cover(self.scope_id)
        self.cover = cover if cover else None
        self.forgotten = Forgotten() if hashed else Forgotten.load()

    def write(self, addresses: Sequence[str], given: Sequence[str] | None = None) -> None:
        """Insert a batch, each address with its reason from `given` if given (sorted first:
        an ordered insert into the index is faster)."""
        for reason, part in self._groups(addresses, given):
            self._write(sorted(part), reason)

    def _groups(
        self, addresses: Sequence[str], given: Sequence[str] | None
    ) -> list[tuple[str, list[str]]]:
        """The batch by reason (one group, mostly), forgotten people's addresses as digests."""
        entries = self.forgotten.entries(list(addresses))
        if given is None:
            groups = {self.reason: entries}
        else:
            groups = {}
            for entry, reason in zip(entries, given, strict=True):
                groups.setdefault(reason, []).append(entry)
        for reason in groups:
            self.strong = self.strong or reasons.strength(reasons.check_key(reason)) > 0
        return list(groups.items())

    def _write(self, ordered: list[str], reason: str) -> None:
        if self.cover is not None:
            ordered = ownership.claim_covered(
                self.connection, ordered, self.cover, self.run_id, reason
            )
        for start in range(0, len(ordered), self.per_statement):
            part = ordered[start : start + self.per_statement]
            cursor = self.connection.execute(self._sql(len(part), reason), part)
            inserted = max(cursor.rowcount, 0)
            self.inserted += inserted
            if inserted < len(part):  # some were suppressed already: none, mostly
                ownership.claim_existing(self.connection, part, self.run_id, self.scope_id, reason)

    def settle(self) -> int:
        """Drop what a whole-account opt-out already covers, and raise the reasons of the
        opt-outs this import claims for a stronger one; returns how many were new."""
        if self.scope_id != ACCOUNT:
            ownership.claim_account_cover(self.connection, self.run_id)
            cursor = self.connection.execute(
                sql(
                    "DELETE FROM suppression WHERE import_run_id = ? AND EXISTS ("
                    "SELECT 1 FROM suppression AS account WHERE account.email = suppression.email"
                    " AND account.scope_id = ?)",
                    self.marker,
                ),
                (self.run_id, ACCOUNT),
            )
            self.inserted -= max(cursor.rowcount, 0)
        if self.strong:
            self.raised = raising.raise_claimed(self.run_id)
        return self.inserted

    def _sql(self, rows: int, reason: str) -> str:
        return _insert_sql(rows, self.scope_id, self.run_id, self.stamp, self.marker, reason)


class StagingWriter(SuppressionWriter):
    """Load each batch into a temporary table while the file is read, then insert and claim
    them all in two set-based statements: where the database loads rows fastest by COPY
    (see dialect.loads_by_copy)."""

    table = "incoming_address"

    def __init__(
        self,
        connection: Connection,
        run_id: int,
        scope_id: int,
        stamp: str,
        reason: str = reasons.IMPORT,
        hashed: bool = False,
        each_own: bool = False,
    ) -> None:
        super().__init__(connection, run_id, scope_id, stamp, reason, hashed)
        self.copied = 0
        self.each_own = each_own  # each address comes with its own reason
        self.none_there = False  # True: none of the entries was suppressed when counted
        self._prepare_table()

    def _prepare_table(self) -> None:
        if self.each_own:
            self.connection.make_table(self.table, ("email", "reason"))
        else:
            self.connection.make_column_table(self.table, "email")

    def write(self, addresses: Sequence[str], given: Sequence[str] | None = None) -> None:
        """Load a batch (those a domain opt-out covers are only claimed)."""
        for reason, part in self._groups(addresses, given):
            if self.cover is not None:
                part = ownership.claim_covered(
                    self.connection, sorted(part), self.cover, self.run_id, reason
                )
            if not part:
                continue
            if self.each_own:
                rows = ((entry, reason) for entry in part)
                self.connection.load_rows("incoming_address", ("email", "reason"), rows)
            else:
                self.connection.load_column("incoming_address", "email", part)
            self.copied += len(part)

    def settle(self) -> int:
        if self.copied:
            # Sorted, so the index grows in order. A plain INSERT of those not yet there, not
            # ON CONFLICT (whose per-row speculative insertion took a third of the time):
            # every writer holds the write lock, so NOT EXISTS sees every committed opt-out,
            # and the scan's entries are distinct. Were another program to write meanwhile,
            # the unique index would refuse the import, whole.
            self.inserted = self._insert_new()
            if self.inserted < self.copied:  # some were suppressed already
                ownership.claim_incoming(
                    self.connection,
                    self.run_id,
                    self.scope_id,
                    None if self.each_own else self.reason,
                    self.table,
                )
        return super().settle()

    def _insert_new(self) -> int:
        """Insert the table's entries that the scope does not hold yet; returns how many."""
        stamp = _checked(self.stamp)
        said = "reason" if self.each_own else f"'{self.reason}'"
        row = f"email, {self.scope_id:d}, {said}, {self.run_id:d}, '{stamp}', ''"
        insert = (
            "INSERT INTO suppression (email, scope_id, reason, import_run_id, created_at, "
            f"note) SELECT {row} FROM {self.table} AS a"
        )
        if self.none_there:  # (a third faster without the test; the unique index still tests)
            try:
                with database.obj.atomic():  # a savepoint, rolled back if one is there now
                    return max(int(self.connection.execute(f"{insert} ORDER BY email").rowcount), 0)
            except pw.IntegrityError:
                pass
        cursor = self.connection.execute(
            f"{insert} WHERE NOT EXISTS (SELECT 1 FROM suppression AS s WHERE s.email = "
            f"a.email AND s.scope_id = {self.scope_id:d}) ORDER BY email"
        )
        return max(int(cursor.rowcount), 0)


class StagedWriter(StagingWriter):
    """Import what counting staged (import_table.StagingTable, kept for this import): the
    addresses a domain opt-out covers are claimed, the rest inserted and claimed set-based,
    so nothing is read or sent again. Its entries are as staged (forgotten people's as
    digests), with each one's reason when `each_own`. Set `none_there` when none of them was
    suppressed in the scope at the count (they are first inserted without looking)."""

    table = "staged_address"

    def _prepare_table(self) -> None:
        """Counting filled the table: see how many entries it holds, and why."""
        given = "reason" if self.each_own else "NULL"
        rows = self.connection.execute(f"SELECT count(*) FROM {self.table}").fetchone()
        self.copied = int(rows[0])
        for (own,) in self.connection.execute(f"SELECT DISTINCT {given} FROM {self.table}"):
            strength = reasons.strength(reasons.check_key(own or self.reason))
            self.strong = self.strong or strength > 0

    def write(self, addresses: Sequence[str], given: Sequence[str] | None = None) -> None:
        raise TypeError("a StagedWriter imports what was staged; it takes no batches")

    def settle(self) -> int:
        if self.cover is not None:
            self._claim_covered()
        return super().settle()

    def _claim_covered(self) -> None:
        """Claim the domain opt-outs that cover staged entries, and take those entries out."""
        assert self.cover is not None
        table = import_table.StagedAddress
        covered = domains.covered_predicate(table.email, self.scope_id)
        if covered is None:
            return
        groups: dict[str, list[str]] = {}
        query = table.select(table.email, table.reason).where(covered).order_by(table.email)
        for email, own in query.tuples().iterator():
            groups.setdefault(str(own) if self.each_own and own else self.reason, []).append(email)
        for own, part in groups.items():
            ownership.claim_covered(self.connection, part, self.cover, self.run_id, own)
            for start in range(0, len(part), self.per_statement):
                batch = part[start : start + self.per_statement]
                marks = ",".join([self.marker] * len(batch))
                self.connection.execute(f"DELETE FROM {self.table} WHERE email IN ({marks})", batch)
                self.copied -= len(batch)


def suppression_writer(
    run_id: int,
    scope_id: int,
    stamp: str,
    reason: str = reasons.IMPORT,
    hashed: bool = False,
    each_own: bool = False,
) -> SuppressionWriter:
    """The writer for the open database, on the connection of the caller's transaction:
    `reason` for every address, unless `each_own` (then each batch gives each one's)."""
    connection = dialect.connection()
    if dialect.loads_by_copy():
        return StagingWriter(connection, run_id, scope_id, stamp, reason, hashed, each_own)
    return SuppressionWriter(connection, run_id, scope_id, stamp, reason, hashed)


def _checked(stamp: str) -> str:
    """The timestamp, safe to inline in SQL (it is made here, digits and separators only)."""
    if not stamp.replace("-", "").replace(":", "").replace("T", "").rstrip("Z").isdigit():
        raise ValueError(f"unexpected timestamp {stamp!r}")
    return stamp


@lru_cache(maxsize=16)
def _insert_sql(rows: int, scope_id: int, run_id: int, stamp: str, marker: str, reason: str) -> str:
    # The constants are integers, a timestamp this module made and a reason key (checked), so
    # they are safe to inline; each row binds only its address.
    row = f"(?, {scope_id:d}, '{reasons.check_key(reason)}', {run_id:d}, '{_checked(stamp)}', '')"
    return sql(
        "INSERT INTO suppression (email, scope_id, reason, import_run_id, created_at, note) "
        f"VALUES {','.join([row] * rows)} ON CONFLICT (email, scope_id) DO NOTHING",
        marker,
    )


class BackgroundWriter:
    """Runs a SuppressionWriter on its own thread, so SQLite writes while Python reads.

    SQLite releases the GIL while it works, so the two cores are both busy. The caller's
    transaction stays open on the shared connection; only this thread touches it meanwhile.
    """

    def __init__(self, writer: SuppressionWriter) -> None:
        self.writer = writer
        self._queue: queue.Queue[Batch | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="optout-writer", daemon=True)
        self._thread.start()

    def submit(self, addresses: list[str], given: list[str] | None = None) -> None:
        """Hand a batch over (with each address's reason, if given); raises at once if the
        writer has failed."""
        self._raise_if_failed()
        self._queue.put((addresses, given))

    def close(self) -> None:
        """Wait until every batch is written; re-raises the writer's error, if any."""
        self._queue.put(_STOP)
        self._thread.join()
        self._raise_if_failed()

    def abandon(self) -> None:
        """Stop without waiting for the rest (the transaction is about to roll back)."""
        while not self._queue.empty():
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._queue.put(_STOP)
        self._thread.join()

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            raise self._error

    def _work(self) -> None:
        while (batch := self._queue.get()) is not _STOP:
            if self._error is None:
                try:
                    self.writer.write(*batch)
                except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
                    self._error = error
