"""Start a helper process safely beside threads and Qt (spawn, without re-running __main__)."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)
NICER_BY = 5  # a helper's priority below the window's (POSIX niceness)


def spawn_context() -> Any:
    """The start method for every helper process: spawn (fork is unsafe beside threads)."""
    return multiprocessing.get_context("spawn")


@contextmanager
def bare_main() -> Iterator[None]:
    """Start helpers without re-running the caller's script: a spawned process imports the
    parent's __main__ (a script without a main guard would run again, import and all), so
    for that moment __main__ is an empty module. A helper needs only its own module."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def niceness() -> int:
    """The calling thread's niceness (0 where there is none: Windows)."""
    return os.nice(0) if os.name == "posix" else 0


def start_nicer(process: Any) -> None:
    """Start a helper process (without re-running __main__) below the caller's priority from
    its first instruction: on Linux from a short-lived thread made NICER_BY nicer first (a
    child inherits its starting thread's niceness), so a new Python's start-up does not take
    a core from the window; elsewhere as it is, until it runs nicer_than."""
    if not sys.platform.startswith("linux"):
        with bare_main():
            process.start()
        return
    failed: list[BaseException] = []

    def start() -> None:
        try:
            me = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, me, os.getpriority(os.PRIO_PROCESS, me) + NICER_BY)
        except OSError:
            log.info("could not start the helper at a lower priority", exc_info=True)
        try:
            process.start()
        except BaseException as error:  # noqa: BLE001 - raised in the caller's thread
            failed.append(error)

    starter = threading.Thread(target=start, name="starting-helper")  # (joined at once)
    with bare_main():
        try:
            starter.start()
        except RuntimeError as error:  # no thread to be had: as a process that cannot start
            raise OSError(str(error)) from error
        starter.join()
    if failed:
        raise failed[0]


def nicer_than(parent: int) -> None:
    """In a helper: run (and let the processes it starts run) NICER_BY below the window that
    started it, whose niceness was `parent`: with two cores and three busy processes, the
    window still gets a core the moment it has something to draw, and the work loses
    nothing while it has not."""
    try:
        if os.name == "posix":
            os.nice(max(0, parent + NICER_BY - os.nice(0)))
        elif sys.platform == "win32":
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), 0x4000)  # BELOW_NORMAL
    except (OSError, AttributeError):
        log.info("could not lower the helper's priority", exc_info=True)
