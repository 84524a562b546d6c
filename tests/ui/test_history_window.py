"""The window's History page: Undo… with the typed count, on the real window and database."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db.models import ImportRun, Suppression
from optout_desktop.core.optouts import history, imports, undo
from optout_desktop.core.reading.sources import open_source
from optout_desktop.ui.history_model import COLUMNS, HistoryModel
from optout_desktop.ui.main_window import MainWindow

WAIT = 60_000


class ScriptedQuestions:
    """Answers the window's questions from the test and records its messages."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []

    def open_file(self, parent: Any, folder: str = "") -> Path | None:
        return None

    def save_file(self, parent: Any, title: str, suggested: str, filters: str) -> Path | None:
        return None

    def inform(self, parent: Any, title: str, text: str) -> None:
        self.messages.append(("info", title, text))

    def warn(self, parent: Any, title: str, text: str) -> None:
        self.messages.append(("warning", title, text))


def write(path: Path, emails: Iterable[str]) -> Path:
    path.write_text("email\n" + "\n".join(emails) + "\n", "utf-8")
    return path


def opt_out(path: Path, emails: Iterable[str]) -> ImportRun:
    plan = imports.plan_optouts(open_source(write(path, emails)), "email")
    return imports.run_optouts(plan, plan.counts.valid)


@pytest.fixture
def questions() -> ScriptedQuestions:
    return ScriptedQuestions()


@pytest.fixture
def runs(db: Any, tmp_path: Path) -> dict[str, ImportRun]:
    """Two overlapping opt-out imports and a contacts import, made before the window opens."""
    first = opt_out(tmp_path / "first.csv", ["a@x.dk", "b@x.dk", "c@x.dk", "@competitor.dk"])
    second = opt_out(tmp_path / "second.csv", ["c@x.dk", "d@x.dk"])
    people, _ = contact_import.import_contacts(
        open_source(write(tmp_path / "c.csv", ["a@x.dk"])), "email"
    )
    return {"first": first, "second": second, "contacts": people}


@pytest.fixture
def window(qtbot: QtBot, runs: dict[str, ImportRun], db_path: Path, tmp_path: Path, questions: Any):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(db_path, settings, questions)  # type: ignore[arg-type]
    qtbot.addWidget(main)
    main.show()
    main.tabs.setCurrentWidget(main.history_page)
    qtbot.waitUntil(lambda: not main.reads.busy, timeout=WAIT)
    yield main
    main.close()


def undo_dialog() -> QDialog:
    dialogs = [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "undoDialog" and w.isVisible()
    ]
    assert dialogs, "the undo dialog did not open"
    return dialogs[-1]  # type: ignore[return-value]


def open_undo(qtbot: QtBot, window: MainWindow, import_id: int) -> QDialog:
    page = window.history_page
    page.select_import(import_id)
    button = page.findChild(QPushButton, "undoButton")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(w.objectName() == "undoDialog" for w in QApplication.topLevelWidgets()),
        timeout=WAIT,
    )
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=WAIT)
    return undo_dialog()


def test_undo_from_the_history_page(
    qtbot: QtBot, window: MainWindow, runs: dict[str, ImportRun], questions: ScriptedQuestions
) -> None:
    first, second = runs["first"], runs["second"]
    dialog = open_undo(qtbot, window, first.id)
    edit = dialog.findChild(QLineEdit, "undoCountEdit")
    begin = dialog.findChild(QPushButton, "beginUndoButton")
    # a, b and the domain are lifted; c stays, as the second import lists it too.
    assert not begin.isEnabled()
    for wrong in ("4", "2", "34", "abc", ""):
        edit.setText(wrong)
        assert not begin.isEnabled(), wrong
    edit.clear()
    qtbot.keyClicks(edit, "3")
    assert begin.isEnabled()
    qtbot.mouseClick(begin, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(m[1] == "Import undone" for m in questions.messages), timeout=WAIT)

    _, _, text = questions.messages[-1]
    assert f"Import #{first.id} was undone: 3 opt-outs were lifted. 1 stays suppressed" in text
    assert {(s.email, s.import_run_id) for s in Suppression.select()} == {
        ("c@x.dk", second.id),
        ("d@x.dk", second.id),
    }
    assert ImportRun.get_by_id(first.id).state == "undone"
    page = window.history_page
    row = next(r for r in range(page.model.rowCount()) if page.model.run_at(r)["id"] == first.id)
    state = page.model.index(row, [key for key, _ in COLUMNS].index("state"))
    assert page.model.data(state) == "Undone"
    page.select_import(first.id)
    assert not page.undo_button.isEnabled()  # undoing twice is not offered
    qtbot.waitUntil(lambda: "<b>2</b>" in window.suppressed_label.text(), timeout=WAIT)


