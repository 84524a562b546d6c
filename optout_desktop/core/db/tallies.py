"""Running totals, so the billable total costs one row read however many contacts there are.

The code that adds or deletes contacts adjusts the total in the same transaction, and every
opening of the database counts afresh, so a total can never drift for long. (Triggers would
do the same per row; they made bulk writes slower and statement traces unreadable.)
"""

from __future__ import annotations

import peewee as pw

from optout_desktop.core.db.models import Tally

CONTACTS = "contacts"
_COUNTS = {CONTACTS: "SELECT count(*) FROM contact"}


def recount(db: pw.Database) -> None:
    """Count each total afresh (at every opening)."""
    for name, sql in _COUNTS.items():
        value = db.execute_sql(sql).fetchone()[0]
        Tally.insert(name=name, value=value).on_conflict(
            conflict_target=[Tally.name], preserve=[Tally.value]
        ).execute()


def add(name: str, delta: int) -> None:
    """Adjust a total; call it inside the transaction that made the change."""
    if delta:
        Tally.update(value=Tally.value + delta).where(Tally.name == name).execute()


def read(name: str) -> int:
    """One running total."""
    row = Tally.get_or_none(Tally.name == name)
    return int(row.value) if row else 0
