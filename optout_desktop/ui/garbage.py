"""Python's cycle collector runs only in the GUI thread, so no Qt object dies on a worker."""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_EVERY_MS = 100
FULL_AT_MOST_EVERY_S = 10.0  # Python spaces out full collections too (when few objects are new)


class GuiThreadCollector(QObject):
    """Turns off automatic collection and collects from a timer in the GUI thread instead.

    Automatic collection runs in whichever thread happens to allocate: on a worker thread
    it can free a cycle holding a dialog or widget, and Qt deletes that object off its
    thread and the process crashes (a CI run ended in a segfault "Garbage-collecting" under
    peewee's SQL builder). Collected here instead, with the thresholds Python would use.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._last_full = time.monotonic()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(CHECK_EVERY_MS)

    def collect_due(self) -> None:
        """Collect the oldest generation whose count is over Python's own threshold."""
        counts, now = gc.get_count(), time.monotonic()
        for generation in (2, 1, 0):
            if counts[generation] <= self._thresholds[generation]:
                continue
            if generation == 2 and now - self._last_full < FULL_AT_MOST_EVERY_S:
                continue
            gc.collect(generation)
            if generation == 2:
                self._last_full = now
            return


def collect_in_gui_thread() -> None:
    """Install the collector once per application (the window's job runners call this)."""
    app = QCoreApplication.instance()
    if app is None or app.findChild(GuiThreadCollector) is not None:
        return
    GuiThreadCollector(app)
