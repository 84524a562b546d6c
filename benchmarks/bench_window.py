"""Time the window on a 1,048,576-row file beside the command line, and its worst stall.

A 10 ms timer in the GUI thread records the longest gap between its ticks (the event loop's
worst stall) while the window opens, counts, scrolls, imports, exports and undoes. The same
run times `optout import-optouts --confirm N` on the same file into a fresh database, and
prints the window's counts-plus-import time as a ratio of it (target <= 1.1x), and the peak
memory of the window's process and of its helper processes. The import is timed from the
confirmation's click, --typing-s after its dialog opened (the window writes the import,
uncommitted, while the person types). Then it cleans the same file as
a mailing list on the window's cleaning page (check, then save the cleaned file) beside
`optout scrub` on the same list. Offscreen unless DISPLAY is set.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


class StallProbe:
    """Ticks every 10 ms and keeps the longest gap between ticks, per phase."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst: dict[str, float] = {}
        self.phase = "idle"
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        self.last = now
        self.worst[self.phase] = max(self.worst.get(self.phase, 0.0), gap)

    def enter(self, phase: str) -> None:
        self.tick()
        self.phase = phase


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_048_576)
    parser.add_argument("--file", type=Path, help="use this file instead of generating one")
    parser.add_argument("--column", default="E-mail", help="the email column of --file")
    parser.add_argument(
        "--typing-s",
        type=float,
        default=3.0,
        help="seconds from the confirmation dialog opening to its button clicked: the "
        "reading and typing of the number (not counted in the window's time)",
    )
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from bench_import import optout, timed_child
    from optout_desktop.core.db import opening
    from optout_desktop.ui.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="optout-window-bench-"))
    data = args.file or work / "optouts.csv"
    if not args.file:
        # In a child process: the generator's set of addresses is not the window's memory.
        script = "import sys; from pathlib import Path; from bench_import import generate; "
        script += "generate(Path(sys.argv[1]), int(sys.argv[2]))"
        subprocess.run(
            [sys.executable, "-c", script, str(data), str(args.rows)], check=True, cwd=HERE
        )
    app = QApplication([sys.argv[0]])
    opening.open_database(work / "bench.sqlite3")
    window = MainWindow(
        work / "bench.sqlite3", QSettings(str(work / "s.ini"), QSettings.Format.IniFormat)
    )
    window.resize(1100, 700)
    window.show()
    page = window.import_page
    probe = StallProbe()

    def wait_for(condition: object, what: str) -> float:
        started = time.perf_counter()
        while not condition():  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - started > 600:
                raise SystemExit(f"gave up waiting for {what}")
        return time.perf_counter() - started

    # The window draws and settles before a person can choose a file (its first drawing is
    # the "start" phase's, not the opening's).
    probe.enter("start")
    shown = time.perf_counter()
    wait_for(lambda: time.perf_counter() - shown >= 1.0, "the window to settle")
    probe.enter("open")
    window.open_file(data)
    first_screen = wait_for(
        lambda: page.model is not None and page.model.rowCount() > 0, "the first screen"
    )
    app.processEvents()
    print(f"first screen of {data.name}: {first_screen * 1000:.0f} ms after choosing the file")
    probe.enter("count")
    counted = wait_for(lambda: page.plan is not None, "the counts") + first_screen
    print(f"counts shown (valid, invalid, blank, repeated, new): {counted:.2f} s after choosing")
    assert page.plan is not None
    valid = page.plan.counts.valid

    probe.enter("scroll")
    for _ in range(20):
        page.table.verticalScrollBar().setValue(page.table.verticalScrollBar().maximum())
        app.processEvents()
    print(f"rows loaded after scrolling to the end 20 times: {page.model.rowCount():,}")

    probe.enter("import")
    page.confirm_import()
    reading = time.perf_counter()  # the person reads the dialog and types the number
    wait_for(lambda: time.perf_counter() - reading >= args.typing_s, "the typing")
    page._dialog.count_edit.setText(str(valid))
    page._dialog.action_button.click()
    imported = wait_for(lambda: not window.jobs.busy, "the import")
    print(
        f"import of {valid:,} addresses from the window: {imported:.2f} s after the "
        f"confirmation, typed {args.typing_s:.1f} s after the dialog opened"
    )

    probe.enter("export")
    window.questions.save_file = lambda *_a, **_k: (work / "export.csv", "")  # type: ignore[method-assign]
    window.questions.inform = lambda *_a, **_k: None  # type: ignore[method-assign]
    window.export_suppressions()
    exported = wait_for(lambda: not window.jobs.busy, "the export")
    print(f"export of the suppression list from the window: {exported:.2f} s")

    probe.enter("undo")
    undone = _undo_last_import(window, wait_for)
    print(f"undo of the import from the window: {undone:.2f} s")

    # The same file as a mailing list to clean (the list is empty again: every row is kept).
    probe.enter("clean: count")
    cleaner = window.cleaning_page
    window.tabs.setCurrentWidget(cleaner)
    cleaner.open_file(data)
    checked = wait_for(lambda: cleaner.cleaning is not None, "the cleaning's counts")
    print(f"mailing list checked (every row's fate): {checked:.2f} s after choosing")
    probe.enter("clean: save")
    cleaned = work / "cleaned.csv"
    window.questions.save_file = lambda *_a, **_k: (cleaned, "")  # type: ignore[method-assign]
    cleaner.save_cleaned()
    saved = wait_for(lambda: not window.jobs.busy and cleaned.exists(), "the cleaned file")
    print(f"cleaned file saved from the window: {saved:.2f} s")
    probe.enter("done")
    phases = (
        "start",
        "open",
        "count",
        "scroll",
        "import",
        "export",
        "undo",
        "clean: count",
        "clean: save",
    )
    for phase in phases:
        print(f"worst event-loop stall while {phase}: {probe.worst.get(phase, 0) * 1000:.0f} ms")
    print(f"result: {page.result_label.text()}")
    helper_mb = _peak_mb(page.helper()._process.pid)  # before it ends (Linux: VmHWM)
    page.stop_helper()
    window.close()
    gui_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

    cli_db = work / "cli.sqlite3"
    cli_s, cli_mb, _ = timed_child(
        optout(
            cli_db, "import-optouts", str(data), "--column", args.column, "--confirm", str(valid)
        )
    )
    window_s = counted - first_screen + imported
    print(f"command line one-pass import of the same file: {cli_s:.2f} s, peak {cli_mb} MB")
    print(
        f"window: counts shown plus import finished {window_s:.2f} s = "
        f"{window_s / cli_s:.2f}x the command line (target <= 1.1x)"
    )
    print(f"peak memory: window process {gui_mb} MB, its helper process {helper_mb} MB")

    scrub_s, scrub_mb, _ = timed_child(
        optout(work / "bench.sqlite3", "scrub", str(data), "--out", str(work / "scrubbed.csv"))
    )
    clean_s = checked + saved
    print(f"command line one-pass scrub of the same list: {scrub_s:.2f} s, peak {scrub_mb} MB")
    print(
        f"window: list checked plus cleaned file saved {clean_s:.2f} s = "
        f"{clean_s / scrub_s:.2f}x the command line (target <= 1.1x)"
    )


def _peak_mb(pid: int) -> int:
    """A running process's peak resident memory in MB, from /proc (0 where there is none)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    line = next((line for line in status.splitlines() if line.startswith("VmHWM:")), "")
    return int(line.split()[1]) // 1024 if line else 0


def _undo_last_import(window: Any, wait_for: Any) -> float:
    """Undo the import as a user does: History's Undo, type the count, confirm."""
    from optout_desktop.core.db.models import ImportRun

    run = ImportRun.select().order_by(ImportRun.id.desc()).get()
    page = window.history_page
    page._dialog = None
    started = time.perf_counter()
    page.undo(run.id)
    wait_for(lambda: page._dialog is not None, "the undo's counts")
    page._dialog.count_edit.setText(str(run.new))
    page._dialog.action_button.click()
    wait_for(lambda: not window.jobs.busy, "the undo")
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
