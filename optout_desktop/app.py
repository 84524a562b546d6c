"""Start the window: QApplication, settings, logging, the database, the main window."""

from __future__ import annotations

import argparse
import csv
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from optout_desktop import __version__, quick_start  # noqa: F401 - quick_start before peewee
from optout_desktop.core import folders
from optout_desktop.core.db import models, opening, postgres
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.reading import addresses

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .ui.main_window import MainWindow

log = logging.getLogger("optout")

ICON_NAME = "optout-desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SAMPLE_NAME = "sample-optouts.csv"
SAMPLE_COLUMN = "E-mailadresse"  # the sample is a Danish Excel file: Windows-1252, semicolons
SAMPLE_ENCODING = "cp1252"
SELF_TEST_SECONDS = 120.0
# Set to 1, the app prints the seconds from process start to the window's first paint and quits.
STARTUP_PROBE = "OPTOUT_STARTUP_PROBE"


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="optout-desktop", description="OptOut Desktop")
    parser.add_argument(
        "--db",
        type=opening.database_target,
        help="database file, or a team's PostgreSQL server as postgresql://user@host:5432/name "
        "(default: OPTOUT_DB, else the window's setting, else a file in your data folder)",
    )
    parser.add_argument("--version", action="version", version=f"OptOut Desktop {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="import the bundled sample offscreen into a temporary database, export and check "
        "it, print a report and quit (exit 0 when all is well); writes only to a temporary folder",
    )
    parser.add_argument(
        "--language",
        choices=["da", "en"],
        help="interface language (default: your choice, else Danish on a Danish computer)",
    )
    parser.add_argument("file", nargs="?", type=Path, help="a file of opted-out addresses to open")
    known, _qt_arguments = parser.parse_known_args(list(argv))
    return known


def resource_path(name: str) -> Path:
    """A file of the package's `resources/` folder (the sample, icons, translations).

    It sits beside this module in a source checkout, in an installed wheel (package data) and
    in the frozen bundle alike.
    """
    return Path(__file__).resolve().parent / "resources" / name


def app_icon() -> QIcon:
    """The application icon from its PNG sizes (PNG needs no image-format plugin)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path(f"icons/{ICON_NAME}-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    return icon


def config_dir() -> Path:
    """Where the window keeps its settings (recent files, last folder)."""
    from platformdirs import user_config_dir

    return Path(
        os.environ.get("OPTOUT_CONFIG_DIR") or user_config_dir(folders.APP_NAME, appauthor=False)
    )


def _setup_logging() -> None:
    folder = folders.log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(
            folder / "optout-desktop.log", encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logging.getLogger("optout").addHandler(handler)
    logging.getLogger("optout").setLevel(logging.INFO)


def _application() -> QApplication:
    """The running QApplication (tests, embedding) or a new one, named and with its icon."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName(folders.APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(ICON_NAME)  # Wayland and docks match the window to its .desktop
    app.setWindowIcon(app_icon())
    return app


