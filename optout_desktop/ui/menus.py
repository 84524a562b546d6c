"""The menu bar: File, Language and Help, each command with its keyboard shortcut."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from optout_desktop.core import folders
from optout_desktop.core.db import opening

from .. import __version__
from . import language

if TYPE_CHECKING:
    from .main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("Menus", text)


def build_menus(window: MainWindow) -> None:
    """Fill the window's menu bar; every command is also reachable with Alt and a letter."""
    bar = window.menuBar()
    file_menu = bar.addMenu(_tr("&File"))
    file_menu.setObjectName("fileMenu")
    _add(file_menu, _tr("&Open file…"), window.choose_file, QKeySequence.StandardKey.Open)
    _add(file_menu, _tr("Try the &sample file"), window.open_sample, None)
    file_menu.addSeparator()
    _add(file_menu, _tr("&Export suppressions…"), window.export_suppressions, "Ctrl+E")
    _add(file_menu, _tr("&Look up an address"), window.lookup.focus_entry, "Ctrl+L")
    _add(file_menu, _tr("Opt out a whole do&main…"), window.hand_made.block_domain, None)
    _add(file_menu, _tr("Add an opt-out by &hand…"), window.hand_made.add_by_hand, None)
    _add(file_menu, _tr("&Refresh"), window.refresh_all, QKeySequence.StandardKey.Refresh)
    _add(file_menu, _tr("Choose &database…"), window.choose_database, None)
    file_menu.addSeparator()
    _add(file_menu, _tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)

    language_menu = bar.addMenu(_tr("&Language"))
    language_menu.setObjectName("languageMenu")
    current = language.current()  # the language the window speaks, however it was chosen
    for code, name in language.LANGUAGES.items():
        action = language_menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, code=code: window.choose_language(code))

    help_menu = bar.addMenu(_tr("&Help"))
    help_menu.setObjectName("helpMenu")
    _add(help_menu, _tr("Open &log folder"), window.show_log_folder, None)
    _add(help_menu, _tr("&About OptOut Desktop"), window.show_about, None)


def _add(
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence.StandardKey | str | None,
) -> QAction:
    action = menu.addAction(text)
    action.triggered.connect(lambda _checked=False: slot())
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    return action


def about_box(window: MainWindow) -> QMessageBox:
    """The About box: what the app is, its version, and where its files are."""
    box = QMessageBox(window)
    box.setObjectName("aboutBox")
    box.setWindowTitle(_tr("About OptOut Desktop"))
    box.setIconPixmap(window.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        "<h3>OptOut Desktop "
        + __version__
        + "</h3>"
        + _tr("Keeps your list of people who must never get marketing email, on this computer.")
    )
    box.setInformativeText(
        _tr("Database: {database}<br>Log files: {logs}").format(
            database=opening.display_name(window.db_path), logs=folders.log_folder()
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(_tr("About OptOut Desktop"))
    return box
