"""Business units and reasons in sentences, as the window writes them: "for the whole account"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from optout_desktop.core.db.models import ACCOUNT
from optout_desktop.core.rules.business_units import ACCOUNT_NAME
from optout_desktop.core.rules.eligibility import REASON_TEXT

from .core_text import translated


def _tr(text: str) -> str:
    return QCoreApplication.translate("Words", text)


def _account(scope_id: int, name: str) -> bool:
    # A scope id below 0 is not known: the engine's name of the whole account then tells.
    return scope_id == ACCOUNT or (scope_id < 0 and name == ACCOUNT_NAME)


def unit_name(scope_id: int, name: str) -> str:
    """The unit's name as the window shows it ("Whole account" in the window's language)."""
    return _tr("Whole account") if _account(scope_id, name) else translated(name)


def for_scope(scope_id: int, name: str) -> str:
    """In a sentence: "for the whole account", "for the business unit “Butik”"."""
    if _account(scope_id, name):
        return _tr("for the whole account")
    return _tr("for the business unit “{name}”").format(name=name)


def reason_words(reason: str) -> str:
    """Why an address is suppressed, in a few words: "added by hand", "the person
    unsubscribed"."""
    return translated(REASON_TEXT.get(reason, reason))
