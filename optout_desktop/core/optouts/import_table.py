"""A temporary table of an import's addresses, so every count and write is one set-based query."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

import peewee as pw

from optout_desktop.core.db import dialect, tallies
from optout_desktop.core.db.models import (
    ACCOUNT,
    BaseModel,
    Contact,
    ImportRun,
    RowError,
    Suppression,
    database,
)
from optout_desktop.core.optouts import domains, reasons
from optout_desktop.core.progress import CancelFlag, raise_if_cancelled
from optout_desktop.core.reading.scanning import RefusedRow


class StagedAddress(BaseModel):
    """One distinct address of the file being imported (a temporary, per-connection table)."""

    email = pw.TextField(primary_key=True)
    reason = pw.TextField(null=True)  # when each address comes with its own

    class Meta:
        database = database
        table_name = "staged_address"
        temporary = True
        without_rowid = True


def batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Split an iterable into lists of at most `size` items."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class StagingTable:
    """The staging table, emptied, then filled batch by batch (each sorted: a sorted insert
    into an index is faster) on the connection of the caller's transaction, so that a
    BackgroundWriter can fill it on a thread beside the reader.

    `entries_of` gives a batch's entries as staged (a forgotten person's address as its
    digest); each batch may give each entry's reason.
    """

    def __init__(self, entries_of: Callable[[list[str]], list[str]] | None = None) -> None:
        global _kept
        _kept = None  # what the table held goes now
        dialect.adapt(StagedAddress)
        StagedAddress.create_table(safe=True)
        StagedAddress.delete().execute()
        self.connection = dialect.connection()
        self.table = StagedAddress._meta.table_name
        self.entries_of = entries_of
        self.staged = 0

    def write(self, addresses: Sequence[str], given: Sequence[str] | None = None) -> None:
        entries = list(addresses) if self.entries_of is None else self.entries_of(list(addresses))
        if given is not None:
            pairs = sorted(zip(entries, given, strict=True))
            self.connection.load_rows(self.table, ("email", "reason"), pairs)
        else:
            self.connection.load_column(self.table, "email", sorted(entries))
        self.staged += len(entries)


# What the staging table holds, once a plan keeps it for its import: (the plan's token, the
# connection whose temporary table it is). Any new staging, on any connection, forgets it.
_kept: tuple[object, Any] | None = None


def keep_staged(token: object) -> None:
    """Note that the staging table, as filled on this connection, is `token`'s to import."""
    global _kept
    _kept = (token, dialect.connection().raw)


def forget_staged(token: object) -> None:
    """The staging table no longer holds `token`'s entries (they were imported)."""
    global _kept
    if _kept is not None and _kept[0] is token:
        _kept = None


def drop_staged() -> None:
    """Drop the staging table (it may hold a million rows, in memory or on disk): when
    nobody waits any more (freeing its pages takes a moment)."""
    global _kept
    _kept = None
    StagedAddress.drop_table(safe=True)


def holds(token: object) -> bool:
    """True when this connection's staging table still holds what `token` kept there."""
    return _kept is not None and _kept[0] is token and _kept[1] is dialect.connection().raw


def in_scope(scope_id: int) -> pw.Expression:
    """Opt-outs that apply in a scope: the whole account's, and the scope's own."""
    return Suppression.scope_id.in_(sorted({ACCOUNT, scope_id}))


def suppressed_in_scope(email: pw.Field, scope_id: int) -> Any:  # a peewee expression
    """The address in `email` is already suppressed in the scope, itself or by its domain."""
    matching = Suppression.select(pw.SQL("1")).where(
        (Suppression.email == email) & in_scope(scope_id)
    )
    covered = domains.covered_predicate(email, scope_id)
    return pw.fn.EXISTS(matching) if covered is None else (pw.fn.EXISTS(matching) | covered)


def already_suppressed(scope_id: int) -> set[str]:
    """Staged addresses that are already suppressed in the scope."""
    query = StagedAddress.select(StagedAddress.email)
    query = query.where(suppressed_in_scope(StagedAddress.email, scope_id))
    return {str(email) for (email,) in query.tuples().iterator()}


def count_raised(scope_id: int, reason: str | None) -> int:
    """Opt-outs (of the staged addresses themselves, in the scope or the whole account's)
    whose reason the import would make stronger: `reason` for every address, or each one's
    own (staged) when it is None."""
    said = "st.reason" if reason is None else f"'{reasons.check_key(reason)}'"
    if reason is not None and reasons.strength(reason) == 0:
        return 0
    row = (
        database.obj.execute_sql(
            dialect.sql(
                "SELECT count(*) FROM staged_address AS st JOIN suppression AS s "
                "ON s.email = st.email AND s.scope_id IN (?, ?) "
                f"WHERE {reasons.strength_sql(said)} > {reasons.strength_sql('s.reason')}"
            ),
            (ACCOUNT, scope_id),
        )
    ).fetchone()
    return int(row[0])


def count_contacts_to_unsubscribe(scope_id: int) -> int:
    """Staged addresses that are contacts and not yet suppressed in the scope."""
    query = (
        StagedAddress.select()
        .join(Contact, on=(Contact.email == StagedAddress.email))
        .where(~suppressed_in_scope(StagedAddress.email, scope_id))
    )
    return int(query.count())


def count_contacts_unsubscribed_by(
    run_id: int, scope_id: int = ACCOUNT, inserted: int | None = None
) -> int:
    """Contacts whose address an import (into `scope_id`) has just suppressed.

    Given how many opt-outs it `inserted`, the smaller side drives the count: with fewer
    contacts than new opt-outs, each contact is looked up among them by the unique index
    on address and scope (a million new opt-outs and a few contacts: 0.1 s less), else each
    new opt-out among the contacts.
    """
    contacts = tallies.read(tallies.CONTACTS)
    if contacts == 0:
        return 0
    if inserted is not None and contacts < inserted:
        # (an import's opt-outs hold each address once: one scope, unique per scope)
        mine = Suppression.select(pw.SQL("1")).where(
            (Suppression.email == Contact.email)
            & (Suppression.scope_id == scope_id)
            & (Suppression.import_run == run_id)
        )
        return int(Contact.select().where(pw.fn.EXISTS(mine)).count())
    query = (
        Suppression.select()
        .join(Contact, on=(Contact.email == Suppression.email))
        .where(Suppression.import_run == run_id)
    )
    return int(query.count())


def save_refused_rows(
    run: ImportRun, refused: Sequence[RefusedRow], cancel: CancelFlag | None = None
) -> None:
    """Keep the refused rows with the import, for its errors file (multi-row INSERTs)."""
    connection = dialect.connection()
    table = RowError._meta.table_name
    run_id = int(run.id)
    for batch in batches(refused, connection.rows_per_statement(3)):
        raise_if_cancelled(cancel)
        values = ",".join([f"({run_id:d}, ?, ?, ?)"] * len(batch))
        columns = "(import_run_id, row_number, raw_value, reason)"
        connection.execute(
            dialect.sql(f"INSERT INTO {table} {columns} VALUES {values}"),
            [cell for row in batch for cell in (row.row_number, row.raw_value, row.reason)],
        )
