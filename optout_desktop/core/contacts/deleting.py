"""Deleting contacts, recorded in the history: how many, by whom and when (opt-outs stay)."""

from __future__ import annotations

from collections.abc import Sequence

from optout_desktop.core.contacts import contact_import, contact_list
from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.optouts import changes
from optout_desktop.core.texts import t


def _recorded(deleted: int) -> None:
    if deleted:
        message = t("Contacts deleted; their addresses stay suppressed.")
        changes.record(changes.CONTACTS_DELETED, "", rows=deleted, message=message)


def delete_contacts(ids: Sequence[int]) -> int:
    """Delete the chosen contacts (their opt-outs stay) and record it; returns how many."""
    with plain_errors(), write_transaction():
        deleted = contact_list.delete_contacts(ids)
        _recorded(deleted)
    return deleted


def delete_unsubscribed_contacts(confirm: int) -> int:
    """Delete every unsubscribed contact when `confirm` is their number, and record it."""
    with plain_errors(), write_transaction():
        deleted = contact_import.delete_unsubscribed_contacts(confirm)
        _recorded(deleted)
    return deleted
