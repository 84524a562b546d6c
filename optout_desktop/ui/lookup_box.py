"""The look-up field in the main navigation: it only looks up (an address, or a domain)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLineEdit, QWidget

from optout_desktop.core.db.models import ACCOUNT
from optout_desktop.core.optouts import by_hand, domains, forget
from optout_desktop.core.optouts.domains import DomainLookup
from optout_desktop.core.progress import Progress
from optout_desktop.core.reading.domain_keys import domain_key
from optout_desktop.core.rules import eligibility, one_to_one
from optout_desktop.core.rules.business_units import scope_name

from .context import WindowContext
from .core_text import translated
from .domain_dialog import DomainDialog
from .jobs import Job
from .lookup_dialog import LookupDialog
from .one_to_one_dialog import OneToOneDialog

ProgressFn = Callable[[Progress], None]


@dataclass
class Found:
    """An address looked up, with the business units that the look-up's scope leaves out and
    the address's own opt-outs that apply (scope id, scope name, reason)."""

    lookup: eligibility.Lookup
    elsewhere: list[str] = field(default_factory=list)
    own: list[tuple[int, str, str]] = field(default_factory=list)


def find(text: str, scope: int) -> Found:
    """Everything the look-up dialog says about an address (on the reader: it writes nothing)."""
    lookup = eligibility.lookup(text, scope)
    own = [
        (scope_id, scope_name(scope_id), reason)
        for scope_id, reason in by_hand.hand_made(lookup.address)
        if scope_id in (ACCOUNT, scope)
    ]
    return Found(lookup, domains.elsewhere(lookup.address, scope), own)


class LookupBox(QLineEdit):
    """Type an address or a domain and press Enter: what is so, in a dialog. Opting out or
    lifting are asked for by signal; the window's HandMade confirms and does them."""

    block_domain_requested = Signal(str)  # a domain key: confirm, then opt it out
    opt_out_requested = Signal(str, str)  # an address and a reason: confirm, then add
    lift_requested = Signal(str, int, str)  # an address or domain, scope id and name: lift

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("lookupEdit")
        self.setAccessibleName(self.tr("Look up an address"))
        self.setPlaceholderText(self.tr("Look up an address or @domain…"))
        self.setClearButtonEnabled(True)
        # The hint whole, in either language, with room for the clear button.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.placeholderText()) + 40)
        self.returnPressed.connect(self.look_up)
        self.dialog: LookupDialog | DomainDialog | None = None

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
        if domain_key(text) is not None or text.startswith(("@", "*.")):

            def find_domain(_progress: ProgressFn, _cancel: threading.Event) -> DomainLookup:
                return domains.look_up_domain(text, scope)

            job = Job("look up a domain", find_domain, self._found_domain, self._not_found)
        else:

            def find_address(_progress: ProgressFn, _cancel: threading.Event) -> Found:
                return find(text, scope)

            job = Job("look up an address", find_address, self._found, self._not_found)
        # Read-only, beside the writer, and quick: its label is for the log.
        self.context.read(job)

    def _found(self, found: Found) -> None:
        dialog = LookupDialog(found.lookup, self.window(), found.elsewhere, found.own)
        dialog.record_one_to_one.connect(self._ask_one_to_one)
        dialog.add_opt_out.connect(self.opt_out_requested)
        dialog.lift_requested.connect(self.lift_requested)
        dialog.forget_requested.connect(self._ask_forget)
        self.dialog = dialog
        dialog.open()

    def _found_domain(self, found: DomainLookup) -> None:
        dialog = DomainDialog(found, self.window())
        dialog.block_requested.connect(self.block_domain_requested)
        dialog.lift_requested.connect(
            lambda key, scope: self.lift_requested.emit(key, scope, scope_name_of(found, scope))
        )
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

    def _recorded(self, send: Any) -> None:
        self.context.list_changed.emit()  # every view shows it behind the message
        self.context.questions.inform(
            self,
            self.tr("One-to-one email recorded"),
            self.tr("Recorded: {address}, legal basis “{basis}”.").format(
                address=send.email, basis=self.tr(one_to_one.LEGAL_BASES[send.legal_basis])
            ),
        )

    @Slot(str)
    def _ask_forget(self, address: str) -> None:
        """Forgetting cannot be undone: the address must be typed again to confirm."""
        typed = self.context.questions.ask_text(
            self,
            self.tr("Forget this person"),
            self.tr(
                "Every plain trace of {address} is deleted: the contact, the opt-outs' "
                "address, the one-to-one log and past errors files. A digest of the address "
                "keeps the person suppressed. This cannot be undone.\n\nType the address "
                "to confirm:"
            ).format(address=address),
        )
        if typed is None:
            return

        def run(_progress: ProgressFn, _cancel: threading.Event) -> Any:
            return forget.forget_person(address, typed)

        label = self.tr("Forgetting the person…")
        self.context.run(Job(label, run, on_done=self._forgotten))

    def _forgotten(self, done: Any) -> None:
        self.context.list_changed.emit()
        self.context.questions.inform(
            self, self.tr("The person was forgotten"), translated(done.message)
        )


def scope_name_of(found: DomainLookup, scope: int) -> str:
    """The name of a business unit that one of the looked-up domain's opt-outs is for."""
    names = [block["business_unit"] for block in found.blocks if block["scope_id"] == scope]
    return names[0] if names else found.business_unit
