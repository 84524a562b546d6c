"""The window's fixtures: scripted questions and the real main window on a test database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from optout_desktop.ui import language
from optout_desktop.ui.main_window import MainWindow
from tests.ui.helpers import ScriptedQuestions


@pytest.fixture(autouse=True, scope="session")
def english(qapp: Any) -> None:
    """The window in English, as the app starts it on an English computer: with the English
    plural forms ("1 contact") that optout_en.qm holds."""
    language.install(qapp, "en")


@pytest.fixture
def questions() -> ScriptedQuestions:
    return ScriptedQuestions()


@pytest.fixture
def window(qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path, questions: ScriptedQuestions):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(db_path, settings, questions)  # type: ignore[arg-type]
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()
