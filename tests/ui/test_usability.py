"""What a non-technical user expects: a first screen that explains itself, the keyboard alone,
a screen reader, menus with About and the log folder, and no English left in Danish."""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from optout_desktop.core import folders
from optout_desktop.core.db.models import Suppression
from optout_desktop.ui import language
from optout_desktop.ui.import_page import SAMPLE
from optout_desktop.ui.main_window import MainWindow
from tests.ui.helpers import (
    WAIT,
    ScriptedQuestions,
    big_file,
    danish_excel_file,
    visible_texts,
    wait_idle,
)

TS = Path(language.__file__).resolve().parent.parent / "resources/translations/optout_da.ts"


def same_in_both() -> set[str]:
    """Texts whose Danish is the English (names, "DOS (CP850)"): allowed in the Danish window."""
    same = {"OptOut Desktop", "Dansk", "English"}
    for message in ET.parse(TS).getroot().iter("message"):
        if message.findtext("source") == message.findtext("translation"):
            same.add(re.sub(r"&(?=\w)", "", message.findtext("source") or ""))
    return same


def make_window(qtbot: QtBot, db_path: Path, tmp_path: Path, name: str = "s.ini") -> MainWindow:
    settings = QSettings(str(tmp_path / name), QSettings.Format.IniFormat)
    window = MainWindow(db_path, settings, ScriptedQuestions())  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    return window


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface else ""


def controls(root: QWidget) -> list[QWidget]:
    """The widgets a keyboard user can reach: visible and taking focus."""
    return [
        widget
        for widget in root.findChildren(QWidget)
        if widget.isVisibleTo(root)
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not widget.objectName().startswith("qt_")
        and type(widget).__name__ not in {"QScrollBar", "QTabBar", "QMenuBar"}
        and not isinstance(widget.parent(), QComboBox)
    ]


def test_the_first_screen_says_what_to_do_and_offers_the_sample(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path
) -> None:
    window = make_window(qtbot, db_path, tmp_path)
    assert window.import_page.table_stack.currentWidget() is window.import_page.empty_state
    assert window.import_page.empty_state.sample_button.isVisible()
    qtbot.mouseClick(window.import_page.empty_state.sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.import_page.plan is not None, timeout=WAIT)
    wait_idle(qtbot, window)
    assert window.import_page.table_stack.currentWidget() is window.import_page.table
    assert window.import_page.column_combo.currentText() == "E-mailadresse"
    assert window.import_page.plan is not None and window.import_page.plan.counts.valid > 0
    assert SAMPLE.is_file()


def test_the_whole_import_with_the_keyboard_alone(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path
) -> None:
    window = make_window(qtbot, db_path, tmp_path)
    window.questions.next_open = danish_excel_file(tmp_path)  # type: ignore[attr-defined]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.import_page.plan is not None, timeout=WAIT)
    wait_idle(qtbot, window)

    # Tab from the email column reaches the import button, the window's default button.
    window.import_page.column_combo.setFocus()
    for _ in range(12):
        if QApplication.focusWidget() is window.import_page.import_button:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.import_page.import_button
    qtbot.keyClick(window.import_page.import_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=WAIT)
    dialog = QApplication.activeModalWidget()
    assert dialog.objectName() == "confirmDialog"
    edit = dialog.findChild(QLineEdit, "confirmCountEdit")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=WAIT)
    qtbot.keyClicks(edit, "4")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "completed" in window.import_page.result_label.text(), timeout=WAIT)
    assert Suppression.select().count() == 4

    # Ctrl+L jumps to the look-up field.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.lookup


def test_every_control_has_a_name_a_screen_reader_can_say(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path
) -> None:
    window = make_window(qtbot, db_path, tmp_path)
    window.open_file(danish_excel_file(tmp_path))
    qtbot.waitUntil(lambda: window.import_page.plan is not None, timeout=WAIT)
    wait_idle(qtbot, window)
    nameless = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        nameless += [
            f"{type(w).__name__} {w.objectName()}"
            for w in controls(window)
            if not accessible_name(w)
        ]
    assert not sorted(set(nameless))


