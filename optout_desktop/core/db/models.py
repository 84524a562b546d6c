"""The suppression list's tables, as peewee models bound to the open database."""

from __future__ import annotations

import datetime as dt
import json

import peewee as pw

from optout_desktop.core.db import postgres

ACCOUNT = 0  # scope_id of an opt-out for the whole account; others are business-unit ids

database = pw.DatabaseProxy()


def now() -> str:
    """The current time as UTC ISO-8601 text, the form every timestamp is stored in."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaInfo(BaseModel):
    """Key-value facts about the database itself, such as its schema version."""

    key = pw.TextField(primary_key=True)
    value = pw.TextField()


class BusinessUnit(BaseModel):
    """A brand with its own opt-outs; the whole account is scope 0, not a row here."""

    id = pw.AutoField()
    name = pw.TextField(unique=True)
    created_at = pw.TextField(default=now)


class Contact(BaseModel):
    """A contact: what the billable total counts."""

    id = pw.AutoField()
    email = pw.TextField(unique=True)
    first_name = pw.TextField(default="")
    last_name = pw.TextField(default="")
    created_at = pw.TextField(default=now)
    updated_at = pw.TextField(default=now)


class ImportRun(BaseModel):
    """One import of a file, with every count, its state and who ran it."""

    id = pw.AutoField()
    kind = pw.TextField()  # "optouts" or "contacts"
    state = pw.TextField(default="running")  # running, completed, cancelled, failed, undone
    started_at = pw.TextField(default=now)
    finished_at = pw.TextField(null=True)
    user_name = pw.TextField(default="")
    file_name = pw.TextField()
    file_sha256 = pw.TextField()
    column = pw.TextField()
    sheet = pw.TextField(null=True)
    scope_id = pw.IntegerField(default=ACCOUNT)
    rows = pw.IntegerField(default=0)
    valid = pw.IntegerField(default=0)
    invalid = pw.IntegerField(default=0)
    blank = pw.IntegerField(default=0)
    duplicates = pw.IntegerField(default=0)
    new = pw.IntegerField(default=0)
    already_suppressed = pw.IntegerField(default=0)
    contacts_unsubscribed = pw.IntegerField(default=0)
    contacts_created = pw.IntegerField(default=0)
    contacts_updated = pw.IntegerField(default=0)
    domains = pw.IntegerField(default=0)  # whole-domain opt-outs among the valid entries
    message = pw.TextField(default="")
    undone_by = pw.TextField(null=True)
    undone_at = pw.TextField(null=True)
    # Why (version 4 on): the reason the import was given for rows without one of their own,
    # its entries by reason (JSON, {"bounced": 12, ...}), the opt-outs it gave a stronger
    # reason, and how many of its entries were hashed addresses (a partner's MD5/SHA-256 list).
    reason = pw.TextField(default="import")
    reasons = pw.TextField(default="")
    raised = pw.IntegerField(default=0)
    hashed = pw.IntegerField(default=0)

    @property
    def by_reason(self) -> dict[str, int]:
        """The import's entries by reason, as recorded in `reasons` ({} before version 4)."""
        try:
            found = json.loads(self.reasons) if self.reasons else {}
        except ValueError:
            return {}
        if not isinstance(found, dict):
            return {}
        return {str(key): int(value) for key, value in found.items()}


class Suppression(BaseModel):
    """An opt-out. It belongs to the address, so it outlives any contact with that address."""

    id = pw.AutoField()
    email = pw.TextField()
    scope_id = pw.IntegerField(default=ACCOUNT)
    # import, unsubscribed, bounced, spam, manual, partner (core.optouts.reasons). The email is
    # an address, a whole domain (@firma.dk, *.firma.dk) or a hashed address (sha256:<hex>).
    reason = pw.TextField()
    import_run = postgres.UncheckedOnServer(ImportRun, null=True, backref="suppressions")
    import_run_id: int | None
    created_at = pw.TextField(default=now)
    note = pw.TextField(default="")

    class Meta:
        indexes = ((("email", "scope_id"), True),)


class RowError(BaseModel):
    """A row an import refused: its row number, what the cell held, and why."""

    import_run = pw.ForeignKeyField(ImportRun, backref="row_errors", on_delete="CASCADE")
    row_number = pw.IntegerField()
    raw_value = pw.TextField()
    reason = pw.TextField()


