"""Python's cycle collector never frees an object on a worker thread: Qt objects die in the
GUI thread only (a CI run crashed "Garbage-collecting" on the worker)."""

from __future__ import annotations

import gc
import threading
from typing import Any

from pytestqt.qtbot import QtBot

from optout_desktop.ui.jobs import Job, JobRunner
from tests.ui.helpers import WAIT


class Cycle:
    """An object in a reference cycle that notes the thread it is freed on."""

    def __init__(self, freed_on: list[str]) -> None:
        self.me = self
        self.freed_on = freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def test_a_cycle_made_on_the_worker_is_freed_in_the_gui_thread(qtbot: QtBot) -> None:
    runner = JobRunner("optout-test")
    freed_on: list[str] = []
    done: list[Any] = []

    def make_garbage(_progress: Any, _cancel: threading.Event) -> int:
        Cycle(freed_on)  # unreachable at once; only the cycle collector can free it
        churn = [[n] for n in range(200_000)]  # enough new containers to wake the collector
        return len(churn)

    try:
        assert not gc.isenabled()  # the runner turned automatic collection off
        runner.start(Job("Churning…", make_garbage, on_done=done.append))
        qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
        more = [[n] for n in range(gc.get_threshold()[0] * 2)]  # due again, if not yet
        qtbot.waitUntil(lambda: bool(freed_on), timeout=WAIT)  # the GUI thread's timer
        assert len(more) > 0
        assert freed_on == [threading.main_thread().name]
    finally:
        runner.shutdown()
