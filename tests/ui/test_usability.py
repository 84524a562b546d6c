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


def open_every_dialog(qtbot: QtBot, window: MainWindow) -> None:
    """The confirmation, business units, About and a look-up: their texts count too."""
    wait_idle(qtbot, window)
    window.import_page.confirm_import()
    window.manage_units()
    window.show_about()
    window.lookup.look_up("jens@firma.dk")
    qtbot.waitUntil(lambda: window.lookup.dialog is not None, timeout=WAIT)
    for name in ("confirmDialog", "lookupDialog", "aboutBox"):
        assert window.findChild(QWidget, name) is not None, name


def test_no_english_is_left_in_the_danish_window(
    qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path
) -> None:
    english = make_window(qtbot, db_path, tmp_path, "en.ini")
    english.open_file(danish_excel_file(tmp_path))
    qtbot.waitUntil(lambda: english.import_page.plan is not None, timeout=WAIT)
    open_every_dialog(qtbot, english)
    english_texts = visible_texts(english)
    english.close()

    app = QApplication.instance()
    assert language.install(app, "da")
    try:
        window = make_window(qtbot, db_path, tmp_path, "da.ini")
        window.open_file(danish_excel_file(tmp_path))
        qtbot.waitUntil(lambda: window.import_page.plan is not None, timeout=WAIT)
        wait_idle(qtbot, window)
        open_every_dialog(qtbot, window)
        danish_texts = visible_texts(window)
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
    file_text = {"Fornavn", "Efternavn", "E-mailadresse", "By"}
    assert not sorted(left - file_text)


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
