"""Long scrolling must not wear out None, True or False (a PySide6 quirk on Python 3.11)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from optout_desktop.ui.none_guard import make_singletons_immortal
from optout_desktop.ui.preview_model import PreviewModel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="immortal since Python 3.12")
def test_singletons_have_counts_no_session_can_use_up() -> None:
    assert make_singletons_immortal()
    for singleton in (None, True, False):
        assert sys.getrefcount(singleton) > 2**39


def test_many_repaints_and_empty_roles_do_not_crash(qtbot: QtBot) -> None:
    rows = [[f"Person {n}", f"p{n}@firma.dk"] for n in range(2_000)]
    model = PreviewModel(["Name", "Email"], rows[:100], iter(rows[100:]), 2)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(500, 300)
    view.show()
    for step in range(3_000):  # each repaint used to drop a reference to None
        view.verticalScrollBar().setValue(step % 100)
        view.verticalHeader().viewport().repaint()
    strings = QStringListModel(["x"])
    for _ in range(20_000):
        strings.data(strings.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert model.rowCount() >= 100
