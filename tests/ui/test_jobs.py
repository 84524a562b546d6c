"""The job runner: jobs wait their turn, each answer reaches its own callback in the GUI thread,
and the worker threads stop when the application quits, closed window or not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from optout_desktop.core.errors import Cancelled, OptOutError
from optout_desktop.ui.jobs import Job, JobRunner
from tests.ui.helpers import WAIT, big_file


def until_cancelled(_progress: Any, cancel: threading.Event) -> None:
    """A job that runs until it is cancelled, as a long import does."""
    while not cancel.wait(0.01):
        pass
    raise Cancelled()


@pytest.fixture
def runner(qtbot: QtBot):
    jobs = JobRunner("optout-test")
    yield jobs
    jobs.shutdown()


def test_jobs_given_while_one_runs_wait_their_turn_and_each_answer_goes_to_its_own_callback(
    qtbot: QtBot, runner: JobRunner
) -> None:
    heard: list[tuple[str, object, bool]] = []
    gui = QApplication.instance().thread()

    def note(name: str) -> Any:
        return lambda value=None: heard.append((name, value, QThread.currentThread() is gui))

    def refuse(_progress: Any, _cancel: Any) -> None:
        raise OptOutError("the list refused it")

    first = Job("First…", until_cancelled, on_cancelled=note("first cancelled"))
    runner.start(first)
    runner.start(Job("Second…", lambda _p, _c: 2, on_done=note("second done")))
    runner.start(Job("Third…", refuse, on_failed=note("third failed")))
    waiting = Job("Fourth…", lambda _p, _c: 4, on_cancelled=note("fourth cancelled"))
    runner.start(waiting)
    assert runner.running is first
    assert [job.label for job in runner.waiting] == ["Second…", "Third…", "Fourth…"]

    runner.cancel(waiting)  # a waiting job leaves the queue and says so at once
    assert heard == [("fourth cancelled", None, True)]
    runner.cancel()  # the running one
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)
    assert heard[1:] == [
        ("first cancelled", None, True),
        ("second done", 2, True),
        ("third failed", "the list refused it", True),
    ]


def test_a_job_started_from_a_callback_waits_behind_those_given_before(
    qtbot: QtBot, runner: JobRunner
) -> None:
    order: list[str] = []
    follow_up = Job("Follow-up…", lambda _p, _c: order.append("follow-up"))
    first = Job("First…", lambda _p, _c: order.append("first"))
    first.on_done = lambda _result: runner.start(follow_up)
    runner.start(first)
    runner.start(Job("Second…", lambda _p, _c: order.append("second")))
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)
    assert order == ["first", "second", "follow-up"]


def _run(driver: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OPTOUT_CONFIG_DIR": str(tmp_path / "config"),
        "HOME": str(tmp_path / "home"),
    }
    return subprocess.run(
        [sys.executable, "-c", driver, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


RUNNER_DRIVER = r"""
import sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from optout_desktop.core.errors import Cancelled
from optout_desktop.ui.jobs import Job, JobRunner

def until_cancelled(_progress, cancel):
    while not cancel.wait(0.01):
        pass
    raise Cancelled()

def main():
    app = QApplication([sys.argv[0]])
    holder = QWidget()
    holder.jobs = JobRunner(parent=holder)
    holder.jobs.start(Job("Waiting for a cancel…", until_cancelled))
    QTimer.singleShot(100, app.quit)  # the loop ends; nobody closes anything
    return app.exec()

sys.exit(main())  # the runner is let go with the holder
"""


def test_a_runner_let_go_after_the_application_quit_stops_cleanly(tmp_path: Path) -> None:
    """Before, the thread outlived the event loop: freeing the runner afterwards aborted the
    process with "QThread: Destroyed while thread is still running"."""
    done = _run(RUNNER_DRIVER, tmp_path)
    assert "QThread" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr


WINDOW_DRIVER = r"""
import gc, json, sys
from pathlib import Path
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from optout_desktop import app

seen = {}

def worker_threads():
    # (by name: a thread a worker starts for a moment, as the one that starts the helper
    # below the window's priority, has its name on Linux until it ends)
    names = [(task / "comm").read_text().strip() for task in Path("/proc/self/task").iterdir()]
    return sorted({name for name in names if name.startswith("optout-")})

opened = app.open_window

def open_window(*args):
    window = opened(*args)

    def quit_while_busy():
        if not window.jobs.busy:
            QTimer.singleShot(5, quit_while_busy)
            return
        seen["threads while busy"] = len(worker_threads())
        if sys.argv[1] == "exit":
            QApplication.exit(0)  # the loop stops, the window stays open (a session's end)
        else:
            QApplication.quit()  # Qt 6 first closes the window, then stops the loop

    QTimer.singleShot(0, quit_while_busy)
    return window

app.open_window = open_window
code = app.main(sys.argv[2:])
seen["threads after quit"] = worker_threads()
window = app._windows.pop()
seen["window open"] = window.isVisible()
shiboken6.delete(window)  # and now it goes, without ever having been closed
del window
gc.collect()
print(json.dumps({"code": code, **seen}))
sys.exit(code)
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
@pytest.mark.parametrize(("how", "window_open"), [("exit", True), ("quit", False)])
def test_ending_the_event_loop_stops_the_workers(tmp_path: Path, how: str, window_open: bool):
    """The event loop can end with the window still open (exit(), or the desktop session
    ending): its worker threads stop all the same, cancelling the running job, and the
    process exits cleanly. Before, they ran on after the loop until the process ended."""
    data = big_file(tmp_path, 300_000)
    db = str(tmp_path / "list.sqlite3")
    done = _run(WINDOW_DRIVER, tmp_path, how, "--db", db, str(data))
    assert "QThread" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {
        "code": 0,
        "threads while busy": 2,  # the writer and the reader
        "threads after quit": [],
        "window open": window_open,
    }
    settings = (tmp_path / "config" / "settings.ini").read_text("utf-8")
    assert "geometry" in settings  # the window's size was remembered on quitting too
