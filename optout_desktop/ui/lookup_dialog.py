"""One address looked up: may it get marketing email, sequences, one-to-one email, and why."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from optout_desktop.core.optouts.by_hand import MANUAL, UNSUBSCRIBED
from optout_desktop.core.rules.eligibility import Lookup

from .core_text import translated
from .language import local_time

YES, NO = "✔", "✘"


class LookupDialog(QDialog):
    """The verdicts with reasons; what the user can do about the address are buttons that
    lead to their own confirmation (nothing is written from here)."""

    record_one_to_one = Signal(str)
    add_opt_out = Signal(str, str)  # address, reason ("manual" or "unsubscribed")
    lift_requested = Signal(str, int, str)  # address, scope id and name of its opt-out by hand
    forget_requested = Signal(str)  # the address of a person who asked to be forgotten

    def __init__(
        self,
        found: Lookup,
        parent: QWidget | None = None,
        elsewhere: list[str] | None = None,
        own: list[tuple[int, str, str]] | None = None,
    ) -> None:
        """`elsewhere`: other business units with an opt-out of the address; `own`: the
        address's own opt-outs that apply here, as (scope id, scope name, reason)."""
        super().__init__(parent)
        self.setObjectName("lookupDialog")
        self.setWindowTitle(self.tr("Look up: {address}").format(address=found.address))
        self.found = found
        own = own or []
        lines = [
            f"<h3>{escape(found.address)}</h3>",
            self.tr("Business unit: {scope}").format(scope=escape(translated(found.scope))),
            self.tr("Contact (billable): {answer}").format(
                answer=self.tr("yes") if found.is_contact else self.tr("no")
            ),
            "",
            self._verdict(self.tr("Marketing email"), found.marketing_allowed),
            self._verdict(
                self.tr("Sequences (automated series of sales emails)"), found.sequences_allowed
            ),
            self._verdict(self.tr("One-to-one email"), found.one_to_one_allowed)
            + (
                self.tr(" — with a legal basis each time")
                if found.one_to_one_needs_legal_basis
                else ""
            )
            + f"<br><small>{escape(translated(found.one_to_one_reason))}</small>",
        ]
        if found.suppressions:
            lines.append("<br><b>" + self.tr("Why it is suppressed:") + "</b>")
        for why in found.suppressions:
            line = self.tr("{reason}, {scope}, since {since}").format(
                reason=escape(translated(why["reason_text"])),
                scope=escape(translated(why["scope"])),
                since=local_time(why["since"]),
            )
            if why.get("import_id"):
                line += " — " + self.tr("import #{id} ({file})").format(
                    id=why["import_id"], file=escape(why["file_name"] or "")
                )
            lines.append("• " + line)
        if elsewhere:
            units = ", ".join(escape(translated(name)) for name in elsewhere)
            lines.append(
                "<br>"
                + (
                    self.tr("Also opted out for: {units} (for that business unit only).")
                    if found.suppressed
                    else self.tr(
                        "Note: opted out for {units}; that business unit may not send it "
                        "marketing email. Choose it above to see why."
                    )
                ).format(units=units)
            )
        text = QLabel(lines[0] + "<br>".join(lines[1:]))  # the heading is a block of its own
        text.setObjectName("lookupText")
        text.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.one_to_one_button = QPushButton(self.tr("Record one-to-one email…"))
        self.one_to_one_button.setObjectName("oneToOneButton")
        self.one_to_one_button.setEnabled(found.one_to_one_allowed)
        self.one_to_one_button.clicked.connect(self._one_to_one)
        reasons = {reason for _scope, _name, reason in own}
        self.manual_button = QPushButton(self.tr("Opt out by hand…"))
        self.manual_button.setObjectName("manualOptOutButton")
        self.manual_button.setEnabled(not found.suppressed)
        self.manual_button.clicked.connect(self._manual)
        self.unsubscribed_button = QPushButton(self.tr("The person unsubscribed…"))
        self.unsubscribed_button.setObjectName("unsubscribedButton")
        self.unsubscribed_button.setToolTip(
            self.tr("Record that the person asked to unsubscribe: this can never be lifted.")
        )
        self.unsubscribed_button.setEnabled(UNSUBSCRIBED not in reasons)
        self.unsubscribed_button.clicked.connect(self._unsubscribed)
        hand_made = [(scope, name) for scope, name, reason in own if reason == MANUAL]
        self.liftable = max(hand_made, default=None)  # the business unit's own before the account's
        self.lift_button = QPushButton(self.tr("Lift the opt-out…"))
        self.lift_button.setObjectName("liftOptOutButton")
        self.lift_button.setToolTip(
            self.tr("Only an opt-out added by hand can be lifted, with a legal basis.")
        )
        self.lift_button.setEnabled(self.liftable is not None)
        self.lift_button.clicked.connect(self._lift)
        self.forget_button = QPushButton(self.tr("Forget this person…"))
        self.forget_button.setObjectName("forgetButton")
        self.forget_button.setToolTip(
            self.tr(
                "Delete the contact and every trace of the address (GDPR article 17); a "
                "digest of it keeps the person suppressed."
            )
        )
        self.forget_button.clicked.connect(self._forget)
        for button in (
            self.one_to_one_button,
            self.manual_button,
            self.unsubscribed_button,
            self.lift_button,
            self.forget_button,
        ):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)

    def _verdict(self, what: str, allowed: bool) -> str:
        mark = (
            f"<span style='color:#1b7f3b'>{YES}</span>"
            if allowed
            else (f"<span style='color:#b00020'>{NO}</span>")
        )
        return f"{mark} {what}: " + (self.tr("allowed") if allowed else self.tr("not allowed"))

    @Slot()
    def _one_to_one(self) -> None:
        self.record_one_to_one.emit(self.found.address)
        self.accept()

    @Slot()
    def _manual(self) -> None:
        self.add_opt_out.emit(self.found.address, MANUAL)
        self.accept()

    @Slot()
    def _unsubscribed(self) -> None:
        self.add_opt_out.emit(self.found.address, UNSUBSCRIBED)
        self.accept()

    @Slot()
    def _lift(self) -> None:
        if self.liftable is not None:
            scope, name = self.liftable
            self.lift_requested.emit(self.found.address, scope, name)
            self.accept()

    @Slot()
    def _forget(self) -> None:
        self.forget_requested.emit(self.found.address)
        self.accept()
