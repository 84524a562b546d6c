"""Take the README's screenshots in English and Danish: first start, a file open, the
confirmation, and the overview after an import.

Run: python build_scripts/screenshots.py [OUT_FOLDER]   (offscreen unless a DISPLAY is set)
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "optout_desktop" / "resources" / "sample-optouts.csv"
SIZE = (1180, 640)


def wait_for(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("the window did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


def shoot(language_code: str, out: Path, work: Path) -> list[Path]:
    """The four pictures in one language, on a fresh database with a few contacts."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from optout_desktop.core.contacts import contact_import
    from optout_desktop.core.db import models, opening
    from optout_desktop.core.reading import sources
    from optout_desktop.ui import language
    from optout_desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    language.install(app, language_code)
    folder = work / language_code
    folder.mkdir()
    opening.open_database(folder / "demo.sqlite3")
    people = folder / "kontakter.csv"
    people.write_text("email;fornavn\nhanne.holm@post.tele.dk;Hanne\nny@kunde.dk;Ny\n", "utf-8")
    contact_import.import_contacts(sources.open_source(people), "email")
    sample = folder / SAMPLE.name
    shutil.copy(SAMPLE, sample)

    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(folder / "demo.sqlite3", settings)
    window.resize(*SIZE)
    window.show()
    wait_for(lambda: not window.reads.busy)
    page = window.import_page
    suffix = "" if language_code == "en" else f"-{language_code}"
    written = []

    def save(widget: object, name: str) -> None:
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        written.append(path)

    save(window, "first-start")
    window.open_file(sample)
    wait_for(lambda: page.plan is not None and not window.jobs.busy)
    save(window, "main-window")
    page.confirm_import()
    dialog = page._dialog
    wait_for(lambda: dialog is not None and dialog.isVisible())
    dialog.count_edit.setText(str(page.plan.counts.valid if page.plan else ""))
    QApplication.processEvents()
    save(dialog, "confirm-dialog")
    dialog.accept()
    wait_for(lambda: not window.jobs.busy and bool(page.result_label.text()))
    window.refresh_totals()
    wait_for(lambda: not window.reads.busy)
    window.tabs.setCurrentIndex(3)
    QApplication.processEvents()
    save(window, "overview")
    window.close()
    models.database.close()
    return written


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    work = Path(tempfile.mkdtemp(prefix="optout-shots-"))
    app = QApplication([sys.argv[0]])
    try:
        written = [path for code in ("en", "da") for path in shoot(code, out, work)]
    finally:
        app.quit()
        shutil.rmtree(work, ignore_errors=True)
    print("wrote", ", ".join(str(path) for path in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
