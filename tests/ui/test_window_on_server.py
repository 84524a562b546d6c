"""The real main window on a team's PostgreSQL server: import, share, export, cancel, switch."""

from __future__ import annotations

import csv
import re
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db import dialect, models, opening
from optout_desktop.core.optouts import imports
from optout_desktop.core.reading import sources
from optout_desktop.ui.history_model import COLUMNS
from optout_desktop.ui.language import number
from optout_desktop.ui.main_window import MainWindow
from tests.helpers import optout_command, outside_rows
from tests.ui.helpers import (
    WAIT,
    ScriptedQuestions,
    confirm_dialog,
    open_and_count,
    visible_texts,
    wait_idle,
)

# The test server trusts loopback and ignores a password: one is in the URL, and must never show.
PASSWORD = "hemmelig"


@pytest.fixture
def server_url(pg_server: Any) -> Iterator[str]:
    """A fresh database of its own on the throw-away server (skips, or fails in CI, without)."""
    url = pg_server.fresh_database()
    yield url.replace("://postgres@", f"://postgres:{PASSWORD}@")
    if models.database.obj is not None:
        models.database.obj.close()
    pg_server.drop_database(url)


@pytest.fixture
def window(qtbot: QtBot, server_url: str, tmp_path: Path) -> Iterator[MainWindow]:
    opening.open_database(server_url)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(server_url, settings, ScriptedQuestions())  # type: ignore[arg-type]
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()


def address(n: int) -> str:
    return f"person{n}@firma{n % 5}.dk"


def people_file(path: Path, numbers: Iterable[int], messy: bool = False) -> Path:
    """Name, E-mail, Town; messy adds 40 invalid, 5 blank and 60 repeated (upper-case) rows."""
    numbers = list(numbers)
    rows = [[f"Person {n}", address(n), "Aarhus"] for n in numbers]
    if messy:
        rows += [[f"Bad {n}", f"not an address {n}", "Odense"] for n in range(40)]
        rows += [["Nobody", "", "Vejle"]] * 5
        rows += [[f"Again {n}", address(n).upper(), "Aalborg"] for n in numbers[:60]]
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["Name", "E-mail", "Town"], *rows])
    return path


def shown(label: QLabel) -> int | None:
    """The bold number of a totals label ("Suppressed addresses: <b>3,000</b>")."""
    found = re.search(r"<b>(.*?)</b>", label.text())
    return int(re.sub(r"\D", "", found.group(1))) if found else None


def history_cell(window: MainWindow, row: int, key: str) -> str:
    model = window.history_page.model
    return str(model.data(model.index(row, [k for k, _ in COLUMNS].index(key))))


def server_count(url: str, sql: str = "SELECT count(*) FROM suppression") -> int:
    return int(outside_rows(url, sql)[0][0])


def import_in_window(qtbot: QtBot, window: MainWindow, count: int, wait: bool = True) -> None:
    """Import…, type the count in the confirmation, Begin import; wait for the worker."""
    qtbot.mouseClick(window.import_page.import_button, Qt.MouseButton.LeftButton)
    dialog = confirm_dialog()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "confirmCountEdit"), str(count))
    qtbot.mouseClick(dialog.findChild(QPushButton, "beginImportButton"), Qt.MouseButton.LeftButton)
    if wait:
        qtbot.waitUntil(lambda: "completed" in window.import_page.result_label.text(), timeout=WAIT)


def run_optouts(path: Path, count: int) -> None:
    """An import made outside the window, in this process (another part of the team's day)."""
    imports.run_optouts(imports.plan_optouts(sources.open_source(path), "E-mail"), count)


