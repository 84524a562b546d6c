"""Progress and cancel: how far a long job has come, and how the user stops it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from optout_desktop.core.errors import Cancelled


class CancelFlag(Protocol):
    """Anything with is_set(), such as threading.Event."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a long job has come: a phase ("reading", "writing"), done of total."""

    phase: str
    done: int
    total: int

    @property
    def fraction(self) -> float:
        return min(self.done / self.total, 1.0) if self.total else 0.0


ProgressCallback = Callable[[Progress], None]


def raise_if_cancelled(cancel: CancelFlag | None) -> None:
    """Stop the job, writing nothing, when the user asked to cancel."""
    if cancel is not None and cancel.is_set():
        raise Cancelled()
