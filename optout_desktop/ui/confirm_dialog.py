"""The confirmation before an opt-out import: what will happen, and the typed count."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.imports import OptOutCounts
from .language import number


def _number(value: int) -> str:
    return number(value).replace(",", "\u2009")  # a thin space reads well in Danish and English


class ConfirmDialog(QDialog):
    """Shows the plan's counts; "Begin import" works only when the typed number is exact."""

    def __init__(
        self, counts: OptOutCounts, file_name: str, scope: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirmDialog")
        self.setWindowTitle(self.tr("Confirm the opt-out import"))
        self.expected = counts.valid

        intro = QLabel(
            self.tr(
                "Every address below will be marked “Unsubscribed from all email” for {scope}. "
                "No contacts are created, so opted-out addresses never become billable."
            ).format(scope=scope)
        )
        intro.setWordWrap(True)

        facts = QFormLayout()
        facts.addRow(self.tr("File:"), QLabel(file_name))
        rows = [
            (self.tr("New opt-outs:"), counts.new, "newCount"),
            (self.tr("Already suppressed (no change):"), counts.already_suppressed, "alreadyCount"),
            (
                self.tr("Existing contacts that will be unsubscribed (they stay billable):"),
                counts.contacts_unsubscribed,
                "contactsCount",
            ),
            (self.tr("Of them whole domains (@firma.dk):"), counts.domains, "domainsCount"),
            (self.tr("Invalid rows (left out):"), counts.invalid, "invalidCount"),
            (self.tr("Blank rows (left out):"), counts.blank, "blankCount"),
            (self.tr("Repeated rows (left out):"), counts.duplicates, "duplicatesCount"),
        ]
        for label, value, name in rows:
            shown = QLabel(_number(value))
            shown.setObjectName(name)
            facts.addRow(label, shown)

        ask = QLabel(
            self.tr("To confirm, type the number of addresses to opt out: <b>{count}</b>").format(
                count=_number(counts.valid)
            )
        )
        ask.setWordWrap(True)
        self.count_edit = QLineEdit()
        self.count_edit.setObjectName("confirmCountEdit")
        self.count_edit.setPlaceholderText(self.tr("Number of addresses"))
        self.count_edit.textChanged.connect(self._check)
        ask.setBuddy(self.count_edit)

        buttons = QDialogButtonBox()
        self.begin_button = QPushButton(self.tr("Begin import"))
        self.begin_button.setObjectName("beginImportButton")
        self.begin_button.setEnabled(False)
        self.begin_button.setDefault(True)
        buttons.addButton(self.begin_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(facts)
        layout.addSpacing(8)
        layout.addWidget(ask)
        layout.addWidget(self.count_edit)
        layout.addWidget(buttons)

    def typed_count(self) -> int | None:
        """The number the user typed, ignoring spaces and thousands separators."""
        digits = "".join(ch for ch in self.count_edit.text() if ch.isdigit())
        return int(digits) if digits else None

    @Slot(str)
    def _check(self, _text: str) -> None:
        self.begin_button.setEnabled(self.typed_count() == self.expected)

    def accept(self) -> None:
        if self.typed_count() == self.expected:
            super().accept()
