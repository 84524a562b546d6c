"""What the window tests share: scripted answers to the window's questions, waiting, files."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from optout_desktop.ui.main_window import MainWindow

WAIT = 60_000


class ScriptedQuestions:
    """Answers the window's questions from the test and records its messages."""

    def __init__(self) -> None:
        self.next_open: Path | None = None
        self.next_save: Path | None = None
        self.next_type: int = 0  # the file type chosen in the save dialog, by its place
        self.opened_in: list[str] = []  # the folder each open dialog started in
        self.saves: list[tuple[str, str, str]] = []  # each save dialog's title, name, types
        self.asked: list[tuple[str, str]] = []  # each ask_text's title and label
        self.messages: list[tuple[str, str, str]] = []
        self.texts: list[str] = []  # answers to ask_text, in order
        self.yes = True

    def open_file(self, parent: Any, folder: str = "", title: str = "") -> Path | None:
        self.opened_in.append(folder)
        return self.next_open

    def save_file(
        self, parent: Any, title: str, suggested: str, filters: str
    ) -> tuple[Path, str] | None:
        """As Qt's dialog answers: the name as typed, and the type chosen (next_type)."""
        self.saves.append((title, suggested, filters))
        if self.next_save is None:
            return None
        return self.next_save, filters.split(";;")[self.next_type]

    def inform(self, parent: Any, title: str, text: str) -> None:
        self.messages.append(("info", title, text))

    def warn(self, parent: Any, title: str, text: str) -> None:
        self.messages.append(("warning", title, text))

    def ask_text(self, parent: Any, title: str, label: str, text: str = "") -> str | None:
        self.asked.append((title, label))
        return self.texts.pop(0) if self.texts else None

    def ask_yes_no(self, parent: Any, title: str, text: str) -> bool:
        self.messages.append(("question", title, text))
        return self.yes

    def show_folder(self, parent: Any, folder: Path) -> None:
        self.messages.append(("folder", "", str(folder)))


def danish_excel_file(folder: Path) -> Path:
    """A semicolon-separated Windows-1252 file with CRLF, as Excel saves it in Danish settings."""
    lines = [
        "Fornavn;Efternavn;E-mailadresse;By",
        "Søren;Ærø;Soeren@Firma.dk;Århus",
        'Åse;Østergård;"Åse Østergård <aase@firma.dk>";København',
        "Jens;Hansen; JENS@FIRMA.DK ;Odense",
        "Mette;Jensen;;Vejle",
        "Hanne;Nielsen;ikke en adresse;Aalborg",
        "Niels;Bohr;niels@blåbær.dk;Esbjerg",
    ]
    path = folder / "frameldte.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def big_file(folder: Path, rows: int, name: str = "big.csv") -> Path:
    """A CSV of `rows` people with distinct addresses: long enough to keep the worker busy."""
    path = folder / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "email"])
        writer.writerows([f"Person {n}", f"person{n}@example.com"] for n in range(rows))
    return path


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=WAIT)


def open_and_count(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    window.open_file(path)
    page = window.import_page
    qtbot.waitUntil(lambda: page.plan is not None or page.plan_error is not None, timeout=WAIT)
    wait_idle(qtbot, window)


def confirm_dialog() -> QDialog:
    dialogs = [w for w in QApplication.topLevelWidgets() if w.objectName() == "confirmDialog"]
    assert dialogs, "the confirmation dialog did not open"
    return dialogs[-1]  # type: ignore[return-value]


def visible_texts(root: QWidget) -> set[str]:
    """Every text a person can read in the window: labels, buttons, tabs, menus, hints."""
    texts: set[str] = {root.windowTitle()}
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            texts.add(widget.text())
        if isinstance(widget, QLineEdit):
            texts.add(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts.update(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTabWidget):
            texts.update(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QMenu):
            texts.add(widget.title())
        texts.add(widget.toolTip())
        model = widget.model() if isinstance(widget, QAbstractItemView) else None
        if model is not None:
            root_index = QModelIndex()
            try:
                columns = model.columnCount(root_index)
            except TypeError:  # a list model keeps columnCount private: one column
                columns = 1
            texts.update(
                str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)
            )
            if columns == 1:  # lists: their items are the app's words
                texts.update(
                    str(model.index(r, 0, root_index).data() or "")
                    for r in range(model.rowCount(root_index))
                )
    for action in root.findChildren(QAction):
        texts.add(action.text())
    # Tags become spaces (a table's cells are words apart), then spaces are single.
    plain = {
        " ".join(re.sub(r"<[^>]+>", " ", text.replace("&nbsp;", " ")).replace("&", "").split())
        for text in texts
    }
    return {text for text in plain if text}