def test_a_whole_import_through_the_window_lands_on_the_server(
    qtbot: QtBot, window: MainWindow, server_url: str, tmp_path: Path
) -> None:
    """The user opens a messy file, types the count and sees the import in the totals and
    the history; the addresses are in the team's database; the password shows nowhere."""
    people = tmp_path / "contact_import.csv"
    people.write_text(f"email\n{address(0)}\nny@kunde.dk\n", "utf-8")
    contact_import.import_contacts(sources.open_source(people), "email")
    window.refresh_totals()
    open_and_count(qtbot, window, people_file(tmp_path / "optouts.csv", range(3_000), True))
    assert window.import_page.column_combo.currentText() == "E-mail"
    assert window.import_page.plan is not None
    counts = window.import_page.plan.counts
    assert (counts.valid, counts.new, counts.invalid, counts.blank) == (3_000, 3_000, 40, 5)
    assert (counts.duplicates, counts.contacts_unsubscribed) == (60, 1)

    import_in_window(qtbot, window, 3_000)
    qtbot.waitUntil(lambda: shown(window.suppressed_label) == 3_000, timeout=WAIT)
    assert shown(window.billable_label) == 2  # the contact who opted out stays billable
    assert window.import_page.errors_button.isVisible()  # 45 invalid and blank rows were refused
    assert window.history_page.model.rowCount() == 2  # the contacts, then the opt-outs
    assert [history_cell(window, 0, key) for key in ("kind", "state", "file_name")] == [
        "Opt-out import",
        "Completed",
        "optouts.csv",
    ]
    assert history_cell(window, 0, "new") == number(3_000)
    assert history_cell(window, 0, "left_out") == number(40 + 5 + 60)  # invalid, blank, repeated

    distinct = "SELECT count(DISTINCT email) FROM suppression"
    assert server_count(server_url) == server_count(server_url, distinct) == 3_000
    assert outside_rows(server_url, "SELECT state, new FROM import_run WHERE kind = 'optouts'") == [
        ("completed", 3_000)
    ]
    found = "SELECT count(*) FROM suppression WHERE email = %s"
    assert outside_rows(server_url, found.replace("%s", "?"), (address(2_999),)) == [(1,)]

    # The title says which list this is (never with the password), so nobody takes the
    # team's list for the file on their laptop.
    assert window.windowTitle().startswith("OptOut Desktop – postgres@127.0.0.1:")
    assert PASSWORD not in window.windowTitle()
    window.show_about()  # says where the list lives; with the About box, no password anywhere
    assert not [text for text in visible_texts(window) if PASSWORD in text]
    assert "postgres@127.0.0.1" in window._about.informativeText()
    window._about.close()


def test_a_colleagues_import_on_the_same_server_shows_after_a_refresh(
    qtbot: QtBot, window: MainWindow, server_url: str, tmp_path: Path
) -> None:
    """While one person has a file counted, a colleague's `optout` imports an overlapping one
    into the same list; the window then shows the colleague's import, the combined total, and
    says the list changed since the counts."""
    open_and_count(qtbot, window, people_file(tmp_path / "mine.csv", range(2_000)))
    assert window.import_page.plan is not None and window.import_page.plan.counts.new == 2_000
    theirs = people_file(tmp_path / "theirs.csv", range(1_000, 4_000))
    command = [*optout_command(), "--db", server_url, "import-optouts", str(theirs)]
    done = subprocess.run([*command, "--confirm", "3000"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert shown(window.suppressed_label) == 0  # nothing tells the window by itself

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F5)  # File › Refresh: the colleague's import shows
    qtbot.waitUntil(lambda: shown(window.suppressed_label) == 3_000, timeout=WAIT)
    assert history_cell(window, 0, "file_name") == "theirs.csv"

    import_in_window(qtbot, window, 2_000)
    assert f"{number(2_000)} addresses were to be new, {number(1_000)} were" in (
        window.import_page.result_label.text()
    )
    qtbot.waitUntil(lambda: shown(window.suppressed_label) == 4_000, timeout=WAIT)
    assert server_count(server_url) == 4_000
    assert window.history_page.model.rowCount() == 2
    assert history_cell(window, 0, "file_name") == "mine.csv"
    assert history_cell(window, 0, "new") == number(1_000)


def test_coming_back_to_the_window_shows_colleagues_changes(
    qtbot: QtBot, window: MainWindow, server_url: str, tmp_path: Path, monkeypatch: Any
) -> None:
    """On a shared list, switching back to the window counts again (at most every few
    seconds), so nobody works from yesterday's total."""
    monkeypatch.setattr("optout_desktop.ui.main_window.REFRESH_ON_RETURN_S", 0.0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: shown(window.suppressed_label) == 0, timeout=WAIT)
    run_optouts(people_file(tmp_path / "theirs.csv", range(500)), 500)
    qtbot.wait(200)
    assert shown(window.suppressed_label) == 0  # nothing tells the window by itself
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    window.activateWindow()
    qtbot.waitUntil(lambda: shown(window.suppressed_label) == 500, timeout=WAIT)
    assert history_cell(window, 0, "file_name") == "theirs.csv"


def test_export_from_the_window_writes_the_servers_list_in_byte_order(
    qtbot: QtBot, window: MainWindow, server_url: str, tmp_path: Path
) -> None:
    """Export suppressions… gives a CSV of exactly the server's addresses, in the same order
    as from a file on the computer, though the server's own collation is linguistic."""
    odd = ["1abc@x.dk", "_under@x.dk", "a-b@firma.dk", "ab@firma.dk", "a.c@firma.dk"]
    path = people_file(tmp_path / "optouts.csv", range(2_500), True)
    with path.open("a", encoding="utf-8") as handle:
        handle.writelines(f"Odd,{email},Esbjerg\n" for email in odd)
    run_optouts(path, 2_505)
    questions: Any = window.questions
    questions.next_save = tmp_path / "list.csv"
    questions.next_type = 1  # the comma CSV for other programs (English settings)
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(questions.messages), timeout=WAIT)
    assert f": {number(2_505)} suppressed addresses." in questions.messages[-1][2]
    with (tmp_path / "list.csv").open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header[0] == "Email"
    emails = [row[0] for row in rows]
    assert set(emails) == {address(n) for n in range(2_500)} | set(odd)
    assert emails == sorted(emails) and len(emails) == 2_505
    assert {row[3] for row in rows} == {"Import #1: optouts.csv"}


