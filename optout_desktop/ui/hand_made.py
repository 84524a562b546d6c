"""Opt-outs by hand (a whole domain, one address) and lifting them: counted, confirmed, kept."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget

from optout_desktop.core.optouts import by_hand, domains, lift
from optout_desktop.core.optouts.by_hand import STRENGTH, ManualPlan, ManualResult
from optout_desktop.core.optouts.domains import DomainEntry, DomainLookup
from optout_desktop.core.optouts.lift import Lifted
from optout_desktop.core.progress import Progress
from optout_desktop.core.reading.domain_keys import is_domain_key

from .block_domain_dialog import BlockDomainDialog
from .by_hand_dialog import ByHandDialog
from .context import WindowContext
from .core_text import translated
from .jobs import Job
from .lift_dialog import LiftDialog
from .words import for_scope, reason_words, unit_name

ProgressFn = Callable[[Progress], None]


class HandMade(QObject):
    """Each change asks first, counts what it touches off the GUI thread, needs the typed
    number, runs on the writer, says what it did, and lets every view show it (list_changed).
    The engine keeps each in the history."""

    def __init__(self, context: WindowContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.widget = parent_widget
        self.dialog: QDialog | None = None  # the confirmation or lift dialog that is open

    # ---- a whole domain -----------------------------------------------------------------

    def block_domain(self, text: str | None = None) -> None:
        """Ask for the domain (unless given), count what opting it out touches, confirm."""
        if text is None:
            text = self.context.questions.ask_text(
                self.widget,
                self.tr("Opt out a whole domain"),
                self.tr(
                    "The domain to opt out, as @firma.dk (that domain) or *.firma.dk (with "
                    "its subdomains):"
                ),
            )
        if not text or not text.strip():
            return
        scope, entry = self.context.scope_id(), text.strip()

        def count(_progress: ProgressFn, _cancel: threading.Event) -> DomainLookup:
            return domains.look_up_domain(entry, scope)

        label = self.tr("Counting what opting out {domain} touches…").format(domain=entry)
        self.context.run(
            Job(label, count, on_done=self._confirm_domain, on_failed=self._refused_domain)
        )

    def _refused_domain(self, message: str) -> None:
        self.context.questions.warn(self.widget, self.tr("Opt out a whole domain"), message)

    def _confirm_domain(self, found: DomainLookup) -> None:
        if found.blocked:
            block = found.blocks[0]
            self.context.questions.inform(
                self.widget,
                self.tr("Opt out a whole domain"),
                self.tr(
                    "{domain} is opted out already ({entry}, {scope}); nothing changed."
                ).format(
                    domain=found.domain,
                    entry=block["domain"],
                    scope=unit_name(block["scope_id"], block["business_unit"]),
                ),
            )
            return
        dialog = BlockDomainDialog(found, self.context.scope_name(), self.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._block(dialog.domain, dialog.scope_id))
        self.dialog = dialog
        dialog.open()

    def _block(self, domain: str, scope: int) -> None:
        def add(_progress: ProgressFn, _cancel: threading.Event) -> DomainEntry:
            return domains.add_domain(domain, scope)

        label = self.tr("Opting out {domain}…").format(domain=domain)
        self.context.run(Job(label, add, on_done=lambda entry: self._blocked(entry, scope)))

    def _blocked(self, entry: DomainEntry, scope: int) -> None:
        if entry.outcome == "added":
            text = self.tr(
                "{domain} is opted out {scope}, and with it %Ln contacts there (they stay "
                "contacts, and billable).",
                "",
                entry.unsubscribed,
            ).format(domain=entry.domain, scope=for_scope(scope, entry.business_unit))
        else:
            text = self.tr("{domain} was opted out already; nothing changed.").format(
                domain=entry.domain
            )
        self.context.list_changed.emit()  # every view shows it behind the message
        self.context.questions.inform(self.widget, self.tr("Whole domain opted out"), text)

    # ---- one address --------------------------------------------------------------------

    def add_by_hand(self, address: str | None = None, reason: str = by_hand.MANUAL) -> None:
        """Ask for the address (unless given), see what suppresses it already, confirm."""
        if address is None:
            address = self.context.questions.ask_text(
                self.widget,
                self.tr("Add an opt-out by hand"),
                self.tr("The email address to opt out:"),
            )
        if not address or not address.strip():
            return
        scope, entry = self.context.scope_id(), address.strip()

        def plan(_progress: ProgressFn, _cancel: threading.Event) -> ManualPlan:
            return by_hand.plan_manual(entry, scope)

        self.context.run(
            Job(
                self.tr("Looking up {address}…").format(address=entry),
                plan,
                on_done=lambda found: self._confirm_manual(found, reason),
                on_failed=self._refused_manual,
            )
        )

    def _refused_manual(self, message: str) -> None:
        self.context.questions.warn(self.widget, self.tr("Add an opt-out by hand"), message)

    def _confirm_manual(self, plan: ManualPlan, reason: str) -> None:
        own = STRENGTH.get(plan.own_reason or "", 0) if plan.own_reason is not None else -1
        if own >= STRENGTH[reason]:  # as strong already: the engine would change nothing
            self.context.questions.inform(
                self.widget,
                self.tr("Add an opt-out by hand"),
                self.tr(
                    "{address} is opted out already {scope} ({reason}); nothing changed."
                ).format(
                    address=plan.address,
                    scope=for_scope(plan.scope_id, self._unit()),
                    reason=reason_words(plan.own_reason or ""),
                ),
            )
            return
        dialog = ByHandDialog(plan, reason, self._unit(), self.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._add(plan.address, plan.scope_id, dialog.reason()))
        self.dialog = dialog
        dialog.open()

    def _add(self, address: str, scope: int, reason: str) -> None:
        def add(_progress: ProgressFn, _cancel: threading.Event) -> ManualResult:
            return by_hand.add_manual(address, scope, reason)

        self.context.run(Job(self.tr("Adding the opt-out…"), add, on_done=self._added))

    def _added(self, done: ManualResult) -> None:
        scope = self._for_id(done.scope_id)
        texts = {
            "added": self.tr("{address} is opted out {scope} ({reason})."),
            "strengthened": self.tr("{address} was opted out already; it is now “{reason}”."),
            "unchanged": self.tr("{address} was opted out already ({reason}); nothing changed."),
        }
        text = texts[done.outcome].format(
            address=done.address, scope=scope, reason=reason_words(done.reason)
        )
        self.context.list_changed.emit()  # every view shows it behind the message
        self.context.questions.inform(self.widget, self.tr("Opt-out added"), text)

    # ---- lifting --------------------------------------------------------------------------

    def lift(self, entry: str, scope_id: int, scope_name: str) -> None:
        """Lift the opt-out of an address or domain that was added by hand in that business
        unit (a look-up's Lift…), after the legal basis and why."""

        def run(basis: str, why: str) -> Lifted:
            if is_domain_key(entry):
                return lift.lift_domain(entry, scope_id, basis, why)
            return lift.lift_manual(entry, scope_id, basis, why)

        self._ask_lift(entry, for_scope(scope_id, scope_name), run)

    def lift_recorded(self, change_id: int, entry: str, scope_id: int, scope_name: str) -> None:
        """Lift the opt-out that a history entry added by hand (the History page's Lift…)."""

        def run(basis: str, why: str) -> Lifted:
            return lift.lift_recorded(change_id, basis, why)

        self._ask_lift(entry, for_scope(scope_id, scope_name), run)

    def _ask_lift(self, entry: str, scope: str, lift_with: Callable[[str, str], Lifted]) -> None:
        dialog = LiftDialog(entry, scope, self.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            basis, why = dialog.choice()

            def run(_progress: ProgressFn, _cancel: threading.Event) -> Lifted:
                return lift_with(basis, why)

            self.context.run(Job(self.tr("Lifting the opt-out…"), run, on_done=self._lifted))

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()

    def _lifted(self, done: Lifted) -> None:
        self.context.list_changed.emit()  # every view shows it behind the message
        self.context.questions.inform(
            self.widget, self.tr("Opt-out lifted"), translated(done.message)
        )

    # ---- words ------------------------------------------------------------------------------

    def _unit(self) -> str:
        return self.context.scope_name()

    def _for_id(self, scope_id: int) -> str:
        return for_scope(scope_id, self.context.scope_name())
