"""The window speaks Danish when asked, and every message of the translation is finished."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from optout_desktop.ui import language
from optout_desktop.ui.main_window import MainWindow

TS = Path(language.__file__).resolve().parent.parent / "resources/translations/optout_da.ts"


def test_the_window_in_danish(qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert language.install(app, "da")
    try:
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db_path, settings)
        qtbot.addWidget(window)
        assert window.import_page.import_button.text() == "Importér…"
        assert window.export_button.text() == "Eksportér spærreliste…"
        assert "Fakturerbare kontakter" in window.billable_label.text()
        assert window.tabs.tabText(1) == "Kontakter"
        assert language.number(1027280) == "1.027.280"
        window.close()
    finally:
        language.install(app, "en")
    assert language.number(1027280) == "1,027,280"


def test_every_message_is_translated_and_keeps_its_placeholders() -> None:
    root = ET.parse(TS).getroot()
    messages = root.findall("./context/message")
    assert len(messages) > 150
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        text = translation.text or ""
        for placeholder in {part.split("}")[0] for part in source.split("{")[1:]}:
            assert "{" + placeholder + "}" in text, (source, text)


def test_the_choice_comes_from_the_settings(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(language.SETTING, "da")
    assert language.chosen_language(settings) == "da"
    settings.setValue(language.SETTING, "en")
    assert language.chosen_language(settings) == "en"
