"""`optout-desktop --self-test`: the real window imports the bundled sample offscreen; checks."""

from __future__ import annotations

import csv
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from optout_desktop import __version__
from optout_desktop.app import application, resource_path
from optout_desktop.core.db import models, opening
from optout_desktop.core.optouts import history
from optout_desktop.core.reading import addresses
from optout_desktop.core.rules import eligibility

if TYPE_CHECKING:
    from optout_desktop.core.optouts.imports import OptOutPlan
    from optout_desktop.ui.main_window import MainWindow

SAMPLE_NAME = "sample-optouts.csv"
SAMPLE_COLUMN = "E-mailadresse"  # the sample is a Danish Excel file: Windows-1252, semicolons
SAMPLE_ENCODING = "cp1252"
SELF_TEST_SECONDS = 120.0
# The offscreen platform says this for every shown window; it is not a fault of ours.
KNOWN_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)


class SelfTestFailure(Exception):
    """A step of the self-test did not give what it should."""


class _SelfTestQuestions:
    """Answers the window's questions as a user would: save the export here, note messages."""

    def __init__(self, export_path: Path) -> None:
        self.export_path = export_path
        self.informed: list[str] = []
        self.warnings: list[str] = []

    def open_file(self, parent: Any, folder: str = "") -> Path | None:
        return None

    def save_file(
        self, parent: Any, title: str, suggested: str, filters: str
    ) -> tuple[Path, str] | None:
        # The name, and the file type chosen: the comma CSV for programs.
        from optout_desktop.ui import file_kinds

        plain = [k.filter for k in file_kinds.suppression_kinds() if not (k.for_people or k.tool)]
        return self.export_path, plain[0] if plain else filters.split(";;")[-1]

    def inform(self, parent: Any, title: str, text: str) -> None:
        self.informed.append(text)

    def warn(self, parent: Any, title: str, text: str) -> None:
        self.warnings.append(f"{title}: {text}")

    def __getattr__(self, name: str) -> Callable[..., None]:
        """Any other question (ask_yes_no, …) is not part of the flow: note it and decline."""

        def unexpected(*_args: Any, **_kwargs: Any) -> None:
            self.warnings.append(f"the window asked an unexpected question ({name})")

        return unexpected


def run() -> int:
    """Run the real window offscreen on the bundled sample; 0 when every check passed."""
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="optout-self-test-"))
    try:
        _contain_writes(work)
        lines = _run_self_test(work, started + SELF_TEST_SECONDS)
    except Exception as error:  # noqa: BLE001 - any failure is one line and a non-zero exit
        text = " ".join(str(error).split()) or type(error).__name__
        print(f"optout-desktop self-test FAILED: {text}", file=sys.stderr)
        return 1
    finally:
        if models.database.obj is not None:
            models.database.obj.close()
        shutil.rmtree(work, ignore_errors=True)
    lines.append(f"  time: {time.monotonic() - started:.1f} s")
    print("\n".join(lines))
    return 0


