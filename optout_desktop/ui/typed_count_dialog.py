"""A confirmation that opens only when the user types the exact number of things affected."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .language import number


class TypedCountDialog(QDialog):
    """Explains what will happen; the action button works only for the exact typed number."""

    def __init__(
        self,
        title: str,
        text: str,
        expected: int,
        action: str,
        name: str,
        parent: QWidget | None = None,
        details: QLayout | None = None,
        ask: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.expected = expected
        explanation = QLabel(text)
        explanation.setWordWrap(True)
        question = QLabel(
            ask or self.tr("To confirm, type the number: <b>{n}</b>").format(n=number(expected))
        )
        question.setWordWrap(True)
        self.count_edit = QLineEdit()
        self.count_edit.setObjectName(f"{name}CountEdit")
        self.count_edit.textChanged.connect(self._check)
        question.setBuddy(self.count_edit)
        self.action_button = QPushButton(action)
        self.action_button.setObjectName(f"{name}ActionButton")
        self.action_button.setEnabled(False)
        self.action_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        if details is not None:
            layout.addLayout(details)
            layout.addSpacing(8)
        self.mismatch_label = QLabel()  # why the button stays grey, once a number is typed
        self.mismatch_label.setObjectName(f"{name}MismatchLabel")
        self.mismatch_label.setWordWrap(True)
        self.mismatch_label.setVisible(False)
        layout.addWidget(question)
        layout.addWidget(self.count_edit)
        layout.addWidget(self.mismatch_label)
        layout.addWidget(buttons)

    def typed_count(self) -> int | None:
        """The number the user typed, ignoring spaces and thousands separators."""
        digits = "".join(ch for ch in self.count_edit.text() if ch.isdigit())
        return int(digits) if digits else None

    @Slot(str)
    def _check(self, _text: str) -> None:
        typed = self.typed_count()
        self.action_button.setEnabled(typed == self.expected)
        wrong = typed is not None and typed != self.expected
        self.mismatch_label.setText(self.mismatch_text(typed) if wrong and typed else "")
        self.mismatch_label.setVisible(wrong)

    def mismatch_text(self, typed: int) -> str:
        """Why a typed number does not open the action (a dialog may say it its own way)."""
        return self.tr("You typed {typed}; the number to type is {expected}.").format(
            typed=number(typed), expected=number(self.expected)
        )

    def accept(self) -> None:
        if self.typed_count() == self.expected:
            super().accept()
