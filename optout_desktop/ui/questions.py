"""Every question and message to the user goes through here, so tests can answer instead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from . import file_dialog

OPEN_FILTER = "Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods);;All files (*)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Questions", text)


class Questions:
    """Asks with real dialogs; a test replaces it with one that answers from a script."""

    def open_file(self, parent: QWidget, folder: str = "", title: str = "") -> Path | None:
        return file_dialog.open_file_name(
            parent, title or _tr("Choose the file of opted-out addresses"), folder, _tr(OPEN_FILTER)
        )

    def save_file(
        self, parent: QWidget, title: str, suggested: str, filters: str
    ) -> tuple[Path, str] | None:
        """The name the user gave (as typed: maybe without an ending) and the file type
        chosen under it; the caller makes the two agree (ui/file_kinds.py)."""
        return file_dialog.save_file_name(parent, title, suggested, filters)

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def ask_text(self, parent: QWidget, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, text=text)
        return value if ok else None

    def ask_yes_no(self, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def show_folder(self, parent: QWidget, folder: Path) -> None:
        """Open the folder in the computer's file manager (Explorer, Finder, Files)."""
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.inform(parent, _tr("Log folder"), str(folder))
