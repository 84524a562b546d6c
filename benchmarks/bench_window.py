"""Time the window on a 1,048,576-row file: first screen, counting, import, and the worst stall.

A 10 ms timer in the GUI thread records the longest gap between its ticks (the event loop's
worst stall) while the worker reads, counts and imports. Offscreen unless DISPLAY is set.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

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
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from bench_import import generate
    from optout_desktop.core.db import opening
    from optout_desktop.ui.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="optout-window-bench-"))
    data = args.file or work / "optouts.csv"
    if not args.file:
        generate(data, args.rows)
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

    probe.enter("open")
    started = time.perf_counter()
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
    app.processEvents()
    page._dialog.count_edit.setText(str(valid))
    page._dialog.action_button.click()
    imported = wait_for(lambda: not window.jobs.busy, "the import")
    print(f"import of {valid:,} addresses from the window: {imported:.2f} s")
    probe.enter("done")
    for phase in ("open", "count", "scroll", "import"):
        print(f"worst event-loop stall while {phase}: {probe.worst.get(phase, 0) * 1000:.0f} ms")
    print(f"total {time.perf_counter() - started:.1f} s; result: {page.result_label.text()}")
    window.close()


if __name__ == "__main__":
    main()