def test_about_and_the_log_folder(qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path) -> None:
    window = make_window(qtbot, db_path, tmp_path)
    help_menu = window.findChild(QMenu, "helpMenu")
    actions = {a.text().replace("&", ""): a for a in help_menu.actions()}
    actions["About OptOut Desktop"].trigger()
    about = window.findChild(QMessageBox, "aboutBox")
    qtbot.waitUntil(about.isVisible, timeout=WAIT)
    from optout_desktop import __version__

    assert __version__ in about.text()
    assert str(db_path) in about.informativeText()
    about.close()
    actions["Open log folder"].trigger()
    assert window.questions.messages[-1] == ("folder", "", str(folders.log_folder()))  # type: ignore[attr-defined]
    assert folders.log_folder().is_dir()


def test_size_and_place_are_remembered(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path
) -> None:
    window = make_window(qtbot, db_path, tmp_path)
    window.resize(1000, 650)  # the offscreen screen is 800 wide: only the height is kept as is
    window.close()
    again = make_window(qtbot, db_path, tmp_path)
    assert again.height() == 650  # a first start gets 720


@pytest.fixture
def danish() -> Any:
    app = QApplication.instance()
    assert language.install(app, "da")
    yield
    language.install(app, "en")


def seed_every_kind(tmp_path: Path) -> int:
    """Something for every dialog and every kind of history entry to show: an import of 1,200
    addresses (counts with thousands), contacts, a business unit with an opt-out of its own,
    a whole domain, opt-outs by hand (one lifted), deleted contacts. Returns the import's id."""
    from optout_desktop.core.contacts import contact_import, deleting
    from optout_desktop.core.optouts import by_hand, domains, imports, lift
    from optout_desktop.core.reading.sources import open_source
    from optout_desktop.core.rules import business_units

    people = tmp_path / "kontakter.csv"
    people.write_text("email\na@firma.dk\nb@firma.dk\nc@kunde.dk\n", "utf-8")
    contact_import.import_contacts(open_source(people), "email")
    listed = tmp_path / "mange.csv"
    rows = "".join(f"p{n}@liste.dk\n" for n in range(1_200))
    listed.write_text("email\na@firma.dk\n" + rows + "ugyldig\n", "utf-8")
    run = imports.run_optouts(imports.plan_optouts(open_source(listed), "email"), 1_201)
    business_units.add_unit("Butik")
    by_hand.add_manual("butik@firma.dk", business_units.scope_id("Butik"))
    domains.add_domain("@kunde.dk")
    by_hand.add_manual("x@firma.dk", 0)
    by_hand.add_manual("y@firma.dk", 0)
    lift.lift_manual("y@firma.dk", 0, "consent", "Asked to be written to")
    deleting.delete_contacts([1])
    return int(run.id)


def wait_open(qtbot: QtBot, window: MainWindow, name: str) -> None:
    qtbot.waitUntil(lambda: window.findChild(QWidget, name) is not None, timeout=WAIT)
    wait_idle(qtbot, window)


