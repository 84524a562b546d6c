"""The confirmation before opting out one address by hand: why, what it touches, typed count."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from optout_desktop.core.optouts.by_hand import MANUAL, STRENGTH, UNSUBSCRIBED, ManualPlan

from .typed_count_dialog import TypedCountDialog
from .words import for_scope, reason_words


def _tr(text: str) -> str:
    # Before QDialog.__init__ has run, self.tr() is not there yet.
    return QCoreApplication.translate("ByHandDialog", text)


class ByHandDialog(TypedCountDialog):
    """The address, whether it is a contact, what suppresses it already, and the reason to
    record; "Opt out" works only when the number of addresses (1) is typed."""

    def __init__(
        self, plan: ManualPlan, reason: str, scope_name: str, parent: QWidget | None = None
    ) -> None:
        address = escape(plan.address)
        facts = QFormLayout()
        facts.addRow(_tr("Address:"), QLabel(f"<b>{address}</b>"))
        contact = (
            _tr("yes: it stays a contact, and billable")
            if plan.is_contact
            else _tr("no: no contact is created")
        )
        facts.addRow(_tr("A contact:"), QLabel(contact))
        if plan.suppressed_by:
            already = ", ".join(escape(entry) for entry in plan.suppressed_by)
            facts.addRow(_tr("Suppressed already by:"), QLabel(already))
        if plan.own_reason is not None:
            facts.addRow(_tr("Its own opt-out now:"), QLabel(reason_words(plan.own_reason)))
        manual = QRadioButton(_tr("Added by hand: it can be lifted later, with a legal basis"))
        manual.setObjectName("manualReasonChoice")
        unsubscribed = QRadioButton(_tr("The person asked to unsubscribe: it can never be lifted"))
        unsubscribed.setObjectName("unsubscribedReasonChoice")
        choices = QVBoxLayout()
        group = QButtonGroup()
        for button in (manual, unsubscribed):
            group.addButton(button)
            choices.addWidget(button)
        # An address's own opt-out only grows stronger: "manual" is no choice over it.
        own = STRENGTH.get(plan.own_reason, 0) if plan.own_reason is not None else -1
        manual.setEnabled(own < STRENGTH[MANUAL])
        (unsubscribed if reason == UNSUBSCRIBED or own >= STRENGTH[MANUAL] else manual).setChecked(
            True
        )
        facts.addRow(_tr("Why:"), choices)
        text = _tr(
            "{address} will be suppressed {scope}: no marketing email, no sequences. "
            "It is kept in the history."
        ).format(address=f"<b>{address}</b>", scope=for_scope(plan.scope_id, scope_name))
        super().__init__(
            _tr("Add an opt-out by hand"),
            text,
            1,
            _tr("Opt out"),
            "byHandDialog",
            parent,
            details=facts,
            ask=_tr("To confirm, type the number of addresses to opt out: <b>1</b>"),
        )
        self._group = group
        self.manual_choice, self.unsubscribed_choice = manual, unsubscribed
        self.address = plan.address
        self.setMinimumWidth(480)
        self.count_edit.setPlaceholderText(_tr("Number of addresses"))

    def reason(self) -> str:
        """The reason chosen: "manual" or "unsubscribed"."""
        return UNSUBSCRIBED if self.unsubscribed_choice.isChecked() else MANUAL
