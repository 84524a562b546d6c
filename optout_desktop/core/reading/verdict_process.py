"""Clean, check and de-duplicate a column's cells chunk by chunk, on a second core if it helps."""

from __future__ import annotations

import logging
import queue
from collections import deque
from typing import Any

from optout_desktop.core.child_process import bare_main, spawn_context
from optout_desktop.core.reading import reader_process
from optout_desktop.core.reading.reader_process import Found, clean_all, dedupe
from optout_desktop.core.reading.sources import ColumnChunk

# The reading process cuts the file into rows, picks the column's cells (mostly in C) and
# looks the addresses up; cleaning, checking and de-duplicating them is the Python work that
# would hold it up. For a big file a helper process does that work, chunk after chunk in the
# order given, with the reader process's own functions (clean_all, dedupe) and its way of
# passing texts between processes (a line each, in one string). As there, the first chunks
# are done here while the helper starts; then it is handed the entries found so far.

log = logging.getLogger(__name__)
AHEAD = 4  # chunks handed to the helper before the first answer is waited for
_READY = "ready"


class Verdicts:
    """Each chunk's Found (what it adds to the entries so far), in the order the chunks were
    given: worked out here, or with `helper` by a helper process (here if it cannot start)."""

    def __init__(self, helper: bool, whole_domains: bool = False, here_first: int = 1) -> None:
        self.whole_domains = whole_domains
        self.seen: set[str] = set()
        self.done: deque[Found] = deque()
        self.given = 0
        self.here = 0  # chunks done here
        self.here_first = here_first  # chunks to do here at least, before the helper takes over
        self.handed_over = False
        self.ready_seen = False
        self.process: Any = None
        if helper and reader_process._enabled():
            self._start()

    def _start(self) -> None:
        context = spawn_context()
        try:
            self.inbox: Any = context.Queue()
            self.outbox: Any = context.Queue()
            self.process = context.Process(
                target=_serve,
                args=(self.inbox, self.outbox, self.whole_domains),
                daemon=True,
                name="optout-verdicts",
            )
            with bare_main():
                self.process.start()
        except (OSError, ValueError, ImportError):
            log.info("no helper process; cleaning here", exc_info=True)
            self.process = None

    def give(self, chunk: ColumnChunk) -> None:
        """Hand over the next chunk (worked out at once when it is done here)."""
        if self.process is not None and not self.handed_over and self._may_hand_over():
            self.inbox.put((0, reader_process._lines(list(self.seen)), -1.0))
            self.seen = set()
            self.handed_over = True
        if not self.handed_over:
            found = dedupe(chunk, clean_all(chunk.values), self.seen, self.whole_domains)
            self.done.append(found)
            self.here += 1
        else:
            lines = reader_process._lines(chunk.values)
            self.inbox.put((chunk.first_row, lines, chunk.fraction_done))
            self.given += 1

    def _may_hand_over(self) -> bool:
        """True once enough was done here and the helper says it is ready."""
        if self.here < self.here_first:
            return False
        if not self.ready_seen:
            try:
                said = self.outbox.get_nowait()
            except queue.Empty:
                return False
            if isinstance(said, BaseException):
                raise said
            self.ready_seen = said == _READY
        return self.ready_seen

    def waiting(self) -> int:
        """Chunks given whose Found has not been taken yet."""
        return len(self.done) + self.given

    def ready(self) -> bool:
        """True when take() would not wait."""
        if self.done:
            return True
        if not self.given:
            return False
        self._receive(block=False)
        return bool(self.done)

    def take(self) -> Found:
        """The Found of the earliest chunk not yet taken (waiting for the helper if needed)."""
        if not self.done:
            self._receive(block=True)
        return self.done.popleft()

    def _receive(self, block: bool) -> None:
        if block:
            item = reader_process._next(self.outbox, self.process)
        else:
            try:
                item = self.outbox.get_nowait()
            except queue.Empty:
                return
        if isinstance(item, BaseException):
            raise item
        self.given -= 1
        self.done.append(reader_process._unpack(item)[1])

    def close(self) -> None:
        process = self.process
        if process is None:
            return
        self.process = None
        try:
            self.inbox.put(None)
            process.join(2)
        finally:
            if process.is_alive():
                process.terminate()
                process.join(5)
            self.inbox.close()
            self.outbox.close()


def _serve(inbox: Any, outbox: Any, whole_domains: bool) -> None:
    """In the helper process: say it is ready; take the entries found so far (a chunk with a
    negative fraction); then each chunk's Found, packed as the reader process packs them, in
    order, until None. An error is sent instead, and ends it."""
    seen: set[str] = set()
    try:
        outbox.put(_READY)
        for first_row, lines, fraction in iter(inbox.get, None):
            if fraction < 0:
                seen = set(reader_process._unlines(lines))
                continue
            values = reader_process._unlines(lines)
            chunk = ColumnChunk(first_row, values, fraction)
            found = dedupe(chunk, clean_all(values), seen, whole_domains)
            outbox.put(reader_process._pack(chunk, found))
    except BaseException as error:  # noqa: BLE001 - handed to the reading process
        outbox.put(error)
