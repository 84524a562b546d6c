"""Open and save dialogs: the computer's own where it has one, else Qt's, fully in Danish."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QHeaderView, QTreeView, QWidget

Index = QModelIndex | QPersistentModelIndex
SIZE, KIND, DATE = 1, 2, 3  # the columns of Qt's file list the window writes itself

# Texts of Qt's own file dialog that Qt's Danish translation (qtbase_da) lacks: this app's
# translation has them, in Qt's contexts (lupdate finds them here).
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Confirm Delete"),
)


class FileList(QIdentityProxyModel):
    """Qt's file list with sizes ("2 kB", not "2.00 KiB"), kinds ("CSV-fil", not "CSV
    document") and dates as the window's language writes them; the rest as Qt shows it."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and index.column() in (SIZE, KIND, DATE):
            files = self.sourceModel()
            if isinstance(files, QFileSystemModel):
                info = files.fileInfo(self.mapToSource(index))
                if index.column() == DATE:
                    return QLocale().toString(info.lastModified(), QLocale.FormatType.ShortFormat)
                if info.isFile() and index.column() == KIND:
                    suffix = info.suffix().upper()
                    return self.tr("{kind} file").format(kind=suffix) if suffix else self.tr("File")
                if info.isFile():  # as Explorer: a small file is 1 kB, not "130 bytes"
                    return QLocale().formattedDataSize(
                        max(info.size(), 1024), 0, QLocale.DataSizeFormat.DataSizeTraditionalFormat
                    )
        return super().data(index, role)


def _dialog(parent: QWidget, title: str, start: str, filters: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, start, filters)
    # Only Qt's own dialog takes a proxy (a computer's own dialog speaks its language).
    dialog.setProxyModel(FileList(dialog))
    files = dialog.findChild(QTreeView, "treeView")  # Qt's own dialog: its detailed list
    if files is not None:  # sizes, kinds and dates whole, the name the rest
        files.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (SIZE, KIND, DATE):
            files.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return dialog


def open_file_name(parent: QWidget, title: str, folder: str, filters: str) -> Path | None:
    """An existing file the user picks, or None."""
    dialog = _dialog(parent, title, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def save_file_name(
    parent: QWidget, title: str, suggested: str, filters: str
) -> tuple[Path, str] | None:
    """The name the user gave (maybe without an ending) and the file type chosen, or None."""
    dialog = _dialog(parent, title, str(Path(suggested).parent), filters)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(Path(suggested).name)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0]), dialog.selectedNameFilter()
