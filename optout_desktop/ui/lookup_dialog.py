"""One address looked up: may it get marketing email, sequences, one-to-one email, and why."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from optout_desktop.core.rules.eligibility import Lookup

from .core_text import translated
from .language import local_time

YES, NO = "✔", "✘"


class LookupDialog(QDialog):
    """The verdicts with reasons, and what the user can do about this address."""

    record_one_to_one = Signal(str)
    add_opt_out = Signal(str, str)  # address, reason ("manual" or "unsubscribed")

    def __init__(self, found: Lookup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lookupDialog")
        self.setWindowTitle(self.tr("Look up: {address}").format(address=found.address))
        self.found = found
        lines = [
            f"<h3>{found.address}</h3>",
            self.tr("Business unit: {scope}").format(scope=translated(found.scope)),
            self.tr("Contact (billable): {answer}").format(
                answer=self.tr("yes") if found.is_contact else self.tr("no")
            ),
            "",
            self._verdict(self.tr("Marketing email"), found.marketing_allowed),
            self._verdict(self.tr("Sequences"), found.sequences_allowed),
            self._verdict(self.tr("One-to-one email"), found.one_to_one_allowed)
            + (
                self.tr(" — with a legal basis each time")
                if found.one_to_one_needs_legal_basis
                else ""
            )
            + f"<br><small>{translated(found.one_to_one_reason)}</small>",
        ]
        if found.suppressions:
            lines.append("<br><b>" + self.tr("Why it is suppressed:") + "</b>")
        for why in found.suppressions:
            source = (
                self.tr("import #{id} ({file})").format(id=why["import_id"], file=why["file_name"])
                if why.get("import_id")
                else translated(why["reason_text"])
            )
            since = local_time(why["since"])
            reason, scope = translated(why["reason_text"]), translated(why["scope"])
            lines.append(f"• {reason}, {scope}, {since} — {source}")
        text = QLabel("<br>".join(lines))
        text.setObjectName("lookupText")
        text.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.one_to_one_button = QPushButton(self.tr("Record one-to-one email…"))
        self.one_to_one_button.setObjectName("oneToOneButton")
        self.one_to_one_button.setEnabled(found.one_to_one_allowed)
        self.one_to_one_button.clicked.connect(self._one_to_one)
        self.manual_button = QPushButton(self.tr("Suppress this address"))
        self.manual_button.setObjectName("manualOptOutButton")
        self.manual_button.setEnabled(not found.suppressed)
        self.manual_button.clicked.connect(self._manual)
        self.unsubscribed_button = QPushButton(self.tr("The person unsubscribed"))
        self.unsubscribed_button.setObjectName("unsubscribedButton")
        self.unsubscribed_button.setToolTip(
            self.tr("Record that the person asked to unsubscribe: this can never be lifted.")
        )
        self.unsubscribed_button.clicked.connect(self._unsubscribed)
        for button in (self.one_to_one_button, self.manual_button, self.unsubscribed_button):
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
        self.add_opt_out.emit(self.found.address, "manual")
        self.accept()

    @Slot()
    def _unsubscribed(self) -> None:
        self.add_opt_out.emit(self.found.address, "unsubscribed")
        self.accept()
