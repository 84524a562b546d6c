"""An import written while its confirmation dialog is open, waiting uncommitted for the number."""

from __future__ import annotations

import time
from typing import Any

from optout_desktop.core.db import waiting_writers
from optout_desktop.core.progress import Progress, ProgressCallback

HOLD_S = 60.0  # the longest a written import holds the write lock waiting for its confirmation
LOOK_EVERY_S = 0.25  # how often it looks for a writer waiting for the lock meanwhile


class NotConfirmed(Exception):
    """The import was not confirmed while it waited: it rolls back and leaves no trace."""


class ConfirmationWait:
    """Given to imports.run_optouts as `confirm` in the helper process: called in the import's
    open transaction, it waits for the window's next request on `connection`.

    A ("run", typed number) request confirms: the number is returned and checked there. Any
    other request (the dialog closed, or other work), the time limit, or another writer
    waiting for the lock raises NotConfirmed; `next_request` then keeps the request that came,
    to be answered after the rollback.
    """

    def __init__(
        self, connection: Any, progress: ProgressCallback | None, hold_s: float = HOLD_S
    ) -> None:
        self.connection = connection
        self.hold_s = hold_s
        self.next_request: tuple[Any, ...] | None = None
        self.confirmed = False
        self._progress = progress

    def progress(self, step: Progress) -> None:
        """The import's progress, passed on only once it is confirmed (the window hears
        nothing of an import before its dialog is answered)."""
        if self.confirmed and self._progress is not None:
            self._progress(step)

    def __call__(self) -> int:
        deadline = time.monotonic() + self.hold_s
        while (left := deadline - time.monotonic()) > 0:
            if self.connection.poll(min(left, LOOK_EVERY_S)):
                try:
                    request = self.connection.recv()
                except (EOFError, OSError):  # the window is gone
                    request = ("stop",)
                if request[0] == "run":
                    self.confirmed = True
                    return int(request[1])
                self.next_request = request
                raise NotConfirmed()
            if waiting_writers.someone_waits():
                raise NotConfirmed()
        raise NotConfirmed()
