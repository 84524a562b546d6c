"""Counts in sentences, each number with its own singular or plural ("1 blank row, 2 …")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from optout_desktop.core.optouts.imports import OptOutCounts

# Qt's plural forms: %Ln is the number as the window's language writes it (1.048.576), and
# the translation (optout_da.ts; optout_en.ts for English) holds a form for each.


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("CountTexts", text, None, n)


def left_out(invalid: int, blank: int, duplicates: int) -> str:
    """ "Left out: 1 invalid row, 0 blank rows, 2 repeated rows.\""""
    rows = ", ".join(
        [
            _tr("%Ln invalid rows", invalid),
            _tr("%Ln blank rows", blank),
            _tr("%Ln repeated rows", duplicates),
        ]
    )
    return _tr("Left out: {rows}.").format(rows=rows)


def plan_summary(counts: OptOutCounts) -> str:
    """What an opt-out import of the chosen column would do (the import page's counts)."""
    parts = [
        _tr("<b>%Ln</b> addresses to opt out:", counts.valid),
        _tr("%Ln new,", counts.new),
        _tr("%Ln already suppressed,", counts.already_suppressed),
        _tr(
            "%Ln existing contacts will be unsubscribed (and stay billable).",
            counts.contacts_unsubscribed,
        ),
        left_out(counts.invalid, counts.blank, counts.duplicates),
        _tr("%Ln rows read", counts.rows)
        + (_tr("; %Ln of the entries are whole domains", counts.domains) if counts.domains else "")
        + ".",
    ]
    return " ".join(parts)


def import_summary(
    import_id: int, new: int, already: int, contacts: int, refused: int, planned: int
) -> str:
    """What an opt-out import did (the import page's result), and whether the list changed
    between the counts and the import (a colleague's import or undo on a shared list)."""
    parts = [
        _tr("Import #{id} completed:").format(id=import_id),
        _tr("%Ln addresses are now unsubscribed from all email", new),
        _tr("(%Ln were already suppressed,", already),
        _tr("%Ln existing contacts unsubscribed).", contacts),
        _tr("%Ln rows were left out.", refused),
    ]
    if planned != new:
        parts += [
            _tr("The list changed after the counts were shown (another import or undo):"),
            _tr("%Ln addresses were to be new,", planned),
            _tr("%Ln were.", new),
        ]
    return " ".join(parts)


def contacts_imported(created: int, updated: int, invalid: int, blank: int, duplicates: int) -> str:
    """What a contacts import did."""
    return " ".join(
        [
            _tr("%Ln contacts created,", created),
            _tr("%Ln updated.", updated),
            left_out(invalid, blank, duplicates),
        ]
    )
