"""The look-up field in the main navigation, and what follows from it: one-to-one, by hand."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLineEdit

from optout_desktop.core.optouts import by_hand, domains
from optout_desktop.core.progress import Progress
from optout_desktop.core.rules import eligibility, one_to_one

from .jobs import Job
from .lookup_dialog import LookupDialog
from .one_to_one_dialog import OneToOneDialog

if TYPE_CHECKING:
    from .main_window import MainWindow

ProgressFn = Callable[[Progress], None]


class LookupBox(QLineEdit):
    """Type an address and press Enter: the verdicts and reasons, in a dialog."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.setObjectName("lookupEdit")
        self.setAccessibleName(self.tr("Look up an address"))
        self.setPlaceholderText(self.tr("Look up an address…"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(220)
        self.returnPressed.connect(self.look_up)
        window.reads.succeeded.connect(self._read_done)
        window.reads.failed.connect(self._read_failed)
        window.jobs.succeeded.connect(self._job_done)
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
        scope = self.main.scope_id()
        if text.startswith(("@", "*.")):
            self._offer_domain(text, scope)
            return

        def find(_progress: ProgressFn, _cancel: threading.Event) -> eligibility.Lookup:
            return eligibility.lookup(text, scope)

        self.main.reads.start(Job("lookup", find))

    @Slot(str, object)
    def _read_done(self, name: str, result: object) -> None:
        if name != "lookup" or not isinstance(result, eligibility.Lookup):
            return
        dialog = LookupDialog(result, self.main)
        dialog.record_one_to_one.connect(self._ask_one_to_one)
        dialog.add_opt_out.connect(self._add_opt_out)
        self.dialog = dialog
        dialog.open()

    @Slot(str, str)
    def _read_failed(self, name: str, message: str) -> None:
        if name == "lookup":
            self.main.questions.warn(self.main, self.tr("Look up an address"), message)

    @Slot(str)
    def _ask_one_to_one(self, address: str) -> None:
        dialog = OneToOneDialog(address, self.main)
        dialog.accepted.connect(lambda: self._record(address, *dialog.choice()))
        self.one_to_one_dialog = dialog
        dialog.open()

    def _record(self, address: str, basis: str, explanation: str) -> None:
        scope = self.main.scope_id()

        def record(_progress: ProgressFn, _cancel: threading.Event) -> Any:
            return one_to_one.log_one_to_one(address, basis, explanation, scope)

        self.main.start_job(Job("one-to-one", record))

    @Slot(str, str)
    def _add_opt_out(self, address: str, reason: str) -> None:
        scope = self.main.scope_id()

        def add(_progress: ProgressFn, _cancel: threading.Event) -> Any:
            return by_hand.add_manual(address, scope, reason)

        self.main.start_job(Job("manual", add))

    def _offer_domain(self, text: str, scope: int) -> None:
        """`@firma.dk` (or `*.firma.dk`, with subdomains) in the look-up field: opt it out."""
        asked = self.main.questions.ask_yes_no(
            self.main,
            self.tr("Opt out a whole domain"),
            self.tr(
                "Suppress every address at {domain} for {scope}? Contacts there stay contacts "
                "(and billable) but are unsubscribed from all email."
            ).format(domain=text, scope=self.main.unit_combo.currentText()),
        )
        if not asked:
            return

        def add(_progress: ProgressFn, _cancel: threading.Event) -> Any:
            return domains.add_domain(text, scope)

        self.main.start_job(Job("domain", add))

    @Slot(str, object)
    def _job_done(self, name: str, result: object) -> None:
        if name == "one-to-one":
            send: Any = result
            self.main.questions.inform(
                self.main,
                self.tr("One-to-one email recorded"),
                self.tr("Recorded: {address}, legal basis “{basis}”.").format(
                    address=send.email, basis=self.tr(one_to_one.LEGAL_BASES[send.legal_basis])
                ),
            )
        elif name == "domain":
            entry: Any = result
            self.main.questions.inform(
                self.main,
                self.tr("Whole domain opted out"),
                self.tr("{domain} is suppressed ({contacts} contacts there).").format(
                    domain=entry.domain, contacts=entry.contacts
                )
                if entry.outcome == "added"
                else self.tr("{domain} was already suppressed.").format(domain=entry.domain),
            )
            self.main.refresh_totals()
        elif name == "manual":
            done: Any = result
            self.main.questions.inform(
                self.main,
                self.tr("Opt-out added"),
                self.tr("{address} is suppressed ({reason}).").format(
                    address=done.address, reason=done.reason
                ),
            )
            self.main.refresh_totals()
