"""How long a write waits for another program's write to finish."""

from __future__ import annotations

import os

LOCK_TIMEOUT_MS = 10_000  # how long a write waits for another program's; OPTOUT_LOCK_TIMEOUT_MS


def lock_timeout_ms() -> int:
    """How long a write waits for another program's to finish (OPTOUT_LOCK_TIMEOUT_MS)."""
    try:
        return max(0, int(os.environ.get("OPTOUT_LOCK_TIMEOUT_MS", LOCK_TIMEOUT_MS)))
    except ValueError:
        return LOCK_TIMEOUT_MS
