"""`optout_desktop.app.main` starts the real window on the given database and returns on quit.

It runs in a child process: after a finished `QApplication.exec()`, later event loops in the
same process keep Python's GIL (a PySide quirk), which would starve other tests' workers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DRIVER = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from optout_desktop import app
from optout_desktop.ui.main_window import MainWindow

seen = {}

def look_and_quit():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows or windows[-1].jobs.busy or windows[-1].import_page.plan is None:
        QTimer.singleShot(50, look_and_quit)
        return
    window = windows[-1]
    seen.update(title=window.windowTitle(), valid=window.import_page.plan.counts.valid,
                column=window.import_page.column_combo.currentText(), visible=window.isVisible())
    window.close()
    QApplication.quit()

QApplication([sys.argv[0]])  # main() must reuse this one
QTimer.singleShot(100, look_and_quit)
code = app.main(sys.argv[1:])
print(json.dumps({"code": code, **seen}))
"""


def test_main_opens_the_window_on_the_given_database_and_file(tmp_path: Path) -> None:
    data = tmp_path / "list.csv"
    data.write_text("email\njens@firma.dk\nmette@firma.dk\n", "utf-8")
    db_path = tmp_path / "given.sqlite3"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OPTOUT_CONFIG_DIR": str(tmp_path / "config"),
        "HOME": str(tmp_path / "home"),
    }
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, "--db", str(db_path), str(data)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {
        "code": 0,
        "title": "OptOut Desktop",
        "valid": 2,
        "column": "email",
        "visible": True,
    }
    assert db_path.exists()
    assert (tmp_path / "config" / "settings.ini").exists()  # recent files were remembered