class RunningImport(BaseModel):
    """An import under way, committed before its own transaction starts (see core.running)."""

    id = pw.AutoField()
    pid = pw.IntegerField()
    host = pw.TextField()
    started_at = pw.TextField(default=now)
    details = pw.TextField()  # JSON: the ImportRun fields the import will record


class ImportClaim(BaseModel):
    """An import found an address already suppressed by the opt-out `suppression_id`.

    When that opt-out is withdrawn (its import undone, or lifted by hand) it passes to the
    earliest import that still claims it, instead of being lifted.
    """

    # Not a foreign key: SQLite would then search this table for every row an import inserts
    # into suppression (6 % of a 1M-row import, measured); hand_over deletes claims itself.
    suppression_id = pw.IntegerField()
    import_run = pw.ForeignKeyField(ImportRun, on_delete="CASCADE")
    # The address, when the opt-out is a whole domain; "" when it is the address itself
    # (a re-import of a million known addresses writes a million claims: keep them small).
    email = pw.TextField(default="")
    reason = pw.TextField(default="import")  # why this import listed it (version 4 on)

    class Meta:
        primary_key = pw.CompositeKey("suppression_id", "import_run", "email")
        without_rowid = True


class RaisedReason(BaseModel):
    """An opt-out whose reason imports that also list it made stronger: its own reason (the
    one its owner gave) and the reason they raised it to. Undoing such an import, the reason
    goes back to the strongest still asked for (core.optouts.reasons_kept)."""

    suppression_id = pw.IntegerField(primary_key=True)
    own = pw.TextField()
    raised_to = pw.TextField()


class LiftLog(BaseModel):
    """One opt-out lifted by hand: what, by whom, when, and on which legal basis."""

    id = pw.AutoField()
    email = pw.TextField(index=True)  # an address, or a domain key such as "@firma.dk"
    scope_id = pw.IntegerField(default=ACCOUNT)
    reason = pw.TextField()  # the lifted opt-out's reason
    legal_basis = pw.TextField()
    explanation = pw.TextField()
    user_name = pw.TextField(default="")
    lifted_at = pw.TextField(default=now)
    kept = pw.BooleanField(default=False)  # a later import also lists it, and now holds it


class OneToOneSend(BaseModel):
    """One recorded one-to-one email: to whom, by whom, when, and on which legal basis."""

    id = pw.AutoField()
    email = pw.TextField(index=True)
    scope_id = pw.IntegerField(default=ACCOUNT)
    legal_basis = pw.TextField()
    explanation = pw.TextField(default="")
    user_name = pw.TextField(default="")
    sent_at = pw.TextField(default=now)


class CleaningRun(BaseModel):
    """A mailing list cleaned before it was sent: the file, its column, the scope, every count,
    who and when (a cleaning only reads the suppression list; this record is all it writes)."""

    id = pw.AutoField()
    cleaned_at = pw.TextField(default=now)
    user_name = pw.TextField(default="")
    file_name = pw.TextField()
    file_sha256 = pw.TextField()
    column = pw.TextField()
    sheet = pw.TextField(null=True)
    scope_id = pw.IntegerField(default=ACCOUNT)
    saved_as = pw.TextField(default="")  # the cleaned file's name
    rows = pw.IntegerField(default=0)
    kept = pw.IntegerField(default=0)  # rows that may be emailed
    suppressed = pw.IntegerField(default=0)
    invalid = pw.IntegerField(default=0)
    blank = pw.IntegerField(default=0)
    duplicates = pw.IntegerField(default=0)
    # The suppressed rows by why (core.optouts.matching.REASONS).
    suppressed_unsubscribed = pw.IntegerField(default=0)
    suppressed_spam = pw.IntegerField(default=0)
    suppressed_bounced = pw.IntegerField(default=0)
    suppressed_account = pw.IntegerField(default=0)
    suppressed_business_unit = pw.IntegerField(default=0)
    suppressed_domain = pw.IntegerField(default=0)


class Tally(BaseModel):
    """A named running total."""

    name = pw.TextField(primary_key=True)
    value = pw.IntegerField()


MODELS: list[type[BaseModel]] = [
    SchemaInfo,
    BusinessUnit,
    Contact,
    ImportRun,
    Suppression,
    RowError,
    RunningImport,
    ImportClaim,
    LiftLog,
    OneToOneSend,
    Tally,
    CleaningRun,
    RaisedReason,
]
