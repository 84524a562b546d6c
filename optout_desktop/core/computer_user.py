"""Who is making a change: the computer's user name, and the computer's name."""

from __future__ import annotations

import getpass
import socket

from optout_desktop.core.texts import t


def user_name() -> str:
    """Who made a change, and on which computer ("anna on LAPTOP-7"): on a team's shared
    server, the history then tells colleagues apart even when they share a login name."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = t("unknown")
    computer = socket.gethostname().split(".")[0]
    return t("{user} on {computer}", user=user, computer=computer) if computer else user
