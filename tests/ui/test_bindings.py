"""The Qt bindings keep Python's reference counts right. PySide6 6.12.0 does not: each
Signal.emit() takes a reference from True or False, each QTimer.singleShot() one from None,
until Python frees them and the window crashes (a CI run ended in a segfault this way).
pyproject.toml leaves that release out; this test refuses any other that does the same."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

TIMES = 200  # few enough that a broken release fails here rather than crashing the run


class _Sender(QObject):
    said = Signal(object)


def test_emitting_a_signal_keeps_the_references_of_true_and_false(qtbot: QtBot) -> None:
    sender = _Sender()
    heard: list[object] = []
    sender.said.connect(heard.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(TIMES):
        sender.said.emit(None)
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert len(heard) == TIMES
    assert after[0] - before[0] > -TIMES // 2 and after[1] - before[1] > -TIMES // 2


def test_a_single_shot_timer_keeps_the_references_of_none(qtbot: QtBot) -> None:
    fired: list[int] = []
    before = sys.getrefcount(None)
    for _ in range(TIMES):
        QTimer.singleShot(0, lambda: fired.append(1))
    qtbot.waitUntil(lambda: len(fired) == TIMES)
    QApplication.processEvents()
    assert sys.getrefcount(None) - before > -TIMES // 2
