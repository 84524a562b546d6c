"""The look-up field in the main navigation, and what follows from it: one-to-one, by hand."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLineEdit, QWidget

from optout_desktop.core.optouts import by_hand, domains
from optout_desktop.core.progress import Progress
from optout_desktop.core.rules import eligibility, one_to_one

from .context import WindowContext
from .jobs import Job
from .lookup_dialog import LookupDialog
from .one_to_one_dialog import OneToOneDialog

ProgressFn = Callable[[Progress], None]


class LookupBox(QLineEdit):
    """Type an address and press Enter: the verdicts and reasons, in a dialog."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("lookupEdit")
        self.setAccessibleName(self.tr("Look up an address"))
        self.setPlaceholderText(self.tr("Look up an address…"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(220)
        self.returnPressed.connect(self.look_up)
        self.dialog: LookupDialog | None = None

    @Slot()
    def focus_entry(self) -> None:
        """Ctrl+L: put the cursor in the field, its text selected, ready to type."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    @Slot()
    def look_up(self, address: str | None = None) -> None:
        text = (address or self.text()).strip()
        if not text:
            return
        scope = self.context.scope_id()
        if text.startswith(("@", "*.")):
            self._offer_domain(text, scope)
            return

        def find(_progress: ProgressFn, _cancel: threading.Event) -> eligibility.Lookup:
            return eligibility.lookup(text, scope)

        # Read-only, beside the writer, and quick: its label is for the log.
        self.context.read(
            Job("look up an address", find, on_done=self._found, on_failed=self._not_found)
        )

    def _found(self, result: eligibility.Lookup) -> None:
        dialog = LookupDialog(result, self.window())
        dialog.record_one_to_one.connect(self._ask_one_to_one)
        dialog.add_opt_out.connect(self._add_opt_out)
        self.dialog = dialog
        dialog.open()

    def _not_found(self, message: str) -> None:
        self.context.questions.warn(self, self.tr("Look up an address"), message)

    @Slot(str)
    def _ask_one_to_one(self, address: str) -> None:
        dialog = OneToOneDialog(address, self.window())
        dialog.accepted.connect(lambda: self._record(address, *dialog.choice()))
        self.one_to_one_dialog = dialog
        dialog.open()

    def _record(self, address: str, basis: str, explanation: str) -> None:
        scope = self.context.scope_id()

        def record(_progress: ProgressFn, _cancel: threading.Event) -> Any:
            return one_to_one.log_one_to_one(address, basis, explanation, scope)

        label = self.tr("Recording the one-to-one email…")
        self.context.run(Job(label, record, on_done=self._recorded))

    @Slot(str, str)
    def _add_opt_out(self, address: str, reason: str) -> None:
        scope = self.context.scope_id()

        def add(_progress: ProgressFn, _cancel: threading.Event) -> Any:
            return by_hand.add_manual(address, scope, reason)

        label = self.tr("Adding the opt-out…")
        self.context.run(Job(label, add, on_done=self._added))

    def _offer_domain(self, text: str, scope: int) -> None:
        """`@firma.dk` (or `*.firma.dk`, with subdomains) in the look-up field: opt it out."""
        asked = self.context.questions.ask_yes_no(
            self,
            self.tr("Opt out a whole domain"),
            self.tr(
                "Suppress every address at {domain} for {scope}? Contacts there stay contacts "
                "(and billable) but are unsubscribed from all email."
            ).format(domain=text, scope=self.context.scope_name()),
        )
        if not asked:
            return

        def add(_progress: ProgressFn, _cancel: threading.Event) -> Any:
            return domains.add_domain(text, scope)

        label = self.tr("Opting out {domain}…").format(domain=text)
        self.context.run(Job(label, add, on_done=self._domain_added))

    # ---- results ------------------------------------------------------------------------

    def _recorded(self, send: Any) -> None:
        self.context.questions.inform(
            self,
            self.tr("One-to-one email recorded"),
            self.tr("Recorded: {address}, legal basis “{basis}”.").format(
                address=send.email, basis=self.tr(one_to_one.LEGAL_BASES[send.legal_basis])
            ),
        )
        self.context.list_changed.emit()

    def _domain_added(self, entry: Any) -> None:
        self.context.questions.inform(
            self,
            self.tr("Whole domain opted out"),
            self.tr("{domain} is suppressed ({contacts} contacts there).").format(
                domain=entry.domain, contacts=entry.contacts
            )
            if entry.outcome == "added"
            else self.tr("{domain} was already suppressed.").format(domain=entry.domain),
        )
        self.context.list_changed.emit()

    def _added(self, done: Any) -> None:
        self.context.questions.inform(
            self,
            self.tr("Opt-out added"),
            self.tr("{address} is suppressed ({reason}).").format(
                address=done.address, reason=done.reason
            ),
        )
        self.context.list_changed.emit()