def test_cancel_during_a_big_import_on_the_server_leaves_the_list_as_it_was(
    qtbot: QtBot, window: MainWindow, server_url: str, tmp_path: Path
) -> None:
    """Cancel during a 200,000-row import: the server list keeps the 100 it had, the window
    says nothing was written and the history says Cancelled."""
    run_optouts(people_file(tmp_path / "first.csv", range(100)), 100)
    open_and_count(qtbot, window, people_file(tmp_path / "big.csv", range(200_000)))
    assert window.import_page.plan is not None and window.import_page.plan.counts.new == 199_900
    import_in_window(qtbot, window, 200_000, wait=False)
    assert window.import_page.import_pending() and window.job_status.cancel_button.isVisible()
    qtbot.mouseClick(window.job_status.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)

    assert "cancelled" in window.import_page.result_label.text(), (
        window.import_page.result_label.text()
    )
    assert server_count(server_url) == 100
    states = "SELECT state FROM import_run ORDER BY id"
    assert outside_rows(server_url, states) == [("completed",), ("cancelled",)]
    assert history_cell(window, 0, "state") == "Cancelled"
    assert history_cell(window, 1, "state") == "Completed"
    window.refresh_totals()
    qtbot.waitUntil(lambda: shown(window.suppressed_label) == 100, timeout=WAIT)


def test_an_unreachable_server_chosen_in_the_window_is_said_plainly_and_the_list_stays(
    qtbot: QtBot, server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File › Choose database… with a server that is not there: one plain warning without a
    traceback or the password, nothing saved, and the window keeps working on the team's list."""
    from optout_desktop import app as desktop

    monkeypatch.setattr(desktop, "_windows", [])  # the app's list of its open window
    warnings: list[str] = []
    asked: list[Any] = []

    def warn(_parent: Any, _title: str, text: str, *_: Any) -> None:
        warnings.append(text)

    def ask_password(*args: Any, **_: Any) -> tuple[str, bool]:
        asked.append(args)
        return "", False  # as Cancel: the unreachable server must not ask for a password

    monkeypatch.setattr(QMessageBox, "warning", warn)
    monkeypatch.setattr(QInputDialog, "getText", ask_password)
    opening.open_database(server_url)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = desktop.open_window(QApplication.instance(), server_url, settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    questions = ScriptedQuestions()
    questions.texts = ["postgresql://nobody:secret@127.0.0.1:1/x"]
    window.questions = questions  # type: ignore[assignment]
    file_menu = window.findChild(QMenu, "fileMenu")
    assert file_menu is not None
    choose = [a for a in file_menu.actions() if a.text().replace("&", "") == "Choose database…"]
    choose[0].trigger()

    assert desktop._windows == [window] and window.isVisible()  # no other window opened
    assert len(warnings) == 1 and not asked, (warnings, asked)
    assert "could not be reached" in warnings[0] and "nobody@127.0.0.1:1/x" in warnings[0]
    assert not re.search(r"secret|Traceback|\n", warnings[0]), warnings[0]
    assert settings.value(desktop.DATABASE_SETTING) is None  # the bad address is not kept

    assert dialect.is_server() and window.db_path == server_url
    open_and_count(qtbot, window, people_file(tmp_path / "after.csv", range(50)))
    import_in_window(qtbot, window, 50)
    assert server_count(server_url) == 50
    qtbot.waitUntil(lambda: shown(window.suppressed_label) == 50, timeout=WAIT)
    window.close()
