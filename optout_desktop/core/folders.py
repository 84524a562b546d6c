"""Where the app keeps its files: its name for the data folders, the log and cache folders."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "OptOut Desktop"


def log_folder() -> Path:
    """The folder of optout-desktop.log and optout.log; support asks for these files."""
    if os.environ.get("OPTOUT_LOG_DIR"):
        return Path(os.environ["OPTOUT_LOG_DIR"]).expanduser()
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def cache_folder() -> Path:
    """The folder of files the app makes for a while and can always make again (a cleaned
    list's prepared copy), on the user's own drive, not in memory (OPTOUT_CACHE_DIR)."""
    if os.environ.get("OPTOUT_CACHE_DIR"):
        return Path(os.environ["OPTOUT_CACHE_DIR"]).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))
