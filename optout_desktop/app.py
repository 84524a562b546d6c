"""Start the window: QApplication, settings, logging, the database, the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .core import store
from .core.errors import OptOutError

log = logging.getLogger("optout")


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="optout-desktop", description="OptOut Desktop")
    parser.add_argument(
        "--db", type=Path, help="database file (default: OPTOUT_DB, else your data folder)"
    )
    parser.add_argument("--version", action="version", version=f"OptOut Desktop {__version__}")
    parser.add_argument("file", nargs="?", type=Path, help="a file of opted-out addresses to open")
    known, _qt_arguments = parser.parse_known_args(list(argv))
    return known


def config_dir() -> Path:
    """Where the window keeps its settings (recent files, last folder)."""
    from platformdirs import user_config_dir

    return Path(
        os.environ.get("OPTOUT_CONFIG_DIR") or user_config_dir(store.APP_NAME, appauthor=False)
    )


def _setup_logging() -> None:
    from platformdirs import user_log_dir

    folder = Path(user_log_dir(store.APP_NAME, appauthor=False))
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


def main(argv: Sequence[str] | None = None) -> int:
    """Start OptOut Desktop and return when its window closes.

    argv may hold `--db PATH` (else OPTOUT_DB, else the default) and a FILE to open. An
    existing QApplication is reused (tests, embedding).
    """
    args = _parse(sys.argv[1:] if argv is None else argv)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(store.APP_NAME)
    app.setApplicationVersion(__version__)
    _setup_logging()
    try:
        db_path = args.db or store.default_path()
        store.open_database(db_path)
    except OptOutError as error:
        QMessageBox.critical(None, "OptOut Desktop", str(error))
        return 1
    settings = QSettings(str(config_dir() / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Path(db_path), settings)
    window.show()
    if args.file:
        window.open_file(args.file)
    code = int(app.exec())  # type: ignore[union-attr]
    settings.sync()
    return code


if __name__ == "__main__":
    sys.exit(main())
