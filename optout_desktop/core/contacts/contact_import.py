"""Contacts: import them from a file (creating or updating), and delete unsubscribed ones."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import peewee as pw

from optout_desktop.core.computer_user import user_name
from optout_desktop.core.db import dialect, tallies, unfinished_imports
from optout_desktop.core.db.failures import DATABASE_ERRORS, plain_errors, plain_message
from optout_desktop.core.db.models import (
    ACCOUNT,
    BaseModel,
    Contact,
    ImportRun,
    Suppression,
    database,
    now,
)
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.errors import ConfirmationError, SourceError, StoreError
from optout_desktop.core.optouts import domains, hashed, import_table
from optout_desktop.core.progress import CancelFlag, ProgressCallback, raise_if_cancelled
from optout_desktop.core.reading.scanning import Scan, scan_column
from optout_desktop.core.reading.sources import TableSource, sha256_of
from optout_desktop.core.texts import t

NO_COLUMN = -1  # as a name column: the file has none
_FIRST = {"firstname", "fornavn", "vorname", "givenname", "prenom", "fname", "first"}
_LAST = {"lastname", "efternavn", "nachname", "surname", "familyname", "nom", "lname", "last"}


@dataclass
class ContactCounts:
    """What a contacts import read and did."""

    rows: int
    valid: int
    invalid: int
    blank: int
    duplicates: int
    contacts_created: int
    contacts_updated: int
    forgotten: int = 0  # addresses of people who were forgotten: never made contacts again

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def guess_name_columns(headers: list[str]) -> tuple[int | None, int | None]:
    """The first-name and last-name columns, from their headers, when there are such."""
    folded = [re.sub(r"[^a-z]", "", h.casefold()) for h in headers]
    first = next((i for i, h in enumerate(folded) if h in _FIRST), None)
    last = next((i for i, h in enumerate(folded) if h in _LAST), None)
    return first, last


class StagedContact(BaseModel):
    """One distinct contact of the file being imported (a temporary table)."""

    email = pw.TextField(primary_key=True)
    first_name = pw.TextField()
    last_name = pw.TextField()

    class Meta:
        database = database
        table_name = "staged_contact"
        temporary = True
        without_rowid = True


def import_contacts(
    source: TableSource,
    column: str | int,
    first_name: str | int | None = None,
    last_name: str | int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> tuple[ImportRun, ContactCounts]:
    """Create contacts for new addresses and fill in names for known ones, in one transaction.

    A name column left as None is guessed from the headers; NO_COLUMN means none.
    """
    index = source.column_index(column)
    guessed_first, guessed_last = guess_name_columns(source.headers)
    extra = (
        _name_column(source, first_name, guessed_first),
        _name_column(source, last_name, guessed_last),
    )
    scan = scan_column(source, index, progress, cancel, extra=extra)
    if scan.valid == 0:
        raise SourceError(
            t(
                "The column “{column}” holds no valid email address; no contacts were imported.",
                column=source.headers[index],
            )
        )
    try:
        return _store_contacts(source, index, scan, cancel)
    except DATABASE_ERRORS as error:  # "interrupted" by a cancel, or the database refused
        raise_if_cancelled(cancel)
        raise StoreError(plain_message(error)) from error


def _name_column(source: TableSource, wanted: str | int | None, guessed: int | None) -> int:
    if wanted is None:
        return guessed if guessed is not None else NO_COLUMN
    if wanted == NO_COLUMN:
        return NO_COLUMN
    return source.column_index(wanted)


def _store_contacts(
    source: TableSource, index: int, scan: Scan, cancel: CancelFlag | None
) -> tuple[ImportRun, ContactCounts]:
    checksum = sha256_of(source.path)
    note = (
        unfinished_imports.begin(  # committed first: if this process dies, the next opening says so
            {
                "kind": "contacts",
                "user_name": user_name(),
                "file_name": source.path.name,
                "file_sha256": checksum,
                "column": source.headers[index],
                "sheet": source.sheet,
            }
        )
    )
    try:
        return _write_contacts(source, index, scan, cancel, checksum, note)
    except BaseException:
        unfinished_imports.forget(note)
        raise


def _write_contacts(
    source: TableSource,
    index: int,
    scan: Scan,
    cancel: CancelFlag | None,
    checksum: str,
    note: int,
) -> tuple[ImportRun, ContactCounts]:
    with write_transaction(), dialect.interruptible(cancel):
        forgotten = hashed.Forgotten.load()
        addresses = scan.addresses
        if forgotten:  # (their addresses are never written in plain again)
            addresses = [email for email in addresses if forgotten.key_for(email) is None]
        dialect.adapt(StagedContact)
        StagedContact.create_table(safe=True)
        StagedContact.delete().execute()
        # Multi-row INSERTs written directly: peewee's insert_many spent 40 s building the SQL
        # for a million contacts.
        connection = dialect.connection()
        no_names = ("", "")
        row = dialect.sql("(?, ?, ?)")
        for batch in import_table.batches(addresses, connection.rows_per_statement(3)):
            raise_if_cancelled(cancel)
            values: list[str] = []
            for email in batch:
                first, last = scan.extras.get(email, no_names)
                values += (email, first, last)
            connection.execute(
                "INSERT INTO staged_contact (email, first_name, last_name) VALUES "
                + ",".join([row] * len(batch)),
                values,
            )
        existing = StagedContact.select().join(Contact, on=(Contact.email == StagedContact.email))
        changed = existing.where(
            ((StagedContact.first_name != "") & (StagedContact.first_name != Contact.first_name))
            | ((StagedContact.last_name != "") & (StagedContact.last_name != Contact.last_name))
        )
        counts = ContactCounts(
            rows=scan.rows,
            valid=scan.valid,
            invalid=scan.invalid,
            blank=scan.blank,
            duplicates=scan.duplicates,
            contacts_created=len(addresses) - existing.count(),
            contacts_updated=changed.count(),
            forgotten=scan.valid - len(addresses),
        )
        stamp = now()
        query = StagedContact.select(
            StagedContact.email,
            StagedContact.first_name,
            StagedContact.last_name,
            pw.Value(stamp),
            pw.Value(stamp),
        ).where(pw.SQL("TRUE"))  # SQLite needs a WHERE before an upsert's ON CONFLICT
        Contact.insert_from(
            query,
            [
                Contact.email,
                Contact.first_name,
                Contact.last_name,
                Contact.created_at,
                Contact.updated_at,
            ],
        ).on_conflict(
            conflict_target=[Contact.email],
            update={
                Contact.first_name: _keep_unless_given(Contact.first_name),
                Contact.last_name: _keep_unless_given(Contact.last_name),
                Contact.updated_at: pw.Case(None, [(_names_change(), stamp)], Contact.updated_at),
            },
        ).execute()
        tallies.add(tallies.CONTACTS, counts.contacts_created)
        raise_if_cancelled(cancel)
        run = ImportRun.create(
            kind="contacts",
            state="completed",
            user_name=user_name(),
            file_name=source.path.name,
            file_sha256=checksum,
            column=source.headers[index],
            sheet=source.sheet,
            finished_at=now(),
            message=t(
                "{count} addresses of people who asked to be forgotten were left out.",
                count=counts.forgotten,
            )
            if counts.forgotten
            else "",
            **{k: v for k, v in counts.as_dict().items() if k != "forgotten"},
        )
        refused = hashed.redacted(scan.refused, forgotten)
        import_table.save_refused_rows(run, refused, cancel)
        unfinished_imports.end(note)
    return run, counts


def _excluded(field: pw.Field) -> pw.Node:
    return pw.SQL(f'excluded."{field.column_name}"')


def _keep_unless_given(field: pw.Field) -> pw.Node:
    """An upsert keeps the stored name unless the file gives a non-empty one."""
    return pw.Case(None, [(_excluded(field) != "", _excluded(field))], field)


def _names_change() -> pw.Node:
    return (
        (_excluded(Contact.first_name) != "")
        & (_excluded(Contact.first_name) != Contact.first_name)
    ) | ((_excluded(Contact.last_name) != "") & (_excluded(Contact.last_name) != Contact.last_name))


def unsubscribed_contacts() -> pw.ModelSelect[Contact]:
    """Contacts unsubscribed from all email (an account-wide opt-out): billable, not emailable."""
    suppressed = Suppression.select(Suppression.email).where(Suppression.scope_id == ACCOUNT)
    condition = Contact.email.in_(suppressed)
    covered = domains.covered_predicate(Contact.email, ACCOUNT)  # a whole-domain opt-out
    return Contact.select().where(condition if covered is None else condition | covered)


def delete_unsubscribed_contacts(confirm: int) -> int:
    """Delete every unsubscribed contact; their addresses stay suppressed. Returns how many."""
    with plain_errors(), write_transaction():
        count = int(unsubscribed_contacts().count())
        if confirm != count:
            raise ConfirmationError(
                t(
                    "You confirmed {confirm} contacts, but {count} contacts are unsubscribed; "
                    "nothing was deleted.",
                    confirm=confirm,
                    count=count,
                )
            )
        ids = unsubscribed_contacts().select(Contact.id)
        deleted = Contact.delete().where(Contact.id.in_(ids)).execute()
        tallies.add(tallies.CONTACTS, -int(deleted))
    return count
