"""Record a one-to-one email to an unsubscribed contact: the legal basis for this one send."""

from __future__ import annotations

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

from optout_desktop.core.rules.one_to_one import LEGAL_BASES


class OneToOneDialog(QDialog):
    """Asks for one of HubSpot's legal bases and an optional explanation."""

    def __init__(self, address: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("oneToOneDialog")
        self.setWindowTitle(self.tr("Record a one-to-one email"))
        intro = QLabel(
            self.tr(
                "{address} is unsubscribed. A one-to-one email is allowed only with a legal "
                "basis for this send; it is kept in the log with your name and the time."
            ).format(address=address)
        )
        intro.setWordWrap(True)
        self.basis = QComboBox()
        self.basis.setObjectName("legalBasisCombo")
        self.basis.addItem(self.tr("Choose the legal basis…"), "")
        for key, label in LEGAL_BASES.items():
            self.basis.addItem(self.tr(label), key)
        self.explanation = QPlainTextEdit()
        self.explanation.setObjectName("explanationEdit")
        self.explanation.setPlaceholderText(self.tr("Why (optional)"))
        self.explanation.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Legal basis:"), self.basis)
        form.addRow(self.tr("Explanation:"), self.explanation)
        self.record_button = QPushButton(self.tr("Record"))
        self.record_button.setObjectName("recordOneToOneButton")
        self.record_button.setEnabled(False)
        self.basis.currentIndexChanged.connect(
            lambda _index: self.record_button.setEnabled(bool(self.basis.currentData()))
        )
        buttons = QDialogButtonBox()
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> tuple[str, str]:
        """The legal basis key and the explanation."""
        return str(self.basis.currentData() or ""), self.explanation.toPlainText().strip()
