"""Another program holding the database: writes wait, then say so plainly; nothing is damaged."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db import dialect, failures, lock_wait, opening, writes
from optout_desktop.core.db.models import Contact, ImportRun, RunningImport, Suppression
from optout_desktop.core.errors import StoreError
from optout_desktop.core.optouts import exports, imports
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import eligibility
from tests.helpers import held, intact, writing_optouts

LOCKED = "The suppression list is open in another window or program; try again when it is closed."
SHORT_MS = 300


def emails_file(path: Path, emails: Iterable[str], header: str = "Email") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([header])
        writer.writerows([email] for email in emails)
    return path


@pytest.fixture
def short_db(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The database opened with a short lock timeout, so the tests do not wait 10 s."""
    monkeypatch.setenv("OPTOUT_LOCK_TIMEOUT_MS", str(SHORT_MS))
    database = opening.open_database(db_path)
    yield database
    database.close()


def test_the_lock_timeout_is_ten_seconds_unless_the_environment_says_otherwise(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPTOUT_LOCK_TIMEOUT_MS", raising=False)
    assert lock_wait.lock_timeout_ms() == 10_000
    database = opening.open_database(db_path)
    assert write_wait_ms(database) == 10_000
    database.close()
    monkeypatch.setenv("OPTOUT_LOCK_TIMEOUT_MS", "1234")
    database = opening.open_database(db_path)
    assert write_wait_ms(database) == 1234
    database.close()
    monkeypatch.setenv("OPTOUT_LOCK_TIMEOUT_MS", "soon")
    assert lock_wait.lock_timeout_ms() == 10_000


def write_wait_ms(database: Any) -> int:
    """How long a write waits for another's: SQLite's busy_timeout; on a server, the
    lock_timeout inside a write transaction (where it waits for the writers' lock)."""
    if not dialect.is_server():
        return int(database.execute_sql("PRAGMA busy_timeout").fetchone()[0])
    with writes.write_transaction():
        shown = database.execute_sql("SHOW lock_timeout").fetchone()[0]
    units = {"ms": 1, "s": 1000, "min": 60_000}
    number = shown.rstrip("abcdefghijklmnopqrstuvwxyz")
    return int(number) * units[shown[len(number) :]]


def test_a_write_may_wait_less_for_the_lock_and_the_usual_wait_stays(
    db: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An opening's housekeeping waits only a moment for the write lock (wait_ms); the
    writes after it wait as long as ever."""
    monkeypatch.delenv("OPTOUT_LOCK_TIMEOUT_MS", raising=False)
    with held(db_path):
        started = time.monotonic()
        with pytest.raises(failures.DATABASE_ERRORS) as caught:
            with writes.write_transaction(wait_ms=150):
                Suppression.create(email="a@x.dk", reason="manual")
        waited = time.monotonic() - started
    assert failures.error_kind(caught.value) == failures.LOCKED
    assert 0.15 * 0.9 <= waited < 3
    assert write_wait_ms(db) == 10_000
    with writes.write_transaction(wait_ms=150):
        Suppression.create(email="a@x.dk", reason="manual")
    assert write_wait_ms(db) == 10_000
    assert Suppression.select().count() == 1


def test_an_import_waits_then_says_the_list_is_open_elsewhere_and_writes_nothing(
    short_db: Any, db_path: Path, tmp_path: Path
) -> None:
    path = emails_file(tmp_path / "f.csv", ["a@x.dk", "b@x.dk"])
    with held(db_path):
        started = time.monotonic()
        with pytest.raises(StoreError) as caught:
            imports.import_optouts(open_source(path), "Email", 2)
        waited = time.monotonic() - started
    assert str(caught.value) == LOCKED
    assert SHORT_MS / 1000 * 0.9 <= waited < 5
    assert Suppression.select().count() == 0
    assert ImportRun.select().count() == 0  # not even a history entry: it never began
    assert RunningImport.select().count() == 0
    intact(db_path)
    imports.import_optouts(open_source(path), "Email", 2)  # once the other lets go, it works
    assert Suppression.select().count() == 2


def test_a_planned_import_waits_too(short_db: Any, db_path: Path, tmp_path: Path) -> None:
    path = emails_file(tmp_path / "f.csv", ["a@x.dk", "b@x.dk", "c@x.dk"])
    with held(db_path):
        plan = imports.plan_optouts(open_source(path), "Email")  # counting only reads
        assert plan.counts.new == 3
        with pytest.raises(StoreError, match="open in another window"):
            imports.run_optouts(plan, 3)
    assert (Suppression.select().count(), ImportRun.select().count()) == (0, 0)
    assert imports.run_optouts(plan, 3).new == 3


def test_contacts_import_and_delete_wait_then_say_so(
    short_db: Any, db_path: Path, tmp_path: Path
) -> None:
    people = emails_file(tmp_path / "c.csv", ["a@x.dk", "b@x.dk"])
    contact_import.import_contacts(open_source(people), "Email")
    imports.import_optouts(open_source(emails_file(tmp_path / "o.csv", ["a@x.dk"])), "Email", 1)
    runs = ImportRun.select().count()
    with held(db_path):
        with pytest.raises(StoreError) as caught:
            contact_import.import_contacts(
                open_source(emails_file(tmp_path / "more.csv", ["c@x.dk"])), "Email"
            )
        assert str(caught.value) == LOCKED
        with pytest.raises(StoreError) as caught:
            contact_import.delete_unsubscribed_contacts(1)
        assert str(caught.value) == LOCKED
        # Reading goes on while another program writes: look-ups and exports.
        assert eligibility.billable_contacts() == 2
        assert exports.export_suppressions(tmp_path / "during.csv") == 1
    assert Contact.select().count() == 2
    assert ImportRun.select().count() == runs
    assert RunningImport.select().count() == 0
    intact(db_path)
    assert contact_import.delete_unsubscribed_contacts(1) == 1


def test_opening_while_another_program_writes_is_quick_and_reads(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = opening.open_database(db_path)
    Suppression.create(email="a@x.dk", reason="manual")
    database.close()
    monkeypatch.setenv("OPTOUT_LOCK_TIMEOUT_MS", "5000")
    with held(db_path):
        started = time.monotonic()
        database = opening.open_database(db_path)  # its housekeeping waits a moment, then skips
        assert time.monotonic() - started < 2.5
        assert eligibility.suppressed_addresses() == 1
        database.close()


def test_a_new_database_that_another_program_holds_is_refused_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.sqlite3"
    with closing(sqlite3.connect(path)) as other:  # an empty file another program writes to
        other.execute("PRAGMA journal_mode = wal")
    monkeypatch.setenv("OPTOUT_LOCK_TIMEOUT_MS", str(SHORT_MS))
    with held(path), pytest.raises(StoreError) as caught:
        opening.open_database(path)
    assert str(caught.value) == LOCKED


# --- the real command -------------------------------------------------------------------------

Optout = Callable[..., Any]


def test_the_command_line_exits_2_with_the_plain_message(
    optout: Optout, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = emails_file(tmp_path / "f.csv", ["a@x.dk", "b@x.dk"])
    optout("import-contacts", path, check=True)
    optout("import-optouts", path, "--confirm", "2", check=True)
    before = optout("history", "--json", check=True).json()
    monkeypatch.setenv("OPTOUT_LOCK_TIMEOUT_MS", str(SHORT_MS))
    other = emails_file(tmp_path / "g.csv", ["c@x.dk"])
    with held(db_path):
        for args in (
            ("import-optouts", other, "--confirm", "1"),
            ("import-contacts", other),
            ("delete-contacts", "--unsubscribed", "--confirm", "2"),
            ("business-units", "--add", "Brand"),
        ):
            result = optout(*args)
            assert result.returncode == 2, (args, result.stderr)
            assert result.stderr.strip() == f"optout: {LOCKED}", args
        # Reading commands work meanwhile.
        assert optout("billable", "--json", check=True).json() == {
            "billable_contacts": 2,
            "suppressed_addresses": 2,
        }
        optout("export-suppressions", tmp_path / "during.csv", check=True)
        optout("check", "a@x.dk", check=True)
    assert optout("history", "--json", check=True).json() == before
    intact(db_path)


@pytest.mark.skipif(sys.platform == "win32", reason="timing of two processes")
def test_a_second_command_waits_for_a_running_import_and_then_writes(
    optout: Optout, db_path: Path, tmp_path: Path
) -> None:
    rows = 300_000
    big = emails_file(tmp_path / "big.csv", (f"p{n}@example.com" for n in range(rows)))
    small = emails_file(tmp_path / "small.csv", ["late@x.dk", "p1@example.com"])
    optout("billable", check=True)
    script = Path(sys.executable).with_name("optout")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "optout_desktop.cli"]
    env = {**os.environ, "HOME": str(tmp_path / "home"), "OPTOUT_LOCK_TIMEOUT_MS": "60000"}
    first = subprocess.Popen(
        [*command, "--db", str(db_path), "import-optouts", str(big), "--confirm", str(rows)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 60
    while first.poll() is None and time.monotonic() < deadline:
        if writing_optouts(db_path):  # it holds the write lock now
            break
        time.sleep(0.005)
    assert first.poll() is None, "the first import ended before the second began"
    second = subprocess.run(
        [*command, "--db", str(db_path), "import-optouts", str(small), "--confirm", "2", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    _, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout)["new"] == 1  # p1 was already there: it waited its turn
    runs = optout("history", "--json", check=True).json()
    assert [(r["file_name"], r["state"]) for r in runs] == [
        ("small.csv", "completed"),
        ("big.csv", "completed"),
    ]
    intact(db_path)


# --- the window -------------------------------------------------------------------------------


class Answers:
    """Records the window's messages instead of showing dialogs."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []

    def inform(self, parent: Any, title: str, text: str) -> None:
        self.messages.append(("info", title, text))

    def warn(self, parent: Any, title: str, text: str) -> None:
        self.messages.append(("warning", title, text))

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


def test_the_window_shows_the_plain_message_and_writes_nothing(
    qtbot: QtBot, short_db: Any, db_path: Path, tmp_path: Path
) -> None:
    from optout_desktop.ui.main_window import MainWindow

    answers = Answers()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db_path, settings, answers)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    window.open_file(emails_file(tmp_path / "f.csv", ["a@x.dk", "b@x.dk"]))
    page = window.import_page
    qtbot.waitUntil(lambda: page.plan is not None and not window.jobs.busy, timeout=60_000)
    with held(db_path):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
        dialog = next(
            w for w in QApplication.topLevelWidgets() if w.objectName() == "confirmDialog"
        )
        dialog.findChild(QLineEdit, "confirmCountEdit").setText("2")
        qtbot.mouseClick(
            dialog.findChild(QPushButton, "beginImportButton"), Qt.MouseButton.LeftButton
        )
        qtbot.waitUntil(lambda: bool(answers.messages), timeout=60_000)
        qtbot.waitUntil(lambda: not window.jobs.busy, timeout=60_000)
    kind, _title, text = answers.messages[-1]
    assert (kind, text) == ("warning", LOCKED)
    assert Suppression.select().count() == 0 and ImportRun.select().count() == 0
    window.close()
    intact(db_path)
