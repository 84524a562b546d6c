"""The window speaks Danish when asked, and every message of the translation is finished."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMenu
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


def translations(message: ET.Element) -> list[str]:
    """A message's translation, or each of its plural forms."""
    translation = message.find("translation")
    assert translation is not None and translation.get("type") is None, message.findtext("source")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


def test_every_message_is_translated_and_keeps_its_placeholders() -> None:
    root = ET.parse(TS).getroot()
    messages = root.findall("./context/message")
    assert len(messages) > 150
    for message in messages:
        source = message.findtext("source") or ""
        for text in translations(message):
            for placeholder in {part.split("}")[0] for part in source.split("{")[1:]}:
                assert "{" + placeholder + "}" in text, (source, text)
            assert ("%Ln" in text) == ("%Ln" in source), (source, text)


def test_plurals_have_both_forms_in_danish_and_in_english() -> None:
    """ "1 ugyldige, 1 kontakter": a count's words follow it, in both languages."""
    for ts in (TS, TS.with_name("optout_en.ts")):
        plurals = ET.parse(ts).getroot().findall("./context/message[@numerus='yes']")
        assert len(plurals) > 20, ts
        for message in plurals:
            forms = translations(message)
            assert len(forms) == 2 and all(forms), (ts.name, message.findtext("source"))
    app = QApplication.instance()
    assert language.install(app, "da")
    try:
        one, two = (
            QCoreApplication.translate("CountTexts", "%Ln invalid rows", None, n) for n in (1, 2)
        )
        assert (one, two) == ("1 ugyldig række", "2 ugyldige rækker")
        assert QCoreApplication.translate("CountTexts", "%Ln blank rows", None, 1_048_576) == (
            "1.048.576 tomme rækker"
        )
    finally:
        language.install(app, "en")
    assert QCoreApplication.translate("CountTexts", "%Ln invalid rows", None, 1) == "1 invalid row"


def test_the_choice_comes_from_the_settings(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(language.SETTING, "da")
    assert language.chosen_language(settings) == "da"
    settings.setValue(language.SETTING, "en")
    assert language.chosen_language(settings) == "en"


def test_the_language_menu_ticks_the_language_the_window_speaks(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path
) -> None:
    """Started with `--language da` (nothing in the settings), Sprog ticked English."""
    app = QApplication.instance()
    assert language.install(app, "da")  # what main() does for --language da
    try:
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db_path, settings)
        qtbot.addWidget(window)
        menu = window.findChild(QMenu, "languageMenu")
        assert [a.data() for a in menu.actions() if a.isChecked()] == ["da"]
        window.close()
    finally:
        language.install(app, "en")
