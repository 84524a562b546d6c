"""Where the app keeps its files: its name for the data and log folders, and the log folder."""

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
