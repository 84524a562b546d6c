"""The window's cleaning page: a Danish Excel list counted row by row, the left-out filter, the
cleaned file byte for byte, the left-out rows in the window's language, the business unit,
a workbook, cancelling, and the history; the suppression list never changes."""

from __future__ import annotations

import codecs
import csv
import io
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from optout_desktop.core.db.models import ACCOUNT, Suppression
from optout_desktop.core.optouts import by_hand, domains, imports
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units
from optout_desktop.ui import language, remembered_folders
from optout_desktop.ui.cleaning_page import CleaningPage
from optout_desktop.ui.main_window import MainWindow
from tests.helpers import outside_rows, table_counts, write_rows
from tests.ui.helpers import WAIT, ScriptedQuestions, big_file, wait_idle

HEADER = "Navn;E-mail;By"
ROWS = [  # a Danish Excel list: (its line, its fate for the whole account)
    ("Anna Ærø;anna@kunde.dk;Århus", "May be emailed."),
    ("Konto;konto@firma.dk;Odense", "Suppressed: opted out for the whole account."),
    ("Enhed;enhed@firma.dk;Skive", "May be emailed."),  # opted out for Brand B only
    ("Konkurrent;salg@konkurrent.dk;Hald", "Suppressed: the whole domain is opted out."),
    ("Retur;bounce@firma.dk;Vejle", "Suppressed: bounced."),
    ("Tom;;Tønder", "The cell is blank."),
    ("Forkert;ikke en adresse;Løgstør", "Invalid: "),
    ("Igen; Anna@Kunde.DK ;Århus", "Repeats the address in row 2."),
    ("Søren;soeren@firma.dk;Køge", "May be emailed."),
]
KEPT = [n for n, (_line, fate) in enumerate(ROWS) if fate == "May be emailed."]


def mailing_list(folder: Path, name: str = "udsendelse.csv") -> Path:
    """The list as Danish Excel saves it: Windows-1252, semicolons, CRLF."""
    path = folder / name
    path.write_bytes(
        "".join(f"{line}\r\n" for line in [HEADER, *(r[0] for r in ROWS)]).encode("cp1252")
    )
    return path


@pytest.fixture
def brand_b(db: Any, tmp_path: Path) -> int:
    """Opt-outs of every kind: for the account (by an import, so import #1 exists), for Brand
    B only, a whole domain, and a bounce."""
    unit = int(business_units.add_unit("Brand B").id)
    listed = write_rows(tmp_path / "optouts.csv", ["email"], [["konto@firma.dk"]])
    imports.import_optouts(open_source(listed), "email", 1)
    by_hand.add_manual("enhed@firma.dk", unit)
    domains.add_domain("@konkurrent.dk")
    Suppression.create(email="bounce@firma.dk", reason="bounced")
    return unit


def page_of(window: MainWindow) -> CleaningPage:
    window.tabs.setCurrentWidget(window.cleaning_page)
    return window.cleaning_page


def open_and_count(qtbot: QtBot, window: MainWindow, path: Path) -> CleaningPage:
    page = page_of(window)
    page.open_new(path)
    qtbot.waitUntil(lambda: page.cleaning is not None or page.count_error is not None, timeout=WAIT)
    wait_idle(qtbot, window)
    assert page.count_error is None
    return page


def fate_column(page: CleaningPage) -> list[str]:
    model = page.table.model()
    return [str(model.data(model.index(row, 0))) for row in range(model.rowCount())]


def row_numbers(page: CleaningPage) -> list[int]:
    model = page.table.model()
    return [int(model.headerData(row, Qt.Orientation.Vertical)) for row in range(model.rowCount())]


def list_rows(db_path: Path) -> list[tuple[Any, ...]]:
    """The suppression list and the contacts as another program reads them."""
    return [
        *outside_rows(db_path, "SELECT email, scope_id, reason, created_at FROM suppression"),
        *outside_rows(db_path, "SELECT email, first_name, created_at FROM contact"),
    ]


def wait_saved(qtbot: QtBot, window: MainWindow, page: CleaningPage) -> None:
    qtbot.waitUntil(lambda: not page.saving(), timeout=WAIT)
    wait_idle(qtbot, window)