def test_the_dialog_shows_the_counts_and_cancel_changes_nothing(
    qtbot: QtBot, window: MainWindow, runs: dict[str, ImportRun]
) -> None:
    before = {(s.email, s.import_run_id) for s in Suppression.select()}
    dialog = open_undo(qtbot, window, runs["first"].id)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "first.csv" in text and "<b>3</b>" in text
    dialog.reject()
    assert {(s.email, s.import_run_id) for s in Suppression.select()} == before
    assert ImportRun.get_by_id(runs["first"].id).state == "completed"


def test_undo_is_offered_only_for_completed_opt_out_imports(
    window: MainWindow, runs: dict[str, ImportRun]
) -> None:
    page = window.history_page
    assert not page.undo_button.isEnabled()  # nothing selected
    page.select_import(runs["contacts"].id)
    assert not page.undo_button.isEnabled()
    page.select_import(runs["second"].id)
    assert page.undo_button.isEnabled()


def test_an_import_undone_elsewhere_gets_a_plain_message(
    qtbot: QtBot, window: MainWindow, runs: dict[str, ImportRun], questions: ScriptedQuestions
) -> None:
    second = runs["second"]
    page = window.history_page
    page.select_import(second.id)
    undo.undo_import(second.id, 1)  # from the command line, say, while the window is open
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(questions.messages), timeout=WAIT)
    kind, title, text = questions.messages[-1]
    assert (kind, title) == ("info", "Already undone")
    assert f"#{second.id} was already undone" in text and "\n" not in text
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "undoDialog"]


def test_a_count_that_changed_meanwhile_is_refused_plainly(
    qtbot: QtBot,
    window: MainWindow,
    runs: dict[str, ImportRun],
    questions: ScriptedQuestions,
    tmp_path: Path,
) -> None:
    dialog = open_undo(qtbot, window, runs["first"].id)
    opt_out(tmp_path / "third.csv", ["a@x.dk"])  # now a stays: only 2 would be lifted
    dialog.findChild(QLineEdit, "undoCountEdit").setText("3")
    qtbot.mouseClick(dialog.findChild(QPushButton, "beginUndoButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(questions.messages), timeout=WAIT)
    kind, _title, text = questions.messages[-1]
    assert kind == "warning" and "lifts 2 opt-outs; nothing was changed" in text
    assert "Traceback" not in text
    assert ImportRun.get_by_id(runs["first"].id).state == "completed"


def test_history_model_with_an_undone_import_passes_the_model_tester(
    qtmodeltester: Any, runs: dict[str, ImportRun]
) -> None:
    undo.undo_import(runs["second"].id, 1)
    model = HistoryModel()
    model.set_runs(history.history())
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3


def test_the_history_fits_the_window_and_keeps_the_checksum_in_the_details(
    qtbot: QtBot, window: MainWindow, runs: dict[str, ImportRun], tmp_path: Path
) -> None:
    """Historik's columns ran past the window's edge at its first size, a SHA-256 among them."""
    long_name = "afmeldinger-fra-messen-i-bella-center-efteraaret-2026-endelig-version.csv"
    opt_out(tmp_path / long_name, ["e@x.dk"])
    window.resize(1100, 720)  # the window's first size
    page = window.history_page
    page.refresh()
    qtbot.wait(50)
    header = page.table.horizontalHeader()
    titles = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())]
    assert not [title for title in titles if "SHA" in str(title)]
    used = sum(header.sectionSize(c) for c in range(header.count()))
    assert used <= page.table.viewport().width()
    page.select_import(runs["first"].id)
    details = page.details.text()
    assert ImportRun.get_by_id(runs["first"].id).file_sha256 in details
    assert "first.csv" in details and "New opt-outs:</b>&nbsp;4" in details
