"""The window's house rules, kept by the machine rather than remembered."""

from __future__ import annotations

import ast
from pathlib import Path

import optout_desktop.ui

UI = Path(optout_desktop.ui.__file__).resolve().parent


def test_pages_get_a_context_not_the_main_window() -> None:
    """Only the frame's own menu builder knows the main window; pages and dialogs get a
    WindowContext (or plain arguments) and talk back through signals."""
    knows_the_window = set()
    for path in UI.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("main_window"):
                knows_the_window.add(path.name)
    assert knows_the_window == {"menus.py"}


def test_no_page_filters_job_results_by_name() -> None:
    """A job carries its own callbacks: nobody listens to all results and picks theirs."""
    listening = set()
    for path in UI.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if ".succeeded.connect" in text and path.name != "jobs.py":
            listening.add(path.name)
    assert not listening
