"""The confirmation before opting out a whole domain: what it touches, and the typed count."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from optout_desktop.core.optouts.domains import DomainLookup

from .language import number
from .typed_count_dialog import TypedCountDialog
from .words import for_scope


def _tr(text: str, n: int = -1) -> str:
    # Before QDialog.__init__ has run, self.tr() is not there yet.
    return QCoreApplication.translate("BlockDomainDialog", text, None, n)


class BlockDomainDialog(TypedCountDialog):
    """Says what opting the domain out suppresses; it works only for the exact typed number
    of contacts it unsubscribes (0 when none is a contact: typing it is still a choice)."""

    def __init__(self, found: DomainLookup, scope_name: str, parent: QWidget | None = None):
        domain = found.domain
        where = for_scope(found.scope_id, scope_name)
        if domain.startswith("*."):
            what = _tr("every address at {domain} and at its subdomains").format(
                domain=escape(domain[2:])
            )
        else:
            what = _tr("every address at {domain}").format(domain=escape(domain[1:]))
        facts = QFormLayout()
        rows = [
            (_tr("Domain:"), escape(domain), "blockDomainName"),
            (_tr("Contacts at the domain:"), number(found.contacts), "blockDomainContacts"),
            (
                _tr("Of them unsubscribed by this (they stay contacts, and billable):"),
                number(found.unsubscribed),
                "blockDomainUnsubscribed",
            ),
            (
                _tr("Addresses there that are suppressed already:"),
                number(found.listed),
                "blockDomainListed",
            ),
        ]
        for label, value, name in rows:
            shown = QLabel(value)
            shown.setObjectName(name)
            facts.addRow(label, shown)
        text = _tr(
            "Opting out {domain} suppresses {what} {scope}, also addresses that are not on "
            "the list yet: no marketing email, no sequences. It is kept in the history, and "
            "can be lifted later only with a legal basis."
        ).format(domain=f"<b>{escape(domain)}</b>", what=what, scope=where)
        super().__init__(
            _tr("Opt out a whole domain"),
            text,
            found.unsubscribed,
            _tr("Opt out the domain"),
            "blockDomainDialog",
            parent,
            details=facts,
            ask=_tr(
                "To confirm, type the number of contacts this unsubscribes: <b>%Ln</b>",
                found.unsubscribed,
            ),
        )
        self.domain = domain
        self.scope_id = found.scope_id
        self.setMinimumWidth(520)
        self.count_edit.setPlaceholderText(_tr("Number of contacts"))
