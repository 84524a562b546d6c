"""Choose the columns of a contacts file: the address, and the first and last names."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from optout_desktop.core.contacts.contact_import import NO_COLUMN
from optout_desktop.core.reading.sources import TableSource


class ContactsImportDialog(QDialog):
    """Pre-filled with the guessed columns; the user can change each."""

    def __init__(
        self,
        source: TableSource,
        email: int,
        first: int | None,
        last: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactsImportDialog")
        self.setWindowTitle(self.tr("Import contacts"))
        self.source = source
        intro = QLabel(
            self.tr("{name}: choose the columns. Contacts count toward the billable total.").format(
                name=source.path.name
            )
        )
        intro.setWordWrap(True)
        self.email_combo = self._combo("contactEmailCombo", email, optional=False)
        self.first_combo = self._combo("contactFirstNameCombo", first)
        self.last_combo = self._combo("contactLastNameCombo", last)
        form = QFormLayout()
        form.addRow(self.tr("Email column:"), self.email_combo)
        form.addRow(self.tr("First name:"), self.first_combo)
        form.addRow(self.tr("Last name:"), self.last_combo)
        self.import_button = QPushButton(self.tr("Import contacts"))
        self.import_button.setObjectName("beginContactsImportButton")
        self.import_button.setEnabled(email >= 0)
        self.email_combo.currentIndexChanged.connect(
            lambda index: self.import_button.setEnabled(index >= 0)
        )
        buttons = QDialogButtonBox()
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _combo(self, name: str, chosen: int | None, optional: bool = True) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        if optional:
            combo.addItem(self.tr("(none)"), NO_COLUMN)
        for index, header in enumerate(self.source.headers):
            combo.addItem(header, index)
        found = combo.findData(chosen if chosen is not None else NO_COLUMN)
        combo.setCurrentIndex(found)
        return combo

    def choice(self) -> tuple[TableSource, int, int, int]:
        """The source and the chosen column indexes (NO_COLUMN for a name left out)."""

        def index(combo: QComboBox) -> int:
            value = combo.currentData()
            return NO_COLUMN if value is None else int(value)

        return self.source, index(self.email_combo), index(self.first_combo), index(self.last_combo)
