"""The confirmation before an opt-out import: what will happen, and the typed count."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QWidget,
)

from optout_desktop.core.optouts import reasons
from optout_desktop.core.optouts.imports import OptOutCounts

from .core_text import translated
from .language import number
from .typed_count_dialog import TypedCountDialog


def _tr(text: str) -> str:
    # Before QDialog.__init__ has run, self.tr() is not there yet.
    return QCoreApplication.translate("ConfirmDialog", text)


def _number(value: int) -> str:
    return number(value).replace(",", "\u2009")  # a thin space reads well in Danish and English


class ConfirmDialog(TypedCountDialog):
    """Shows the plan's counts; "Begin import" works only when the typed number is exact."""

    def __init__(
        self, counts: OptOutCounts, file_name: str, scope: str, parent: QWidget | None = None
    ) -> None:
        facts = QFormLayout()
        facts.addRow(_tr("File:"), QLabel(file_name))
        rows = [
            (_tr("New opt-outs:"), counts.new, "newCount"),
            (_tr("Of them whole domains (@firma.dk):"), counts.domains, "domainsCount"),
            (_tr("Already suppressed (no change):"), counts.already_suppressed, "alreadyCount"),
            (
                _tr("Existing contacts that will be unsubscribed:"),
                counts.contacts_unsubscribed,
                "contactsCount",
            ),
            (_tr("Invalid rows (left out):"), counts.invalid, "invalidCount"),
            (_tr("Blank rows (left out):"), counts.blank, "blankCount"),
            (_tr("Repeated rows (left out):"), counts.duplicates, "duplicatesCount"),
        ]
        for label, value, name in rows:
            shown = QLabel(_number(value))
            shown.setObjectName(name)
            facts.addRow(label, shown)
        by_reason = {key: n for key, n in counts.by_reason.items() if n}
        if set(by_reason) - {reasons.IMPORT}:  # the file says why: each reason's count
            for key, n in by_reason.items():
                label = _tr("Why: {reason}").format(reason=translated(reasons.TEXT.get(key, key)))
                shown = QLabel(_number(n))
                shown.setObjectName(f"reasonCount_{key}")
                facts.addRow(label, shown)
        super().__init__(
            _tr("Confirm the opt-out import"),
            _tr(
                "Every address in the file will be marked “Unsubscribed from all email” for "
                "{scope}. No contacts are created: an address that is not a contact never "
                "becomes billable. Existing contacts stay contacts, and billable, until you "
                "delete them."
            ).format(scope=scope),
            counts.valid,
            _tr("Begin import"),
            "confirmDialog",
            parent,
            details=facts,
            ask=_tr("To confirm, type the number of addresses to opt out: <b>{count}</b>").format(
                count=_number(counts.valid)
            ),
        )
        self.counts = counts
        self.count_edit.setObjectName("confirmCountEdit")
        self.count_edit.setPlaceholderText(_tr("Number of addresses"))
        self.action_button.setObjectName("beginImportButton")

    def mismatch_text(self, typed: int) -> str:
        """Say what was typed and what the file has; the new ones alone are not the number."""
        text = _tr("You typed {typed}; the file has {count} addresses to opt out.").format(
            typed=_number(typed), count=_number(self.counts.valid)
        )
        if typed == self.counts.new != self.counts.valid:
            text += " " + _tr(
                "Type every address, the new ones and those already suppressed: the import "
                "records them all, so the list keeps them even if an earlier import is undone."
            )
        return text
