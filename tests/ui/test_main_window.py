"""The real main window, offscreen, on real SQLite files: open, count, confirm, import, cancel."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

import optout_desktop
from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db import models
from optout_desktop.core.db.models import ImportRun, Suppression
from optout_desktop.core.reading import sources
from optout_desktop.core.rules import eligibility
from optout_desktop.ui.main_window import MainWindow
from optout_desktop.ui.preview_model import PreviewModel
from tests.helpers import table_counts, write_lock_held
from tests.ui.helpers import (
    WAIT,
    ScriptedQuestions,
    big_file,
    confirm_dialog,
    danish_excel_file,
    open_and_count,
    wait_idle,
)


def test_whole_flow_on_a_danish_excel_file(qtbot: QtBot, window: MainWindow, tmp_path: Path):
    path = danish_excel_file(tmp_path)
    billable_before = window.billable_label.text()
    open_and_count(qtbot, window, path)

    assert window.import_page.column_combo.currentText() == "E-mailadresse"
    assert "Windows-1252" in window.import_page.file_status.text()
    assert "semicolon" in window.import_page.file_status.text()
    table = window.findChild(type(window.import_page.table), "previewTable")
    assert table.model().rowCount() == 6
    assert table.model().data(table.model().index(0, 1)) == "Søren"  # after the fates' column
    assert window.import_page.plan is not None and window.import_page.plan.counts.valid == 4
    assert window.import_page.import_button.isEnabled()

    qtbot.mouseClick(window.import_page.import_button, Qt.MouseButton.LeftButton)
    dialog = confirm_dialog()
    edit = dialog.findChild(QLineEdit, "confirmCountEdit")
    begin = dialog.findChild(QPushButton, "beginImportButton")
    assert not begin.isEnabled()
    qtbot.keyClicks(edit, "4")
    assert begin.isEnabled()
    qtbot.mouseClick(begin, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "completed" in window.import_page.result_label.text(), timeout=WAIT)

    emails = {s.email for s in Suppression.select()}
    assert emails == {"soeren@firma.dk", "aase@firma.dk", "jens@firma.dk", "niels@blåbær.dk"}
    assert window.billable_label.text() == billable_before  # opt-outs are not contacts
    qtbot.waitUntil(lambda: "<b>4</b>" in window.suppressed_label.text(), timeout=WAIT)
    assert window.import_page.errors_button.isVisible()  # a blank and an invalid row were refused
    assert window.history_page.model.rowCount() == 1


def test_a_wrong_count_keeps_begin_import_disabled(qtbot: QtBot, window: MainWindow, tmp_path):
    open_and_count(qtbot, window, danish_excel_file(tmp_path))
    qtbot.mouseClick(window.import_page.import_button, Qt.MouseButton.LeftButton)
    dialog = confirm_dialog()
    edit = dialog.findChild(QLineEdit, "confirmCountEdit")
    begin = dialog.findChild(QPushButton, "beginImportButton")
    for wrong in ("3", "40", "abc", ""):
        edit.setText(wrong)
        assert not begin.isEnabled(), wrong
    edit.setText("4")
    assert begin.isEnabled()
    edit.setText("5")
    assert not begin.isEnabled()
    dialog.reject()
    assert Suppression.select().count() == 0
    assert ImportRun.select().count() == 0


def test_the_import_is_written_while_the_dialog_is_open_and_closing_it_undoes_that(
    qtbot: QtBot, window: MainWindow, db_path: Path, tmp_path: Path
):
    open_and_count(qtbot, window, big_file(tmp_path, 20_000))
    qtbot.mouseClick(window.import_page.import_button, Qt.MouseButton.LeftButton)
    dialog = confirm_dialog()
    qtbot.waitUntil(lambda: write_lock_held(db_path), timeout=WAIT)  # the helper writes
    dialog.reject()
    qtbot.waitUntil(lambda: not write_lock_held(db_path), timeout=WAIT)
    assert table_counts(db_path)["suppression"] == 0 and ImportRun.select().count() == 0
    qtbot.mouseClick(window.import_page.import_button, Qt.MouseButton.LeftButton)
    dialog = confirm_dialog()
    qtbot.waitUntil(lambda: write_lock_held(db_path), timeout=WAIT)
    qtbot.wait(1100)  # the person types
    confirmed_at = models.now()
    dialog.findChild(QLineEdit, "confirmCountEdit").setText("20000")
    qtbot.mouseClick(dialog.findChild(QPushButton, "beginImportButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "completed" in window.import_page.result_label.text(), timeout=WAIT)
    assert Suppression.select().count() == 20_000
    (run,) = ImportRun.select()
    assert run.state == "completed" and run.started_at < confirmed_at  # written before
    assert not write_lock_held(db_path)


def test_cancel_during_the_import_writes_nothing(qtbot: QtBot, window: MainWindow, tmp_path):
    open_and_count(qtbot, window, big_file(tmp_path, 300_000))
    assert window.import_page.plan is not None
    qtbot.mouseClick(window.import_page.import_button, Qt.MouseButton.LeftButton)
    dialog = confirm_dialog()
    dialog.findChild(QLineEdit, "confirmCountEdit").setText("300000")
    qtbot.mouseClick(dialog.findChild(QPushButton, "beginImportButton"), Qt.MouseButton.LeftButton)
    assert window.import_page.import_pending()
    assert window.job_status.cancel_button.isVisible()
    qtbot.mouseClick(window.job_status.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert "cancelled" in window.import_page.result_label.text(), (
        window.import_page.result_label.text()
    )
    assert Suppression.select().count() == 0
    assert [run.state for run in ImportRun.select()] == ["cancelled"]
    qtbot.waitUntil(lambda: not window.reads.busy, timeout=WAIT)
    assert "<b>0</b>" in window.suppressed_label.text()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.csv", b""),
        ("picture.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
        ("header-only.csv", b"email;name\r\n"),
    ],
)
def test_a_refused_file_shows_a_plain_message_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions, tmp_path: Path, name, content
):
    path = tmp_path / name
    path.write_bytes(content)
    window.open_file(path)
    qtbot.waitUntil(lambda: bool(questions.messages), timeout=WAIT)
    kind, _title, text = questions.messages[-1]
    assert kind == "warning"
    assert name in text and "Traceback" not in text and "\n" not in text
    assert not window.import_page.import_button.isEnabled()
    assert Suppression.select().count() == 0 and ImportRun.select().count() == 0


def test_a_column_without_addresses_says_so_and_cannot_be_imported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
):
    open_and_count(qtbot, window, danish_excel_file(tmp_path))
    window.import_page.column_combo.setCurrentIndex(3)  # "By": towns, no addresses
    qtbot.waitUntil(
        lambda: "no valid email address" in window.import_page.counts_label.text(), timeout=WAIT
    )
    assert not window.import_page.import_button.isEnabled()


def test_billable_label_follows_contacts_not_opt_outs(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
):
    people = tmp_path / "contact_import.csv"
    people.write_text("email,first name\nsoeren@firma.dk,Søren\nny@kunde.dk,Ny\n", "utf-8")
    assert "<b>0</b>" in window.billable_label.text()
    contact_import.import_contacts(sources.open_source(people), "email")
    window.refresh_totals()
    assert "<b>2</b>" in window.billable_label.text()

    open_and_count(qtbot, window, danish_excel_file(tmp_path))
    assert (
        window.import_page.plan is not None
        and window.import_page.plan.counts.contacts_unsubscribed == 1
    )
    qtbot.mouseClick(window.import_page.import_button, Qt.MouseButton.LeftButton)
    dialog = confirm_dialog()
    dialog.findChild(QLineEdit, "confirmCountEdit").setText("4")
    qtbot.mouseClick(dialog.findChild(QPushButton, "beginImportButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "completed" in window.import_page.result_label.text(), timeout=WAIT)
    assert "<b>2</b>" in window.billable_label.text()  # the contact stays billable
    assert eligibility.billable_contacts() == 2


def test_export_writes_the_suppression_list(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions, tmp_path: Path
):
    open_and_count(qtbot, window, danish_excel_file(tmp_path))
    assert window.import_page.plan is not None
    window.import_page.helper().run(4)  # the helper process holds the counted addresses
    questions.next_save = tmp_path / "out.csv"
    questions.next_type = 1  # the comma CSV for other programs (English settings)
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(questions.messages), timeout=WAIT)
    text = (tmp_path / "out.csv").read_text("utf-8-sig")
    assert text.splitlines()[0].startswith("Email,")
    assert "niels@blåbær.dk" in text


def test_preview_model_passes_the_model_tester(qtmodeltester, tmp_path: Path) -> None:
    source = sources.open_source(big_file(tmp_path, 5_000))
    rows = source.iter_data_rows()
    model = PreviewModel(source.headers, [next(rows) for _ in range(10)], rows, 2)
    qtmodeltester.check(model, force_py=True)
    fetched = model.rowCount()
    model.fetchMore()
    assert model.rowCount() == min(fetched + 1_000, 5_000)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 5_000
    assert model.headerData(4_999, Qt.Orientation.Vertical) == "5001"  # spreadsheet row
    model.set_email_column(1)
    qtmodeltester.check(model, force_py=True)
    model.close()


def test_history_model_passes_the_model_tester(qtmodeltester, db: Any, tmp_path: Path) -> None:
    from optout_desktop.core.optouts import history, imports
    from optout_desktop.ui.history_model import HistoryModel

    path = danish_excel_file(tmp_path)
    plan = imports.plan_optouts(sources.open_source(path), "E-mailadresse")
    imports.run_optouts(plan, plan.counts.valid)
    model = HistoryModel()
    model.set_runs(history.history())
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 1


def test_the_database_path_is_the_one_given(window: MainWindow, db_path: Path) -> None:
    assert window.db_path == db_path
    assert Path(models.database.obj.database) == db_path


def test_dropping_a_file_on_the_window_opens_it(qtbot: QtBot, window: MainWindow, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    path = danish_excel_file(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPoint(10, 10)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        point, actions, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(
        QDropEvent(
            point.toPointF(), actions, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
        )
    )
    qtbot.waitUntil(lambda: window.import_page.plan is not None, timeout=WAIT)
    assert window.import_page.plan.counts.valid == 4


def test_recent_files_are_remembered_and_reopened(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    first = danish_excel_file(tmp_path)
    second = big_file(tmp_path, 50)
    for path in (first, second):
        questions.next_open = path
        window.choose_file()
        qtbot.waitUntil(lambda: window.import_page.plan is not None, timeout=WAIT)
        wait_idle(qtbot, window)
    assert window.import_page.recent_files()[:2] == [str(second.resolve()), str(first.resolve())]
    window.import_page._fill_recent_menu()
    actions = [a for a in window.import_page.recent_menu.actions() if a.data()]
    assert [a.text() for a in actions[:2]] == ["big.csv", "frameldte.csv"]
    actions[1].trigger()
    qtbot.waitUntil(
        lambda: (
            window.import_page.plan is not None
            and window.import_page.plan.source.path.name == "frameldte.csv"
        ),
        timeout=WAIT,
    )


def test_the_preview_says_what_the_import_does_with_each_row(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Before confirming, each row says whether it adds an opt-out, is suppressed already,
    or is left out and why; a repeated row names the row it repeats."""
    path = danish_excel_file(tmp_path)
    open_and_count(qtbot, window, path)
    qtbot.mouseClick(window.import_page.import_button, Qt.MouseButton.LeftButton)
    confirm = confirm_dialog()
    qtbot.keyClicks(confirm.findChild(QLineEdit, "confirmCountEdit"), "4")
    qtbot.mouseClick(confirm.findChild(QPushButton, "beginImportButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "completed" in window.import_page.result_label.text(), timeout=WAIT)

    more = path.with_name("igen.csv")  # two known, one new, and a repeat
    more.write_text(
        "Navn;E-mail\nSøren;soeren@firma.dk\nOle;ole@firma.dk\nJens;jens@firma.dk\n"
        "Ole igen;OLE@FIRMA.DK\nTom;\n",
        encoding="utf-8",
    )
    open_and_count(qtbot, window, more)
    model = window.import_page.table.model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "What happens to the row"
    fates = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert fates == [
        "Already suppressed.",
        "New: not suppressed yet.",
        "Already suppressed.",
        "Repeats the address in row 3.",
        "The cell is blank.",
    ]
    red = model.data(model.index(3, 0), Qt.ItemDataRole.ForegroundRole).color()
    assert red.red() > red.green()  # a row left out stands out
    qtbot.mouseClick(window.import_page.import_button, Qt.MouseButton.LeftButton)
    confirm = confirm_dialog()
    qtbot.keyClicks(confirm.findChild(QLineEdit, "confirmCountEdit"), "3")
    qtbot.mouseClick(confirm.findChild(QPushButton, "beginImportButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "completed" in window.import_page.result_label.text(), timeout=WAIT)
    assert model.data(model.index(1, 0)) == "Suppressed by this import."  # no longer "New"
    assert model.data(model.index(0, 0)) == "Already suppressed."
    window.import_page.column_combo.setCurrentIndex(0)  # the names: counted again
    assert model.data(model.index(0, 0)) == ""  # no fates of the last count meanwhile
    qtbot.waitUntil(lambda: window.import_page.plan_error is not None, timeout=WAIT)


def test_a_wrong_guess_of_how_to_read_the_file_can_be_corrected(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_count(qtbot, window, danish_excel_file(tmp_path))
    assert (
        window.import_page.table.model().data(window.import_page.table.model().index(0, 1))
        == "Søren"
    )
    options = window.import_page.read_options
    latin = options.encoding.findData("cp850")  # a DOS code page: the letters come out wrong
    options.encoding.setCurrentIndex(latin)
    options.encoding.activated.emit(latin)
    qtbot.waitUntil(lambda: "DOS" in window.import_page.file_status.text(), timeout=WAIT)
    wait_idle(qtbot, window)
    assert (
        window.import_page.table.model().data(window.import_page.table.model().index(0, 1))
        != "Søren"
    )
    options.header.click()  # "the first row holds the column names": now it does not
    qtbot.waitUntil(lambda: "no header row" in window.import_page.file_status.text(), timeout=WAIT)
    wait_idle(qtbot, window)
    assert window.import_page.table.model().rowCount() == 7  # the header row is data now
    windows = options.encoding.findData("cp1252")
    options.encoding.setCurrentIndex(windows)
    options.encoding.activated.emit(windows)
    qtbot.waitUntil(lambda: "Windows-1252" in window.import_page.file_status.text(), timeout=WAIT)
    wait_idle(qtbot, window)
    assert (
        window.import_page.table.model().data(window.import_page.table.model().index(1, 1))
        == "Søren"
    )


def test_after_the_sample_open_file_starts_in_the_users_folder_not_the_programs(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    page = window.import_page
    page.open_sample()
    qtbot.waitUntil(lambda: page.plan is not None, timeout=WAIT)
    page.choose_file()
    program = Path(optout_desktop.__file__).resolve().parent  # its resources folder inside
    assert questions.opened_in and not questions.opened_in[-1].startswith(str(program))


def test_the_counts_and_the_result_use_singular_and_plural(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "one.csv"
    path.write_text("Email\none@firma.dk\nnot an address\n", "utf-8")
    open_and_count(qtbot, window, path)
    text = window.import_page.counts_label.text()
    assert "1 addresses" not in text and "1 invalid" in text, text
    assert "contact(s)" not in text


def test_the_sample_is_tried_but_never_written_to_the_list(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions
) -> None:
    page = window.import_page
    page.open_sample()
    qtbot.waitUntil(lambda: page.plan is not None, timeout=WAIT)
    wait_idle(qtbot, window)
    assert page.plan.counts.valid == 7  # the steps work on it: read, see, count
    assert not page.import_button.isEnabled()
    assert "nothing from it is ever written" in page.result_label.text()
    page.confirm_import()  # Ctrl+I or a stale button: still nothing
    assert questions.messages[-1][0] == "info" and "sample" in questions.messages[-1][2]
    assert Suppression.select().count() == 0 and ImportRun.select().count() == 0


def test_a_refused_file_clears_the_last_files_table_and_counts(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    page = window.import_page
    open_and_count(qtbot, window, danish_excel_file(tmp_path))
    assert page.counts_label.text() and page.table.model() is not None
    empty = tmp_path / "empty.csv"
    empty.write_text("", "utf-8")
    window.open_file(empty)
    qtbot.waitUntil(lambda: bool(questions.messages), timeout=WAIT)
    assert questions.messages[-1][0] == "warning"
    assert page.plan is None and page.source is None and page.counts_label.text() == ""
    assert page.table_stack.currentWidget() is page.empty_state
    assert page.column_combo.count() == 0 and not page.import_button.isEnabled()


def test_a_wrong_typed_count_says_why_and_the_new_ones_alone_are_explained(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    Suppression.create(email="jens@firma.dk", reason="manual")  # 1 of the file's 4 is known
    open_and_count(qtbot, window, danish_excel_file(tmp_path))
    counts = window.import_page.plan.counts
    assert (counts.valid, counts.new) == (4, 3)
    qtbot.mouseClick(window.import_page.import_button, Qt.MouseButton.LeftButton)
    dialog = confirm_dialog()
    hint = dialog.findChild(QLabel, "confirmDialogMismatchLabel")
    assert not hint.isVisible()
    dialog.findChild(QLineEdit, "confirmCountEdit").setText("8")
    assert hint.isVisible() and "You typed 8; the file has 4 addresses" in hint.text()
    dialog.findChild(QLineEdit, "confirmCountEdit").setText("3")  # the new ones only
    assert "already suppressed" in hint.text()
    dialog.findChild(QLineEdit, "confirmCountEdit").setText("4")
    assert not hint.isVisible() and dialog.findChild(QPushButton, "beginImportButton").isEnabled()
    dialog.reject()


def test_a_file_already_suppressed_in_full_needs_no_import(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    for email in ("soeren@firma.dk", "aase@firma.dk", "jens@firma.dk", "niels@blåbær.dk"):
        Suppression.create(email=email, reason="manual")
    open_and_count(qtbot, window, danish_excel_file(tmp_path))
    assert (
        "already suppressed; there is nothing to import" in window.import_page.result_label.text()
    )
    assert not window.import_page.import_button.isEnabled()


def test_the_result_names_the_business_unit(qtbot: QtBot, window: MainWindow, tmp_path: Path):
    from optout_desktop.core.rules import business_units

    business_units.add_unit("Butik")
    window.refresh_units()
    window.unit_combo.setCurrentIndex(window.unit_combo.findText("Butik"))
    open_and_count(qtbot, window, danish_excel_file(tmp_path))
    qtbot.mouseClick(window.import_page.import_button, Qt.MouseButton.LeftButton)
    dialog = confirm_dialog()
    dialog.findChild(QLineEdit, "confirmCountEdit").setText("4")
    qtbot.mouseClick(dialog.findChild(QPushButton, "beginImportButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "completed" in window.import_page.result_label.text(), timeout=WAIT)
    assert "Butik" in window.import_page.result_label.text()


def test_an_ses_file_without_a_header_imports_with_its_reasons_and_the_combo_overrides(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "ses.csv"
    path.write_text("a@firma.dk,BOUNCE\nb@firma.dk,COMPLAINT\nc@firma.dk,BOUNCE\n", "utf-8")
    open_and_count(qtbot, window, path)
    page = window.import_page
    assert page.plan.counts.valid == 3  # the first row is data: it holds an address
    assert page.plan.counts.by_reason == {"bounced": 2, "spam": 1}
    assert "bounced 2" in page.counts_label.text() and "spam report 1" in page.counts_label.text()
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = confirm_dialog()
    assert dialog.findChild(QLabel, "reasonCount_bounced").text() == "2"
    dialog.findChild(QLineEdit, "confirmCountEdit").setText("3")
    qtbot.mouseClick(dialog.findChild(QPushButton, "beginImportButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "completed" in page.result_label.text(), timeout=WAIT)
    assert {s.email: s.reason for s in Suppression.select()} == {
        "a@firma.dk": "bounced",
        "b@firma.dk": "spam",
        "c@firma.dk": "bounced",
    }
    plain = tmp_path / "plain.csv"
    plain.write_text("Email\nd@firma.dk\n", "utf-8")
    open_and_count(qtbot, window, plain)
    page.reason_combo.setCurrentIndex(page.reason_combo.findData("unsubscribed"))
    qtbot.waitUntil(lambda: page.plan is not None, timeout=WAIT)
    assert page.plan.counts.by_reason == {"unsubscribed": 1}


def test_long_addresses_in_the_samples_never_widen_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
):
    """A widened window is redrawn whole (a stall) and can be pushed past a small screen."""
    long = [f"{'very.long.name.' * 6}{n}@{'subdomain.' * 4}firma.dk" for n in range(5)]
    long[0] = f"Jens Hansen <{long[0]}>"  # shown as it is, not taken for a tag
    path = tmp_path / "long.csv"
    path.write_text("Email\n" + "\n".join(long) + "\n", encoding="utf-8")
    window.resize(1000, 650)
    qtbot.waitUntil(lambda: window.width() == 1000, timeout=WAIT)
    narrowest = window.minimumSizeHint().width()
    open_and_count(qtbot, window, path)
    assert window.minimumSizeHint().width() == narrowest and window.width() == 1000
    samples = window.import_page.samples_label
    assert long[0] in samples.text() and samples.textFormat() == Qt.TextFormat.PlainText
    assert samples.toolTip() == f"<p>{html.escape(samples.text())}</p>"  # whole on hovering