def open_every_dialog(qtbot: QtBot, window: MainWindow, import_id: int, tmp_path: Path) -> set[str]:
    """Every dialog of the window, with what it shows; and the texts of the questions the
    window asked (save dialogs' names and file types, choose database). Returns the latter."""
    wait_idle(qtbot, window)
    questions = window.questions
    assert isinstance(questions, ScriptedQuestions)
    window.import_page.confirm_import()
    window.manage_units()
    window.show_about()
    for entry, name in (
        ("a@firma.dk", "lookupDialog"),
        ("butik@firma.dk", "lookupDialog"),  # opted out for Butik only: the note says so
        ("@kunde.dk", "domainDialog"),
    ):
        window.lookup.dialog = None
        window.lookup.look_up(entry)
        qtbot.waitUntil(lambda: window.lookup.dialog is not None, timeout=WAIT)
        assert window.lookup.dialog.objectName() == name
    window.lookup._ask_one_to_one("b@firma.dk")
    window.history_page.undo(import_id)
    wait_open(qtbot, window, "undoDialog")
    people = tmp_path / "flere.csv"
    people.write_text("Fornavn;E-mail\nJens;jens@firma.dk\n", "utf-8")
    window.contacts_page.open_file(people)
    wait_open(qtbot, window, "contactsImportDialog")
    window.hand_made.block_domain("@firma.dk")
    wait_open(qtbot, window, "blockDomainDialog")
    window.hand_made.add_by_hand("ny@kunde.dk")
    wait_open(qtbot, window, "byHandDialog")
    window.hand_made.lift("x@firma.dk", 0, "Whole account")
    wait_open(qtbot, window, "liftDialog")
    questions.next_save = None  # the save dialogs are asked, then cancelled
    window.export_suppressions()
    window.history_page.save_errors(import_id)
    window.choose_database()
    for name in ("confirmDialog", "unitsDialog", "aboutBox", "oneToOneDialog"):
        assert window.findChild(QWidget, name) is not None, name
    asked = {text for save in questions.saves for text in save[:2]}
    asked |= {text for save in questions.saves for text in save[2].split(";;")}
    asked |= {text for pair in questions.asked for text in pair}
    asked |= {text for message in questions.messages for text in message[1:]}
    # Every entry of the history, in the details under the table.
    page = window.history_page
    for row in range(page.model.rowCount()):
        page.table.selectRow(row)
        asked.add(page.details.text())
    return {
        " ".join(re.sub(r"<[^>]+>|&(?=\w)", " ", text.replace("&nbsp;", " ")).split())
        for text in asked
    }


def danish_vocabulary() -> set[str]:
    """Every word of the Danish translation (and of Qt's own words that stay as they are)."""
    texts = [t.text or "" for t in ET.parse(TS).getroot().iter("translation")]
    texts += [t.text or "" for t in ET.parse(TS).getroot().iter("numerusform")]
    return {word.lower() for text in texts for word in WORD.findall(text)}


WORD = re.compile(r"[A-Za-zÆØÅæøåé]{3,}")
# What a text shows of the data or the computer (addresses, domains, paths, file names):
# the same in every language, so not the app's words.
DATA = re.compile(
    r"\S*@\S*|\*\.\S+|/\S+|\S+\.(?:csv|xlsx|sqlite3)\b|<[^>]+>|&nbsp;|\b[0-9a-f]{16,}\b"
)


