"""Read and clean a big file's cells in a second process, so both cores work on an import.

Python runs one thread at a time, and reading, cleaning and de-duplicating a million rows is
all Python: in one process the second core only helps SQLite. So for a big CSV file a helper
process reads and cleans (addresses.triage) the chunks while this one de-duplicates them and
SQLite writes. If the helper cannot start, the same work is done here instead.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from .addresses import triage
from .errors import SourceError
from .sources import ColumnChunk, TableSource
from .texts import t

log = logging.getLogger(__name__)
PARALLEL_BYTES = 16 << 20  # smaller files are done before a helper process would start
Verdicts = list[tuple[str | None, str | None]]


def triage_all(values: list[str]) -> Verdicts:
    """Clean and validate a chunk of cells (runs in the helper process)."""
    return list(map(triage, values))


def chunks_with_verdicts(
    source: TableSource, index: int, extra: tuple[int, ...] = (), alone: bool = False
) -> Iterator[tuple[ColumnChunk, Verdicts]]:
    """The column's chunks with their verdicts: read and cleaned by a helper process for a big
    CSV file (this process then only de-duplicates and writes), else here."""
    if alone or source.kind != "csv" or source.size < PARALLEL_BYTES or not _enabled():
        for chunk in source.stream_column(index, extra):
            yield chunk, triage_all(chunk.values)
        return
    context = multiprocessing.get_context("spawn")  # safe beside threads and Qt
    try:
        results: Any = context.Queue(maxsize=3)
        helper = context.Process(
            target=_produce,
            args=(source, index, extra, results),
            daemon=True,
            name="optout-reader",
        )
        with _bare_main():
            helper.start()
    except (OSError, ValueError, ImportError):
        log.info("no helper process; reading here", exc_info=True)
        yield from chunks_with_verdicts(source, index, extra, alone=True)
        return
    try:
        while (item := _next(results, helper)) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        if helper.is_alive():
            helper.terminate()
        helper.join(5)
        results.close()


def _next(results: Any, helper: Any) -> Any:
    """The helper's next result; a helper that died without a word is an error."""
    while True:
        try:
            return results.get(timeout=1)
        except queue.Empty:
            if not helper.is_alive():
                raise SourceError(t("Reading the file stopped unexpectedly; try again.")) from None


def _produce(source: TableSource, index: int, extra: tuple[int, ...], results: Any) -> None:
    """In the helper process: read and clean every chunk, then None (or the error)."""
    try:
        for chunk in source.stream_column(index, extra):
            results.put((chunk, triage_all(chunk.values)))
        results.put(None)
    except BaseException as error:  # noqa: BLE001 - handed to the reading process
        results.put(error)


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
