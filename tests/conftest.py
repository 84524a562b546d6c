"""Shared fixtures: offscreen Qt, a fresh SQLite file per test, and the real `optout` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Log files of the window and the command line go to a folder of this test run.
os.environ.setdefault("OPTOUT_LOG_DIR", tempfile.mkdtemp(prefix="optout-test-logs-"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "optout.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Any]:
    """The core's database, opened on a real SQLite file in a temporary folder."""
    from optout_desktop.core import store

    database = store.open_database(db_path)
    yield database
    database.close()


def _optout_command() -> list[str]:
    script = Path(sys.executable).with_name("optout")
    return [str(script)] if script.exists() else [sys.executable, "-m", "optout_desktop.cli"]


class CliResult:
    def __init__(self, completed: subprocess.CompletedProcess[str]) -> None:
        self.returncode = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def optout(db_path: Path, tmp_path: Path) -> Callable[..., CliResult]:
    """Run the real `optout` command on this test's database: optout("billable", "--json")."""

    def run(*args: str | Path, check: bool | None = None) -> CliResult:
        command = [*_optout_command(), "--db", str(db_path), *map(str, args)]
        env = {**os.environ, "HOME": str(tmp_path / "home")}
        completed = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path
        )
        result = CliResult(completed)
        if check:
            assert result.returncode == 0, result.stderr
        return result

    return run
