"""Small things a new user saw: the sheet box clipped its name, Qt's file dialog spoke English
(and KiB), the characters were named in codec English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from optout_desktop.ui import file_dialog, language, read_options
from optout_desktop.ui.main_window import MainWindow
from tests.ui.helpers import WAIT, wait_idle


@pytest.fixture
def danish() -> Iterator[None]:
    app = QApplication.instance()
    assert language.install(app, "da")
    yield
    language.install(app, "en")


def test_the_sheet_box_shows_the_sheet_name_whole(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    import openpyxl

    name = "Afmeldinger fra messen 2026"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Ark1"
    sheet = workbook.create_sheet(name, 0)
    sheet.append(["E-mail"])
    sheet.append(["jens@firma.dk"])
    workbook.save(tmp_path / "messen.xlsx")
    window.open_file(tmp_path / "messen.xlsx")
    qtbot.waitUntil(lambda: window.import_page.plan is not None, timeout=WAIT)
    wait_idle(qtbot, window)
    box = window.import_page.read_options.sheet
    assert box.currentText() == name and box.isVisible()
    qtbot.waitUntil(
        lambda: box.width() >= box.fontMetrics().horizontalAdvance(name) + 20, timeout=WAIT
    )


def test_qts_own_file_dialog_speaks_danish_sizes_included(
    qtbot: QtBot, danish: Any, tmp_path: Path
) -> None:
    """ "Look in:", "Files of type:" and "2.00 KiB" in the Danish window's file dialog."""
    (tmp_path / "liste.csv").write_bytes(b"x" * 2048)
    dialog = file_dialog._dialog(None, "Vælg", str(tmp_path), "CSV (*.csv)")  # type: ignore[arg-type]
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Søg i:" and labels["fileTypeLabel"] == "Fil&type:"
    proxy = dialog.proxyModel()
    files = proxy.sourceModel()
    qtbot.waitUntil(lambda: files.index(str(tmp_path / "liste.csv")).isValid(), timeout=WAIT)
    size = proxy.mapFromSource(files.index(str(tmp_path / "liste.csv")).siblingAtColumn(1))
    assert proxy.data(size, Qt.ItemDataRole.DisplayRole) == "2 kB"
    kind = proxy.mapFromSource(files.index(str(tmp_path / "liste.csv")).siblingAtColumn(2))
    assert proxy.data(kind, Qt.ItemDataRole.DisplayRole) == "CSV-fil"
    dialog.close()


def test_the_characters_are_named_in_the_windows_language(danish: Any) -> None:
    """ "læst som UTF-8 with BOM": the engine's codec names, untranslated, in the window."""
    assert read_options.encoding_name("utf-8-sig") == "Unicode (UTF-8, som Excel gemmer det)"
    assert read_options.encoding_name("cp1252") == "Vesteuropæisk (Windows-1252, dansk Excel)"
    assert read_options.encoding_name("utf-16-le") == "Unicode (UTF-16)"
    options = read_options.ReadOptions()
    names = [options.encoding.itemText(i) for i in range(options.encoding.count())]
    assert not [name for name in names if "with" in name or "Western" in name]
