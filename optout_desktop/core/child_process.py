"""Start a helper process safely beside threads and Qt (spawn, without re-running __main__)."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any


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