def main(argv: Sequence[str] | None = None) -> int:
    """Start OptOut Desktop and return when its window closes.

    argv may hold `--db PATH` (else OPTOUT_DB, else the default) and a FILE to open, or
    `--self-test`. An existing QApplication is reused (tests, embedding).
    """
    args = _parse(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        return self_test()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from .ui import language

    app = _application()
    _setup_logging()
    settings = QSettings(str(config_dir() / "settings.ini"), QSettings.Format.IniFormat)
    language.install(app, args.language or language.chosen_language(settings))
    db_path = args.db or _chosen_database(settings)
    try:
        _open_asking_password(db_path)
    except OptOutError as error:
        from .ui.core_text import message_of

        QMessageBox.critical(None, "OptOut Desktop", message_of(error))
        return 1
    window = open_window(app, db_path, settings)
    if os.environ.get(STARTUP_PROBE) == "1":
        _probe_first_paint(window)
    window.show()
    if args.file:
        window.open_file(args.file)
    code = int(app.exec())
    settings.sync()
    return code


DATABASE_SETTING = "database"  # a file or a PostgreSQL URL chosen in the window


def _chosen_database(settings: QSettings) -> Path | str:
    """OPTOUT_DB, else the database chosen in the window, else the file in the data folder."""
    chosen = str(settings.value(DATABASE_SETTING, "") or "")
    if chosen and not os.environ.get("OPTOUT_DB"):
        return opening.database_target(chosen)
    return opening.default_path()


def _open_asking_password(target: Path | str) -> None:
    """Open the database; a server that wants a password gets it asked for, kept in memory."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from optout_desktop.core.errors import LoginRefused

    password: str | None = None
    while True:
        try:
            opening.open_database(target, password)
            return
        except LoginRefused as error:
            from .ui.core_text import message_of

            text, ok = QInputDialog.getText(
                None,
                "OptOut Desktop",
                message_of(error)
                + "\n\n"
                + QCoreApplication.translate("App", "Password for {name}:").format(
                    name=opening.display_name(target)
                ),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                raise
            password = text


_windows: list[MainWindow] = []  # the open window, kept alive across a change of language


def open_window(app: QApplication, db_path: Path | str, settings: QSettings) -> MainWindow:
    """A main window that reopens itself in another language when the user chooses one."""
    from .ui import language
    from .ui.main_window import MainWindow

    window = MainWindow(db_path, settings)
    _windows[:] = [window]

    def reopen(code: str) -> None:
        language.install(app, code)
        again = open_window(app, db_path, settings)
        again.show()
        if window.source is not None:
            again.open_file(window.source.path)
        window.close()
        window.deleteLater()

    def switch_database(text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        from .ui.core_text import message_of

        target = opening.database_target(text)
        try:
            _open_asking_password(target)
        except OptOutError as error:
            QMessageBox.warning(window, "OptOut Desktop", message_of(error))
            _open_asking_password(db_path)  # back to the one that worked
            return
        saved = postgres.without_password(text) if postgres.is_url(text) else str(target)
        settings.setValue(DATABASE_SETTING, saved)  # never a password on disk
        again = open_window(app, target, settings)
        again.show()
        window.close()
        window.deleteLater()

    window.language_chosen.connect(reopen)
    window.database_chosen.connect(switch_database)
    return window


# ---- cold start ------------------------------------------------------------------------------


def seconds_since_process_start() -> float:
    """Seconds since this process started (Linux: from /proc), else since this module loaded."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _LOADED


_LOADED = time.perf_counter()


def _probe_first_paint(window: MainWindow) -> None:
    """On the window's first paint, print how long the start took, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                print(f"startup: window shown after {seconds_since_process_start():.3f} s")
                sys.stdout.flush()
                QTimer.singleShot(0, window.close)
                QTimer.singleShot(0, QApplication.quit)
            return False

    window._startup_probe = FirstPaint(window)  # type: ignore[attr-defined]
    window.installEventFilter(window._startup_probe)  # type: ignore[attr-defined]


# ---- self-test -----------------------------------------------------------------------------


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

    def save_file(self, parent: Any, title: str, suggested: str, filters: str) -> Path | None:
        return self.export_path

    def inform(self, parent: Any, title: str, text: str) -> None:
        self.informed.append(text)

    def warn(self, parent: Any, title: str, text: str) -> None:
        self.warnings.append(f"{title}: {text}")

    def __getattr__(self, name: str) -> Callable[..., None]:
        """Any other question (ask_yes_no, …) is not part of the flow: note it and decline."""

        def unexpected(*_args: Any, **_kwargs: Any) -> None:
            self.warnings.append(f"the window asked an unexpected question ({name})")

        return unexpected


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


def self_test() -> int:
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
    from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton

    from .ui.main_window import MainWindow

    sample = resource_path(SAMPLE_NAME)
    if not sample.is_file():
        raise SelfTestFailure(f"the sample file is missing: {sample}")
    expected = expected_addresses(sample)
    qt_messages = _quiet_known_qt_messages()
    app = _application()
    icon_sizes = sorted(size.width() for size in app.windowIcon().availableSizes())
    if not icon_sizes:
        raise SelfTestFailure(f"the app icon is missing from {resource_path('icons')}")
    db_path = work / "self-test.sqlite3"
    opening.open_database(db_path)
    questions = _SelfTestQuestions(work / "suppressions.csv")
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db_path, settings, questions)  # type: ignore[arg-type]
    window.show()

    def no_warning() -> None:
        if questions.warnings:
            raise SelfTestFailure(questions.warnings[-1])

    def failed_or(done: Callable[[], bool]) -> Callable[[], bool]:
        def check() -> bool:
            no_warning()
            if "color:#b00020" in window.counts_label.text():
                raise SelfTestFailure(f"counting failed: {window.counts_label.text()}")
            return done()

        return check

    try:
        window.open_file(sample)
        _wait(
            failed_or(lambda: window.plan is not None), "reading and counting the sample", deadline
        )
        plan = window.plan
        assert plan is not None
        if window.column_combo.currentText() != SAMPLE_COLUMN:
            raise SelfTestFailure(
                f"the email column guessed was {window.column_combo.currentText()!r}"
            )
        if plan.counts.valid != len(expected):
            raise SelfTestFailure(
                f"counted {plan.counts.valid} valid addresses, not {len(expected)}"
            )

        window.import_button.click()
        dialog = window.findChild(QDialog, "confirmDialog")
        if dialog is None:
            raise SelfTestFailure("the confirmation dialog did not open")
        edit = dialog.findChild(QLineEdit, "confirmCountEdit")
        begin = dialog.findChild(QPushButton, "beginImportButton")
        edit.setText(str(plan.counts.valid))
        if not begin.isEnabled():
            raise SelfTestFailure("Begin import stayed disabled after typing the count")
        begin.click()
        _wait(failed_or(lambda: "completed" in window.result_label.text()), "importing", deadline)
        result = window.result_label.text()

        window.export_button.click()
        _wait(failed_or(lambda: bool(questions.informed)), "exporting", deadline)
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
        f"  imported: {result.split(':', 1)[0]}, {plan.counts.new} new opt-outs",
        f"  exported: {exported} addresses to CSV, header “Email”, every valid address present",
        f"  icon sizes: {', '.join(map(str, icon_sizes))}",
        f"  Qt {qVersion()}, platform {app.platformName()}, "
        f"frozen: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
        f"  Qt messages: {len(qt_messages)}" + "".join(f"\n    {m}" for m in qt_messages),
    ]


# The offscreen platform says this for every shown window; it is not a fault of ours.
KNOWN_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)


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


if __name__ == "__main__":
    sys.exit(main())