def _contain_writes(work: Path) -> None:
    """Send what Qt and its libraries may write (caches, runtime files) into `work`."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for variable, name in (
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        folder = work / name
        folder.mkdir(mode=0o700)
        os.environ[variable] = str(folder)
    os.environ["OPTOUT_CONFIG_DIR"] = str(work / "config")
    os.environ["OPTOUT_DB"] = str(work / "self-test.sqlite3")
    sys.dont_write_bytecode = True


def _wait(until: Callable[[], bool], what: str, deadline: float) -> None:
    """Let the event loop run (and the worker with it) until `until()` or the deadline."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    while not until():
        if time.monotonic() > deadline:
            raise SelfTestFailure(f"timed out {what}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)  # lets the worker thread take the GIL


def expected_addresses(sample: Path) -> set[str]:
    """The sample's valid addresses, read without the app's sniffing (plain csv module)."""
    with sample.open(encoding=SAMPLE_ENCODING, newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    found = {addresses.normalize(row.get(SAMPLE_COLUMN) or "") for row in rows}
    return {address for address in found if address}


def _run_self_test(work: Path, deadline: float) -> list[str]:
    from PySide6.QtCore import QSettings, qVersion

    from optout_desktop.ui.main_window import MainWindow

    bundled = resource_path(SAMPLE_NAME)
    if not bundled.is_file():
        raise SelfTestFailure(f"the sample file is missing: {bundled}")
    sample = work / SAMPLE_NAME  # a copy: the window never writes the bundled sample's rows
    shutil.copyfile(bundled, sample)
    expected = expected_addresses(sample)
    qt_messages = _quiet_known_qt_messages()
    app = application()
    icon_sizes = sorted(size.width() for size in app.windowIcon().availableSizes())
    if not icon_sizes:
        raise SelfTestFailure(f"the app icon is missing from {resource_path('icons')}")
    db_path = work / "self-test.sqlite3"
    opening.open_database(db_path)
    questions = _SelfTestQuestions(work / "suppressions.csv")
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db_path, settings, questions)  # type: ignore[arg-type]
    window.show()
    try:
        plan = _count(window, questions, sample, expected, deadline)
        run = _import(window, questions, plan, deadline)
        told = len(questions.informed)
        window.export_button.click()
        _wait(
            _unless_warned(questions, lambda: len(questions.informed) > told), "exporting", deadline
        )
        exported = _check_export(questions.export_path, expected)
    finally:
        window.close()
        app.processEvents()
    return [
        f"OptOut Desktop {__version__} self-test: passed",
        f"  sample: {sample}",
        f"  read as: {sample_description(plan)}",
        f"  counted: {plan.counts.rows} rows, {plan.counts.valid} valid, "
        f"{plan.counts.invalid} invalid, {plan.counts.blank} blank, "
        f"{plan.counts.duplicates} repeated",
        f"  imported: import #{run['id']} {run['state']}, {run['new']} new opt-outs",
        f"  exported: {exported} addresses to CSV, header “Email”, every valid address present",
        f"  icon sizes: {', '.join(map(str, icon_sizes))}",
        f"  Qt {qVersion()}, platform {app.platformName()}, "
        f"frozen: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
        f"  Qt messages: {len(qt_messages)}" + "".join(f"\n    {m}" for m in qt_messages),
    ]


def _unless_warned(questions: _SelfTestQuestions, done: Callable[[], bool]) -> Callable[[], bool]:
    """`done`, but a warning the window gave the user fails the self-test at once."""

    def check() -> bool:
        if questions.warnings:
            raise SelfTestFailure(questions.warnings[-1])
        return done()

    return check


def _count(
    window: MainWindow,
    questions: _SelfTestQuestions,
    sample: Path,
    expected: set[str],
    deadline: float,
) -> OptOutPlan:
    """Open the sample as a user would; the engine's plan must have the expected counts."""
    page = window.import_page
    window.open_file(sample)
    _wait(
        _unless_warned(questions, lambda: page.plan is not None or page.plan_error is not None),
        "reading and counting the sample",
        deadline,
    )
    if page.plan_error is not None:
        raise SelfTestFailure(f"counting failed: {page.plan_error}")
    plan = page.plan
    assert plan is not None
    if plan.column != SAMPLE_COLUMN:
        raise SelfTestFailure(f"the email column guessed was {plan.column!r}")
    if plan.counts.valid != len(expected):
        raise SelfTestFailure(f"counted {plan.counts.valid} valid addresses, not {len(expected)}")
    return plan


def _import(
    window: MainWindow, questions: _SelfTestQuestions, plan: OptOutPlan, deadline: float
) -> dict[str, Any]:
    """Import…, type the count, Begin import; the engine's record of the import (its
    history entry) must agree with the counts, and the list must hold every new address."""
    from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton

    page = window.import_page
    page.import_button.click()
    dialog = window.findChild(QDialog, "confirmDialog")
    if dialog is None:
        raise SelfTestFailure("the confirmation dialog did not open")
    edit = dialog.findChild(QLineEdit, "confirmCountEdit")
    begin = dialog.findChild(QPushButton, "beginImportButton")
    if edit is None or begin is None:
        raise SelfTestFailure("the confirmation dialog lacks its count field or its button")
    edit.setText(str(plan.counts.valid))
    if not begin.isEnabled():
        raise SelfTestFailure("Begin import stayed disabled after typing the count")
    begin.click()
    _wait(_unless_warned(questions, lambda: page.last_run is not None), "importing", deadline)
    run = page.last_run
    assert run is not None
    recorded = [entry for entry in history.history() if entry["kind"] == "optouts"]
    if [entry["id"] for entry in recorded] != [run.id]:
        raise SelfTestFailure(f"the history lists {len(recorded)} imports, not import #{run.id}")
    stored = recorded[0]
    if stored["state"] != "completed":
        raise SelfTestFailure(f"import #{run.id} is {stored['state']}: {stored['message']}")
    if (stored["valid"], stored["new"]) != (plan.counts.valid, plan.counts.new):
        raise SelfTestFailure(
            f"import #{run.id} wrote {stored['new']} new of {stored['valid']} valid addresses, "
            f"the counts said {plan.counts.new} of {plan.counts.valid}"
        )
    suppressed, planned = eligibility.suppressed_addresses(), plan.counts.new - plan.counts.domains
    if suppressed != planned:  # the database was empty: every new address is suppressed now
        raise SelfTestFailure(f"{suppressed} addresses are suppressed, not {planned}")
    return stored


def _quiet_known_qt_messages() -> list[str]:
    """Drop Qt's known offscreen chatter; keep (and echo to stderr) any other Qt message."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    kept: list[str] = []

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg and not message.startswith(KNOWN_QT_MESSAGES):
            kept.append(message)
            print(f"Qt: {message}", file=sys.stderr)

    qInstallMessageHandler(handler)
    return kept


def sample_description(plan: Any) -> str:
    """How the sample was read (encoding, separator), as the window says it."""
    return str(plan.source.describe().split(", ", 1)[-1])


def _check_export(path: Path, expected: set[str]) -> int:
    if not path.is_file():
        raise SelfTestFailure(f"the export {path.name} was not written")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows or rows[0][:1] != ["Email"]:
        raise SelfTestFailure(f"the export's header is {rows[0] if rows else 'missing'}")
    found = {row[0] for row in rows[1:] if row}
    missing = expected - found
    if missing:
        raise SelfTestFailure(f"the export lacks {', '.join(sorted(missing))}")
    return len(rows) - 1
