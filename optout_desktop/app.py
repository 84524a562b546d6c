"""Start the window: QApplication, settings, logging, the database, the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from optout_desktop import __version__, quick_start  # noqa: F401 - quick_start before peewee
from optout_desktop.core import folders
from optout_desktop.core.db import opening, postgres
from optout_desktop.core.errors import OptOutError

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .ui.main_window import MainWindow

log = logging.getLogger("optout")

ICON_NAME = "optout-desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
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


def application() -> QApplication:
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
        from . import self_test

        return self_test.run()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from .ui import language

    app = application()
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
        if window.import_page.source is not None:
            again.open_file(window.import_page.source.path)
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


if __name__ == "__main__":
    sys.exit(main())
