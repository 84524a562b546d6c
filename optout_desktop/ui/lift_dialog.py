"""Lift an opt-out added by hand: the legal basis and why, both kept in the log and history."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from optout_desktop.core.reading.domain_keys import is_domain_key
from optout_desktop.core.rules.one_to_one import LEGAL_BASES

from .core_text import translated


class LiftDialog(QDialog):
    """Names what is lifted and for which business unit; "Lift" needs a basis and a reason."""

    def __init__(self, entry: str, scope: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liftDialog")
        self.setWindowTitle(self.tr("Lift an opt-out"))
        self.entry = entry
        if is_domain_key(entry):
            text = self.tr(
                "Lifting the opt-out of {entry} {scope} lets addresses at that domain get "
                "marketing email again, unless another opt-out holds them. Opt-outs that an "
                "import or the person made stay."
            )
        else:
            text = self.tr(
                "Lifting the opt-out of {entry} {scope} lets the address get marketing email "
                "again, unless another opt-out holds it."
            )
        intro = QLabel(text.format(entry=f"<b>{escape(entry)}</b>", scope=escape(scope)))
        intro.setWordWrap(True)
        self.basis = QComboBox()
        self.basis.setObjectName("liftBasisCombo")
        self.basis.addItem(self.tr("Choose the legal basis…"), "")
        for key, label in LEGAL_BASES.items():
            self.basis.addItem(translated(label), key)
        self.explanation = QPlainTextEdit()
        self.explanation.setObjectName("liftExplanationEdit")
        self.explanation.setPlaceholderText(self.tr("Why the opt-out is lifted (required)"))
        self.explanation.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Legal basis:"), self.basis)
        form.addRow(self.tr("Explanation:"), self.explanation)
        self.lift_button = QPushButton(self.tr("Lift the opt-out"))
        self.lift_button.setObjectName("liftButton")
        self.lift_button.setEnabled(False)
        self.basis.currentIndexChanged.connect(self._check)
        self.explanation.textChanged.connect(self._check)
        buttons = QDialogButtonBox()
        buttons.addButton(self.lift_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    @Slot()
    def _check(self) -> None:
        basis, why = self.choice()
        self.lift_button.setEnabled(bool(basis and why))

    def choice(self) -> tuple[str, str]:
        """The legal basis key and the explanation."""
        return str(self.basis.currentData() or ""), self.explanation.toPlainText().strip()

    def accept(self) -> None:
        if all(self.choice()):
            super().accept()
