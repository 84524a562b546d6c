"""The window starts on a real database and shows itself."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from optout_desktop import app


def test_main_opens_a_window_and_returns_on_quit(qtbot: QtBot) -> None:
    shown: list[str] = []

    def look_and_quit() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        shown.extend(w.windowTitle() for w in windows)
        for window in windows:
            window.close()
        QApplication.quit()

    QTimer.singleShot(200, look_and_quit)
    assert app.main([]) == 0
    assert "OptOut Desktop" in shown