def english_words_in(texts: set[str], english_only: set[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for text in texts:
        words = {w for w in WORD.findall(DATA.sub(" ", text)) if w.lower() in english_only}
        if words:
            found[text] = sorted(words)
    return found


def test_no_english_is_left_in_the_danish_window(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path
) -> None:
    """Every dialog, every history entry, every question: in Danish, no English word, no
    number written 1,200 and no date written 2026-12-05 (the undo dialog said
    "Forretningsenhed: Whole account" and an ISO date; History said 1,200)."""
    import getpass
    import socket

    import_id = seed_every_kind(tmp_path)
    english = make_window(qtbot, db_path, tmp_path, "en.ini")
    english.open_file(danish_excel_file(tmp_path))
    qtbot.waitUntil(lambda: english.import_page.plan is not None, timeout=WAIT)
    asked_in_english = open_every_dialog(qtbot, english, import_id, tmp_path)
    english_texts = visible_texts(english) | asked_in_english
    english.close()

    app = QApplication.instance()
    assert language.install(app, "da")
    try:
        window = make_window(qtbot, db_path, tmp_path, "da.ini")
        window.open_file(danish_excel_file(tmp_path))
        qtbot.waitUntil(lambda: window.import_page.plan is not None, timeout=WAIT)
        wait_idle(qtbot, window)
        asked_in_danish = open_every_dialog(qtbot, window, import_id, tmp_path)
        danish_texts = visible_texts(window) | asked_in_danish
        window.close()
    finally:
        language.install(app, "en")
    left = {
        text
        for text in english_texts & danish_texts
        if re.search(r"[A-Za-z]{3,}", text)
        and text not in same_in_both()
        and "@" not in text
        and not text.endswith((".csv", ".sqlite3"))
    }
    # What the file holds (column names, cells) is the same in both: it is not the app's text.
    file_text = {"Fornavn", "Efternavn", "E-mailadresse", "By", "E-mail", "Butik"}
    assert not sorted(left - file_text)

    # No English word inside a Danish text either ("Forretningsenhed: Whole account").
    computer = {getpass.getuser(), *re.split(r"[.\-]", socket.gethostname())}
    # The files' own words (column names, cells), the computer's names, what seed_every_kind
    # typed as an explanation, and the names of the languages.
    files = " ".join(p.read_text("cp1252") for p in (danish_excel_file(tmp_path),))
    data = {w.lower() for w in WORD.findall(files)} | {"email", "english", "dansk"}
    data |= {w.lower() for w in file_text | computer | {"Asked", "written"}}
    english_only = {w.lower() for t in english_texts for w in WORD.findall(DATA.sub(" ", t))}
    english_only -= danish_vocabulary() | data
    assert not english_words_in(danish_texts, english_only)
    # Numbers and dates as Danish writes them: 1.200 and 05.12.2026, never 1,200 or 2026-12-05.
    assert "1.201" in " ".join(danish_texts)  # the counts were there to be seen
    assert not [t for t in danish_texts if re.search(r"\b\d{1,3}(?:,\d{3})+\b", t)]
    assert not [t for t in danish_texts if re.search(r"\b\d{4}-\d{2}-\d{2}", DATA.sub(" ", t))]


def test_choosing_a_language_reopens_the_window_in_it(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path
) -> None:
    from optout_desktop import app as desktop

    application = QApplication.instance()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = desktop.open_window(application, db_path, settings)
    first.show()
    first.open_file(danish_excel_file(tmp_path))
    qtbot.waitUntil(lambda: first.import_page.plan is not None, timeout=WAIT)
    wait_idle(qtbot, first)
    try:
        first.choose_language("da")
        danish_window = desktop._windows[0]
        assert danish_window is not first and danish_window.isVisible()
        assert danish_window.import_page.import_button.text() == "Importér…"
        assert settings.value(language.SETTING) == "da"
        # The file that was open is open again.
        qtbot.waitUntil(lambda: danish_window.import_page.plan is not None, timeout=WAIT)
        wait_idle(qtbot, danish_window)
        danish_window.choose_language("en")
        assert desktop._windows[0].import_page.import_button.text() == "Import…"
    finally:
        language.install(application, "en")
        for window in desktop._windows:
            window.close()


def test_the_overview_tab_follows_imports(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path
) -> None:
    from optout_desktop.core.optouts import imports
    from optout_desktop.core.reading.sources import open_source

    window = make_window(qtbot, db_path, tmp_path)
    qtbot.waitUntil(lambda: window.overview_widget.overview() is not None, timeout=WAIT)
    assert window.overview_widget.overview().is_empty
    path = danish_excel_file(tmp_path)
    imports.run_optouts(imports.plan_optouts(open_source(path), "E-mailadresse"), 4)
    window.refresh_totals()
    qtbot.waitUntil(lambda: window.overview_widget.overview().total == 4, timeout=WAIT)
    window.tabs.setCurrentIndex(3)
    assert "4" in window.overview_widget.accessibleDescription()
    assert not window.overview_widget.grab().toImage().isNull()


def test_choosing_another_database_reopens_the_window_on_it(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path
) -> None:
    from optout_desktop import app as desktop
    from optout_desktop.core.db import models, opening

    application = QApplication.instance()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = desktop.open_window(application, db_path, settings)
    first.questions = ScriptedQuestions()
    other = tmp_path / "team.sqlite3"
    first.questions.texts = [str(other)]
    try:
        first.choose_database()
        again = desktop._windows[0]
        assert again is not first and Path(again.db_path) == other
        assert settings.value(desktop.DATABASE_SETTING) == str(other)
        assert Path(models.database.obj.database) == other
    finally:
        for window in desktop._windows:
            window.close()
        opening.open_database(db_path)


def test_choosing_a_database_while_a_job_runs_says_to_wait(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path
) -> None:
    """File › Choose database… while the worker was busy did nothing and said nothing."""
    window = make_window(qtbot, db_path, tmp_path)
    chosen: list[str] = []
    window.database_chosen.connect(chosen.append)
    window.questions.texts = [str(tmp_path / "other.sqlite3")]  # type: ignore[attr-defined]
    window.open_file(big_file(tmp_path, 300_000))
    assert window.jobs.busy
    window.choose_database()
    assert window.questions.messages[-1] == (  # type: ignore[attr-defined]
        "info",
        "Choose database",
        "Wait for the running job to finish, then choose the database.",
    )
    wait_idle(qtbot, window)
    assert not chosen
    window.choose_database()  # now it asks, and the app opens the other database
    assert chosen == [str(tmp_path / "other.sqlite3")]


def test_a_change_by_a_colleague_after_the_counts_is_reported(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path
) -> None:
    from optout_desktop.core.optouts import by_hand

    window = make_window(qtbot, db_path, tmp_path)
    window.open_file(danish_excel_file(tmp_path))
    qtbot.waitUntil(lambda: window.import_page.plan is not None, timeout=WAIT)
    wait_idle(qtbot, window)
    assert window.import_page.plan is not None and window.import_page.plan.counts.new == 4
    by_hand.add_manual("jens@firma.dk", 0)  # a colleague, on the shared list, meanwhile
    window.import_page.confirm_import()
    dialog = window.import_page._dialog
    dialog.count_edit.setText("4")
    dialog.accept()
    qtbot.waitUntil(lambda: "completed" in window.import_page.result_label.text(), timeout=WAIT)
    assert "3 were" in window.import_page.result_label.text()
    assert "4 addresses were to be new" in window.import_page.result_label.text()


def test_a_long_export_shows_progress_and_can_be_cancelled(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path
) -> None:
    from optout_desktop.core.errors import Cancelled
    from optout_desktop.core.optouts import exports, imports
    from optout_desktop.core.reading.sources import open_source

    big = tmp_path / "big.csv"
    big.write_text("email\n" + "".join(f"p{n}@firma.dk\n" for n in range(25_000)), "utf-8")
    plan = imports.plan_optouts(open_source(big), "email")
    imports.run_optouts(plan, 25_000)
    steps: list[int] = []
    cancel = threading.Event()

    def progress(step: Any) -> None:
        steps.append(step.done)
        cancel.set()  # the user presses Cancel after the first 10,000 rows

    out = tmp_path / "export.csv"
    with pytest.raises(Cancelled):
        exports.export_suppressions(out, None, progress, cancel)
    assert steps == [10_000] and not out.exists()
    assert not list(tmp_path.glob(".export.csv*"))  # no half-written file left behind

    window = make_window(qtbot, db_path, tmp_path)
    window.questions.next_save = out  # type: ignore[attr-defined]
    window.questions.next_type = 1  # type: ignore[attr-defined]  # the comma CSV (English)
    window.export_suppressions()
    assert window.job_status.cancel_button.isVisible()
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=WAIT)
    assert out.exists()


@pytest.mark.parametrize("code", ["en", "da"])
def test_the_window_fits_a_1024_pixel_screen_with_million_sized_totals(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path, code: str
) -> None:
    """A laptop at 1024×768 shows the whole window, in either language, however long the
    totals grow (the top bar once made the window 1,199 pixels wide at its narrowest)."""
    app = QApplication.instance()
    assert language.install(app, code)
    try:
        window = make_window(qtbot, db_path, tmp_path, f"{code}.ini")
        wait_idle(qtbot, window)
        qtbot.waitUntil(lambda: bool(window.suppressed_label.text()), timeout=WAIT)
        big = language.number(1_048_576)
        window.billable_label.setText(window.billable_label.text().replace("0", big))
        window.suppressed_label.setText(window.suppressed_label.text().replace("0", big))
        assert big in window.suppressed_label.text()
        window.centralWidget().layout().activate()
        assert window.minimumSizeHint().width() <= 1024
        assert window.minimumSizeHint().height() <= 700
        window.close()
    finally:
        language.install(app, "en")
