"""Clean and validate a big file's cells in a second process, so both cores work on an import.

Python runs one thread at a time, and reading, cleaning and de-duplicating a million rows is
all Python: in one process the second core only helps SQLite. So for big files the cleaning
(addresses.triage) runs in a helper process, one chunk ahead of the reader. If the helper
cannot start or fails, the same work is done here instead: the result never depends on it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from types import ModuleType, TracebackType

from .addresses import triage

log = logging.getLogger(__name__)
PARALLEL_BYTES = 16 << 20  # smaller files are done before a helper process would start
Verdicts = list[tuple[str | None, str | None]]


def triage_all(values: list[str]) -> Verdicts:
    """Clean and validate a chunk of cells (runs in the helper process)."""
    return list(map(triage, values))


class Triager:
    """Hands chunks to a helper process when it is worth it; always gives the same verdicts."""

    def __init__(self, size: int) -> None:
        self._pool: ProcessPoolExecutor | None = None
        if size >= PARALLEL_BYTES and (os.cpu_count() or 1) > 1 and _enabled():
            try:
                context = multiprocessing.get_context("spawn")  # safe beside threads and Qt
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
            except (OSError, ValueError, ImportError):
                log.info("no helper process; cleaning in this one", exc_info=True)

    def submit(self, values: list[str]) -> Callable[[], Verdicts]:
        """Start on a chunk; the returned function gives its verdicts when they are needed."""
        if self._pool is None:
            return lambda: triage_all(values)
        try:
            with _bare_main():  # the first submit starts the helper process
                future: Future[Verdicts] = self._pool.submit(triage_all, values)
        except Exception:  # noqa: BLE001 - a broken pool: do the work here
            self._stop()
            return lambda: triage_all(values)

        def result() -> Verdicts:
            try:
                return future.result()
            except Exception:  # noqa: BLE001 - the helper died: do the work here
                log.info("the helper process failed; cleaning in this one", exc_info=True)
                self._stop()
                return triage_all(values)

        return result

    def _stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Triager:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=error is None, cancel_futures=True)
            self._pool = None


@contextmanager
def _bare_main() -> Iterator[None]:
    """Start helpers without re-running the caller's script: a spawned process imports the
    parent's __main__ (a script without a main guard would run again, import and all), so
    for that moment __main__ is an empty module. The helper needs only this module."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def _enabled() -> bool:
    return os.environ.get("OPTOUT_SECOND_CORE", "1") != "0"
