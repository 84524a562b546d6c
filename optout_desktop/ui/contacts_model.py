"""The contacts as a lazy table model: a page of 500 by address each time the view needs more."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from optout_desktop.core.contacts.contact_list import ContactRow, page

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Email", "First name", "Last name", "Unsubscribed from all email")


class ContactsModel(QAbstractTableModel):
    """Contacts whose address starts with the search text, fetched a page at a time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactRow] = []
        self._search = ""
        self._more = True
        self._fetching = False

    def set_search(self, text: str) -> None:
        """Start over with another search (the first page is read at once)."""
        self.beginResetModel()
        self._search = text
        self._rows = []
        self._more = True
        self.endResetModel()
        self.fetchMore()

    def reload(self) -> None:
        self.set_search(self._search)

    def contact_at(self, row: int) -> ContactRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        contact = self._rows[index.row()]
        values = (
            contact.email,
            contact.first_name,
            contact.last_name,
            self.tr("Yes") if contact.unsubscribed else "",
        )
        return values[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._fetching:
            return
        self._fetching = True
        try:
            after = self._rows[-1].email if self._rows else None
            rows = page(self._search, after)  # one indexed query of 500 rows: about a ms
            self._more = len(rows) > 0
            if rows:
                start = len(self._rows)
                self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
        finally:
            self._fetching = False
