"""The window's process does no row-by-row work: counting, importing, cleaning, exporting,
undoing and importing contacts read and write their rows in the helper process (the window
only shows the first screen of a file, and its progress and results)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from optout_desktop.core.db.models import ImportRun, Suppression
from optout_desktop.core.optouts import exports
from optout_desktop.core.reading import sources
from optout_desktop.ui import file_kinds
from optout_desktop.ui.main_window import MainWindow
from tests.helpers import write_rows
from tests.ui.helpers import WAIT, ScriptedQuestions, confirm_dialog, open_and_count, wait_idle
from tests.ui.test_history_window import undo_dialog

ROWS = 3_000


@pytest.fixture
def no_rows_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a column's rows (every scan) or the list's rows (every export) in the window's
    process fails the test; a spawned helper process imports its own, unpatched."""

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the window's process went through the rows")

    monkeypatch.setattr(sources.TableSource, "stream_column", refuse)
    monkeypatch.setattr(exports, "raw_rows", refuse)


def test_every_heavy_job_runs_in_the_helper(
    qtbot: QtBot,
    window: MainWindow,
    questions: ScriptedQuestions,
    tmp_path: Path,
    no_rows_here: None,
) -> None:
    people = [[f"Person {n}", f"person{n}@firma.dk"] for n in range(ROWS)]
    data = write_rows(tmp_path / "frameldte.csv", ["navn", "email"], people)
    page = window.import_page
    open_and_count(qtbot, window, data)  # the count
    assert page.plan is not None and page.plan.counts.valid == ROWS, page.plan_error
    assert page.model is not None and page.model.fate_text(0) == "New: not suppressed yet."

    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)  # the import
    confirm = confirm_dialog()
    qtbot.keyClicks(confirm.findChild(QLineEdit, "confirmCountEdit"), str(ROWS))
    qtbot.mouseClick(confirm.findChild(QPushButton, "beginImportButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "completed" in page.result_label.text(), timeout=WAIT)
    assert Suppression.select().count() == ROWS

    kinds = file_kinds.suppression_kinds()  # the exports: for people, plain, for a tool
    for wanted in (kinds[0], kinds[1], next(k for k in kinds if k.tool == "hubspot")):
        name = f"export-{kinds.index(wanted)}{wanted.suffix}"
        questions.next_save, questions.next_type = tmp_path / name, kinds.index(wanted)
        window.export_suppressions()
        wait_idle(qtbot, window)
        assert (tmp_path / name).stat().st_size > ROWS * 10, name
    assert [m[1] for m in questions.messages] == ["Export finished"] * 3

    cleaner = window.cleaning_page  # the cleaning of a mailing list
    cleaner.open_file(data)
    qtbot.waitUntil(lambda: cleaner.cleaning is not None, timeout=WAIT)
    assert cleaner.cleaning is not None and cleaner.cleaning.counts.suppressed == ROWS
    questions.next_save, questions.next_type = tmp_path / "cleaned.csv", 0
    cleaner.save_cleaned()
    qtbot.waitUntil(lambda: (tmp_path / "cleaned.csv").exists(), timeout=WAIT)
    wait_idle(qtbot, window)

    run = ImportRun.select().where(ImportRun.kind == "optouts").get()  # the undo
    history = window.history_page
    shown = lambda: {history.model.run_at(r)["id"] for r in range(history.model.rowCount())}  # noqa: E731
    qtbot.waitUntil(lambda: run.id in shown(), timeout=WAIT)
    history.select_import(run.id, "optouts")  # (the cleaning is number 1 too)
    qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: history._dialog is not None, timeout=WAIT)
    dialog = undo_dialog()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "undoCountEdit"), str(ROWS))
    qtbot.mouseClick(dialog.findChild(QPushButton, "beginUndoButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: Suppression.select().count() == 0, timeout=WAIT)
    wait_idle(qtbot, window)
