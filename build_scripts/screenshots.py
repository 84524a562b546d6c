"""Take the README's screenshots: the main window after opening the sample, and the confirmation.

Run: python build_scripts/screenshots.py [OUT_FOLDER]   (offscreen unless a DISPLAY is set)
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "optout_desktop" / "resources" / "sample-optouts.csv"


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from optout_desktop.core import contacts, sources, store
    from optout_desktop.ui.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="optout-shots-"))
    app = QApplication([sys.argv[0]])
    store.open_database(work / "demo.sqlite3")
    people = work / "kontakter.csv"
    people.write_text("email;fornavn\nhanne.holm@post.tele.dk;Hanne\nny@kunde.dk;Ny\n", "utf-8")
    contacts.import_contacts(sources.open_source(people), "email")
    sample = work / SAMPLE.name
    shutil.copy(SAMPLE, sample)

    settings = QSettings(str(work / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(work / "demo.sqlite3", settings)
    window.resize(1180, 640)
    window.show()
    window.open_file(sample)

    def when_counted() -> None:
        if window.jobs.busy or window.plan is None:
            QTimer.singleShot(50, when_counted)
            return
        window.grab().save(str(out / "main-window.png"))
        window.confirm_import()
        QTimer.singleShot(300, shoot_dialog)

    def shoot_dialog() -> None:
        dialog = window._dialog
        dialog.count_edit.setText(str(window.plan.counts.valid if window.plan else ""))
        dialog.grab().save(str(out / "confirm-dialog.png"))
        dialog.reject()
        window.close()
        app.quit()

    QTimer.singleShot(100, when_counted)
    app.exec()
    shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {out / 'main-window.png'} and {out / 'confirm-dialog.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