def test_a_danish_excel_list_is_cleaned_and_saved_byte_for_byte(
    qtbot: QtBot,
    brand_b: int,
    window: MainWindow,
    questions: ScriptedQuestions,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(remembered_folders, "temporary_folders", lambda: [])  # tmp_path is one
    before, before_counts = list_rows(db_path), table_counts(db_path)
    path = mailing_list(tmp_path)
    original = path.read_bytes()
    page = open_and_count(qtbot, window, path)

    assert page.column_combo.currentText() == "E-mail"
    counts = page.counts_label.text()
    for words in (
        "<b>3 rows may be emailed.</b>",
        "3 suppressed (1 opted out for the whole account, 1 in a whole domain that is opted "
        "out, 1 bounced).",
        "Left out: 1 invalid row, 1 blank row, 1 repeated row.",
        "9 rows read, for the whole account.",
    ):
        assert words in counts
    fates = fate_column(page)
    assert [fate[: len(want)] for fate, (_line, want) in zip(fates, ROWS, strict=True)] == [
        want for _line, want in ROWS
    ]
    assert len(fates[6]) > len("Invalid: ")  # it says why
    widest = max(page.table.fontMetrics().horizontalAdvance(fate) for fate in fates[:6])
    assert page.table.horizontalHeader().sectionSize(0) > widest  # sized once worded: not cut
    assert row_numbers(page) == list(range(2, 11))
    model = page.table.model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "What happens to the row"
    assert [model.data(model.index(0, c)) for c in range(1, 4)] == [
        "Anna Ærø",
        "anna@kunde.dk",
        "Århus",
    ]

    # Only the rows left out.
    page.left_out_only.click()
    qtbot.waitUntil(lambda: page.table.model() is page.left_model, timeout=WAIT)
    assert row_numbers(page) == [n + 2 for n in range(len(ROWS)) if n not in KEPT]
    assert "May be emailed." not in fate_column(page)
    assert fate_column(page)[0] == ROWS[1][1]
    page.left_out_only.click()
    assert page.table.model() is page.model and len(fate_column(page)) == len(ROWS)

    # The cleaned file: the original's header and kept rows, byte for byte.
    questions.next_save = tmp_path / "til-mailchimp.csv"
    page.save_button.click()
    title, suggested, types = questions.saves[-1]
    assert Path(suggested) == tmp_path / "udsendelse-cleaned.csv"  # beside it, never over it
    assert types.split(";;")[0].endswith("(*.csv)") and types.split(";;")[1].endswith("(*.xlsx)")
    wait_saved(qtbot, window, page)
    lines = original.split(b"\r\n")
    assert (tmp_path / "til-mailchimp.csv").read_bytes() == b"".join(
        line + b"\r\n" for line in [lines[0], *(lines[1 + n] for n in KEPT)]
    )
    assert path.read_bytes() == original
    assert "3 rows that may be emailed" in page.result_label.text()
    assert "kept in the history (#1)" in page.result_label.text()

    # The left-out rows, with their row numbers and why.
    questions.next_save = tmp_path / "udeladt"
    page.left_out_button.click()
    assert Path(questions.saves[-1][1]) == tmp_path / "udsendelse-left-out.csv"
    wait_saved(qtbot, window, page)
    raw = (tmp_path / "udeladt.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    table = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    assert table[0] == ["Row", "Reason", "Navn", "E-mail", "By"]
    assert [(int(row[0]), row[1][:9]) for row in table[1:]] == [
        (n + 2, ROWS[n][1][:9]) for n in range(len(ROWS)) if n not in KEPT
    ]
    assert "6 rows left out" in page.result_label.text()

    # The suppression list is as it was; the cleaning is in the history, with no undo.
    assert list_rows(db_path) == before
    assert table_counts(db_path) == {**before_counts, "cleaning_run": 1}
    history = window.history_page
    run = history.model.run_at(0)
    assert (run["kind"], run["id"]) == ("cleaned", 1)  # the same number as import #1
    assert history.model.kind_text(run) == "Cleaned list"
    history.select_import(1, "cleaned")
    assert not history.undo_button.isEnabled() and not history.errors_button.isEnabled()
    details = history.details.text()
    assert "Rows that may be emailed:</b>&nbsp;3" in details
    assert "Suppressed as bounced:</b>&nbsp;1" in details and "udsendelse.csv" in details
    history.select_import(1, "optouts")
    assert history.undo_button.isEnabled()


def test_the_business_unit_chosen_is_the_scope(
    qtbot: QtBot, brand_b: int, window: MainWindow, tmp_path: Path
) -> None:
    page = open_and_count(qtbot, window, mailing_list(tmp_path))
    assert page.cleaning is not None and page.cleaning.counts.kept == 3
    window.unit_combo.setCurrentIndex(window.unit_combo.findText("Brand B"))
    qtbot.waitUntil(
        lambda: page.cleaning is not None and page.cleaning.scope_id == brand_b, timeout=WAIT
    )
    wait_idle(qtbot, window)
    assert page.cleaning.counts.kept == 2
    assert "1 opted out for this business unit" in page.counts_label.text()
    assert "for the business unit “Brand B”" in page.counts_label.text()
    assert fate_column(page)[2] == "Suppressed: opted out for this business unit."


def test_a_workbook_gives_a_workbook(
    qtbot: QtBot,
    window: MainWindow,
    questions: ScriptedQuestions,
    brand_b: int,
    tmp_path: Path,
) -> None:
    path = tmp_path / "kunder.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Kunder")
    cells = [line.split(";") for line in [HEADER, *(r[0] for r in ROWS)]]
    for number, row in enumerate(cells):
        sheet.write_row(number, 0, row)
    book.close()
    page = open_and_count(qtbot, window, path)
    assert [fate[:9] for fate in fate_column(page)] == [want[:9] for _line, want in ROWS]
    questions.next_save = tmp_path / "renset"
    page.save_button.click()
    title, suggested, types = questions.saves[-1]
    assert Path(suggested).name == "kunder-cleaned.xlsx" and types == "Excel workbook (*.xlsx)"
    # (a list in a temporary folder, as an attachment is: not beside it, in the documents)
    assert Path(suggested).parent == remembered_folders.default_folder()
    wait_saved(qtbot, window, page)
    saved = openpyxl.load_workbook(tmp_path / "renset.xlsx")
    assert saved.sheetnames == ["Kunder"]
    values = [[cell.value for cell in row] for row in saved["Kunder"].iter_rows()]
    assert values == [cells[0], *(cells[1 + n] for n in KEPT)]


def test_in_danish_the_reasons_names_and_history_are_danish(
    qtbot: QtBot, db_path: Path, brand_b: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings

    monkeypatch.setattr(remembered_folders, "temporary_folders", lambda: [])  # tmp_path is one
    app = QApplication.instance()
    assert language.install(app, "da")
    try:
        questions = ScriptedQuestions()
        settings = QSettings(str(tmp_path / "da.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db_path, settings, questions)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        assert window.tabs.tabText(window.tabs.indexOf(window.cleaning_page)) == (
            "Rens en udsendelsesliste"
        )
        page = open_and_count(qtbot, window, mailing_list(tmp_path))
        assert "<b>3 rækker må få e-mails.</b>" in page.counts_label.text()
        assert fate_column(page)[1] == "Spærret: afmeldt for hele kontoen."
        questions.next_save = tmp_path / "udeladt.csv"
        page.left_out_button.click()
        assert Path(questions.saves[-1][1]).name == "udsendelse-udeladt.csv"
        wait_saved(qtbot, window, page)
        raw = (tmp_path / "udeladt.csv").read_bytes()
        table = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
        assert table[0][:2] == ["Række", "Årsag"]
        assert table[1][1] == "Spærret: afmeldt for hele kontoen."
        assert table[-1][1] == "Gentager adressen i række 2."
        questions.next_save = tmp_path / "renset.csv"
        page.save_button.click()
        assert Path(questions.saves[-1][1]).name == "udsendelse-renset.csv"
        wait_saved(qtbot, window, page)
        assert "Rensningen er registreret i historikken (nr. 1)." in page.result_label.text()
        history = window.history_page
        assert history.model.kind_text(history.model.run_at(0)) == "Renset liste"
        window.close()
    finally:
        language.install(app, "en")


def test_a_big_list_is_shown_lazily_and_a_cancel_says_so(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions, db: Any, tmp_path: Path
) -> None:
    """A long list: the table reads rows as it scrolls and words only the fates it shows; the
    rows left out at its end are found and saved with their row numbers; cancelling the count
    or the save says the cleaning was cancelled, and saves nothing."""
    path = big_file(tmp_path, 300_000)
    with path.open("a", encoding="utf-8") as handle:  # rows 300,002 to 300,004
        handle.write("Again,person1234@example.com\nBlank,\nAgain,PERSON5@example.com\n")
    page = open_and_count(qtbot, window, path)
    model = page.model
    assert model is not None and page.cleaning is not None
    assert page.cleaning.counts.rows == 300_003 and model.rowCount() < 1_000
    assert len(model._texts) < 1_000  # only the rows looked at were worded
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 1_000, timeout=WAIT)
    last = model.rowCount() - 1
    assert model.fate_text(last) == "May be emailed."
    assert model.headerData(last, Qt.Orientation.Vertical) == str(last + 2)

    page.left_out_only.click()
    qtbot.waitUntil(lambda: page.table.model() is page.left_model, timeout=WAIT)
    assert row_numbers(page) == [300_002, 300_003, 300_004]
    expected = [
        "Repeats the address in row 1236.",
        "The cell is blank.",
        "Repeats the address in row 7.",
    ]
    assert fate_column(page) == expected
    questions.next_save = tmp_path / "left.csv"
    page.left_out_button.click()
    wait_saved(qtbot, window, page)
    raw = (tmp_path / "left.csv").read_bytes()
    table = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    assert table == [
        ["Row", "Reason", "name", "email"],
        ["300002", expected[0], "Again", "person1234@example.com"],
        ["300003", expected[1], "Blank", ""],
        ["300004", expected[2], "Again", "PERSON5@example.com"],
    ]
    page.left_out_only.click()

    # Cancel the count while it runs.
    page.start_count()
    qtbot.waitUntil(lambda: window.jobs.running is page._count_job, timeout=WAIT)
    window.job_status.cancel_button.click()
    wait_idle(qtbot, window)
    assert page.counts_label.text() == "The cleaning was cancelled."
    assert page.cleaning is None and not page.save_button.isEnabled()

    # Count again, then cancel the save (as a workbook: a CSV save only moves the copy made
    # while checking, too quick to cancel).
    page.start_count()
    qtbot.waitUntil(lambda: page.cleaning is not None, timeout=WAIT)
    wait_idle(qtbot, window)
    questions.next_save, questions.next_type = tmp_path / "renset.xlsx", 1  # a workbook
    page.save_button.click()
    window.job_status.cancel_button.click()
    wait_saved(qtbot, window, page)
    assert page.result_label.text() == "The cleaning was cancelled; no file was saved."
    assert sorted(p.name for p in tmp_path.glob("renset*")) == []


def test_the_menu_and_a_drop_open_a_list_here(
    qtbot: QtBot, brand_b: int, window: MainWindow, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    questions.next_open = mailing_list(tmp_path)
    action = window.findChild(QAction, "cleanListAction")
    assert action is not None and action.shortcut().toString() == "Ctrl+Shift+O"
    action.trigger()
    page = window.cleaning_page
    assert window.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: page.cleaning is not None, timeout=WAIT)
    wait_idle(qtbot, window)
    assert window.import_page.source is None  # not opened as opt-outs

    other = mailing_list(tmp_path, "anden.csv")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    point, copy = QPoint(10, 10), Qt.DropAction.CopyAction
    none, plain = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    window.dropEvent(QDropEvent(point.toPointF(), copy, mime, none, plain))
    qtbot.waitUntil(
        lambda: page.cleaning is not None and page.cleaning.source.path == other, timeout=WAIT
    )
    wait_idle(qtbot, window)
    assert window.import_page.source is None
    assert page.cleaning.scope_id == ACCOUNT


def test_a_cleaning_the_history_cannot_keep_still_saves_and_says_so(
    qtbot: QtBot,
    brand_b: int,
    window: MainWindow,
    questions: ScriptedQuestions,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A colleague's long write holds the list: the cleaned file is saved all the same, and
    the page says (and asks to be read) that this cleaning is not in the history."""
    monkeypatch.setenv("OPTOUT_LOCK_TIMEOUT_MS", "300")  # (the helper starts after this)
    page = open_and_count(qtbot, window, mailing_list(tmp_path))
    questions.next_save = tmp_path / "renset.csv"
    with closing(sqlite3.connect(db_path, isolation_level=None)) as colleague:
        colleague.execute("BEGIN IMMEDIATE")
        page.save_button.click()
        wait_saved(qtbot, window, page)
        colleague.execute("ROLLBACK")
    assert (tmp_path / "renset.csv").exists()
    assert "could not be kept in the history" in page.result_label.text()
    assert questions.messages[-1][:2] == ("warning", "Not kept in the history")
    assert "another window or program" in questions.messages[-1][2]
    assert window.history_page.model.run_at(0)["kind"] != "cleaned"
