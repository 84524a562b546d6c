"""The contacts page: import, search and delete contacts; stop paying for the unsubscribed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from optout_desktop.core.contacts import contact_import, deleting
from optout_desktop.core.optouts.import_process import CANCEL, PROGRESS
from optout_desktop.core.progress import Progress
from optout_desktop.core.reading.columns import guess_email_column
from optout_desktop.core.reading.sources import open_source

from . import count_texts, remembered_folders
from .contacts_import_dialog import ContactsImportDialog
from .contacts_model import ContactsModel
from .context import WindowContext
from .jobs import Job
from .typed_count_dialog import TypedCountDialog

ProgressFn = Callable[[Progress], None]


class ContactsPage(QWidget):
    """Contacts are what the billable total counts; opted-out addresses never are."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsPage")
        self.context = context
        self.unsubscribed_count = 0

        self.import_button = QPushButton(self.tr("Import contacts…"))
        self.import_button.setObjectName("importContactsButton")
        self.import_button.clicked.connect(self.choose_file)
        self.search = QLineEdit()
        self.search.setObjectName("contactsSearch")
        self.search.setAccessibleName(self.tr("Search contacts"))
        self.search.setPlaceholderText(self.tr("Search by the start of the address…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.delete_button = QPushButton(self.tr("Delete selected…"))
        self.delete_button.setObjectName("deleteContactsButton")
        self.delete_button.clicked.connect(self.delete_selected)

        self.unsubscribed_label = QLabel()
        self.unsubscribed_label.setObjectName("unsubscribedLabel")
        self.unsubscribed_label.setWordWrap(True)
        self.delete_unsubscribed_button = QPushButton(self.tr("Delete them…"))
        self.delete_unsubscribed_button.setObjectName("deleteUnsubscribedButton")
        self.delete_unsubscribed_button.clicked.connect(self.delete_unsubscribed)

        self.model = ContactsModel(self)
        self.table = QTableView()
        self.table.setObjectName("contactsTable")
        self.table.setAccessibleName(self.tr("Contacts"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)

        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.search, 1)
        top.addWidget(self.delete_button)
        banner = QHBoxLayout()
        banner.addWidget(self.unsubscribed_label, 1)
        banner.addWidget(self.delete_unsubscribed_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(banner)
        layout.addWidget(self.table, 1)

        self._show_unsubscribed(0)  # until the first count arrives
        self.refresh()

    # ---- the list ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list and count the unsubscribed contacts (off the GUI thread)."""
        self.model.reload()
        self.table.resizeColumnToContents(0)
        self._count_unsubscribed()

    @Slot()
    def _count_unsubscribed(self) -> None:
        def count(_progress: ProgressFn, _cancel: threading.Event) -> int:
            return int(contact_import.unsubscribed_contacts().count())

        # Read-only and never shown on the status line: its label is for the log.
        self.context.read(
            Job("count unsubscribed contacts", count, on_done=self._show_unsubscribed)
        )

    @Slot()
    def _apply_search(self) -> None:
        self.model.set_search(self.search.text())

    def _show_unsubscribed(self, count: int) -> None:
        self.unsubscribed_count = count
        self.unsubscribed_label.setText(
            self.tr(
                "<b>%Ln</b> contacts are unsubscribed from all email but still billable. "
                "Delete them to stop paying for them: their addresses stay suppressed.",
                "",
                count,
            )
        )
        self.unsubscribed_label.setVisible(count > 0)
        self.delete_unsubscribed_button.setVisible(count > 0)

    # ---- importing contacts -------------------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        settings = self.context.settings
        folder = remembered_folders.folder(settings, remembered_folders.CONTACTS)
        path = self.context.questions.open_file(
            self, str(folder), self.tr("Choose the file of contacts")
        )
        if path is not None:
            remembered_folders.remember(settings, remembered_folders.CONTACTS, path)
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        def read(_progress: ProgressFn, _cancel: threading.Event) -> Any:
            source = open_source(path)
            guess = guess_email_column(source.headers, source.preview)
            names = contact_import.guess_name_columns(source.headers)
            return source, guess.index if guess else -1, names

        self.context.run(Job(self.tr("Reading the contacts file…"), read, on_done=self._opened))

    def _opened(self, result: Any) -> None:
        source, email_index, (first, last) = result
        dialog = ContactsImportDialog(source, email_index, first, last, self)
        dialog.accepted.connect(lambda: self._import(dialog))  # a dialog's signal: GUI thread
        self._dialog = dialog
        dialog.open()

    def _import(self, dialog: ContactsImportDialog) -> None:
        source, email, first, last = dialog.choice()

        run = self.context.in_helper(
            contact_import.import_contacts, source, email, first, last, PROGRESS, CANCEL
        )
        self.context.run(Job(self.tr("Importing contacts…"), run, on_done=self._imported))

    # ---- deleting -----------------------------------------------------------------------

    @Slot()
    def delete_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            self.context.questions.inform(
                self, self.tr("Delete contacts"), self.tr("Select the contacts to delete.")
            )
            return
        ids = [self.model.contact_at(row).id for row in rows]
        asked = self.context.questions.ask_yes_no(
            self,
            self.tr("Delete contacts"),
            self.tr(
                "Delete %Ln contacts? They stop counting as billable. Their opt-outs stay: "
                "an opt-out belongs to the address.",
                "",
                len(ids),
            ),
        )
        if asked:

            def run(_progress: ProgressFn, _cancel: threading.Event) -> int:
                return deleting.delete_contacts(ids)

            self._delete(run)

    @Slot()
    def delete_unsubscribed(self) -> None:
        dialog = TypedCountDialog(
            self.tr("Delete unsubscribed contacts"),
            self.tr(
                "%Ln contacts are unsubscribed from all email. Deleting them lowers the billable "
                "total; their addresses stay suppressed and are never emailed.",
                "",
                self.unsubscribed_count,
            ),
            self.unsubscribed_count,
            self.tr("Delete contacts"),
            "deleteUnsubscribedDialog",
            self,
        )
        dialog.accepted.connect(lambda: self._delete_unsubscribed(dialog.typed_count() or 0))
        self._typed = dialog
        dialog.open()

    def _delete_unsubscribed(self, confirm: int) -> None:
        def run(_progress: ProgressFn, _cancel: threading.Event) -> int:
            return deleting.delete_unsubscribed_contacts(confirm)

        self._delete(run)

    def _delete(self, run: Callable[[ProgressFn, threading.Event], int]) -> None:
        """Delete on the writer; a job that runs meanwhile goes first (the status line says so)."""
        self.context.run(Job(self.tr("Deleting contacts…"), run, on_done=self._deleted))

    # ---- results ------------------------------------------------------------------------

    def _deleted(self, count: int) -> None:
        self.context.list_changed.emit()  # every view shows it behind the message
        self.context.questions.inform(
            self,
            self.tr("Contacts deleted"),
            self.tr(
                "%Ln contacts were deleted; their addresses stay suppressed. The history "
                "keeps the deletion.",
                "",
                count,
            ),
        )

    def _imported(self, result: Any) -> None:
        _run, c = result
        text = count_texts.contacts_imported(
            c.contacts_created, c.contacts_updated, c.invalid, c.blank, c.duplicates
        )
        self.context.list_changed.emit()  # every view shows it behind the message
        self.context.questions.inform(self, self.tr("Contacts imported"), text)
