"""One domain looked up: is it opted out, for which business unit, since when, and what next."""

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

from optout_desktop.core.optouts.by_hand import MANUAL
from optout_desktop.core.optouts.domains import DomainLookup

from .core_text import translated
from .language import local_time
from .words import reason_words, unit_name

YES, NO = "✔", "✘"


class DomainDialog(QDialog):
    """Only says what is so; opting the domain out, or lifting its opt-out, are buttons that
    lead to their own confirmation."""

    block_requested = Signal(str)  # the domain key
    lift_requested = Signal(str, int)  # the domain key of the opt-out to lift, its scope

    def __init__(self, found: DomainLookup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("domainDialog")
        self.setWindowTitle(self.tr("Look up: {domain}").format(domain=found.domain))
        self.found = found
        unit = unit_name(found.scope_id, found.business_unit)
        lines = [
            f"<h3>{escape(found.domain)}</h3>",
            self.tr("Business unit: {scope}").format(scope=escape(unit)),
        ]
        if found.blocked:
            lines.append(
                f"<span style='color:#b00020'>{NO}</span> "
                + self.tr("Opted out: no marketing email or sequences to addresses there.")
            )
            for block in found.blocks:
                since = local_time(block["since"])
                source = (
                    " — "
                    + self.tr("import #{id} ({file})").format(
                        id=block["import_id"], file=escape(block["file_name"] or "")
                    )
                    if block["import_id"]
                    else ""
                )
                lines.append(
                    "• "
                    + self.tr("{domain}: {reason}, {scope}, since {since}").format(
                        domain=escape(block["domain"]),
                        reason=reason_words(block["reason"]),
                        scope=escape(unit_name(block["scope_id"], block["business_unit"])),
                        since=since,
                    )
                    + source
                )
        else:
            lines.append(
                f"<span style='color:#1b7f3b'>{YES}</span> "
                + self.tr("Not opted out as a whole domain for this business unit.")
            )
        if found.elsewhere:
            lines.append(
                self.tr("Also opted out for: {units} (for that business unit only).").format(
                    units=", ".join(escape(translated(name)) for name in found.elsewhere)
                )
            )
        lines.append("")
        lines.append(
            self.tr("Contacts at the domain: %Ln", "", found.contacts)
            + "<br>"
            + self.tr("Addresses there that are suppressed already: %Ln", "", found.listed)
        )
        text = QLabel(lines[0] + "<br>".join(lines[1:]))  # the heading is a block of its own
        text.setObjectName("domainText")
        text.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.block_button = QPushButton(self.tr("Opt out this domain…"))
        self.block_button.setObjectName("blockDomainButton")
        self.block_button.setEnabled(not found.blocked)
        self.block_button.clicked.connect(self._block)
        self.liftable = self._liftable()
        self.lift_button = QPushButton(self.tr("Lift the opt-out…"))
        self.lift_button.setObjectName("liftDomainButton")
        self.lift_button.setEnabled(self.liftable is not None)
        self.lift_button.setToolTip(
            self.tr("Only an opt-out added by hand can be lifted, with a legal basis.")
        )
        self.lift_button.clicked.connect(self._lift)
        for button in (self.block_button, self.lift_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _liftable(self) -> dict | None:
        """The opt-out added by hand that applies here, this very domain's first."""
        hand_made = [b for b in self.found.blocks if b["reason"] == MANUAL]
        hand_made.sort(key=lambda b: (b["domain"] != self.found.domain, b["scope_id"] == 0))
        return hand_made[0] if hand_made else None

    @Slot()
    def _block(self) -> None:
        self.block_requested.emit(self.found.domain)
        self.accept()

    @Slot()
    def _lift(self) -> None:
        if self.liftable is not None:
            self.lift_requested.emit(self.liftable["domain"], int(self.liftable["scope_id"]))
            self.accept()
